// Benchmark of the GitHub provider against the loopback GitHub imitation:
// an org of 1,000 repositories with 50 ms added latency per request, scanned cold and then
// again on a warm ETag cache. Prints requests per repository, wall time and rate-limit points.
// Targets: <= 4 requests per repo cold, <= 60 s wall, warm re-scan <= 0.5 rate-limited requests per repo.
// Usage: node bench/github.mjs [repos=1000] [latencyMs=50]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleAndLoad } from './_bundle.mjs';

const repos = Number(process.argv[2] ?? 1000);
const latencyMs = Number(process.argv[3] ?? 50);

const entry = `
import { implementation as githubProvider } from './src/providers/github/index.ts';
import { Redactor } from './src/shared/redact.ts';
import { FakeGithub } from './test/fakes/github/server.ts';
import { ALL_SCOPES, makeOrg, makeRepo } from './test/fakes/github/model.ts';
export { githubProvider, Redactor, FakeGithub, ALL_SCOPES, makeOrg, makeRepo };
`;
const { githubProvider, Redactor, FakeGithub, ALL_SCOPES, makeOrg, makeRepo } = await bundleAndLoad('github-bench.mjs', entry, {
  logLevel: 'error',
  define: { __SECPOL_VERSION__: '"bench"' },
});

const TOKEN = 'ghp_benchBenchBenchBenchBenchBench0001';
const ci = 'name: ci\non: [push]\npermissions: read-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
const state = {
  org: makeOrg('acme'),
  repos: Array.from({ length: repos }, (_, i) =>
    makeRepo('acme', `svc-${String(i).padStart(4, '0')}`, {
      classicRules: i % 2 ? [{ pattern: 'main', requiresApprovingReviews: true, requiredApprovingReviewCount: 1 }] : [],
      rulesets: i % 3 === 0 ? [{ id: i + 1, name: 'main', source_type: 'Repository', enforcement: 'active', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } }, bypass_actors: [], rules: [{ type: 'non_fast_forward' }] }] : [],
      hooks: i % 4 === 0 ? [{ id: i, url: 'https://hooks.example.com/x', insecure_ssl: '0', active: true }] : [],
      secrets: [{ name: 'NPM_TOKEN', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' }],
      environments: i % 5 === 0 ? [{ name: 'production', reviewers: 1, branchPolicy: { protected_branches: true, custom_branch_policies: false } }] : [],
      files: {
        '.github/workflows/ci.yml': ci,
        'src/index.ts': 'export {};\n',
        ...(i % 3 === 0 ? { Dockerfile: 'FROM node:20\nUSER node\n' } : {}),
      },
    }),
  ),
  tokens: { [TOKEN]: { kind: 'classic', scopes: ALL_SCOPES, admin: true } },
  apps: {},
};

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
  await fake.stop();
  rmSync(cacheDir, { recursive: true, force: true });
}
