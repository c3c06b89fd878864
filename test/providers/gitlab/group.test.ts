import { beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, groupScenario } from '../../fakes/gitlab/scenarios.js';
import { collect, get, type Collected } from './helpers.js';

describe('gitlab group with nested subgroups and 200 projects (admin token, Premium)', () => {
  let c: Collected;
  beforeAll(async () => {
    c = await collect(groupScenario({ projects: 200 }), TOKENS.admin);
  });

  it('collects every project below the group, subgroups included, and not projects shared into it', () => {
    const repos = c.resources.filter((r) => r.kind === 'repository');
    expect(repos).toHaveLength(200);
    expect(c.byId.has('gitlab:other/shared')).toBe(false);
    expect(c.fake.requests.some((r) => r.includes('/groups/10/projects?') && r.includes('with_shared=false') && r.includes('include_subgroups=true'))).toBe(true);
    // 200 projects at per_page=100 take two pages, followed through Link rel="next".
    expect(c.fake.requests.filter((r) => r.includes('/groups/10/projects?')).length).toBe(2);
    expect(c.stats.projects).toBe(200);
    expect(c.stats.requests).toBe(c.fake.requests.length);
  });

  it('maps the group to an organization: 2FA policy, owners, members without 2FA', () => {
    const org = get(c, 'gitlab:acme', 'organization');
    expect(org.mfaRequired).toBe(true);
    expect(org.admins).toEqual(['alice', 'bob']);
    expect(org.adminCount).toBe(2);
    expect(org.membersWithoutMfa).toEqual(['bob', 'dave']);
    expect(org.defaultPermission).toBeUndefined();
    expect(org.gaps?.defaultPermission?.reason).toBe('unsupported');
  });

  it('derives the effective protection of the default branch', () => {
    const api = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(api.visibility).toBe('internal');
    expect(api.archived).toBe(false);
    expect(api.defaultBranch).toBe('main');
    expect(api.branchProtection).toEqual({
      protected: true,
      pullRequestRequired: true,
      forcePushAllowed: false,
      deletionAllowed: false,
      adminsIncluded: true,
      codeOwnerReview: true,
      statusChecksRequired: true,
      upToDateRequired: true,
      requiredApprovals: 3,
      dismissStaleApprovals: true,
      signedCommitsRequired: true,
      bypassActors: [{ type: 'deploy-key', name: 'Release deploy key', mode: 'push' }],
      sources: [{ type: 'protected-branch', name: 'main' }],
    });
  });

  it('reports an unprotected default branch and a never-set push rule as plain facts', () => {
    const site = get(c, 'gitlab:acme/web/site', 'repository');
    expect(site.visibility).toBe('public');
    expect(site.branchProtection).toMatchObject({
      protected: false,
      pullRequestRequired: false,
      forcePushAllowed: true,
      deletionAllowed: true,
      signedCommitsRequired: false,
      requiredApprovals: 1,
      upToDateRequired: false,
    });
  });

  it('keeps webhook targets to scheme and host and maps SSL verification', () => {
    const api = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(api.webhooks).toEqual([
      { id: '1', target: 'https://hooks.example.com', https: true, active: true, sslVerification: true },
      { id: '2', target: 'http://insecure.example.net:8080', https: false, active: false, sslVerification: false },
    ]);
    expect(JSON.stringify(c.resources)).not.toContain('XXXXSECRETPATH');
    expect(JSON.stringify(c.resources)).not.toContain('user:pass');
  });

  it('maps deploy keys and collaborators, marking members outside the top-level group', () => {
    const api = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(api.deployKeys).toEqual([
      { id: '1', title: 'Public key', readOnly: true, createdAt: '2013-10-02T10:12:29.000Z' },
      { id: '9', title: 'release', readOnly: false, createdAt: '2013-10-02T10:12:29.000Z' },
    ]);
    expect(api.collaborators).toEqual([
      { login: 'alice', permission: 'admin', outside: false },
      { login: 'bob', permission: 'admin', outside: false },
      { login: 'carol', permission: 'maintain', outside: false },
      { login: 'dave', permission: 'write', outside: false },
      { login: 'eve', permission: 'write', outside: true },
      { login: 'mallory', permission: 'read', outside: true },
    ]);
  });

  it('reads the pipeline and repository layout through the files API', () => {
    const api = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(api.pipelineFiles).toEqual(['.gitlab-ci.yml']);
    expect(api.buildsImages).toBe(true);
    expect(api.hasIac).toBe(true);
    expect(api.securityPolicy).toBe(true);
    expect(api.codeowners).toBe(true);
    const pipeline = get(c, 'gitlab:acme/platform/api/.gitlab-ci.yml', 'pipeline');
    expect(pipeline.repository).toBe('gitlab:acme/platform/api');
    expect(pipeline.platform).toBe('gitlab-ci');
    // The scanners come from `include: local: ci/security.yml`, read through the files API.
    expect(api.ciScans).toEqual({ sast: true, dependency: false, container: true, iac: false, secrets: false });
    expect(c.fake.requests).toContain('GET /api/v4/projects/101/repository/files/ci%2Fsecurity.yml/raw?ref=main');
    expect(get(c, 'gitlab:acme/svc-0004', 'repository').ciScans?.sast).toBe(true);
    expect(get(c, 'gitlab:acme/platform/api/Dockerfile', 'container-image')).toMatchObject({ repository: 'gitlab:acme/platform/api', runsAsRoot: false });
    // The custom ci_config_path of acme/web/site does not exist: no pipeline, nothing fetched for it.
    const site = get(c, 'gitlab:acme/web/site', 'repository');
    expect(site.pipelineFiles).toEqual([]);
    expect(site.buildsImages).toBe(false);
    expect(c.fake.requests.some((r) => r.includes('/projects/102/repository/files/'))).toBe(false);
    // A custom ci_config_path that exists is analysed as GitLab CI under its own path.
    const docs = get(c, 'gitlab:acme/web/docs', 'repository');
    expect(docs.pipelineFiles).toEqual(['ci/pipeline.yml']);
    expect(docs.ciScans?.dependency).toBe(true);
    expect(get(c, 'gitlab:acme/web/docs/ci/pipeline.yml', 'pipeline')).toMatchObject({ platform: 'gitlab-ci', path: 'ci/pipeline.yml', location: { path: 'ci/pipeline.yml' } });
  });

  it('marks an empty repository as not applicable instead of guessing', () => {
    const empty = get(c, 'gitlab:acme/empty', 'repository');
    expect(empty.branchProtection).toBeUndefined();
    expect(empty.gaps?.branchProtection?.reason).toBe('not-applicable');
    expect(empty.gaps?.ciScans?.reason).toBe('not-applicable');
  });

  it('turns access and deploy tokens into tokens with dates; null expiry means never', () => {
    expect(get(c, 'gitlab:acme/platform/api/token/42', 'token')).toMatchObject({
      tokenType: 'project-access-token',
      name: 'expired-token',
      expiresAt: '2024-01-31',
      createdAt: '2021-01-20T22:11:48.151Z',
      lastUsedAt: '2024-01-02T03:04:05.000Z',
      scopes: ['api'],
      revoked: false,
      active: true,
    });
    expect(get(c, 'gitlab:acme/platform/api/token/43', 'token')).toMatchObject({ expiresAt: null, lastUsedAt: null });
    const forever = get(c, 'gitlab:acme/platform/api/deploy-token/2', 'token');
    expect(forever).toMatchObject({ tokenType: 'deploy-token', expiresAt: null, active: true });
    expect(forever.gaps?.lastUsedAt?.reason).toBe('unsupported');
    // Expired and revoked tokens grant nothing any more: they are not judged.
    expect(get(c, 'gitlab:acme/platform/api/deploy-token/1', 'token').expiresAt).toBe('2020-02-14T00:00:00.000Z');
    expect(c.resources.find((r) => r.id === 'gitlab:acme/token/7')).toBeUndefined();
    expect(get(c, 'gitlab:acme/deploy-token/3', 'token').expiresAt).toBeNull();
  });

  it('turns CI/CD variables into secrets without values and without dates', () => {
    const db = get(c, 'gitlab:acme/platform/api/variable/DATABASE_PASSWORD', 'secret');
    expect(db).toMatchObject({ store: 'gitlab-ci-variable', masked: true, protected: true });
    expect(db.lastRotatedAt).toBeUndefined();
    expect(db.gaps?.lastRotatedAt?.reason).toBe('unsupported');
    expect(get(c, 'gitlab:acme/platform/api/variable/API_KEY', 'secret').masked).toBe(false);
    expect(get(c, 'gitlab:acme/platform/api/variable/API_KEY@staging', 'secret').scope).toContain('staging');
    expect(get(c, 'gitlab:acme/platform/api/variable/SIGNING_KEY', 'secret').masked).toBe(true);
    expect(get(c, 'gitlab:acme/variable/GROUP_DEPLOY_KEY', 'secret').protected).toBe(true);
    const text = JSON.stringify(c.resources);
    for (const value of ['hunter2-super-secret', 'plain-api-key-value', 'group-secret-value-123']) {
      expect(text).not.toContain(value);
      expect(c.redactor.redact(`x ${value} y`)).not.toContain(value);
    }
  });

  it('maps protected environments and unprotected production environments', () => {
    expect(get(c, 'gitlab:acme/platform/api/environment/production', 'environment')).toMatchObject({
      production: true,
      requiredReviewers: 2,
      branchRestricted: true,
      repository: 'gitlab:acme/platform/api',
    });
    expect(get(c, 'gitlab:acme/platform/api/environment/staging', 'environment')).toMatchObject({ production: false, requiredReviewers: 0, branchRestricted: false });
    expect(get(c, 'gitlab:acme/platform/api/environment/live-eu', 'environment')).toMatchObject({ production: true, requiredReviewers: 0, branchRestricted: false });
    expect(get(c, 'gitlab:acme/platform/api/environment/review/fix-foo', 'environment').production).toBe(false);
  });

  it('stays within the request budget it reports', () => {
    expect(Number(c.stats.requestsPerProject)).toBeLessThanOrEqual(16);
    expect(c.stats.rateLimitWaits).toBe(0);
  });
});
