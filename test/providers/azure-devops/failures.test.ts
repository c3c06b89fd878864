import { describe, expect, it } from 'vitest';
import { implementation as azureDevOpsProvider, createAzureDevOpsAdapter } from '../../../src/providers/azure-devops/index.js';
import { adoOrigins } from '../../../src/providers/azure-devops/client.js';
import { UserError } from '../../../src/shared/errors.js';
import { acmeScenario } from '../../fakes/azure-devops/scenario.js';
import { startFakeAzureDevOps } from '../../fakes/azure-devops/server.js';
import type { FakeOrg } from '../../fakes/azure-devops/state.js';
import { byId, collect, context, fakeAzureDevOpsPerTest, PAT, spec } from './helpers.js';

const small = (): FakeOrg => acmeScenario({ projects: 1, reposPerProject: 5 });

describe('azure-devops provider failure handling', () => {
  const start = fakeAzureDevOpsPerTest();

  it('stops at the first request when the PAT is rejected with 401, naming the variable, never the token', async () => {
    const f = await start(small());
    const result = await collect(f.orgUrl, {}, { AZURE_DEVOPS_TOKEN: 'y'.repeat(52) });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.message).toMatch(/^AZURE_DEVOPS_TOKEN: Azure DevOps rejected the token \(HTTP 401\)/);
    expect(result.resources).toEqual([expect.objectContaining({ id: 'azure-devops:acme', gaps: { '*': expect.objectContaining({ reason: 'unauthenticated' }) } })]);
    expect(f.requests).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain('y'.repeat(52));
  });

  it('recognises the 203 HTML sign-in page as a bad token', async () => {
    const f = await start(small(), { badTokenStyle: '203' });
    const result = await collect(f.orgUrl, {}, { AZURE_DEVOPS_EXT_PAT: 'z'.repeat(52) });
    expect(result.diagnostics[0]?.message).toMatch(/AZURE_DEVOPS_EXT_PAT: .*HTTP 203, sign-in page/);
    expect(result.resources[0]?.gaps?.['*']?.reason).toBe('unauthenticated');
  });

  it('refuses to plan without a token, naming every variable in one line', () => {
    expect(() => azureDevOpsProvider.plan(spec({ adoOrg: 'acme' }), {})).toThrow(UserError);
    expect(() => azureDevOpsProvider.plan(spec({ adoOrg: 'acme' }), {})).toThrow(/^Azure DevOps needs a token: set AZURE_DEVOPS_TOKEN, AZURE_DEVOPS_EXT_PAT, SYSTEM_ACCESSTOKEN/);
  });

  it('records a forbidden gap, not a pass, when the PAT cannot read policies', async () => {
    const org = small();
    org.projects[0]!.denied = { policies: 401 };
    const f = await start(org);
    const result = await collect(f.orgUrl);
    const repo = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(repo.branchProtection).toBeUndefined();
    expect(repo.gaps?.branchProtection).toMatchObject({ reason: 'forbidden', outcome: 'error' });
    expect(repo.gaps?.branchProtection?.message).toMatch(/branch policies.*HTTP 401/);
    // The rest of the repository is still collected.
    expect(repo.buildsImages).toBe(true);
  });

  it('treats a 404 (null from the node-api) as not visible', async () => {
    const org = small();
    org.projects[0]!.denied = { policies: 404 };
    const f = await start(org);
    const result = await collect(f.orgUrl, { explicit: false });
    const repo = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(repo.branchProtection).toBeUndefined();
    expect(repo.gaps?.branchProtection).toMatchObject({ reason: 'not-found', outcome: 'skip' });
  });

  it('checks permissions before believing an empty policy list', async () => {
    const org = small();
    org.projects[0]!.policies = [];
    org.gitReadDenied = [org.projects[0]!.id];
    const f = await start(org);
    const denied = await collect(f.orgUrl);
    expect(byId(denied, 'azure-devops:acme/web/api', 'repository').gaps?.branchProtection?.reason).toBe('forbidden');
    expect(f.requests.some((r) => r.path.startsWith('/acme/_apis/permissions/2e9eb7ed-3c0a-47d4-87c1-0ffdd275fd87/2'))).toBe(true);

    org.gitReadDenied = [];
    const allowed = await collect(f.orgUrl);
    expect(byId(allowed, 'azure-devops:acme/web/api', 'repository').branchProtection).toMatchObject({ protected: false, requiredApprovals: 0 });
  });

  it('waits for Retry-After on 429, for data calls and discovery alike', async () => {
    const f = await start(small(), {
      throttle: [
        { path: /\/_apis\/policy\/configurations$/, times: 1, retryAfter: 1 },
        { path: /^\/acme\/_apis\/git$/, times: 1, retryAfter: 0 },
      ],
    });
    const result = await collect(f.orgUrl);
    expect(f.throttled).toBe(2);
    expect(result.stats.rateLimitWaits).toBe(2);
    expect(result.stats.rateLimitWaitMs).toBeGreaterThanOrEqual(1000);
    expect(byId(result, 'azure-devops:acme/web/api', 'repository').branchProtection?.protected).toBe(true);
    expect(result.resources.filter((r) => r.kind === 'repository')).toHaveLength(5);
  });

  it('gives up after repeated 429s with a rate-limited gap', async () => {
    const f = await start(small(), { throttle: [{ path: /\/_apis\/policy\/configurations$/, times: 100, retryAfter: 0 }] });
    const result = await collect(f.orgUrl);
    const repo = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(repo.gaps?.branchProtection).toMatchObject({ reason: 'rate-limited' });
    expect(f.requests.filter((r) => r.path.endsWith('/policy/configurations'))).toHaveLength(5);
  });

  it('leaves branch security as gaps when the ACLs are forbidden, keeping the policy facts', async () => {
    const org = small();
    org.aclStatus = 403;
    const f = await start(org);
    const result = await collect(f.orgUrl);
    const repo = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(repo.branchProtection).toMatchObject({ protected: true, requiredApprovals: 2 });
    expect(repo.branchProtection?.forcePushAllowed).toBeUndefined();
    for (const field of ['forcePushAllowed', 'deletionAllowed', 'adminsIncluded']) {
      expect(repo.gaps?.[`branchProtection.${field}`]?.reason).toBe('forbidden');
    }
  });

  it('records an admin gap when group membership is not visible', async () => {
    const org = small();
    org.identitiesStatus = 401;
    const f = await start(org);
    const result = await collect(f.orgUrl);
    const o = byId(result, 'azure-devops:acme', 'organization');
    expect(o.adminCount).toBeUndefined();
    expect(o.gaps?.adminCount?.reason).toBe('forbidden');
    expect(o.gaps?.adminCount?.message).toMatch(/Project Collection Administrators/);
  });

  it('narrows to the origin repository and accepts SYSTEM_ACCESSTOKEN as a bearer token', async () => {
    const f = await start(small(), { token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.system-access-token' });
    const adapter = azureDevOpsProvider.plan(spec({ originUrl: `${f.orgUrl}/web/_git/api`, explicit: false }), { SYSTEM_ACCESSTOKEN: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.system-access-token' });
    expect(adapter).toHaveLength(1);
    expect(adapter[0]?.target).toMatch(/^127\.0\.0\.1:\d+\/acme\/web\/api$/);
    const result = await adapter[0]!.collect(context());
    expect(result.diagnostics).toEqual([]);
    expect(result.resources.filter((r) => r.kind === 'repository').map((r) => r.id)).toEqual(['azure-devops:acme/web/api']);
    expect(result.resources.some((r) => r.id === 'azure-devops:acme/web/svc-001/azure-pipelines.yml')).toBe(false);
  });

  it('skips disabled repositories (archived) unless asked, like every provider that scans many repositories', async () => {
    const org = small();
    org.projects[0]!.repos[4]!.isDisabled = true;
    org.projects[0]!.repos[2]!.isFork = true;
    const f = await start(org);
    const ids = (await collect(f.orgUrl)).resources.map((r) => r.id);
    expect(ids).not.toContain('azure-devops:acme/web/svc-004');
    expect(ids).not.toContain('azure-devops:acme/web/svc-002');
    expect(ids).toContain('azure-devops:acme/web/svc-001');
    const forks = (await collect(f.orgUrl, { includeForks: true, exclude: ['web/svc-001'] })).resources.map((r) => r.id);
    expect(forks).toContain('azure-devops:acme/web/svc-002');
    expect(forks).not.toContain('azure-devops:acme/web/svc-001');
  });

  it('records not-applicable gaps for empty and disabled repositories without reading their files', async () => {
    const org = small();
    const repos = org.projects[0]!.repos;
    repos[3]!.defaultBranch = null;
    repos[4]!.isDisabled = true;
    const f = await start(org);
    const result = await collect(f.orgUrl, { includeArchived: true });
    const empty = byId(result, 'azure-devops:acme/web/svc-003', 'repository');
    expect(empty.defaultBranch).toBeUndefined();
    expect(empty.gaps?.branchProtection?.reason).toBe('not-applicable');
    expect(empty.gaps?.ciScans?.reason).toBe('not-applicable');
    const disabled = byId(result, 'azure-devops:acme/web/svc-004', 'repository');
    expect(disabled.archived).toBe(true);
    expect(disabled.gaps?.buildsImages?.reason).toBe('not-applicable');
    const itemReads = f.requests.filter((r) => r.path.endsWith('/items')).map((r) => r.path);
    expect(itemReads.some((p) => p.includes(repos[3]!.id) || p.includes(repos[4]!.id))).toBe(false);
  });

  it('sends the token only to the organization origin and, for cloud orgs, Azure DevOps service hosts on https', () => {
    expect(adoOrigins('https://dev.azure.com/acme').allows('https://vssps.dev.azure.com/acme/_apis')).toBe(true);
    expect(adoOrigins('https://acme.visualstudio.com').allows('https://acme.vssps.visualstudio.com/_apis')).toBe(true);
    expect(adoOrigins('https://dev.azure.com/acme').allows('https://evil.example/_apis')).toBe(false);
    expect(adoOrigins('https://dev.azure.com/acme').allows('http://vssps.dev.azure.com/_apis')).toBe(false);
    expect(adoOrigins('https://tfs.corp.example/tfs/acme').allows('https://dev.azure.com/x')).toBe(false);
    // Another port of the org host is another origin.
    expect(adoOrigins('http://127.0.0.1:8080/acme').allows('http://127.0.0.1:8080/acme/_apis')).toBe(true);
    expect(adoOrigins('http://127.0.0.1:8080/acme').allows('http://127.0.0.1:8081/acme/_apis')).toBe(false);
  });

  it('records a malformed gap when a response breaks the schema', async () => {
    const org = small();
    org.projects[0]!.corruptPolicies = true;
    const f = await start(org);
    const result = await collect(f.orgUrl);
    const repo = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(repo.branchProtection).toBeUndefined();
    expect(repo.gaps?.branchProtection).toMatchObject({ reason: 'malformed' });
    expect(JSON.stringify(result)).not.toContain('\u001b');
  });

  it('slows down when X-RateLimit-Remaining reaches 0', async () => {
    const f = await start(small(), {
      rateLimitHeaders: { path: /\/_apis\/projects/, headers: { 'x-ratelimit-resource': 'ATCPU', 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '200', 'retry-after': '0.2' } },
    });
    const result = await collect(f.orgUrl);
    expect(result.stats.rateLimitWaits).toBeGreaterThanOrEqual(1);
    expect(result.resources.filter((r) => r.kind === 'repository')).toHaveLength(5);
  });

  it('keeps no more requests in flight than its concurrency', async () => {
    const f = await start(acmeScenario({ projects: 1, reposPerProject: 20 }), { latencyMs: 5 });
    const adapter = createAzureDevOpsAdapter(spec({ adoOrg: f.orgUrl }), { AZURE_DEVOPS_TOKEN: PAT }, { concurrency: 3 });
    const result = await adapter.collect(context());
    expect(result.resources.filter((r) => r.kind === 'repository')).toHaveLength(20);
    expect(f.maxInFlight).toBeLessThanOrEqual(3);
    expect(f.maxInFlight).toBeGreaterThan(1);
  });

  it('follows per-area URLs when ResourceAreas lists them (dev.azure.com style)', async () => {
    const f = await start(small(), { resourceAreas: 'listed' });
    const result = await collect(f.orgUrl);
    expect(result.diagnostics).toEqual([]);
    expect(byId(result, 'azure-devops:acme/web/api', 'repository').branchProtection?.protected).toBe(true);
  });

  it('reports an unreachable server once, with an error gap on the organization', async () => {
    const f = await startFakeAzureDevOps(small(), { token: PAT });
    const orgUrl = f.orgUrl;
    await f.close();
    const result = await collect(orgUrl);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.message).toMatch(/^azure-devops: Azure DevOps http:\/\/127\.0\.0\.1:\d+\/acme: .*ECONNREFUSED/);
    expect(result.resources[0]?.gaps?.['*']?.reason).toBe('error');
  });

  it('stands in for unreadable definition, library and environment lists so their rules error instead of passing', async () => {
    const org = small();
    org.projects[0]!.denied = { variableGroups: 403, endpoints: 401, environments: 403, definitions: 401 };
    const f = await start(org);
    const result = await collect(f.orgUrl);
    expect(byId(result, 'azure-devops:acme/web/variable-groups', 'secret').gaps?.['*']).toMatchObject({ reason: 'forbidden', outcome: 'error' });
    expect(byId(result, 'azure-devops:acme/web/service-connections', 'token').gaps?.['*']?.reason).toBe('forbidden');
    expect(byId(result, 'azure-devops:acme/web/environments', 'environment').gaps?.['*']?.reason).toBe('forbidden');
    expect(byId(result, 'azure-devops:acme/web/build-definitions', 'pipeline').gaps?.['*']?.reason).toBe('forbidden');
    expect(byId(result, 'azure-devops:acme/web/api', 'repository').gaps?.ciScans?.message).toMatch(/^pipelines: build definitions of project web/);
    expect(result.resources.filter((r) => r.kind === 'repository')).toHaveLength(5);
  });

  it('reports an unknown project as a diagnostic', async () => {
    const f = await start(small());
    const result = await collect(f.orgUrl, { adoProject: 'nope' });
    expect(result.diagnostics[0]?.message).toMatch(/project 'nope' does not exist or is not visible/);
  });
});
