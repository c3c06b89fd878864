// `secpol merge` of an org scan split in 8 shards: the 10,000 repositories + 10,000 secrets of
// the check benchmark, checked once as shard 1/8, its results then dealt out to 8 shard reports
// by a stable hash of the resource id (as `--shard` partitions an org scan; a snapshot itself
// is not partitioned), merged into JSON + SARIF by the built CLI. Prints wall time, CPU time and
// peak RSS of the merge; bench/shards.mjs runs the whole scan against the GitHub imitation.
// Usage: node bench/merge.mjs [repos=10000] [secrets=10000] [shards=8]   (run `npm run build` first)
//
// Figures, 10,000 + 10,000 (250,000 results, 8 shards of ~26 MB), measured alternately with the
// branch point (6777728) on the shared 2-core machine (load 4-6):
//   before: 14.3 s CPU, 26.9 s wall, 835 MB   after: 7.3-8.4 s CPU, 9-13 s wall, 573 MB
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outDir } from './_bundle.mjs';
import { runCli, writeScaleSnapshot } from './_snapshot.mjs';

const REPOS = Number(process.argv[2] ?? 10_000);
const SECRETS = Number(process.argv[3] ?? 10_000);
const SHARDS = Number(process.argv[4] ?? 8);

const { file: stateFile } = writeScaleSnapshot(REPOS, SECRETS);
const whole = path.join(outDir, 'merge-whole.json');
runCli(['check', '--state', stateFile, '--shard', `1/${SHARDS}`, '--format', `json=${whole}`, '--fail-on', 'none', '--quiet']);
const report = JSON.parse(readFileSync(whole, 'utf8'));
const shardOf = (id) => createHash('sha256').update(id).digest().readUInt32BE(0) % SHARDS;
const files = [];
for (let i = 0; i < SHARDS; i++) {
  const file = path.join(outDir, `merge-shard-${i + 1}.json`);
  writeFileSync(file, JSON.stringify({ ...report, shard: { ...report.shard, index: i + 1 }, results: report.results.filter((r) => shardOf(r.resource.id) === i) }, null, 2));
  files.push(file);
}
console.log(`merge: ${SHARDS} shard reports of ${REPOS} repositories + ${SECRETS} secrets (${report.results.length} results) into JSON + SARIF`);
const merged = runCli(['merge', ...files, '--format', `json=${path.join(outDir, 'merged.json')}`, '--format', `sarif=${path.join(outDir, 'merged.sarif')}`, '--quiet']);
console.log(`wall: ${(merged.wallMs / 1000).toFixed(2)} s`);
console.log(`cpu: ${(merged.cpuMs / 1000).toFixed(2)} s (user + system)`);
console.log(`peak RSS: ${merged.maxRssMb.toFixed(0)} MB`);
