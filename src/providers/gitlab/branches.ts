import type { BranchProtection, Gaps } from '../../model/index.js';
import type { Fetched } from './call.js';
import type {
  GitlabAccessLevel,
  GitlabApprovalRule,
  GitlabApprovalSettings,
  GitlabProject,
  GitlabProtectedBranch,
} from './schema.js';

export interface BranchInputs {
  project: GitlabProject;
  protectedBranches: Fetched<GitlabProtectedBranch[]>;
  approvals: Fetched<GitlabApprovalSettings>;
  approvalRules: Fetched<GitlabApprovalRule[]>;
  pushRule: Fetched<{ reject_unsigned_commits?: boolean | null } | null>;
}

/** GitLab wildcards (`release/*`, `*-stable`): `*` matches any run of characters, slashes included. */
export function branchPatternMatches(pattern: string, branch: string): boolean {
  if (!pattern.includes('*')) return pattern === branch;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(branch);
}

const isRoleEntry = (level: GitlabAccessLevel): boolean => !level.user_id && !level.group_id && !level.deploy_key_id;

function bypassActorsOf(rules: GitlabProtectedBranch[]): NonNullable<BranchProtection['bypassActors']> {
  const actors: NonNullable<BranchProtection['bypassActors']> = [];
  for (const rule of rules) {
    for (const level of rule.push_access_levels) {
      const type = level.deploy_key_id ? 'deploy-key' : level.user_id ? 'user' : level.group_id ? 'group' : undefined;
      if (!type) continue;
      const ref = level.deploy_key_id ?? level.user_id ?? level.group_id;
      actors.push({ type, name: level.access_level_description ?? `${type} ${ref}`, mode: 'push' });
    }
  }
  return actors;
}

/**
 * Effective protection of the default branch. Where several protected-branch rules match,
 * GitLab applies the most permissive push/merge/force-push setting and requires code-owner
 * approval when any rule asks for it; approval rules without branches apply to every branch.
 */
export function branchProtectionOf(inputs: BranchInputs, gaps: Gaps): BranchProtection | undefined {
  const { project } = inputs;
  const branch = project.default_branch;
  if (!branch) {
    gaps.branchProtection = { reason: 'not-applicable', message: 'the project has no default branch (empty repository)' };
    return undefined;
  }
  if (!inputs.protectedBranches.ok) {
    gaps.branchProtection = inputs.protectedBranches.gap;
    return undefined;
  }
  const matching = inputs.protectedBranches.value.filter((pb) => branchPatternMatches(pb.name, branch));
  const isProtected = matching.length > 0;
  const protection: BranchProtection = {
    protected: isProtected,
    pullRequestRequired: isProtected && matching.every((pb) => pb.push_access_levels.filter(isRoleEntry).every((l) => (l.access_level ?? 0) === 0)),
    forcePushAllowed: !isProtected || matching.some((pb) => pb.allow_force_push),
    deletionAllowed: !isProtected,
    adminsIncluded: isProtected,
    sources: matching.map((pb) => ({ type: 'protected-branch' as const, name: pb.name })),
  };
  if (isProtected) {
    const actors = bypassActorsOf(matching);
    if (actors.length > 0) protection.bypassActors = actors;
    if (matching.some((pb) => pb.code_owner_approval_required === undefined)) {
      gaps['branchProtection.codeOwnerReview'] = {
        reason: 'unsupported',
        message: 'code owner approval is not available on this GitLab instance or plan (GitLab Premium)',
      };
    } else {
      protection.codeOwnerReview = matching.some((pb) => pb.code_owner_approval_required === true);
    }
  } else {
    protection.codeOwnerReview = false;
  }

  if (project.only_allow_merge_if_pipeline_succeeds === undefined) {
    gaps['branchProtection.statusChecksRequired'] = { reason: 'malformed', message: 'project: only_allow_merge_if_pipeline_succeeds missing' };
  } else {
    protection.statusChecksRequired = project.only_allow_merge_if_pipeline_succeeds;
  }
  if (project.merge_method === undefined) {
    gaps['branchProtection.upToDateRequired'] = { reason: 'malformed', message: 'project: merge_method missing' };
  } else {
    // Fast-forward and semi-linear merges refuse a merge request that is behind its target.
    protection.upToDateRequired = project.merge_method !== 'merge';
  }

  if (inputs.approvalRules.ok) {
    const names = new Set(matching.map((pb) => pb.name));
    const applicable = inputs.approvalRules.value.filter(
      (rule) =>
        rule.rule_type !== 'report_approver' &&
        ((rule.applies_to_all_protected_branches === true && isProtected) ||
          (rule.protected_branches ?? []).length === 0 ||
          (rule.protected_branches ?? []).some((pb) => names.has(pb.name))),
    );
    // Rules are cumulative; the largest one is the least number of approvals a merge needs.
    protection.requiredApprovals = applicable.reduce((max, rule) => Math.max(max, rule.approvals_required), 0);
  } else {
    gaps['branchProtection.requiredApprovals'] = inputs.approvalRules.gap;
  }
  if (inputs.approvals.ok) {
    protection.dismissStaleApprovals = inputs.approvals.value.reset_approvals_on_push;
  } else {
    gaps['branchProtection.dismissStaleApprovals'] = inputs.approvals.gap;
  }
  if (inputs.pushRule.ok) {
    // A push rule that was never configured (null) rejects nothing.
    protection.signedCommitsRequired = inputs.pushRule.value?.reject_unsigned_commits === true;
  } else {
    gaps['branchProtection.signedCommitsRequired'] = inputs.pushRule.gap;
  }
  return protection;
}
