import { describe, expect, it } from 'vitest';
import { acmeScenario } from './azure-devops/scenario.js';
import { startFakeAzureDevOps } from './azure-devops/server.js';
import { FakeGithub } from './github/server.js';
import { ADMIN_TOKEN, standardState } from '../providers/github/helpers.js';
import { PAT } from '../providers/azure-devops/helpers.js';

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
});
