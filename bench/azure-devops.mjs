// Azure DevOps provider benchmark: 1,000 repositories behind the loopback imitation with
// 50 ms latency per request. Prints requests per repository and wall time against the
// targets (<= 4 requests per repo, <= 60 s). Usage: node bench/azure-devops.mjs [repos] [latencyMs]
import { performance } from 'node:perf_hooks';
import { bundleAndLoad } from './_bundle.mjs';

const { createAzureDevOpsAdapter, Redactor, startFakeAzureDevOps, acmeScenario } = await bundleAndLoad(
  'azure-devops.mjs',
  [
    "export { createAzureDevOpsAdapter } from './src/providers/azure-devops/index.js';",
    "export { Redactor } from './src/shared/redact.js';",
    "export { startFakeAzureDevOps } from './test/fakes/azure-devops/server.js';",
    "export { acmeScenario } from './test/fakes/azure-devops/scenario.js';",
  ].join('\n'),
);

const repos = Number(process.argv[2] ?? 1000);
const latencyMs = Number(process.argv[3] ?? 50);
const projects = 4;
const token = 'benchpat0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH';
const fake = await startFakeAzureDevOps(acmeScenario({ projects, reposPerProject: Math.ceil(repos / projects) }), {
  token,
  latencyMs,
  pageSize: 100,
  throttle: [{ path: /\/_apis\/policy\/configurations$/, times: 1, retryAfter: 1 }],
});
try {
  const adapter = createAzureDevOpsAdapter(
    { path: '.', repos: [], stateFiles: [], named: true, noCache: true, explicit: true, options: { adoOrg: fake.orgUrl }, config: {}, filters: {} },
    { AZURE_DEVOPS_TOKEN: token },
  );
  const started = performance.now();
  const result = await adapter.collect({ now: new Date(), env: {}, progress: { update() {} }, redactor: new Redactor(), debug() {} });
  const seconds = (performance.now() - started) / 1000;
  const repoCount = result.resources.filter((r) => r.kind === 'repository').length;
  const perRepo = fake.requests.length / repoCount;
  console.log(`azure-devops bench: ${repoCount} repos, ${latencyMs} ms latency, ${result.resources.length} resources`);
  console.log(`  requests        ${fake.requests.length} (${perRepo.toFixed(2)} per repo, target <= 4)`);
  console.log(`  wall time       ${seconds.toFixed(1)} s (target <= 60 s)`);
  console.log(`  429 waits       ${result.stats.rateLimitWaits} (${result.stats.rateLimitWaitMs} ms)`);
  console.log(`  unexpected      ${fake.unexpected.length}, diagnostics ${result.diagnostics.length}`);
  if (perRepo > 4 || seconds > 60 || fake.unexpected.length) process.exitCode = 1;
} finally {
  await fake.close();
}
