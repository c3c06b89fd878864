import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { branchProtectionFrom, POLICY_TYPES } from '../../../src/providers/azure-devops/policies.js';
import { PolicyConfiguration, type AccessControlList } from '../../../src/providers/azure-devops/schema.js';
import { applyBranchSecurity, branchSecurity, branchTokenChain, encodeRefSegment } from '../../../src/providers/azure-devops/security.js';

// The official vsts-rest-api-specs 7.1 example of GET _apis/policy/configurations.
const example = JSON.parse(readFileSync(new URL('../../../fixtures/azure-devops/policy-configurations.7.1.json', import.meta.url), 'utf8')) as { value: unknown[] };
const configs = example.value.map((v) => PolicyConfiguration.parse(v));

const make = (id: number, type: string, settings: Record<string, unknown>, flags: { isEnabled?: boolean; isBlocking?: boolean } = {}) =>
  PolicyConfiguration.parse({
    id,
    type: { id: type, displayName: 'x' },
    isEnabled: flags.isEnabled ?? true,
    isBlocking: flags.isBlocking ?? true,
    settings: { ...settings, scope: [{ refName: 'refs/heads/main', matchKind: 'Exact', repositoryId: null }] },
  });

describe('branch policies -> protection', () => {
  it('reads the official 7.1 example: blocking required reviewers count, the non-blocking minimum does not', () => {
    const p = branchProtectionFrom(configs, '00000000-0000-0000-0000-000000000000', 'refs/heads/master');
    expect(p).toMatchObject({ protected: true, pullRequestRequired: true, requiredApprovals: 0, codeOwnerReview: true, statusChecksRequired: false });
    expect(p.sources?.map((s) => s.enforcement)).toEqual(['active', 'evaluate']);
  });

  it('matches Prefix scopes and repository-bound scopes', () => {
    expect(branchProtectionFrom(configs, 'x', 'refs/heads/releases/1.0').protected).toBe(true);
    expect(branchProtectionFrom(configs, '49c1d4d0-be28-4f20-9e0a-4ecfafc39257', 'refs/heads/adventureworks').protected).toBe(true);
    expect(branchProtectionFrom(configs, 'other-repo', 'refs/heads/adventureworks').protected).toBe(false);
    // The build policy is non-blocking and scoped to features/ only.
    expect(branchProtectionFrom(configs, 'x', 'refs/heads/features/a').statusChecksRequired).toBe(false);
  });

  it('counts build validation and unconditional status policies as required checks', () => {
    const p = branchProtectionFrom(
      [
        make(1, POLICY_TYPES.build, { buildDefinitionId: 7, displayName: 'ci', queueOnSourceUpdateOnly: true, validDuration: 720 }),
        make(2, POLICY_TYPES.status, { statusName: 'sonar', statusGenre: 'qa' }),
        make(3, POLICY_TYPES.status, { statusName: 'optional-lint', policyApplicability: 1 }),
        make(4, POLICY_TYPES.mergeStrategy, { allowSquash: true }),
      ],
      'r',
      'refs/heads/main',
    );
    expect(p).toMatchObject({ statusChecksRequired: true, requiredStatusChecks: ['ci', 'qa/sonar'], upToDateRequired: false, requiredApprovals: 0, dismissStaleApprovals: false });
    expect(p.sources?.find((s) => s.name.startsWith('Require a merge strategy'))?.name).toMatch(/squash/);
  });

  it('takes the strictest reviewer policy and treats requireVoteOnLastIteration as dismissing stale votes', () => {
    const p = branchProtectionFrom(
      [make(1, POLICY_TYPES.minimumReviewers, { minimumApproverCount: 1 }), make(2, POLICY_TYPES.minimumReviewers, { minimumApproverCount: 3, requireVoteOnLastIteration: true })],
      'r',
      'refs/heads/main',
    );
    expect(p).toMatchObject({ requiredApprovals: 3, dismissStaleApprovals: true });
  });

  it('counts required reviewers on every path as approvals, path-filtered ones as code-owner review', () => {
    const all = branchProtectionFrom([make(1, POLICY_TYPES.requiredReviewers, { requiredReviewerIds: ['g'] })], 'r', 'refs/heads/main');
    expect(all).toMatchObject({ requiredApprovals: 1, codeOwnerReview: false });
    const paths = branchProtectionFrom([make(1, POLICY_TYPES.requiredReviewers, { requiredReviewerIds: ['g'], filenamePatterns: ['/infra/*'] })], 'r', 'refs/heads/main');
    expect(paths).toMatchObject({ requiredApprovals: 0, codeOwnerReview: true });
  });

  it('encodes branch security tokens as Azure DevOps does', () => {
    expect(encodeRefSegment('main')).toBe('6d00610069006e00');
    expect(branchTokenChain('p', 'r', 'release/1.0').slice(-3)).toEqual([
      'repoV2/p/r/refs/heads',
      'repoV2/p/r/refs/heads/720065006c006500610073006500',
      'repoV2/p/r/refs/heads/720065006c006500610073006500/31002e003000',
    ]);
  });

  it('treats force-push holders it cannot name as non-administrators (fail closed)', () => {
    const acls = new Map([['repov2/p', { token: 'repoV2/p', acesDictionary: { g: { descriptor: 'g', allow: 8, deny: 0 } } }]]);
    const sec = branchSecurity(acls, branchTokenChain('p', 'r', 'main'));
    const named = { protected: true };
    applyBranchSecurity(named, sec, () => '[p]\\Project Administrators');
    expect(named).toMatchObject({ forcePushAllowed: false, adminsIncluded: false });
    const unnamed = { protected: true };
    applyBranchSecurity(unnamed, sec, () => undefined);
    expect(unnamed).toMatchObject({ forcePushAllowed: true, deletionAllowed: true, adminsIncluded: true, bypassActors: [] });
  });

  it('lets a non-inheriting ACL reset what came from above', () => {
    const acls = new Map<string, AccessControlList>([
      ['repov2/p', { token: 'repoV2/p', acesDictionary: { g: { descriptor: 'g', allow: 8, deny: 0 } } }],
      ['repov2/p/r', { token: 'repoV2/p/r', inheritPermissions: false, acesDictionary: {} }],
    ]);
    expect(branchSecurity(acls, branchTokenChain('p', 'r', 'main')).forcePush).toEqual([]);
  });
});
