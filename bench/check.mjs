// End-to-end: a snapshot of 10,000 repositories + 10,000 secrets checked by the built CLI with
// the built-in pack (JSON report). Prints resources/s, results/s, wall time, CPU time (user +
// system, less noisy than wall on a shared machine), peak RSS and, for JSON, where the time went.
// Targets (issue #2): <= 2 s and <= 400 MB on the 2-core machine.
// Usage: node bench/check.mjs [repos] [secrets] [formats]   (run `npm run build` first; npm run bench does)
//   formats: comma-separated report formats to time one after the other, default `json`;
//   e.g. `node bench/check.mjs 10000 10000 json,text,junit`.
//
// Figures, 250,000 results; before (main at 586defb) and after measured alternately in the same
// minute on the 2-core machine; CPU = user + system, which the other agents' load disturbs less.
//   quiet machine (load ~1.5):
//     json   4.38 s CPU, 3.41 s wall, 965 MB   ->  2.20-2.32 s CPU, 1.77-1.86 s wall, 216 MB
//     text   2.16 s CPU, 1.67 s wall, 327 MB   ->  1.64-1.77 s CPU, 1.26-1.33 s wall, 201 MB
//     junit  9.71 s CPU, 7.92 s wall, 1497 MB  ->  2.59-2.64 s CPU, 2.10-2.14 s wall, 203 MB
//     sarif  2.79 s CPU, 2.10 s wall, 404 MB   ->  2.18-2.36 s CPU, 1.63-1.79 s wall, 203 MB
//     html   3.61 s CPU, 2.87 s wall, 623 MB   ->  3.05-3.32 s CPU, 2.54-2.71 s wall, 206 MB
//   loaded machine (load 5-9): json 4.2-4.5 s CPU, 4.3-5.1 s wall -> 2.2-2.4 s CPU, 2.5-3.0 s wall.
// What is left for JSON (CPU): start-up and the built-in pack's YAML ~0.5 s (an empty snapshot
// costs that much), snapshot parse + zod ~0.25-0.4 s, evaluation ~0.25 s, rendering ~0.5 s,
// secret scrub ~0.15 s, UTF-8 encoding and writing ~0.2 s, young-generation GC ~0.3 s.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'bench/.out');
mkdirSync(outDir, { recursive: true });
const REPOS = Number(process.argv[2] ?? 10_000);
const SECRETS = Number(process.argv[3] ?? 10_000);
const FORMATS = (process.argv[4] ?? 'json').split(',').filter(Boolean);
const EXT = { json: 'json', text: 'txt', junit: 'junit.xml', sarif: 'sarif', markdown: 'md', html: 'html' };

// Templates: the repositories and secrets of the bad and good fixture orgs, so that the mix
// of passes, fails and gaps is realistic.
const templates = { repository: [], secret: [] };
for (const name of ['bad-org.json', 'good-org.json']) {
  const state = JSON.parse(readFileSync(path.join(root, 'fixtures/states', name), 'utf8'));
  for (const r of state.resources) if (r.kind in templates) templates[r.kind].push(r);
}
const resources = [];
for (let i = 0; i < REPOS; i++) {
  const t = templates.repository[i % templates.repository.length];
  resources.push({ ...t, id: `github:bench/repo-${i}`, name: `bench/repo-${i}` });
}
for (let i = 0; i < SECRETS; i++) {
  const t = templates.secret[i % templates.secret.length];
  resources.push({ ...t, id: `github:bench/secret-${i}`, name: `SECRET_${i}` });
}
const stateFile = path.join(outDir, 'bench-state.json');
writeFileSync(stateFile, JSON.stringify({ schema: 'secpol/snapshot@1', resources }));

const entry = pathToFileURL(path.join(root, 'dist/secpol.js')).href;
const script = `process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write('maxRSS=' + u.maxRSS + ' cpuUs=' + (u.userCPUTime + u.systemCPUTime) + ' uptimeMs=' + Math.round(process.uptime() * 1000) + '\\n');
});
process.argv.splice(1, 0, 'secpol');
await import(${JSON.stringify(entry)});`;
console.log(`snapshot: ${REPOS} repositories + ${SECRETS} secrets (${resources.length} resources)`);
for (const format of FORMATS) {
  const out = path.join(outDir, `bench-report.${EXT[format] ?? format}`);
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, 'check', '--state', stateFile, '--format', `${format}=${out}`, '--fail-on', 'none'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, SECPOL_NOW: '2026-11-26T12:00:00Z' } },
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    console.log(`check exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    process.exit(1);
  }
  const maxRssMb = Number(/maxRSS=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  const cpuMs = Number(/cpuUs=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1000;
  console.log(`--- ${format} report (${(statSync(out).size / 1024 / 1024).toFixed(0)} MB)`);
  if (format === 'json') {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const results = report.results.length;
    console.log(`results: ${results} (${report.summary.fail} fail, ${report.summary.pass} pass, ${report.summary.skip} skip)`);
    console.log(`wall: ${(wallMs / 1000).toFixed(2)} s (target <= 1.5 s), process start to JSON written`);
    console.log(`resources/s: ${Math.round(resources.length / (wallMs / 1000))}, results/s: ${Math.round(results / (wallMs / 1000))}`);
    // Phases: the report's own timings; the rest is start-up, policy loading, rendering and writing.
    const snapshotMs = Object.entries(report.stats).filter(([k]) => k.startsWith('snapshot:')).reduce((sum, [, v]) => sum + v.ms, 0);
    const engineMs = report.stats.engine?.ms ?? 0;
    const processMs = Number(/uptimeMs=(\d+)/.exec(run.stderr)?.[1] ?? 0);
    console.log(`phases: snapshot load ${snapshotMs} ms, evaluate ${engineMs} ms, everything else (start-up, policies, render, write) ${processMs - snapshotMs - engineMs} ms`);
  } else {
    console.log(`wall: ${(wallMs / 1000).toFixed(2)} s (target <= 1.5 s), process start to ${format} written`);
  }
  console.log(`cpu: ${(cpuMs / 1000).toFixed(2)} s (user + system)`);
  console.log(`peak RSS: ${maxRssMb.toFixed(0)} MB (target <= 300 MB)`);
}
