import { get } from 'node:https';
import { describe, expect, it } from 'vitest';
import { startFakeAzure } from './azure/server.js';
import { SUB_A, standardState as azureState } from './azure/state.js';
import { loopbackAgent } from './azure/tls.js';
import { acmeScenario } from './azure-devops/scenario.js';
import { startFakeAzureDevOps } from './azure-devops/server.js';
import { FakeGithub } from './github/server.js';
import { ADMIN_TOKEN, standardState } from '../providers/github/helpers.js';
import { PAT } from '../providers/azure-devops/helpers.js';
import { fakeJwt, NOW, testCertificate } from '../providers/azure/helpers.js';

// The platform fakes built on the loopback base inherit its strictness: a route the platform
// imitation does not know is never a silent 404, it fails the test naming method and path.
describe('platform fakes on the strict loopback base', () => {
  it('GitHub: an unknown route fails close(), a real 404 route does not', async () => {
    const fake = await new FakeGithub(standardState()).start();
    const auth = { authorization: `token ${ADMIN_TOKEN}` };
    expect((await fetch(`${fake.apiUrl}/repos/acme/nope`, { headers: auth })).status).toBe(404);
    const unknown = await fetch(`${fake.apiUrl}/repos/acme/api/pulls?state=open`, { headers: auth });
    expect(unknown.status).toBe(500);
    expect(fake.log.map((l) => [l.path, l.status])).toEqual([['/repos/acme/nope', 404], ['/repos/acme/api/pulls', 500]]);
    await expect(fake.close()).rejects.toThrow('GitHub fake: unexpected request: GET /repos/acme/api/pulls?state=open');
  });

  it('Azure DevOps: an unknown route fails close(), a missing project is a real 404', async () => {
    const fake = await startFakeAzureDevOps(acmeScenario({ projects: 1, reposPerProject: 1 }), { token: PAT });
    const headers = { authorization: `Basic ${Buffer.from(`:${PAT}`).toString('base64')}`, accept: 'application/json;api-version=7.1' };
    expect((await fetch(`${fake.orgUrl}/nope/_apis/git/repositories`, { headers })).status).toBe(404);
    expect((await fetch(`${fake.orgUrl}/web/_apis/wit/workitems`, { headers })).status).toBe(500);
    await expect(fake.close()).rejects.toThrow('Azure DevOps fake: unexpected request: GET /acme/web/_apis/wit/workitems');
  });

  it('Azure: an unknown route fails close() naming method, host and path; a missing subscription or key is a real 404', async () => {
    const certificate = await testCertificate();
    const tokens = { arm: fakeJwt('arm'), graph: fakeJwt('graph'), vault: fakeJwt('vault') };
    const fake = await startFakeAzure(azureState(NOW), { certificate, tokens });
    // The SDKs' transport: https, trusting only the test certificate, resolving only *.localhost.
    const agent = loopbackAgent(certificate);
    const status = (url: string, token: string) =>
      new Promise<number>((resolve, reject) => {
        get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => resolve(res.resume().statusCode ?? 0)).on('error', reject);
      });
    const missingSub = '00000000-0000-4000-8000-0000000000ff';
    expect(await status(`${fake.armUrl}/subscriptions/${missingSub}/providers/Microsoft.KeyVault/vaults?api-version=2023-07-01`, tokens.arm)).toBe(404);
    expect(await status(`${fake.vaultUrl('kv-prod')}/keys/gone/rotationpolicy?api-version=7.5`, tokens.vault)).toBe(404);
    expect(await status(`${fake.armUrl}/subscriptions/${SUB_A}/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01`, tokens.arm)).toBe(500);
    agent.destroy();
    expect(fake.requests.map((r) => [r.host, r.status])).toEqual([['arm', 404], ['vault', 404], ['arm', 500]]);
    await expect(fake.close()).rejects.toThrow(`Azure fake: unexpected request: GET management.localhost/subscriptions/${SUB_A}/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01`);
  });
});
