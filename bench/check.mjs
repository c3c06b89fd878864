// End-to-end: a snapshot of 10,000 repositories + 10,000 secrets checked by the built CLI with
// the built-in pack (JSON report). Prints resources/s, results/s, wall time, CPU time (user +
// system, less noisy than wall on a shared machine), peak RSS and, for JSON, where the time went.
// Targets (issue #15): <= 1.5 s wall and <= 300 MB on the 2-core machine.
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
// Issue #15, json, 10,000 + 10,000, branch point 6777728 (before) and after, run alternately on
// the shared machine (load 4-6): 6.8-7.5 s CPU, 7.1-8.3 s wall, 466 MB -> 2.6-3.1 s CPU,
// 2.5-3.3 s wall, 200-205 MB. Gone: the deep redaction copying every result (and so defeating the
// JSON writer's per-rule and per-resource caches), each string scanned once per registered
// secret, and the state file parsed twice.
// Left (profile, CPU): redaction walk of the report ~0.6 s, the rendered text's scrub ~0.25 s,
// rendering ~0.3 s, UTF-8 encoding and writing ~0.3 s, evaluation ~0.3 s, snapshot parse + zod
// ~0.3 s, GC ~0.3 s, start-up and policies ~0.3 s.
// Before issue #15, what was left for JSON (CPU): start-up and the built-in pack's YAML ~0.5 s (an empty snapshot
// costs that much), snapshot parse + zod ~0.25-0.4 s, evaluation ~0.25 s, rendering ~0.5 s,
// secret scrub ~0.15 s, UTF-8 encoding and writing ~0.2 s, young-generation GC ~0.3 s.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { outDir } from './_bundle.mjs';
import { runCli, writeScaleSnapshot } from './_snapshot.mjs';

const REPOS = Number(process.argv[2] ?? 10_000);
const SECRETS = Number(process.argv[3] ?? 10_000);
const FORMATS = (process.argv[4] ?? 'json').split(',').filter(Boolean);
const EXT = { json: 'json', text: 'txt', junit: 'junit.xml', sarif: 'sarif', markdown: 'md', html: 'html' };

const { file: stateFile, resources } = writeScaleSnapshot(REPOS, SECRETS);
console.log(`snapshot: ${REPOS} repositories + ${SECRETS} secrets (${resources} resources)`);
for (const format of FORMATS) {
  const out = path.join(outDir, `bench-report.${EXT[format] ?? format}`);
  const { wallMs, cpuMs, maxRssMb, uptimeMs } = runCli(['check', '--state', stateFile, '--format', `${format}=${out}`, '--fail-on', 'none']);
  console.log(`--- ${format} report (${(statSync(out).size / 1024 / 1024).toFixed(0)} MB)`);
  if (format === 'json') {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const results = report.results.length;
    console.log(`results: ${results} (${report.summary.fail} fail, ${report.summary.pass} pass, ${report.summary.skip} skip)`);
    console.log(`wall: ${(wallMs / 1000).toFixed(2)} s (target <= 1.5 s), process start to JSON written`);
    console.log(`resources/s: ${Math.round(resources / (wallMs / 1000))}, results/s: ${Math.round(results / (wallMs / 1000))}`);
    // Phases: the report's own timings; the rest is start-up, policy loading, rendering and writing.
    const snapshotMs = Object.entries(report.stats).filter(([k]) => k.startsWith('snapshot:')).reduce((sum, [, v]) => sum + v.ms, 0);
    const engineMs = report.stats.engine?.ms ?? 0;
    const processMs = uptimeMs;
    console.log(`phases: snapshot load ${snapshotMs} ms, evaluate ${engineMs} ms, everything else (start-up, policies, render, write) ${processMs - snapshotMs - engineMs} ms`);
  } else {
    console.log(`wall: ${(wallMs / 1000).toFixed(2)} s (target <= 1.5 s), process start to ${format} written`);
  }
  console.log(`cpu: ${(cpuMs / 1000).toFixed(2)} s (user + system)`);
  console.log(`peak RSS: ${maxRssMb.toFixed(0)} MB (target <= 300 MB)`);
}
