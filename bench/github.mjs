// Benchmark of the GitHub provider against the loopback GitHub imitation:
// an org of 1,000 repositories with 50 ms added latency per request, scanned cold and then
// again on a warm ETag cache. Prints requests per repository (in all and by route), wall and CPU
// time (the imitation runs in this process) and rate-limit points.
// Two organizations: default workflow permission `read` (no repository can differ: no per-repo
// workflow call) and `write` (repositories may override it: one more call each).
// Targets: <= 3.2 requests per repo cold, < 15 s wall, warm re-scan <= 0.02 rate-limited requests per repo.
// Usage: node bench/github.mjs [repos=1000] [latencyMs=50] [--workflow=read|write|both (default both)]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGithubParts, scaleOrg, TOKEN } from './_github-org.mjs';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const [reposArg, latencyArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const repos = Number(reposArg ?? 1000);
const latencyMs = Number(latencyArg ?? 50);
const workflowFlag = flags.find((f) => f.startsWith('--workflow='))?.slice('--workflow='.length) ?? 'both';
if (!['read', 'write', 'both'].includes(workflowFlag)) throw new Error(`--workflow=${workflowFlag}: expected read, write or both`);
const scenarios = workflowFlag === 'both' ? ['read', 'write'] : [workflowFlag];

const parts = await loadGithubParts();
const { githubProvider, Redactor, FakeGithub } = parts;
const spec = { path: '.', repos: [], options: { githubOrg: 'acme' }, config: {}, filters: {}, stateFiles: [], named: true, noCache: false, explicit: true };

/** Requests per repository grouped by route (repository and environment names folded), busiest first. */
function byRoute(entries, repoCount) {
  const counts = new Map();
  for (const { method, path, status } of entries) {
    const route = path
      .replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/{r}')
      .replace(/\/environments\/[^/]+\//, '/environments/{e}/')
      .replace(/\/git\/trees\/.+$/, '/git/trees/{ref}')
      .replace(/\/contents\/.+$/, '/contents/{path}');
    const key = `${method} ${route}${status === 304 ? ' (304)' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${(n / repoCount).toFixed(3)}`).join('; ');
}

async function scan(fake, cacheDir, label) {
  const env = { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: TOKEN };
  const before = { log: fake.log.length, core: fake.used.core, graphql: fake.used.graphql };
  const [adapter] = githubProvider.plan(spec, env);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await adapter.collect({ now: new Date(), env, progress: { update() {} }, redactor: new Redactor(), cacheDir, debug() {} });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const requests = fake.log.length - before.log;
  const points = fake.used.core - before.core + (fake.used.graphql - before.graphql);
  const s = result.stats;
  console.log(
    `${label.padEnd(5)} repos=${s['github.repositories']} resources=${result.resources.length} wall=${wall.toFixed(1)}s cpu=${cpuSeconds.toFixed(1)}s (provider + imitation) ` +
      `requests=${requests} (${(requests / repos).toFixed(2)}/repo) notModified=${s['github.notModified']} ` +
      `rateLimitPoints=${points} (${(points / repos).toFixed(2)}/repo; rest=${s['github.restPoints']} graphql=${s['github.graphqlPoints']})`,
  );
  console.log(`      by route (per repo): ${byRoute(fake.log.slice(before.log), repos)}`);
  if (fake.unexpected.length) console.log(`unexpected requests: ${fake.unexpected.slice(0, 5).join('; ')}`);
  return { wall, requests, points };
}

/** One organization, scanned cold then warm, on its own imitation and cache. */
async function scenario(orgWorkflow) {
  const fake = await new FakeGithub(scaleOrg(parts, repos, { orgWorkflow }), { latencyMs }).start();
  const cacheDir = mkdtempSync(join(tmpdir(), 'secpol-bench-gh-'));
  try {
    console.log(`github bench: ${repos} repositories, ${latencyMs} ms latency per request, org default workflow permission ${orgWorkflow}`);
    const cold = await scan(fake, cacheDir, 'cold');
    const warm = await scan(fake, cacheDir, 'warm');
    const ok = cold.requests / repos <= 3.2 && cold.wall < 15 && warm.points / repos <= 0.02;
    console.log(`targets (<=3.2 req/repo cold, <15 s, warm <=0.02 points/repo): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    await fake.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

for (const orgWorkflow of scenarios) await scenario(orgWorkflow);
