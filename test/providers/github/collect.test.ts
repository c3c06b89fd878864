import { describe, expect, it } from 'vitest';
import { Resource } from '../../../src/model/index.js';
import type { Environment, Organization, Repository, Secret, Token } from '../../../src/model/index.js';
import { makeRepo } from '../../fakes/github/model.js';
import { ADMIN_TOKEN, READER_TOKEN, collect, spec, standardState, fakeGithubPerTest } from './helpers.js';

const startFake = fakeGithubPerTest();

describe('github provider: organization scan with an admin token', () => {
  it('collects the org, its repositories and their settings, mapped to the model', async () => {
    const fake = await startFake(standardState());
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    for (const r of run.result.resources) expect(() => Resource.parse(r)).not.toThrow();
    expect(JSON.stringify(run.result)).not.toContain(ADMIN_TOKEN);
    expect(run.debug.join('\n')).not.toContain(ADMIN_TOKEN);
    // Hook URLs carry credentials in their query: only scheme and host are kept.
    expect(JSON.stringify(run.result)).not.toContain('s3cr3t');
    expect(run.result.stats).toMatchObject({ 'github.repositories': 4, 'github.notModified': 0 });
    expect(Number(run.result.stats['github.requests'])).toBe(fake.log.length);

    const org = run.byId('github:acme') as Organization;
    expect(org).toMatchObject({ mfaRequired: true, membersWithoutMfa: ['carol'], admins: ['alice', 'bob'], adminCount: 2, defaultPermission: 'read', defaultWorkflowPermissions: 'read', allowedActions: 'selected' });
    expect(run.byId('github:acme/secret/NPM_TOKEN')).toMatchObject({ kind: 'secret', store: 'github-actions', scope: 'org', createdAt: '2024-01-01T00:00:00Z', lastRotatedAt: '2024-02-01T00:00:00Z' } satisfies Partial<Secret>);

    const ids = run.result.resources.filter((r) => r.kind === 'repository').map((r) => r.id);
    expect(ids.sort()).toEqual(['github:acme/api', 'github:acme/bypass', 'github:acme/evaluate', 'github:acme/web']);

    const api = run.byId('github:acme/api') as Repository;
    expect(api).toMatchObject({
      visibility: 'private',
      archived: false,
      fork: false,
      defaultBranch: 'main',
      secretScanning: true,
      secretScanningPushProtection: true,
      dependencyAlerts: true,
      securityPolicy: true,
      codeowners: true,
      buildsImages: true,
      hasIac: true,
      pipelineFiles: ['.github/workflows/ci.yml'],
      // The org default `read` forces `read` on every repository.
      defaultWorkflowPermissions: 'read',
      collaborators: [{ login: 'contractor', permission: 'write', outside: true }],
      deployKeys: [{ id: 'DK_7', title: 'ci deploy', readOnly: false, createdAt: '2024-03-01T00:00:00Z' }],
    });
    expect(api.webhooks).toEqual([
      { id: '1', target: 'https://hooks.example.com', active: true, https: true, sslVerification: true },
      { id: '2', target: 'http://plain.example.com', active: true, https: false, sslVerification: false },
    ]);
    expect(api.branchProtection).toMatchObject({
      protected: true,
      pullRequestRequired: true,
      requiredApprovals: 2,
      dismissStaleApprovals: true,
      statusChecksRequired: true,
      requiredStatusChecks: ['ci/build'],
      upToDateRequired: true,
      forcePushAllowed: false,
      deletionAllowed: false,
      adminsIncluded: true,
      sources: [{ type: 'classic', name: 'main' }],
    });
    expect(api.gaps).toBeUndefined();

    expect(run.byId('github:acme/api/secret/DB_PASSWORD')).toMatchObject({ scope: 'repo', lastRotatedAt: '2025-06-01T00:00:00Z' });
    expect(run.byId('github:acme/api/environment/production/secret/DEPLOY_KEY')).toMatchObject({ scope: 'environment:production' });
    expect(run.byId('github:acme/api/environment/production')).toMatchObject({ production: true, requiredReviewers: 2, branchRestricted: true, allowedBranches: ['main'] } satisfies Partial<Environment>);
    expect(run.byId('github:acme/api/environment/staging')).toMatchObject({ production: false, requiredReviewers: 0, branchRestricted: false });
    const key = run.result.resources.find((r) => r.kind === 'token') as Token;
    expect(key).toMatchObject({ tokenType: 'deploy-key', createdAt: '2024-03-01T00:00:00Z', expiresAt: null });
    expect(run.byId('github:acme/api/.github/workflows/ci.yml')).toMatchObject({ kind: 'pipeline', platform: 'github-actions', repository: 'github:acme/api' });
    expect(run.byId('github:acme/api/Dockerfile')).toMatchObject({ kind: 'container-image', repository: 'github:acme/api' });
  });

  it('counts a repository protected only by an active ruleset as protected', async () => {
    const fake = await startFake(standardState());
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const web = run.byId('github:acme/web') as Repository;
    expect(web.branchProtection).toMatchObject({
      protected: true,
      pullRequestRequired: true,
      requiredApprovals: 1,
      dismissStaleApprovals: true,
      forcePushAllowed: false,
      deletionAllowed: false,
      adminsIncluded: true,
      bypassActors: [],
      sources: [{ type: 'ruleset', name: 'protect main', enforcement: 'active' }],
    });
  });

  it('does not count a ruleset in evaluate mode or one every writer may bypass', async () => {
    const fake = await startFake(standardState());
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const evaluate = run.byId('github:acme/evaluate') as Repository;
    expect(evaluate.branchProtection).toMatchObject({ protected: false, pullRequestRequired: false, sources: [{ type: 'ruleset', name: 'trial', enforcement: 'evaluate' }] });
    const bypass = run.byId('github:acme/bypass') as Repository;
    expect(bypass.branchProtection?.protected).toBe(false);
    expect(bypass.branchProtection?.pullRequestRequired).toBe(false);
    expect(bypass.branchProtection?.bypassActors).toEqual([{ type: 'RepositoryRole', name: 'write', mode: 'always' }]);
  });

  it('applies org rulesets that target the repository', async () => {
    const state = standardState();
    state.org.orgRulesets.push({
      id: 90,
      name: 'org baseline',
      source_type: 'Organization',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] }, repository_name: { include: ['eval*'], exclude: [] } },
      bypass_actors: [{ actor_type: 'OrganizationAdmin', bypass_mode: 'always' }],
      rules: [{ type: 'required_signatures' }, { type: 'required_status_checks', parameters: { strict_required_status_checks_policy: true, required_status_checks: [{ context: 'org/check' }] } }],
    });
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const evaluate = run.byId('github:acme/evaluate') as Repository;
    expect(evaluate.branchProtection).toMatchObject({ protected: true, signedCommitsRequired: true, statusChecksRequired: true, requiredStatusChecks: ['org/check'], upToDateRequired: true, adminsIncluded: false });
    expect(evaluate.branchProtection?.bypassActors).toEqual([{ type: 'OrganizationAdmin', name: 'organization admins', mode: 'always' }]);
    expect((run.byId('github:acme/web') as Repository).branchProtection?.signedCommitsRequired).toBe(false);
  });

  it('asks GitHub which rulesets are in force when an org ruleset targets custom properties', async () => {
    const state = standardState();
    state.repos.find((r) => r.name === 'evaluate')!.properties = { tier: 'critical' };
    state.org.orgRulesets.push({
      id: 91,
      name: 'critical repos',
      source_type: 'Organization',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] }, repository_property: { include: [{ name: 'tier', property_values: ['critical'] }], exclude: [] } },
      bypass_actors: [],
      rules: [{ type: 'pull_request', parameters: { required_approving_review_count: 3 } }],
    });
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect((run.byId('github:acme/evaluate') as Repository).branchProtection).toMatchObject({ protected: true, requiredApprovals: 3, adminsIncluded: true, bypassActors: [] });
    expect((run.byId('github:acme/web') as Repository).branchProtection?.requiredApprovals).toBe(1);
    expect((run.byId('github:acme/api') as Repository).branchProtection?.requiredApprovals).toBe(2);
  });

  it('falls back to the rules in force when a repository has more rulesets than one GraphQL page', async () => {
    const state = standardState();
    const others = Array.from({ length: 10 }, (_, i) => ({
      id: 200 + i,
      name: `feature ${i}`,
      source_type: 'Repository' as const,
      enforcement: 'active' as const,
      conditions: { ref_name: { include: [`refs/heads/feature-${i}`], exclude: [] } },
      bypass_actors: [],
      rules: [{ type: 'deletion' }],
    }));
    state.repos.push(
      makeRepo('acme', 'crowded', {
        rulesets: [
          ...others,
          { id: 300, name: 'main', source_type: 'Repository', enforcement: 'active', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } }, bypass_actors: [{ actor_type: 'RepositoryRole', role: 'maintain', bypass_mode: 'always' }], rules: [{ type: 'non_fast_forward' }] },
        ],
      }),
    );
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const crowded = run.byId('github:acme/crowded') as Repository;
    // The ruleset beyond the first page is read over REST, bypass actors included.
    expect(crowded.branchProtection).toMatchObject({ protected: true, forcePushAllowed: false, deletionAllowed: true, adminsIncluded: true, bypassActors: [{ type: 'RepositoryRole', name: 'maintain', mode: 'always' }] });
    expect(crowded.gaps).toBeUndefined();
    expect(fake.count(/\/rulesets\/300$/)).toBe(1);
  });

  it('asks REST for the governing classic rule when there are more rules than one GraphQL page', async () => {
    const state = standardState();
    const feature = Array.from({ length: 59 }, (_, i) => ({ pattern: `feature-${i}` }));
    state.repos.push(
      makeRepo('acme', 'many', { classicRules: [...feature, { pattern: 'main', requiresApprovingReviews: true, requiredApprovingReviewCount: 2, requiresCommitSignatures: true }] }),
      makeRepo('acme', 'many-open', { classicRules: [...feature, { pattern: 'other' }] }),
    );
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect((run.byId('github:acme/many') as Repository).branchProtection).toMatchObject({ protected: true, requiredApprovals: 2, signedCommitsRequired: true, forcePushAllowed: false });
    // 404 "Branch not protected" means no classic rule, not "unknown".
    expect((run.byId('github:acme/many-open') as Repository).branchProtection).toMatchObject({ protected: false });
    expect(fake.count(/\/branches\/main\/protection$/)).toBe(2);
  });

  it('honours include/exclude globs and can include archived repositories and forks', async () => {
    const fake = await startFake(standardState());
    const run = await collect(fake, spec({ githubOrg: 'acme', include: ['acme/*'], exclude: ['b*'], includeArchived: true, includeForks: true }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const ids = run.result.resources.filter((r) => r.kind === 'repository').map((r) => r.id);
    expect(ids.sort()).toEqual(['github:acme/api', 'github:acme/evaluate', 'github:acme/fork-of-thing', 'github:acme/legacy', 'github:acme/web']);
  });
});

describe('github provider: a token without admin rights', () => {
  it('leaves admin-only facts absent with forbidden gaps naming the permission', async () => {
    const fake = await startFake(standardState());
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: READER_TOKEN });
    const org = run.byId('github:acme') as Organization;
    expect(org.mfaRequired).toBeUndefined();
    expect(org.gaps?.mfaRequired).toMatchObject({ reason: 'forbidden', outcome: 'skip' });
    expect(org.gaps?.mfaRequired?.message).toMatch(/admin:org/);
    expect(org.gaps?.membersWithoutMfa?.message).toMatch(/organization owner/);
    expect(org.adminCount).toBe(2);

    const api = run.byId('github:acme/api') as Repository;
    for (const f of ['webhooks', 'deployKeys', 'collaborators', 'secretScanning', 'dependencyAlerts', 'defaultWorkflowPermissions']) {
      expect((api as Record<string, unknown>)[f], f).toBeUndefined();
      expect(api.gaps?.[f], f).toMatchObject({ reason: 'forbidden' });
    }
    expect(api.gaps?.webhooks?.message).toMatch(/read:repo_hook/);
    // Secrets that could not be listed stand in as one resource with the reason, so secret rules say why.
    expect(run.byId('github:acme/api/secrets')).toMatchObject({ kind: 'secret', scope: 'repo', gaps: { '*': { reason: 'forbidden' } } });
    expect(run.byId('github:acme/secrets').gaps?.['*']?.message).toMatch(/admin:org/);
    // Classic protection needs admin: with no ruleset in force, protection is unknown, not false.
    expect(api.branchProtection).toBeUndefined();
    expect(api.gaps?.branchProtection?.message).toMatch(/Administration: read/);

    // A ruleset in force proves protection even when classic rules are hidden; the rest stays unknown.
    const web = run.byId('github:acme/web') as Repository;
    expect(web.branchProtection).toMatchObject({ protected: true, pullRequestRequired: true, requiredApprovals: 1, forcePushAllowed: false, deletionAllowed: false });
    expect(web.branchProtection?.adminsIncluded).toBeUndefined();
    expect(web.gaps?.['branchProtection.adminsIncluded']).toMatchObject({ reason: 'forbidden' });
    expect(web.gaps?.['branchProtection.signedCommitsRequired']).toMatchObject({ reason: 'forbidden' });
  });

  it('turns forbidden data into errors when the target was named explicitly', async () => {
    const fake = await startFake(standardState());
    const run = await collect(fake, spec({ repos: ['acme/api'], explicit: true }), { GITHUB_TOKEN: READER_TOKEN });
    const api = run.byId('github:acme/api') as Repository;
    expect(api.gaps?.webhooks).toMatchObject({ reason: 'forbidden', outcome: 'error' });
  });
});
