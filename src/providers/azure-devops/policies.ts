import type { BranchProtection } from '../../model/index.js';
import type { PolicyConfiguration } from './schema.js';
import { plural } from '../../shared/plural.js';

/** Branch policy type GUIDs (terraform-provider-azuredevops policy/branch/common.go). */
export const POLICY_TYPES = {
  minimumReviewers: 'fa4e907d-c16b-4a4c-9dfa-4906e5d171dd',
  build: '0609b952-1397-4640-95ec-e00a01b2c241',
  commentRequirements: 'c6a1889d-b943-4856-b76f-9e46bb6b0df2',
  workItemLinking: '40e92b44-2fe1-4dd6-b3d8-74a9c21d0c6e',
  mergeStrategy: 'fa4e907d-c16b-4a4c-9dfa-4916e5d171ab',
  requiredReviewers: 'fd2167ab-b0be-447a-8ec8-39368250530e',
  status: 'cbdc66da-9728-4af8-aada-9a5a32e4a226',
} as const;

const BRANCH_POLICY_TYPES = new Set<string>(Object.values(POLICY_TYPES));

const TYPE_NAMES: Record<string, string> = {
  [POLICY_TYPES.minimumReviewers]: 'Minimum number of reviewers',
  [POLICY_TYPES.build]: 'Build validation',
  [POLICY_TYPES.commentRequirements]: 'Comment requirements',
  [POLICY_TYPES.workItemLinking]: 'Work item linking',
  [POLICY_TYPES.mergeStrategy]: 'Require a merge strategy',
  [POLICY_TYPES.requiredReviewers]: 'Required reviewers',
  [POLICY_TYPES.status]: 'Status check',
};

/** Does this configuration's scope cover `ref` of repository `repoId`? */
export function appliesTo(config: PolicyConfiguration, repoId: string, ref: string): boolean {
  const scopes = config.settings?.scope ?? [];
  return scopes.some((s) => {
    if (s.repositoryId && s.repositoryId.toLowerCase() !== repoId.toLowerCase()) return false;
    const kind = (s.matchKind ?? '').toLowerCase();
    if (kind === 'defaultbranch') return true;
    if (!s.refName) return false;
    const name = s.refName.toLowerCase();
    const target = ref.toLowerCase();
    if (kind === 'exact') return name === target;
    if (kind === 'prefix') return target.startsWith(name);
    return false;
  });
}

/** Enabled and blocking: the only policies that hold a pull request back. */
export function isEffective(config: PolicyConfiguration): boolean {
  return config.isEnabled && config.isBlocking && config.isDeleted !== true;
}

/**
 * Merges every branch policy on the default branch into the provider-neutral protection
 * model. Disabled and non-blocking (optional) policies are listed as sources but count for
 * nothing. Azure DevOps cannot push directly to a branch with a required policy, so any
 * effective policy means pull requests are required.
 */
export function branchProtectionFrom(configs: PolicyConfiguration[], repoId: string, defaultRef: string): BranchProtection {
  const applicable = configs.filter((c) => BRANCH_POLICY_TYPES.has(c.type.id.toLowerCase()) && appliesTo(c, repoId, defaultRef));
  const effective = applicable.filter(isEffective);
  const ofType = (id: string) => effective.filter((c) => c.type.id.toLowerCase() === id);

  const reviewers = ofType(POLICY_TYPES.minimumReviewers);
  // Required reviewers without path filters gate every change too (one approval unless a minimum is set).
  const gatekeepers = ofType(POLICY_TYPES.requiredReviewers).filter((c) => !(c.settings?.filenamePatterns ?? []).length);
  // The creator's own vote makes one required approval self-service; GitHub and GitLab never count the author.
  const approvals = [
    ...reviewers.map((c) => Math.max(0, (c.settings?.minimumApproverCount ?? 0) - (c.settings?.creatorVoteCounts ? 1 : 0))),
    ...gatekeepers.map((c) => Math.max(0, (c.settings?.minimumApproverCount ?? 1) - (c.settings?.creatorVoteCounts ? 1 : 0))),
  ];
  const builds = ofType(POLICY_TYPES.build);
  const statuses = ofType(POLICY_TYPES.status).filter((c) => !c.settings?.policyApplicability);
  const checks = [
    ...builds.map((c) => c.settings?.displayName || `build definition ${c.settings?.buildDefinitionId ?? '?'}`),
    ...statuses.map((c) => [c.settings?.statusGenre, c.settings?.statusName].filter(Boolean).join('/') || 'status'),
  ];

  return {
    protected: effective.length > 0,
    pullRequestRequired: effective.length > 0,
    requiredApprovals: approvals.length ? Math.max(...approvals) : 0,
    dismissStaleApprovals: reviewers.some((c) => c.settings?.resetOnSourcePush === true || c.settings?.requireVoteOnLastIteration === true),
    codeOwnerReview: ofType(POLICY_TYPES.requiredReviewers).some((c) => (c.settings?.filenamePatterns ?? []).length > 0),
    statusChecksRequired: checks.length > 0,
    requiredStatusChecks: checks,
    // A build that expires as soon as the target branch moves is GitHub's "up to date" requirement.
    upToDateRequired: builds.some((c) => c.settings?.queueOnSourceUpdateOnly === false && c.settings?.validDuration === 0),
    sources: applicable.map((c) => ({
      type: 'branch-policy' as const,
      name: sourceName(c),
      enforcement: !c.isEnabled || c.isDeleted ? ('disabled' as const) : c.isBlocking ? ('active' as const) : ('evaluate' as const),
    })),
  };
}

function sourceName(c: PolicyConfiguration): string {
  const base = TYPE_NAMES[c.type.id.toLowerCase()] ?? c.type.displayName ?? c.type.id;
  const s = c.settings ?? {};
  const notes: string[] = [];
  if (c.type.id.toLowerCase() === POLICY_TYPES.minimumReviewers) {
    notes.push(plural(s.minimumApproverCount ?? 0, 'approver', 'approvers'));
    if (s.creatorVoteCounts) notes.push("creator's vote counts");
    if (s.allowDownvotes) notes.push('completion allowed with rejections');
    if (s.resetOnSourcePush) notes.push('votes reset on push');
  }
  if (c.type.id.toLowerCase() === POLICY_TYPES.mergeStrategy) {
    const allowed = (['allowSquash', 'allowNoFastForward', 'allowRebase', 'allowRebaseMerge'] as const).filter((k) => s[k]);
    if (allowed.length) notes.push(allowed.map((k) => k.replace(/^allow/, '').toLowerCase()).join('/'));
  }
  if (c.type.id.toLowerCase() === POLICY_TYPES.requiredReviewers && s.filenamePatterns?.length) notes.push(`paths ${s.filenamePatterns.slice(0, 5).join(', ')}`);
  return `${base} #${c.id}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
