import type { Environment, Gap } from '../../model/index.js';
import { MAINTAINER } from './access.js';
import type { Fetched } from './call.js';
import type { GitlabAccessLevel, GitlabEnvironment, GitlabProtectedEnvironment } from './schema.js';

const PRODUCTION = /prod/i;

/** Deployers are limited to people who can also push to protected branches (README: deployment mapping). */
const isRestrictedDeployer = (level: GitlabAccessLevel): boolean =>
  Boolean(level.user_id || level.group_id) || (level.access_level ?? 0) >= MAINTAINER;

/**
 * Protected environments carry the approval and deployer settings; the environment list adds
 * the deployment tier and environments nobody protected (which then have no approval at all).
 * When protection cannot be read (Free tier, missing role) the listed environments carry the gap.
 */
export function environmentResources(
  projectId: string,
  protection: Fetched<GitlabProtectedEnvironment[]>,
  envs: GitlabEnvironment[],
): Environment[] {
  const tiers = new Map(envs.map((e) => [e.name, e.tier ?? undefined]));
  const protectedEnvs = protection.ok ? protection.value : [];
  const result = protectedEnvs.map((p) => environmentResource(projectId, p, tiers.get(p.name)));
  const protectedNames = new Set(protectedEnvs.map((p) => p.name));
  for (const env of envs) {
    if (protectedNames.has(env.name) || env.state === 'stopped') continue;
    const resource: Environment = {
      id: `${projectId}/environment/${env.name}`,
      kind: 'environment',
      provider: 'gitlab',
      name: env.name,
      repository: projectId,
      production: isProduction(env.name, env.tier ?? undefined),
      gaps: { waitTimerMinutes: NO_WAIT_TIMER, allowedBranches: NO_BRANCH_LIST },
    };
    if (protection.ok) {
      resource.requiredReviewers = 0;
      resource.branchRestricted = false;
    } else {
      resource.gaps = { ...resource.gaps, requiredReviewers: protection.gap, branchRestricted: protection.gap };
    }
    result.push(resource);
  }
  return result;
}

const NO_WAIT_TIMER = { reason: 'not-applicable', message: 'GitLab protected environments have no wait timer' } as const;
const NO_BRANCH_LIST = { reason: 'unsupported', message: 'GitLab restricts who may deploy, not from which branches' } as const;

function isProduction(name: string, tier: string | undefined): boolean {
  return tier === 'production' || PRODUCTION.test(name);
}

function environmentResource(projectId: string, env: GitlabProtectedEnvironment, tier: string | undefined): Environment {
  const rules = env.approval_rules ?? [];
  // Approval rules must all be met; the largest is the least number of distinct approvers.
  const requiredReviewers = Math.max(env.required_approval_count ?? 0, ...rules.map((r) => r.required_approvals));
  return {
    id: `${projectId}/environment/${env.name}`,
    kind: 'environment',
    provider: 'gitlab',
    name: env.name,
    repository: projectId,
    production: isProduction(env.name, tier),
    requiredReviewers,
    branchRestricted: env.deploy_access_levels.length > 0 && env.deploy_access_levels.every(isRestrictedDeployer),
    gaps: { waitTimerMinutes: NO_WAIT_TIMER, allowedBranches: NO_BRANCH_LIST },
  };
}

/** Stands for environments that could not be listed (Free tier, missing role). */
export function unlistedEnvironments(projectId: string, gap: Gap): Environment {
  return {
    id: `${projectId}/environment/*`,
    kind: 'environment',
    provider: 'gitlab',
    name: `protected environments of ${projectId.slice('gitlab:'.length)}`,
    repository: projectId,
    gaps: { '*': gap },
  };
}
