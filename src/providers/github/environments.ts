import type { Environment, Gap } from '../../model/index.js';
import type { GithubClient } from './client.js';
import { idSegment } from './ids.js';
import { BranchPolicyList, EnvironmentList } from './schema.js';

export interface EnvironmentsResult {
  environments: Environment[];
  gap?: Gap;
}

const PRODUCTION = /prod/i;

/** Deployment environments and their protection rules (required reviewers, branch policy). */
export async function collectEnvironments(client: GithubClient, where: { owner: string; repo: string; repoId: string; htmlUrl: string }): Promise<EnvironmentsResult> {
  const res = await client.list('environments', 'GET /repos/{owner}/{repo}/environments', { owner: where.owner, repo: where.repo }, EnvironmentList, 'environments');
  if (!res.ok) {
    // Stands in for the environments we could not list, so deployment rules report why.
    const unknown: Environment = { id: `${where.repoId}/environments`, kind: 'environment', provider: 'github', name: `environments of ${where.owner}/${where.repo}`, repository: where.repoId, gaps: { '*': res.gap } };
    return { environments: [unknown], gap: res.gap };
  }
  const environments: Environment[] = [];
  for (const e of res.value) {
    const env: Environment = {
      id: `${where.repoId}/environment/${idSegment(e.name)}`,
      kind: 'environment',
      provider: 'github',
      name: e.name,
      url: `${where.htmlUrl}/settings/environments`,
      repository: where.repoId,
      production: PRODUCTION.test(e.name),
    };
    const rules = e.protection_rules;
    if (rules) {
      env.requiredReviewers = rules.filter((r) => r.type === 'required_reviewers').reduce((n, r) => n + (r.reviewers?.length ?? 0), 0);
      const timer = rules.find((r) => r.type === 'wait_timer')?.wait_timer;
      env.waitTimerMinutes = timer ?? 0;
    } else {
      env.gaps = { requiredReviewers: { reason: 'malformed', message: 'environment without protection_rules' } };
    }
    const policy = e.deployment_branch_policy;
    env.branchRestricted = policy != null && (policy.protected_branches || policy.custom_branch_policies);
    if (policy?.custom_branch_policies) {
      const branches = await client.list(
        'environments',
        'GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies',
        { owner: where.owner, repo: where.repo, environment_name: e.name },
        BranchPolicyList,
        'branch_policies',
      );
      if (branches.ok) env.allowedBranches = branches.value.map((b) => b.name);
      else env.gaps = { ...env.gaps, allowedBranches: branches.gap };
    } else if (policy?.protected_branches) env.allowedBranches = ['(protected branches)'];
    environments.push(env);
  }
  return { environments };
}
