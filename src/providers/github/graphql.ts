import type { Gap } from '../../model/index.js';
import type { GithubClient } from './client.js';
import { accessNeeds, needText } from './permissions.js';
import { gapForGraphqlError, type RepoRef } from './repos.js';
import { GqlRepository, type GqlRepository as GqlRepositoryT } from './schema.js';
import { TREE_FIELD } from './tree.js';

/**
 * Connection sizes keep a 100-repository query near 65 points of GraphQL rate limit (cost =
 * requests implied by nested `first:` values / 100; environments, their rules and reviewer
 * counts take 20 of them); longer lists overflow to REST.
 *
 * One GraphQL query per batch of repositories (by node id) for everything GraphQL exposes:
 * default branch, classic protection rules, rulesets, outside collaborators, deploy keys,
 * Dependabot alerts, security policy, environments and their protection rules, the workflow
 * files' text and the shallow file tree. REST does the rest.
 */
const BASIC_FIELDS = `
  id databaseId nameWithOwner viewerPermission isSecurityPolicyEnabled
  defaultBranchRef { name }
  rulesets(first: 10, includeParents: true) {
    totalCount pageInfo { hasNextPage }
    nodes {
      databaseId name enforcement target
      source { __typename ... on Repository { nameWithOwner } ... on Organization { login } }
      conditions {
        refName { include exclude }
        repositoryName { include exclude protected }
        repositoryId { repositoryIds }
        repositoryProperty { include { name propertyValues } exclude { name propertyValues } }
      }
      bypassActors(first: 20) {
        pageInfo { hasNextPage }
        nodes { bypassMode organizationAdmin repositoryRoleName actor { __typename ... on App { slug } ... on Team { slug } } }
      }
      rules(first: 30) {
        pageInfo { hasNextPage }
        nodes {
          type
          parameters {
            ... on PullRequestParameters { requiredApprovingReviewCount dismissStaleReviewsOnPush requireCodeOwnerReview requireLastPushApproval }
            ... on RequiredStatusChecksParameters { strictRequiredStatusChecksPolicy requiredStatusChecks { context } }
          }
        }
      }
    }
  }
  environments(first: 5) {
    totalCount pageInfo { hasNextPage }
    nodes { name protectionRules(first: 3) { pageInfo { hasNextPage } nodes { type timeout reviewers(first: 1) { totalCount } } } }
  }
  workflows: object(expression: "HEAD:.github/workflows") {
    ... on Tree { entries { name path type object { ... on Blob { text isBinary isTruncated } } } }
  }
  rootDockerfile: object(expression: "HEAD:Dockerfile") { ... on Blob { text isTruncated } }${TREE_FIELD}`;

const ADMIN_FIELDS = `
  hasVulnerabilityAlertsEnabled
  branchProtectionRules(first: 20) {
    totalCount pageInfo { hasNextPage }
    nodes {
      pattern isAdminEnforced allowsForcePushes allowsDeletions
      requiresApprovingReviews requiredApprovingReviewCount requiresCodeOwnerReviews dismissesStaleReviews
      requiresStatusChecks requiresStrictStatusChecks requiredStatusCheckContexts requiresCommitSignatures
      bypassPullRequestAllowances(first: 10) { nodes { actor { __typename ... on User { login } ... on Team { slug } ... on App { slug } } } }
    }
  }
  collaborators(affiliation: OUTSIDE, first: 100) { totalCount pageInfo { hasNextPage } edges { permission node { login } } }
  deployKeys(first: 100) { totalCount pageInfo { hasNextPage } nodes { id title readOnly createdAt } }`;

export function repoQuery(admin: boolean): string {
  return `query SecpolRepositories($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Repository {${BASIC_FIELDS}${admin ? ADMIN_FIELDS : ''}
    }
  }
  rateLimit { cost remaining used limit }
}`;
}

export interface RepoDetails {
  repo?: GqlRepositoryT;
  /** Whether the admin-only fields were asked for and answered. */
  admin: boolean;
  /** Gap per model field, from GraphQL errors (by path) or a failed node. */
  gaps: Record<string, Gap>;
}

const FIELD_TO_MODEL: Record<string, string[]> = {
  branchProtectionRules: ['branchProtection'],
  rulesets: ['branchProtection'],
  defaultBranchRef: ['defaultBranch', 'branchProtection'],
  collaborators: ['collaborators'],
  deployKeys: ['deployKeys'],
  hasVulnerabilityAlertsEnabled: ['dependencyAlerts'],
  isSecurityPolicyEnabled: ['securityPolicy'],
  workflows: ['pipelineFiles', 'ciScans'],
  // A tree or an environment list GitHub could not give is asked over REST, not a gap.
  environments: [],
  tree: [],
};

const WHOLE_NODE = ['defaultBranch', 'branchProtection', 'securityPolicy', 'dependencyAlerts', 'collaborators', 'deployKeys', 'pipelineFiles', 'ciScans', 'environments'];

/** A failed query of more repositories than this is halved (100 -> 50 -> 25: at most 7 queries) before its repositories get gaps. */
const MIN_SPLIT_BATCH = 25;

/** One batch (at most 100 ids): admin fields where the token may be admin, without them otherwise. */
export async function fetchRepoDetails(client: GithubClient, refs: RepoRef[], explicit: boolean): Promise<Map<string, RepoDetails>> {
  const out = new Map<string, RepoDetails>();
  const admins = refs.filter((r) => r.viewerAdmin !== false);
  const basic = refs.filter((r) => r.viewerAdmin === false);
  if (admins.length) await runBatch(client, admins, true, explicit, out, basic);
  if (basic.length) await runBatch(client, basic, false, explicit, out, undefined);
  return out;
}

async function runBatch(
  client: GithubClient,
  batch: RepoRef[],
  admin: boolean,
  explicit: boolean,
  out: Map<string, RepoDetails>,
  retryBasic: RepoRef[] | undefined,
): Promise<void> {
  let result;
  try {
    result = await client.graphql(repoQuery(admin), { ids: batch.map((r) => r.nodeId) });
  } catch (err) {
    if (err instanceof Error && err.name === 'UserError') throw err;
    // GitHub ends a query that runs past its time limit as a whole (a 502 on every retry): the
    // same repositories in smaller queries usually pass, so halve before recording gaps.
    if (batch.length > MIN_SPLIT_BATCH && !/JSON/i.test(String(err))) {
      const half = Math.ceil(batch.length / 2);
      await runBatch(client, batch.slice(0, half), admin, explicit, out, retryBasic);
      await runBatch(client, batch.slice(half), admin, explicit, out, retryBasic);
      return;
    }
    const gap: Gap = /JSON/i.test(String(err)) ? { reason: 'malformed', message: 'GraphQL: malformed response' } : { reason: 'error', message: `GraphQL: ${String(err instanceof Error ? err.message : err).split('\n')[0]}` };
    for (const r of batch) out.set(r.nodeId, { admin, gaps: Object.fromEntries(WHOLE_NODE.map((f) => [f, gap])) });
    return;
  }
  const nodes = (result.data as { nodes?: unknown } | null)?.nodes;
  const fieldErrors = new Map<number, Record<string, Gap>>();
  // The first error of each node, even one REST makes up for: it says why a node is null.
  const nodeErrors = new Map<number, Gap>();
  for (const e of result.errors) {
    const [head, index, field] = e.path ?? [];
    if (head !== 'nodes' || typeof index !== 'number') continue;
    const gaps = fieldErrors.get(index) ?? {};
    const what = typeof field === 'string' ? field : 'repository';
    const gap = gapForGraphqlError(e.type, e.message, `GraphQL ${what}`, explicit);
    if (!nodeErrors.has(index)) nodeErrors.set(index, gap);
    for (const f of (typeof field === 'string' ? FIELD_TO_MODEL[field] : undefined) ?? WHOLE_NODE) gaps[f] ??= gap;
    fieldErrors.set(index, gaps);
  }
  batch.forEach((ref, i) => {
    const node = Array.isArray(nodes) ? nodes[i] : undefined;
    const errs = fieldErrors.get(i) ?? {};
    if (node === null || node === undefined) {
      // A non-null admin field that failed nulls the whole node: ask again without them.
      if (admin && retryBasic) {
        retryBasic.push(ref);
        return;
      }
      const gap: Gap = Object.values(errs)[0] ?? nodeErrors.get(i) ?? { reason: 'error', message: `GraphQL returned no data for ${ref.fullName}` };
      out.set(ref.nodeId, { admin, gaps: Object.fromEntries(WHOLE_NODE.map((f) => [f, gap])) });
      return;
    }
    const parsed = GqlRepository.safeParse(node);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const gap: Gap = { reason: 'malformed', message: `GraphQL repository: response failed validation (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})` };
      out.set(ref.nodeId, { admin, gaps: Object.fromEntries(WHOLE_NODE.map((f) => [f, gap])) });
      return;
    }
    const gaps = { ...errs };
    if (!admin) {
      for (const [field, area] of [
        ['collaborators', 'collaborators'],
        ['deployKeys', 'deployKeys'],
        ['dependencyAlerts', 'securityFeatures'],
      ] as const) {
        gaps[field] ??= { reason: 'forbidden', outcome: explicit ? 'error' : 'skip', message: `${accessNeeds[area].what}: needs ${needText(accessNeeds[area])}` };
      }
    }
    out.set(ref.nodeId, { repo: parsed.data, admin, gaps });
  });
}
