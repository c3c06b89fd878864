import { afterEach, describe, expect, it } from 'vitest';
import { azureDoctor } from '../../../src/providers/azure/doctor.js';
import { resolveSettings } from '../../../src/providers/azure/index.js';
import { TENANT, standardState } from '../../fakes/azure/state.js';
import { loopbackAgent } from '../../fakes/azure/tls.js';
import { NOW, startHarness, testCertificate, type Harness } from './helpers.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.fake.close();
  harness = undefined;
});

async function doctor(h: Harness) {
  const env = { AZURE_RESOURCE_MANAGER_URL: h.fake.armUrl, AZURE_GRAPH_URL: h.fake.graphUrl, SECPOL_HTTP_RETRY_BASE_MS: '5' };
  const settings = resolveSettings({ options: {}, config: {}, explicit: true }, env);
  return azureDoctor(settings, { credential: h.credential, transport: { agent: loopbackAgent(await testCertificate()), retries: 0 } }, env);
}

describe('doctor azure', () => {
  it('names the identity from the token and probes every permission', async () => {
    harness = await startHarness(standardState(NOW));
    const report = await doctor(harness);
    expect(report.identity).toContain(TENANT);
    expect(report.identity).toContain('33333333-3333-4333-8333-333333333333');
    const names = report.checks.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Reader: Microsoft.KeyVault/vaults/read', 'Key Vault Reader (data plane)', 'Graph AuditLog.Read.All', 'Graph Policy.Read.All']));
    expect(report.checks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(harness.fake.unexpected).toEqual([]);
  });

  it('reports a missing Graph permission and Key Vault role by name', async () => {
    const state = standardState(NOW);
    state.subscriptions[0]!.vaults = [state.subscriptions[0]!.vaults[1]!]; // kv-locked: data plane forbidden
    harness = await startHarness(state, { faults: [{ host: 'graph', path: /userRegistrationDetails$/, status: 403, body: { error: { code: 'Authorization_RequestDenied' } } }] });
    const report = await doctor(harness);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    expect(byName['Graph AuditLog.Read.All']).toMatchObject({ status: 'missing' });
    expect(byName['Graph AuditLog.Read.All']!.detail).toMatch(/AuditLog\.Read\.All/);
    expect(byName['Key Vault Reader (data plane)']).toMatchObject({ status: 'missing' });
    expect(byName['Key Vault Reader (data plane)']!.detail).toMatch(/Key Vault Reader/);
  });
});
