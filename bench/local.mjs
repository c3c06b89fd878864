// Local provider throughput: scans a generated git repository (default 20,000 files /
// 200 MB of mixed text with planted secrets) and compares it with `git grep -E` over a
// comparable pattern set in the same run. Prints wall time, MB/s, peak RSS and recall.
// Usage: node bench/local.mjs [files] [megabytes]    (bundles the provider with esbuild first)
// Internal: node bench/local.mjs --scan <dir> runs one scan in a fresh process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, load, outDir, root } from './_bundle.mjs';

const providerBundle = path.join(outDir, 'local-provider.mjs');

async function main() {
  const FILES = Number(process.argv[2] ?? 20_000);
  const MEGABYTES = Number(process.argv[3] ?? 200);
  await bundle('local-provider.mjs', "export * from './src/providers/local/index.ts';");

  const repo = mkdtempSync(path.join(tmpdir(), 'secpol-bench-local-'));
  try {
    const t0 = Date.now();
    const planted = generate(repo, FILES, MEGABYTES * 1024 * 1024);
    const git = (...args) =>
      execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 512 * 1024 * 1024,
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'bench');
    console.log(`generated ${FILES} files, ${MEGABYTES} MB, ${planted.length} planted secrets in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // Warm the page cache so that neither side pays for the first read.
    spawnSync('git', ['grep', '-c', '-I', '-F', 'zzz-warm-up-zzz'], { cwd: repo, stdio: 'ignore' });

    const grep = timed(['git', '-c', 'grep.threads=0', 'grep', '-n', '-I', '-E', GREP_PATTERNS], repo);
    const grepHits = new Set();
    for (const line of grep.stdout.split('\n')) {
      const m = /^(.*?):(\d+):/.exec(line);
      if (m) grepHits.add(`${m[1]}:${m[2]}`);
    }
    const grepRecall = planted.filter((p) => grepHits.has(`${p.path}:${p.line}`)).length / planted.length;

    // The cheap half of the same job: fixed-string markers only (what secpol's pre-filter looks for).
    const markers = timed(['git', '-c', 'grep.threads=0', 'grep', '-l', '-I', '-F', ...GREP_MARKERS.flatMap((m) => ['-e', m])], repo);
    const markerFiles = markers.stdout.split('\n').filter(Boolean).length;

    const scan = timed([process.execPath, fileURLToPath(import.meta.url), '--scan', repo], root);
    const result = JSON.parse(scan.stdout);
    const found = new Set(result.findings.map((f) => `${f.path}:${f.line}`));
    const missed = planted.filter((p) => !found.has(`${p.path}:${p.line}`));
    const recall = (planted.length - missed.length) / planted.length;

    const mb = result.bytesScanned / (1024 * 1024);
    const row = (name, ms, rssKb, extra) =>
      console.log(
        `${name.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s  peak RSS ${(rssKb / 1024).toFixed(0).padStart(5)} MB  ${extra}`,
      );
    console.log(`scanned ${result.filesScanned} files, ${mb.toFixed(1)} MB; ${result.prefilterHits} files passed the keyword pre-filter`);
    row('git grep -E', grep.ms, grep.maxRssKb, `recall ${(grepRecall * 100).toFixed(1)}% (regex only, no validation)`);
    row('git grep -F markers', markers.ms, markers.maxRssKb, `${markerFiles} files matched (no validation, no lines)`);
    row('secpol local', scan.ms, scan.maxRssKb, `recall ${(recall * 100).toFixed(1)}% (${planted.length - missed.length}/${planted.length})`);
    console.log(`secpol / git grep: ${(scan.ms / grep.ms).toFixed(2)}x (target <= 3x); in-process collect ${result.collectMs} ms`);
    for (const m of missed.slice(0, 10)) console.log(`  missed: ${m.kind} at ${m.path}:${m.line}`);
    if (missed.length > 0) process.exitCode = 1;
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/** Runs a command under /usr/bin/time when available, for the child's peak RSS. */
function timed(argv, cwd) {
  const haveTime = existsSync('/usr/bin/time');
  const cmd = haveTime ? '/usr/bin/time' : argv[0];
  const args = haveTime ? ['-f', '__RSS__%M', ...argv] : argv.slice(1);
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && !(argv.includes('grep') && run.status === 1)) {
    throw new Error(`${argv.slice(0, 3).join(' ')} exited ${run.status}: ${run.stderr.slice(-500)}`);
  }
  const rss = /__RSS__(\d+)/.exec(run.stderr ?? '');
  return { ms, stdout: run.stdout, maxRssKb: rss ? Number(rss[1]) : NaN };
}

async function scanChild(dir) {
  const { createLocalProvider } = await load(providerBundle);
  process.chdir(dir);
  const [adapter] = createLocalProvider({}).plan({ path: '.', repos: [], stateFiles: [], noCache: true, explicit: false, options: {}, config: {}, filters: {} }, {});
  const start = Date.now();
  const result = await adapter.collect({
    now: new Date(),
    env: {},
    progress: { update: () => undefined },
    redactor: { add: () => undefined, redact: (s) => s },
    debug: () => undefined,
  });
  const repo = result.resources.find((r) => r.kind === 'repository');
  process.stdout.write(
    JSON.stringify({
      findings: repo.secretFindings.map((f) => ({ path: f.path, line: f.line })),
      bytesScanned: result.stats.localBytesScanned,
      filesScanned: result.stats.localFilesScanned,
      prefilterHits: result.stats.localPrefilterHits,
      collectMs: Date.now() - start,
    }),
  );
}

// ---- the generated repository ------------------------------------------------------------

// ERE equivalents of the detectors' token shapes: what a `git grep` secret sweep would run.
const GREP_PATTERNS = [
  'gh[pousr]_[A-Za-z0-9_]{36}',
  'github_pat_[A-Za-z0-9_]{82}',
  'glpat-[A-Za-z0-9_-]{20}',
  'xox[bpaor]-[0-9A-Za-z-]{10,}',
  '(SECRET|secret|Secret)_?(ACCESS|access|Access)_?(KEY|key|Key)["\']?[[:space:]]*(:|=>|=)[[:space:]]*["\']?[A-Za-z0-9/+=]{40}',
  '-----BEGIN[ A-Z]*PRIVATE KEY-----',
  'npm_[A-Za-z0-9]{36}',
  '[rs]k_live_[0-9a-zA-Z]{24,}',
  'AIza[0-9A-Za-z_-]{35}',
  '(A3T[A-Z0-9]|AKIA|ASIA)[A-Z0-9]{16}',
  '(postgres|postgresql|mysql|mongodb)(\\+srv)?://[^:/ ]+:[^@/ ]+@',
  'https?://[-A-Za-z0-9_]+:[-A-Za-z0-9_]+@',
  'sk-ant-api0[0-9]-[A-Za-z0-9_-]{90,}',
  'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
  'shp(at|ca|pa|ss)_[a-zA-Z0-9]{32}',
  'hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+',
].join('|');

const GREP_MARKERS = ['PRIVATE KEY', 'npm_', '_authToken', 'xoxb-', 'xoxp-', 'xapp-', 'ghp_', 'gho_', 'ghs_', 'github_pat_', 'glpat-', 'secret_access', 'SECRET_ACCESS', 'AKIA', 'ASIA', 'sk_live_', 'AIza', 'SG.', 'T3BlbkFJ', 'sk-ant-', 'postgres://', 'mysql://', 'mongodb', 'hooks.slack.com'];

function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

function generate(dir, files, totalBytes) {
  const rand = rng(42);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const str = (n, alphabet = ALNUM) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const words = (
    'const let return function import export from class interface async await value result error message request response ' +
    'token secret password access key config options user name data items index length string number https url path ' +
    'the and for with this that when then else while throw catch new delete update create read write list map filter'
  ).split(' ');
  const secretKinds = [
    ['github-pat', () => `const token = "${['gh', 'p_'].join('')}${str(36)}";`],
    ['gitlab-pat', () => `GITLAB_TOKEN = '${['gl', 'pat-'].join('')}${str(20)}'`],
    ['aws-secret', () => `aws_secret_access_key = ${str(39, B64)}${str(1)}`],
    ['npm-token', () => `//registry.npmjs.org/:_authToken=${['np', 'm_'].join('')}${str(36)}`],
    ['slack-token', () => `SLACK_BOT_TOKEN=${['xo', 'xb-'].join('')}${Math.floor(rand() * 1e12)}-${Math.floor(rand() * 1e12)}-${str(24)}`],
    ['postgres-url', () => `DATABASE_URL=${['post', 'gres'].join('')}://app_owner:${str(20)}@db-${str(6).toLowerCase()}.internal.acme.io:5432/app`],
    ['stripe-key', () => `stripe.api_key = "${['sk', '_live_'].join('')}${str(32)}"`],
    [
      'private-key',
      () =>
        [
          `-----BEGIN RSA ${'PRIVATE'} KEY-----`,
          `MIIEow${str(58, B64)}`,
          ...Array.from({ length: 5 }, () => str(64, B64)),
          `-----END RSA ${'PRIVATE'} KEY-----`,
        ].join('\n'),
    ],
  ];
  const exts = ['ts', 'js', 'py', 'go', 'md', 'yaml', 'json', 'txt', 'java', 'rb'];
  const planted = [];
  const target = totalBytes / files;
  for (let i = 0; i < files; i++) {
    const rel = `pkg${i % 200}/dir${Math.floor(i / 200) % 10}/file${i}.${pick(exts)}`;
    const lines = [];
    let size = 0;
    const wanted = target * (0.5 + rand());
    const plant = i % 100 === 7; // one file in a hundred holds a secret
    const plantAt = plant ? Math.floor(rand() * 40) : -1;
    while (size < wanted) {
      let line;
      if (lines.length === plantAt) {
        const [kind, make] = pick(secretKinds);
        line = make();
        planted.push({ kind, path: rel, line: lines.length + 1 });
      } else if (rand() < 0.03) {
        line = `  // see https://docs.example.com/${pick(words)}/${str(8).toLowerCase()} for details`;
      } else {
        const n = 4 + Math.floor(rand() * 10);
        line = '  '.repeat(Math.floor(rand() * 4)) + Array.from({ length: n }, () => pick(words)).join(' ') + ';';
      }
      lines.push(line);
      size += line.length + 1;
    }
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, `${lines.join('\n')}\n`);
  }
  return planted;
}

if (process.argv[2] === '--scan') {
  await scanChild(process.argv[3]);
} else {
  await main();
}
