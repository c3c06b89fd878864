// Large and hostile inputs against the built CLI (`npm run bench` builds first): wall time and
// peak memory of a policy file with 200,000 rules (5.7 MB, above the limit), a policy packed
// with rules just under the 1 MiB limit, a 7.5 MB and a 64 KiB .gitignore, and a JSON state of
// 150,000 resources (duplicate-key scan included). Figures only: tests assert the behaviour.
// Usage: node bench/limits.mjs
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './_bundle.mjs';

const work = mkdtempSync(join(tmpdir(), 'secpol-bench-limits-'));
const rss = join(work, 'rss.mjs');
// Preloaded into the CLI: reports its peak resident memory when it exits.
writeFileSync(rss, "process.on('exit', () => process.stderr.write(`\\nbench-maxrss-kb ${process.resourceUsage().maxRSS}\\n`));\n");

function run(label, args, cwd = work) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', rss, join(root, 'bin', 'secpol.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: work, NO_COLOR: '1', SECPOL_CACHE_DIR: join(work, 'cache') },
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const kb = Number(/bench-maxrss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  const first = child.stderr.split('\n').find((l) => l.startsWith('secpol:')) ?? '';
  console.log(`${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${(kb / 1024).toFixed(0).padStart(5)} MB  exit ${child.status}  ${first.slice(0, 90)}`);
}

function policy(name, count, rule) {
  const parts = ['rules:\n'];
  for (let i = 0; i < count; i++) parts.push(rule(i));
  const text = parts.join('');
  writeFileSync(join(work, name), text);
  return text.length;
}

try {
  // The case: 200,000 rules in 5.7 MB (before: 21 s, 1 GB, "Maximum call stack size exceeded").
  const big = policy('200k.yaml', 200_000, (i) => `- {id: a.r${i}, title: t}\n`);
  run(`policy validate, 200,000 rules (${(big / 1e6).toFixed(1)} MB)`, ['policy', 'validate', '200k.yaml']);

  // Just under the 1 MiB limit: as many valid rules as fit.
  const rule = (i) => `- {id: r${i}, title: t, severity: low, resource: repository, assert: {path: archived, equals: false}, message: m}\n`;
  let n = 0;
  for (let size = 7; size + rule(n).length <= 1024 * 1024; n++) size += rule(n).length;
  policy('full.yaml', n, rule);
  run(`policy validate, ${n} rules (just under 1 MiB)`, ['policy', 'validate', 'full.yaml']);
  run(`policy validate, 250,000 broken entries (1 MiB)`, ['policy', 'validate', (policy('broken.yaml', 262_000, () => '- 1\n'), 'broken.yaml')]);

  // .gitignore in a git work tree: 7.5 MB (before: 19 s, 610 MB) and 64 KiB (the limit).
  for (const [label, size] of [['7.5 MB', 7.5e6], ['64 KiB', 64 * 1024 - 1]]) {
    const repo = join(work, `repo-${size}`);
    mkdirSync(repo);
    let text = '.env\n';
    for (let i = 0; text.length < size - 40; i++) text += `build/out${i}/**/*.tmp\n`;
    writeFileSync(join(repo, '.gitignore'), text);
    writeFileSync(join(repo, 'README.md'), 'x\n');
    execFileSync('git', ['init', '-q'], { cwd: repo });
    execFileSync('git', ['add', '-A'], { cwd: repo });
    run(`check (local), .gitignore of ${label}`, ['check', '--provider', 'local', '--format', 'json=r.json', '--fail-on', 'none'], repo);
  }

  // JSON state: 150,000 resources, parsed with JSON.parse and scanned for duplicate keys.
  const resources = Array.from({ length: 150_000 }, (_, i) => ({ id: `declared:r${i}`, kind: 'log-store', provider: 'declared', name: `r${i}`, category: 'audit', retentionDays: 400 }));
  const state = JSON.stringify({ schema: 'secpol/snapshot@1', resources });
  writeFileSync(join(work, 'state.json'), state);
  run(`check --state, 150,000 resources (${(state.length / 1e6).toFixed(0)} MB JSON)`, ['check', '--state', 'state.json', '--provider', 'snapshot', '--format', 'json=r.json', '--fail-on', 'none']);
} finally {
  rmSync(work, { recursive: true, force: true });
}
