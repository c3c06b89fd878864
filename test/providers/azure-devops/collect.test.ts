import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectResult } from '../../../src/providers/types.js';
import { acmeScenario, GIT_BITS } from '../../fakes/azure-devops/scenario.js';
import { startFakeAzureDevOps, type FakeAzureDevOps } from '../../fakes/azure-devops/server.js';
import { byId, collect, PAT } from './helpers.js';

/** The 3 projects x 40 repositories organization, scanned once and inspected by many tests. */
describe('azure-devops provider against the loopback imitation (3 projects x 40 repos)', () => {
  let fake: FakeAzureDevOps;
  let result: CollectResult;

  beforeAll(async () => {
    fake = await startFakeAzureDevOps(acmeScenario(), { token: PAT, pageSize: 25 });
    try {
      result = await collect(fake.orgUrl);
    } finally {
      await fake.close();
    }
  });

  it('makes no request the imitation does not know and reports no diagnostics', () => {
    expect(fake.unexpected).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('goes through node-api discovery with api-version in the Accept header', () => {
    const seq = fake.requests.map((r) => `${r.method} ${r.path}`);
    const location = seq.indexOf('OPTIONS /acme/_apis/Location');
    expect(location).toBeGreaterThan(0);
    expect(seq.indexOf('GET /acme/_apis/ResourceAreas')).toBeGreaterThan(location);
    expect(seq.indexOf('GET /acme/_apis/projects')).toBeGreaterThan(seq.indexOf('OPTIONS /acme/_apis/core'));
    expect(seq.filter((s) => s === 'GET /acme/_apis/ResourceAreas')).toHaveLength(1);
    for (const area of ['core', 'git', 'policy', 'distributedtask', 'serviceendpoint', 'build']) {
      expect([area, fake.requests.filter((r) => r.method === "OPTIONS" && r.path === `/acme/_apis/${area}`).length]).toEqual([area, 1]);
    }
    const gets = fake.requests.filter((r) => r.method === 'GET' && !r.path.endsWith('connectionData'));
    expect(gets.every((r) => /api-version=/.test(String(r.headers.accept)))).toBe(true);
    expect(gets.some((r) => r.query.has('api-version'))).toBe(false);
  });

  it('follows continuation tokens on paged lists', () => {
    const policyPages = fake.requests.filter((r) => r.path.endsWith('/_apis/policy/configurations'));
    // web has 4+1+1+2+1 policies per 5 repos = 72 + file size = 73 -> 3 pages of 25.
    const web = policyPages.filter((r) => r.path.startsWith('/acme/a0000000-0000-4000-8000-000000000001/'));
    expect(web.map((r) => r.query.get('continuationToken'))).toEqual([null, 'ct-25', 'ct-50']);
    const defs = fake.requests.filter((r) => r.path.endsWith('/_apis/build/definitions'));
    expect(defs.length).toBe(2 + 2 + 2);
  });

  it('collects one repository per repo and stays within 4 requests per repository', () => {
    expect(result.resources.filter((r) => r.kind === 'repository')).toHaveLength(120);
    expect(Number(result.stats.requests)).toBe(fake.requests.length);
    expect(fake.requests.length / 120).toBeLessThanOrEqual(4);
  });

  it('maps a strong policy set onto the protection model', () => {
    const repo = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(repo.defaultBranch).toBe('main');
    expect(repo.visibility).toBe('private');
    expect(repo.branchProtection).toMatchObject({
      protected: true,
      pullRequestRequired: true,
      requiredApprovals: 2,
      dismissStaleApprovals: true,
      codeOwnerReview: true,
      statusChecksRequired: true,
      requiredStatusChecks: ['api-ci'],
      upToDateRequired: true,
    });
    expect(repo.branchProtection?.sources?.every((s) => s.type === 'branch-policy' && s.enforcement === 'active')).toBe(true);
    expect(repo.gaps?.['branchProtection.signedCommitsRequired']?.reason).toBe('unsupported');
  });

  it("does not count the creator's own vote as an approval", () => {
    const repo = byId(result, 'azure-devops:acme/web/svc-001', 'repository');
    expect(repo.branchProtection?.protected).toBe(true);
    expect(repo.branchProtection?.requiredApprovals).toBe(0);
    expect(repo.branchProtection?.sources?.[0]?.name).toMatch(/creator's vote counts/);
  });

  it('ignores a disabled policy', () => {
    const repo = byId(result, 'azure-devops:acme/web/svc-002', 'repository');
    expect(repo.branchProtection).toMatchObject({ protected: false, pullRequestRequired: false, requiredApprovals: 0 });
    expect(repo.branchProtection?.sources).toEqual([expect.objectContaining({ enforcement: 'disabled' })]);
  });

  it('ignores non-blocking (optional) policies', () => {
    const repo = byId(result, 'azure-devops:acme/web/svc-003', 'repository');
    expect(repo.branchProtection).toMatchObject({ protected: false, requiredApprovals: 0, statusChecksRequired: false, requiredStatusChecks: [] });
    expect(repo.branchProtection?.sources?.map((s) => s.enforcement)).toEqual(['evaluate', 'evaluate']);
  });

  it('ignores a policy scoped to another branch', () => {
    const repo = byId(result, 'azure-devops:acme/web/svc-004', 'repository');
    expect(repo.branchProtection).toMatchObject({ protected: false, requiredApprovals: 0, sources: [] });
  });

  it('applies project-wide default-branch policies to every repository of the project', () => {
    const repo = byId(result, 'azure-devops:acme/platform/svc-004', 'repository');
    expect(repo.branchProtection).toMatchObject({ protected: true, requiredApprovals: 1 });
  });

  it('takes visibility from the project', () => {
    expect(byId(result, 'azure-devops:acme/data/api', 'repository').visibility).toBe('public');
  });

  it('reads branch security: a deny on the branch beats an allow on the repository, bypass is named', () => {
    const api = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(api.branchProtection?.forcePushAllowed).toBe(false);
    expect(api.branchProtection?.adminsIncluded).toBe(false);
    expect(api.branchProtection?.bypassActors).toEqual([
      { type: 'identity', name: 'Alice Admin', mode: 'pull-request' },
      { type: 'identity', name: '[web]\\Project Administrators', mode: 'force-push' },
    ]);
    const svc1 = byId(result, 'azure-devops:acme/web/svc-001', 'repository');
    expect(svc1.branchProtection).toMatchObject({ forcePushAllowed: true, deletionAllowed: true, adminsIncluded: false });
    // Only administrators can force push here: not "force push allowed", but admins are not held to the policies.
    const svc2 = byId(result, 'azure-devops:acme/web/svc-002', 'repository');
    expect(svc2.branchProtection).toMatchObject({ forcePushAllowed: false, deletionAllowed: false, adminsIncluded: false });
    expect(GIT_BITS.forcePush).toBe(8);
  });

  it('derives file facts and pipelines from the default branch', () => {
    const api = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(api).toMatchObject({ buildsImages: true, hasIac: true, securityPolicy: true, envFilesCommitted: [], pipelineFiles: ['azure-pipelines.yml'] });
    expect(api.ciScans).toBeDefined();
    const pipeline = byId(result, 'azure-devops:acme/web/api/azure-pipelines.yml', 'pipeline');
    expect(pipeline).toMatchObject({ platform: 'azure-pipelines', repository: 'azure-devops:acme/web/api', path: 'azure-pipelines.yml' });
    expect(byId(result, 'azure-devops:acme/web/svc-001', 'repository')).toMatchObject({ buildsImages: false, hasIac: false });
    // Each repository's YAML definition file was fetched once from its default branch.
    const reads = fake.requests.filter((r) => r.path.endsWith('/items') && r.query.get('path') === '/azure-pipelines.yml');
    expect(reads).toHaveLength(120);
    expect(reads.every((r) => r.query.get('includeContent') === 'true' && r.query.get('versionDescriptor.version') === 'main')).toBe(true);
  });

  it('reports secret-named plaintext variables of classic definitions', () => {
    const classic = byId(result, 'azure-devops:acme/web/build-definition/legacy-release', 'pipeline');
    expect(classic.plaintextSecrets).toEqual([{ key: 'variables.dbPassword' }]);
    expect(classic.repository).toBe('azure-devops:acme/web/api');
    expect(classic.gaps?.scans?.reason).toBe('unsupported');
    expect(JSON.stringify(result)).not.toContain('hunter2-plaintext');
  });

  it('turns secret variables into secrets dated by their group, with the caveat stated', () => {
    const secret = byId(result, 'azure-devops:acme/web/variable-group/shared-secrets/API_KEY', 'secret');
    expect(secret).toMatchObject({ store: 'ado-variable-group', createdAt: '2025-01-10T06:35:51.6933333Z', lastRotatedAt: '2025-06-01T06:35:52.0166667Z', masked: true });
    expect(secret.dateNote).toMatch(/per variable group/);
    expect(result.resources.some((r) => r.id === 'azure-devops:acme/web/variable-group/shared-secrets/region')).toBe(false);
    const kv = byId(result, 'azure-devops:acme/web/variable-group/kv-linked/db-password', 'secret');
    expect(kv.lastRotatedAt).toBeUndefined();
    expect(kv.gaps?.lastRotatedAt).toMatchObject({ reason: 'unsupported' });
    expect(kv.scope).toContain('acme-kv');
  });

  it('maps service connections to tokens, and to secrets when they store a credential', () => {
    const arm = byId(result, 'azure-devops:acme/web/service-connection/prod-arm', 'token');
    expect(arm).toMatchObject({ tokenType: 'service-connection', scopes: ['type:azurerm', 'scheme:ServicePrincipal'], active: true });
    expect(arm.expiresAt).toBeUndefined();
    expect(arm.gaps?.expiresAt?.reason).toBe('unsupported');
    expect(byId(result, 'azure-devops:acme/web/service-connection/prod-arm/credential', 'secret').store).toBe('ado-service-connection');
    const wif = byId(result, 'azure-devops:acme/web/service-connection/wif-arm', 'token');
    expect(wif.gaps?.expiresAt?.reason).toBe('not-applicable');
    expect(result.resources.some((r) => r.id === 'azure-devops:acme/web/service-connection/wif-arm/credential')).toBe(false);
  });

  it('reads environment approvals and branch control checks', () => {
    const prod = byId(result, 'azure-devops:acme/web/environment/production', 'environment');
    expect(prod).toMatchObject({ production: true, requiredReviewers: 1, branchRestricted: true, allowedBranches: ['refs/heads/main'] });
    const staging = byId(result, 'azure-devops:acme/web/environment/staging', 'environment');
    expect(staging).toMatchObject({ production: false, requiredReviewers: 0, branchRestricted: false });
  });

  it('counts Project Collection Administrators who are people, and leaves MFA to Entra ID', () => {
    const org = byId(result, 'azure-devops:acme', 'organization');
    expect(org).toMatchObject({ admins: ['Alice Admin', 'Bob Owner'], adminCount: 2, platform: 'azure-devops' });
    expect(org.mfaRequired).toBeUndefined();
    expect(org.gaps?.mfaRequired).toMatchObject({ reason: 'unsupported' });
    expect(org.gaps?.mfaRequired?.message).toMatch(/Entra ID/);
    expect(org.gaps?.defaultPermission?.reason).toBe('unsupported');
  });

  it('keeps webhook targets to scheme and host', () => {
    const api = byId(result, 'azure-devops:acme/web/api', 'repository');
    expect(api.webhooks).toEqual([
      { id: expect.any(String), target: 'http://hooks.example.net', active: true, https: false, sslVerification: false },
      { id: expect.any(String), target: 'https://ci.example.com', active: true, https: true, sslVerification: true },
    ]);
    expect(JSON.stringify(result)).not.toContain('do-not-leak');
    expect(byId(result, 'azure-devops:acme/data/api', 'repository').webhooks).toEqual([]);
  });

  it('never puts the token into resources or stats', () => {
    expect(JSON.stringify(result)).not.toContain(PAT);
  });
});
