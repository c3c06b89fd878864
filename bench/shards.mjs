// An organization too big for one job, split across CI jobs: the GitHub scale scenario
// (bench/_github-org.mjs) with 10,000 repositories and 50 ms latency per request, scanned by 8
// `secpol check --shard i/8` processes at once (the built CLI, against the loopback imitation
// in this process), then `secpol merge` of their JSON reports into JSON + SARIF.
// Prints total requests (and per repository), each shard's wall time and peak RSS, the slowest
// shard, and the merge's wall time and peak RSS. Figures, not assertions.
// Usage: node bench/shards.mjs [repos=10000] [shards=8] [latencyMs=50]   (run `npm run build` first)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { outDir, root } from './_bundle.mjs';
import { loadGithubParts, scaleOrg, TOKEN } from './_github-org.mjs';

const repos = Number(process.argv[2] ?? 10_000);
const shards = Number(process.argv[3] ?? 8);
const latencyMs = Number(process.argv[4] ?? 50);

const parts = await loadGithubParts();
const fake = await new parts.FakeGithub(scaleOrg(parts, repos), { latencyMs }).start();
const work = path.join(outDir, 'shards');
mkdirSync(work, { recursive: true });
const cacheDir = mkdtempSync(path.join(tmpdir(), 'secpol-bench-shards-'));

// The CLI with its peak RSS and uptime printed on exit (as bench/check.mjs measures it).
const entry = pathToFileURL(path.join(root, 'dist/secpol.js')).href;
const wrapper = `process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write('maxRSS=' + u.maxRSS + ' uptimeMs=' + Math.round(process.uptime() * 1000) + '\\n');
});
process.argv.splice(1, 0, 'secpol');
await import(${JSON.stringify(entry)});`;

function run(args, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', wrapper, ...args], { cwd: work, env: { PATH: process.env.PATH, HOME: cacheDir, ...env } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.resume();
    child.on('close', (status) => {
      const wall = (performance.now() - started) / 1000;
      const rssMb = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
      resolve({ status, wall, rssMb, stderr });
    });
  });
}

const env = {
  GITHUB_API_URL: fake.apiUrl,
  GITHUB_TOKEN: TOKEN,
  SECPOL_NOW: '2026-12-03T08:00:00Z',
  SECPOL_CACHE_DIR: cacheDir,
};
try {
  console.log(`shards bench: ${repos} repositories, ${shards} shards at once, ${latencyMs} ms latency per request`);
  const before = fake.log.length;
  const started = performance.now();
  const runs = await Promise.all(
    Array.from({ length: shards }, (_, i) =>
      run(['check', '--github-org', 'acme', '--no-cache', '--shard', `${i + 1}/${shards}`, '--format', `json=shard-${i + 1}.json`, '--fail-on', 'none', '--quiet'], env),
    ),
  );
  const allWall = (performance.now() - started) / 1000;
  const requests = fake.log.length - before;
  for (const [i, r] of runs.entries()) {
    console.log(`shard ${i + 1}/${shards}: wall ${r.wall.toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB${r.status === 0 ? '' : `, exit ${r.status}: ${r.stderr.split('\n')[0]}`}`);
  }
  const slowest = runs.reduce((a, b) => (b.wall > a.wall ? b : a));
  console.log(`total requests: ${requests} (${(requests / repos).toFixed(2)}/repo); slowest shard ${slowest.wall.toFixed(1)} s; all shards ${allWall.toFixed(1)} s; max shard RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB`);
  const files = Array.from({ length: shards }, (_, i) => `shard-${i + 1}.json`);
  const merge = await run(['merge', ...files, '--format', 'json=merged.json', '--format', 'sarif=merged.sarif', '--quiet'], {});
  console.log(`merge (JSON + SARIF): wall ${merge.wall.toFixed(2)} s, peak RSS ${merge.rssMb.toFixed(0)} MB, exit ${merge.status}${merge.status === 2 ? `: ${merge.stderr.split('\n')[0]}` : ''}`);
} finally {
  await fake.close();
  rmSync(cacheDir, { recursive: true, force: true });
}
