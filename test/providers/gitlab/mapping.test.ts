import { describe, expect, it } from 'vitest';
import type { Gaps } from '../../../src/model/index.js';
import { hookTarget, permissionOf } from '../../../src/providers/gitlab/access.js';
import { branchPatternMatches, branchProtectionOf } from '../../../src/providers/gitlab/branches.js';
import { ProtectedBranchSchema } from '../../../src/providers/gitlab/schema.js';
import { fixture } from '../../fakes/gitlab/scenarios.js';

describe('gitlab mapping helpers', () => {
  it('maps GitLab roles to permissions', () => {
    expect([50, 40, 30, 20, 15, 10, 5].map(permissionOf)).toEqual(['admin', 'maintain', 'write', 'triage', 'triage', 'read', 'none']);
  });

  it('matches protected-branch wildcards the way GitLab does', () => {
    expect(branchPatternMatches('main', 'main')).toBe(true);
    expect(branchPatternMatches('release/*', 'release/1.0/hotfix')).toBe(true);
    expect(branchPatternMatches('*-stable', '16-stable')).toBe(true);
    expect(branchPatternMatches('ma.n', 'main')).toBe(false);
  });

  it('keeps only scheme and host of hook URLs', () => {
    expect(hookTarget('https://a:b@hooks.example.com:8443/x?token=1')).toEqual({ target: 'https://hooks.example.com:8443', https: true });
    expect(hookTarget('not a url')).toEqual({ target: 'unparseable-url', https: false });
  });

  it('accepts the docs example that spells code_owner_approval_required as a string', () => {
    const rule = fixture('approval-rule') as { protected_branches: unknown[] };
    const parsed = ProtectedBranchSchema.parse({ ...(rule.protected_branches[0] as object), id: 1, allow_force_push: false });
    expect(parsed.code_owner_approval_required).toBe(false);
  });
});

describe('gitlab effective protection when several rules match', () => {
  const project = { id: 1, name: 'api', path_with_namespace: 'acme/api', default_branch: 'main', only_allow_merge_if_pipeline_succeeds: false, merge_method: 'merge' };
  const rule = (name: string, pushLevel: number, forcePush: boolean, codeOwner: boolean) =>
    ProtectedBranchSchema.parse({
      ...fixture('protected-branch'),
      name,
      push_access_levels: [{ access_level: pushLevel, access_level_description: 'x' }],
      allow_force_push: forcePush,
      code_owner_approval_required: codeOwner,
    });

  it('takes the most permissive push and force-push setting and the strictest code-owner setting', () => {
    const gaps: Gaps = {};
    const protection = branchProtectionOf(
      {
        project,
        protectedBranches: { ok: true, value: [rule('main', 0, false, true), rule('m*', 40, true, false)] },
        approvals: { ok: true, value: { reset_approvals_on_push: false } },
        approvalRules: { ok: true, value: [] },
        pushRule: { ok: true, value: null },
      },
      gaps,
    );
    expect(protection).toMatchObject({
      protected: true,
      pullRequestRequired: false,
      forcePushAllowed: true,
      codeOwnerReview: true,
      requiredApprovals: 0,
      dismissStaleApprovals: false,
      signedCommitsRequired: false,
    });
    expect(protection?.sources).toHaveLength(2);
    expect(gaps).toEqual({});
  });

  it('leaves the whole protection absent when protected branches cannot be read', () => {
    const gaps: Gaps = {};
    const denied = { ok: false as const, gap: { reason: 'forbidden' as const, message: 'protected branches: HTTP 403' } };
    expect(branchProtectionOf({ project, protectedBranches: denied, approvals: denied, approvalRules: denied, pushRule: denied }, gaps)).toBeUndefined();
    expect(gaps.branchProtection).toEqual(denied.gap);
  });
});
