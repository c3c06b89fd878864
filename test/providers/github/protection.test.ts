import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classicRuleFor, effectiveProtection, rulesetApplies } from '../../../src/providers/github/protection.js';
import { BranchRuleList, GqlBranchProtectionRule, type GqlRuleset } from '../../../src/providers/github/schema.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/github/${name}`, import.meta.url), 'utf8'));
const classic = GqlBranchProtectionRule.array().parse(fixture('graphql-branch-protection-rules.json'));
const rulesInForce = BranchRuleList.parse(fixture('rules-branches-main.json')).map((r) => ({ type: r.type, parameters: r.parameters, rulesetId: r.ruleset_id }));

function ruleset(over: Partial<GqlRuleset>): GqlRuleset {
  return {
    databaseId: 1,
    name: 'rs',
    enforcement: 'ACTIVE',
    target: 'BRANCH',
    source: null,
    conditions: { refName: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    bypassActors: { nodes: [] },
    rules: { nodes: [{ type: 'PULL_REQUEST', parameters: { requiredApprovingReviewCount: 1 } }] },
    ...over,
  };
}

describe('effective branch protection', () => {
  it('picks the exact classic rule over a wildcard', () => {
    expect(classicRuleFor(classic, 'main')?.pattern).toBe('main');
    expect(classicRuleFor(classic, 'dev')?.pattern).toBe('*');
  });

  it('merges classic protection with the rules in force to the strictest value', () => {
    const { protection, gaps } = effectiveProtection({ repo: { name: 'my-repo' }, defaultBranch: 'main', classic, rulesets: [], rulesInForce }, undefined);
    expect(protection).toMatchObject({
      protected: true,
      pullRequestRequired: true,
      requiredApprovals: 2,
      dismissStaleApprovals: true,
      codeOwnerReview: true,
      statusChecksRequired: true,
      requiredStatusChecks: ['ci/build'],
      upToDateRequired: true,
      forcePushAllowed: false,
      deletionAllowed: false,
      signedCommitsRequired: true,
    });
    // Rulesets seen only through rules/branches: who may bypass them is unknown.
    expect(protection?.bypassActors).toBeUndefined();
    expect(gaps['branchProtection.bypassActors']).toMatchObject({ reason: 'forbidden' });
    expect(gaps['branchProtection.adminsIncluded']).toMatchObject({ reason: 'forbidden' });
  });

  it('reads ruleset conditions: ref patterns, excludes, repository names', () => {
    const repo = { name: 'api', databaseId: 5 };
    expect(rulesetApplies(ruleset({}), repo, 'main')).toBe('yes');
    expect(rulesetApplies(ruleset({ conditions: { refName: { include: ['refs/heads/release/*'], exclude: [] } } }), repo, 'main')).toBe('no');
    expect(rulesetApplies(ruleset({ conditions: { refName: { include: ['~ALL'], exclude: ['refs/heads/ma*'] } } }), repo, 'main')).toBe('no');
    expect(rulesetApplies(ruleset({ conditions: { refName: { include: ['~ALL'], exclude: [] }, repositoryName: { include: ['web-*'], exclude: [] } } }), repo, 'main')).toBe('no');
    expect(rulesetApplies(ruleset({ conditions: { refName: { include: ['~ALL'], exclude: [] }, repositoryId: { repositoryIds: ['5'] } } }), repo, 'main')).toBe('yes');
    expect(rulesetApplies(ruleset({ conditions: { refName: { include: ['~ALL'], exclude: [] }, repositoryProperty: { include: [{ name: 'tier', propertyValues: ['1'] }], exclude: [] } } }), repo, 'main')).toBe('unknown');
    expect(rulesetApplies(ruleset({ target: 'TAG' }), repo, 'main')).toBe('no');
  });

  it('does not count a pull-request-only bypass for writers as bypassable by everyone', () => {
    const rs = ruleset({ bypassActors: { nodes: [{ bypassMode: 'PULL_REQUEST', organizationAdmin: false, repositoryRoleName: 'write', actor: null }] } });
    const { protection } = effectiveProtection({ repo: { name: 'api' }, defaultBranch: 'main', classic: [], rulesets: [rs] }, undefined);
    expect(protection).toMatchObject({ protected: true, pullRequestRequired: true, adminsIncluded: true });
  });

  it('leaves protection unknown when classic rules are hidden and no ruleset is in force', () => {
    const gap = { reason: 'forbidden' as const, message: 'needs admin' };
    const { protection, gaps } = effectiveProtection({ repo: { name: 'api' }, defaultBranch: 'main', rulesInForce: [] }, gap);
    expect(protection).toBeUndefined();
    expect(gaps.branchProtection).toEqual(gap);
  });
});
