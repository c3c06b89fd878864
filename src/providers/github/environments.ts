import type { Environment, Gap } from '../../model/index.js';
import type { GithubClient } from './client.js';
import { idSegment } from './ids.js';
import { BranchPolicyList, EnvironmentList, type GqlEnvironments } from './schema.js';

export interface EnvironmentsResult {
  environments: Environment[];
  gap?: Gap;
}

type Where = { owner: string; repo: string; repoId: string; htmlUrl: string };

const PRODUCTION = /prod/i;

/** Sorted by name whatever the source, so that GraphQL and REST give the same report. */
const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function environment(name: string, where: Where): Environment {
  return {
    id: `${where.repoId}/environment/${idSegment(name)}`,
    kind: 'environment',
    provider: 'github',
    name,
    url: `${where.htmlUrl}/settings/environments`,
    repository: where.repoId,
    production: PRODUCTION.test(name),
  };
}

/** The rule types whose facts GraphQL gives exactly; any other (or a truncated page) is read over REST. */
const GRAPHQL_RULES = new Set(['REQUIRED_REVIEWERS', 'WAIT_TIMER']);
type GqlEnvironment = NonNullable<GqlEnvironments['nodes'][number]>;
type GqlRule = NonNullable<GqlEnvironment['protectionRules']['nodes'][number]>;

/**
 * Environments from the GraphQL batch, or undefined when REST must read them: a truncated page,
 * a rule type we do not know, or a deployment branch policy (GitHub lists a BRANCH_POLICY rule
 * exactly when `deployment_branch_policy` is set, but only REST says protected branches or
 * which custom patterns). Without that rule no branch policy is set: branchRestricted is false.
 */
export function environmentsFromGraphql(envs: GqlEnvironments, where: Where): Environment[] | undefined {
  const nodes = envs.nodes.filter((n): n is GqlEnvironment => n !== null && !n.protectionRules.pageInfo.hasNextPage);
  if (envs.pageInfo.hasNextPage || nodes.length !== envs.totalCount) return undefined;
  const out: Environment[] = [];
  for (const node of nodes.sort(byName)) {
    const rules = node.protectionRules.nodes.filter((r): r is GqlRule => r !== null && GRAPHQL_RULES.has(r.type));
    if (rules.length !== node.protectionRules.nodes.length) return undefined;
    const env = environment(node.name, where);
    env.requiredReviewers = rules.filter((r) => r.type === 'REQUIRED_REVIEWERS').reduce((n, r) => n + r.reviewers.totalCount, 0);
    env.waitTimerMinutes = rules.find((r) => r.type === 'WAIT_TIMER')?.timeout ?? 0;
    env.branchRestricted = false;
    out.push(env);
  }
  return out;
}

/** Deployment environments and their protection rules (required reviewers, branch policy) over REST. */
export async function collectEnvironments(client: GithubClient, where: Where): Promise<EnvironmentsResult> {
  const res = await client.list('environments', 'GET /repos/{owner}/{repo}/environments', { owner: where.owner, repo: where.repo }, EnvironmentList, 'environments');
  if (!res.ok) {
    // Stands in for the environments we could not list, so deployment rules report why.
    const unknown: Environment = { id: `${where.repoId}/environments`, kind: 'environment', provider: 'github', name: `environments of ${where.owner}/${where.repo}`, repository: where.repoId, gaps: { '*': res.gap } };
    return { environments: [unknown], gap: res.gap };
  }
  const environments: Environment[] = [];
  for (const e of [...res.value].sort(byName)) {
    const env = environment(e.name, where);
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
