// Azure provider benchmark: 2 subscriptions, 40 Key Vaults x 100 secrets (+ keys), 10 Recovery
// Services vaults, 20 Log Analytics workspaces and a 1,000-user tenant behind the https loopback
// imitation with 20 ms per call. Prints calls per resource and wall time (target < 60 s).
// Usage: node bench/azure.mjs [latencyMs]
import { performance } from 'node:perf_hooks';
import { bundleAndLoad } from './_bundle.mjs';

const m = await bundleAndLoad(
  'azure.mjs',
  [
    "export { createAzureAdapter, resolveSettings } from './src/providers/azure/index.js';",
    "export { Redactor } from './src/shared/redact.js';",
    "export { startFakeAzure } from './test/fakes/azure/server.js';",
    "export { bulkState } from './test/fakes/azure/bulk.js';",
    "export { loopbackAgent, makeCertificate } from './test/fakes/azure/tls.js';",
    "export { StubCredential, fakeJwt } from './test/providers/azure/helpers.js';",
  ].join('\n'),
);

const latencyMs = Number(process.argv[2] ?? 20);
const now = new Date();
const shape = { subscriptions: 2, vaults: 40, secretsPerVault: 100, keysPerVault: 5, recoveryVaults: 10, workspaces: 20, tablesPerWorkspace: 8, users: 1000 };
const certificate = await m.makeCertificate();
const tokens = { arm: m.fakeJwt('arm'), graph: m.fakeJwt('graph'), vault: m.fakeJwt('vault') };
// ARM's Key Vault secret list pages at 25 ($top maximum); the other lists are paged the same.
const fake = await m.startFakeAzure(m.bulkState(now, shape), { certificate, tokens, latencyMs, pageSize: 25 });
try {
  const env = { AZURE_RESOURCE_MANAGER_URL: fake.armUrl, AZURE_GRAPH_URL: fake.graphUrl };
  const credential = new m.StubCredential({ [`${fake.armUrl}/.default`]: tokens.arm, [`${fake.graphUrl}/.default`]: tokens.graph, 'https://vault.localhost/.default': tokens.vault });
  const settings = m.resolveSettings({ options: {}, config: {}, explicit: true }, env);
  const adapter = m.createAzureAdapter(settings, { credential, transport: { agent: m.loopbackAgent(certificate) } });
  const started = performance.now();
  const result = await adapter.collect({ now, env, progress: { update() {} }, redactor: new m.Redactor(), debug() {} });
  const seconds = (performance.now() - started) / 1000;
  const count = (kind) => result.resources.filter((r) => r.kind === kind).length;
  const calls = fake.requests.length;
  console.log(`azure bench: ${shape.subscriptions} subscriptions, ${shape.vaults} vaults x ${shape.secretsPerVault} secrets + ${shape.keysPerVault} keys, ${shape.recoveryVaults} Recovery Services vaults, ${shape.workspaces} workspaces, ${shape.users} users; ${latencyMs} ms per call`);
  console.log(`  resources       ${result.resources.length} (secrets+keys ${count('secret')}, backup plans ${count('backup-plan')}, log stores ${count('log-store')}, organizations ${count('organization')})`);
  console.log(`  calls           ${calls} (${(calls / result.resources.length).toFixed(3)} per resource): ARM ${result.stats.armRequests}, Key Vault ${result.stats.keyVaultRequests}, Graph ${result.stats.graphRequests}`);
  console.log(`  wall time       ${seconds.toFixed(1)} s (target < 60 s)`);
  console.log(`  unexpected      ${fake.unexpected.length}, diagnostics ${result.diagnostics.length}, gaps ${result.resources.filter((r) => r.gaps && !r.gaps['*']).length}`);
  if (seconds > 60 || fake.unexpected.length) process.exitCode = 1;
} finally {
  await fake.close();
}
