// Shared by the benchmarks (not run by bench/run.mjs: its name starts with `_`): the scale
// snapshot, and the CLI run with its CPU time and peak RSS printed on exit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { outDir, root } from './_bundle.mjs';

/**
 * Writes bench/.out/bench-state.json: `repos` repositories and `secrets` secrets copied from
 * the bad and good fixture orgs (a realistic mix of passes, fails and gaps). Returns its path
 * and the number of resources.
 */
export function writeScaleSnapshot(repos, secrets) {
  mkdirSync(outDir, { recursive: true });
  const templates = { repository: [], secret: [] };
  for (const name of ['bad-org.json', 'good-org.json']) {
    const state = JSON.parse(readFileSync(path.join(root, 'fixtures/states', name), 'utf8'));
    for (const r of state.resources) if (r.kind in templates) templates[r.kind].push(r);
  }
  const resources = [];
  for (let i = 0; i < repos; i++) {
    const t = templates.repository[i % templates.repository.length];
    resources.push({ ...t, id: `github:bench/repo-${i}`, name: `bench/repo-${i}` });
  }
  for (let i = 0; i < secrets; i++) {
    const t = templates.secret[i % templates.secret.length];
    resources.push({ ...t, id: `github:bench/secret-${i}`, name: `SECRET_${i}` });
  }
  const file = path.join(outDir, 'bench-state.json');
  writeFileSync(file, JSON.stringify({ schema: 'secpol/snapshot@1', resources }));
  return { file, resources: resources.length };
}

const entry = pathToFileURL(path.join(root, 'dist/secpol.js')).href;
const wrapper = `process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write('maxRSS=' + u.maxRSS + ' cpuUs=' + (u.userCPUTime + u.systemCPUTime) + ' uptimeMs=' + Math.round(process.uptime() * 1000) + '\\n');
});
process.argv.splice(1, 0, 'secpol');
await import(${JSON.stringify(entry)});`;

/**
 * Runs the built CLI with `args` (from the repository root unless `cwd`), SECPOL_NOW pinned.
 * Returns its status, stderr, wall time, CPU time (user + system, which the load of other
 * processes disturbs less than wall time), peak RSS and uptime; exits on a failure.
 */
export function runCli(args, { cwd = root, okStatus = [0] } = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, SECPOL_NOW: '2026-11-26T12:00:00Z' },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okStatus.includes(run.status)) {
    console.log(`secpol ${args[0]} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    process.exit(1);
  }
  const figure = (name) => Number(new RegExp(`${name}=(\\d+)`).exec(run.stderr)?.[1] ?? 0);
  return { status: run.status, stderr: run.stderr, wallMs, cpuMs: figure('cpuUs') / 1000, maxRssMb: figure('maxRSS') / 1024, uptimeMs: figure('uptimeMs') };
}
