// Benchmark of the GitHub provider against the loopback GitHub imitation:
// an org of 1,000 repositories with 50 ms added latency per request, scanned cold and then
// again on a warm ETag cache. Prints requests per repository, wall time and rate-limit points.
// Targets: <= 4 requests per repo cold, <= 60 s wall, warm re-scan <= 0.5 rate-limited requests per repo.
// Usage: node bench/github.mjs [repos=1000] [latencyMs=50]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGithubParts, scaleOrg, TOKEN } from './_github-org.mjs';

const repos = Number(process.argv[2] ?? 1000);
const latencyMs = Number(process.argv[3] ?? 50);

const parts = await loadGithubParts();
const { githubProvider, Redactor, FakeGithub } = parts;
const state = scaleOrg(parts, repos);

const fake = await new FakeGithub(state, { latencyMs }).start();
const cacheDir = mkdtempSync(join(tmpdir(), 'secpol-bench-gh-'));
const env = { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: TOKEN };
const spec = { path: '.', repos: [], options: { githubOrg: 'acme' }, config: {}, filters: {}, stateFiles: [], named: true, noCache: false, explicit: true };

async function scan(label) {
  const before = { log: fake.log.length, core: fake.used.core, graphql: fake.used.graphql };
  const [adapter] = githubProvider.plan(spec, env);
  const t0 = performance.now();
  const result = await adapter.collect({ now: new Date(), env, progress: { update() {} }, redactor: new Redactor(), cacheDir, debug() {} });
  const wall = (performance.now() - t0) / 1000;
  const requests = fake.log.length - before.log;
  const points = fake.used.core - before.core + (fake.used.graphql - before.graphql);
  const s = result.stats;
  console.log(
    `${label.padEnd(5)} repos=${s['github.repositories']} resources=${result.resources.length} wall=${wall.toFixed(1)}s ` +
      `requests=${requests} (${(requests / repos).toFixed(2)}/repo) notModified=${s['github.notModified']} ` +
      `rateLimitPoints=${points} (${(points / repos).toFixed(2)}/repo; rest=${s['github.restPoints']} graphql=${s['github.graphqlPoints']})`,
  );
  if (fake.unexpected.length) console.log(`unexpected requests: ${fake.unexpected.slice(0, 5).join('; ')}`);
  return { wall, requests, points };
}

try {
  console.log(`github bench: ${repos} repositories, ${latencyMs} ms latency per request`);
  const cold = await scan('cold');
  const warm = await scan('warm');
  const ok = cold.requests / repos <= 4 && cold.wall <= 60 && warm.points / repos <= 0.5;
  console.log(`targets (<=4 req/repo cold, <=60 s, warm <=0.5 points/repo): ${ok ? 'met' : 'NOT met'}`);
} finally {
  await fake.close();
  rmSync(cacheDir, { recursive: true, force: true });
}
