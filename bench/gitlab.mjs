// GitLab provider benchmark: 1,000 projects in nested subgroups behind a loopback GitLab
// imitation that answers every request after 50 ms. Prints requests per project and wall
// time (targets: <= 8 requests per project, <= 60 s). Run: node bench/gitlab.mjs [projects] [latencyMs]
import { performance } from 'node:perf_hooks';
import { bundleAndLoad } from './_bundle.mjs';

const { collectGitlab, Redactor, startFakeGitlab, groupScenario, fixture, TOKENS } = await bundleAndLoad(
  // Same depth below the root as test/fakes/gitlab, so the scenario finds fixtures/gitlab.
  'gitlab/bench-entry.mjs',
  [
    "export { collectGitlab } from './src/providers/gitlab/collect.ts';",
    "export { Redactor } from './src/shared/redact.ts';",
    "export { startFakeGitlab } from './test/fakes/gitlab/server.ts';",
    "export { groupScenario, fixture, TOKENS } from './test/fakes/gitlab/scenarios.ts';",
  ].join('\n'),
  { logLevel: 'error' },
);

const projects = Number(process.argv[2] ?? 1000);
const latencyMs = Number(process.argv[3] ?? 50);
const state = { ...groupScenario({ projects }), latencyMs };
// A realistic share of projects deploy: every fourth one has a protected production environment.
state.projects.forEach((p, i) => {
  if (i % 4 !== 0 || p.environments.length > 0) return;
  p.environments = [{ ...fixture('environment'), name: 'production', tier: 'production' }];
  p.protectedEnvironments = [fixture('protected-environment')];
});

const fake = await startFakeGitlab(state);
const started = performance.now();
const result = await collectGitlab(
  { now: new Date(), env: {}, progress: { update: () => undefined }, redactor: new Redactor(), debug: () => undefined },
  { token: TOKENS.admin, targets: { baseUrl: fake.url, group: 'acme', projects: [] }, explicit: true },
);
const seconds = (performance.now() - started) / 1000;
await fake.close();

const collected = result.resources.filter((r) => r.kind === 'repository').length;
const perProject = fake.requests.length / collected;
console.log(`gitlab bench: ${collected} projects, ${latencyMs} ms latency`);
console.log(`  requests           ${fake.requests.length} (${perProject.toFixed(2)} per project; target <= 8)`);
console.log(`  wall time          ${seconds.toFixed(1)} s (target <= 60 s)`);
console.log(`  resources          ${result.resources.length}`);
console.log(`  rate-limit waits   ${result.stats.rateLimitWaits}`);
console.log(`  unexpected         ${fake.unexpected.length}`);
// Where the requests went: one line per endpoint shape, ids and file paths folded.
const shapes = new Map();
for (const r of fake.requests) {
  const shape = r.split('?')[0].replace(/\/projects\/\d+/, '/projects/:id').replace(/\/files\/[^/]+\/raw/, '/files/:path/raw').replace(/\/groups\/[^/]+/, '/groups/:id');
  shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
}
for (const [shape, n] of [...shapes].sort((a, b) => b[1] - a[1])) console.log(`    ${(n / collected).toFixed(3).padStart(6)}  ${shape}`);
if (fake.unexpected.length > 0 || collected !== projects) process.exitCode = 1;
