import type { FakeRepo, FakeRuleset, FakeState, FakeToken } from './model.js';
import { environmentsField, paginationError } from './environments.js';
import { rootTreeField } from './tree.js';

/**
 * The GraphQL side of the imitation. It answers the one operation secpol sends
 * (`SecpolRepositories`, `nodes(ids:)`) with the selection it asks for; any other
 * operation is unexpected (strict: it fails the test). Field-level errors follow GraphQL
 * semantics: a failing non-null field nulls its parent node and adds an error with a path.
 */
export interface GraphqlError {
  type: string;
  path: (string | number)[];
  message: string;
}

function rulesetNode(rs: FakeRuleset, repo: FakeRepo, org: string) {
  return {
    databaseId: rs.id,
    name: rs.name,
    enforcement: rs.enforcement.toUpperCase(),
    target: (rs.target ?? 'branch').toUpperCase(),
    source: rs.source_type === 'Organization' ? { __typename: 'Organization', login: org } : { __typename: 'Repository', nameWithOwner: `${repo.owner}/${repo.name}` },
    conditions: {
      refName: rs.conditions.ref_name,
      repositoryName: rs.conditions.repository_name ? { ...rs.conditions.repository_name, protected: false } : null,
      repositoryId: null,
      repositoryProperty: rs.conditions.repository_property
        ? {
            include: rs.conditions.repository_property.include.map((d) => ({ name: d.name, propertyValues: d.property_values })),
            exclude: rs.conditions.repository_property.exclude.map((d) => ({ name: d.name, propertyValues: d.property_values })),
          }
        : null,
    },
    bypassActors: {
      pageInfo: { hasNextPage: false },
      nodes: rs.bypass_actors.map((a) => ({
        bypassMode: a.bypass_mode.toUpperCase(),
        organizationAdmin: a.actor_type === 'OrganizationAdmin',
        repositoryRoleName: a.actor_type === 'RepositoryRole' ? (a.role ?? null) : null,
        actor: a.actor_type === 'Team' ? { __typename: 'Team', slug: a.slug } : a.actor_type === 'Integration' ? { __typename: 'App', slug: a.slug } : null,
      })),
    },
    rules: {
      pageInfo: { hasNextPage: false },
      nodes: rs.rules.map((r) => ({ type: r.type.toUpperCase(), parameters: r.parameters ? camelParams(r.parameters) : null })),
    },
  };
}

function camelParams(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    const camel = k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    out[camel] = Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? camelParams(x as Record<string, unknown>) : x)) : v;
  }
  return out;
}

export function orgRulesetsFor(state: FakeState, repo: FakeRepo): FakeRuleset[] {
  return state.org.orgRulesets.filter((rs) => {
    const props = rs.conditions.repository_property;
    if (props) {
      const has = (d: { name: string; property_values: string[] }) => d.property_values.includes(repo.properties?.[d.name] ?? '');
      if (!props.include.every(has) || props.exclude.some(has)) return false;
    }
    const cond = rs.conditions.repository_name;
    if (!cond) return true;
    const m = (p: string) => p === '~ALL' || p === repo.name || (p.endsWith('*') && repo.name.startsWith(p.slice(0, -1)));
    return cond.include.some(m) && !cond.exclude.some(m);
  });
}

function repoNode(state: FakeState, repo: FakeRepo, token: FakeToken, query: string, index: number, errors: GraphqlError[]): unknown {
  const adminFields = /\bdeployKeys\b/.test(query);
  const admin = token.admin;
  const node: Record<string, unknown> = {
    id: repo.nodeId,
    databaseId: repo.id,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    viewerPermission: admin ? 'ADMIN' : 'WRITE',
    isSecurityPolicyEnabled: repo.securityPolicy,
    defaultBranchRef: repo.defaultBranch ? { name: repo.defaultBranch } : null,
    rulesets: (() => {
      // Conservative imitation: every org ruleset comes back and the client must read the
      // conditions itself (REST rules/branches applies them server-side).
      const all = [...repo.rulesets, ...state.org.orgRulesets];
      const first = Number(/rulesets\(first: (\d+)/.exec(query)?.[1] ?? 100);
      return { totalCount: all.length, pageInfo: { hasNextPage: all.length > first }, nodes: all.slice(0, first).map((rs) => rulesetNode(rs, repo, state.org.login)) };
    })(),
    ...environmentsField(repo, query),
    workflows: (() => {
      const entries = Object.entries(repo.files)
        .filter(([p]) => /^\.github\/workflows\/[^/]+$/.test(p))
        .map(([p, text]) => ({ name: p.split('/').pop()!, path: p, type: 'blob', object: { text, isBinary: false, isTruncated: false } }));
      return entries.length || !repo.defaultBranch ? (repo.defaultBranch ? { entries } : null) : null;
    })(),
    rootDockerfile: repo.defaultBranch && repo.files.Dockerfile !== undefined ? { text: repo.files.Dockerfile, isTruncated: false } : null,
    ...rootTreeField(repo, query),
  };
  if (adminFields) {
    if (!admin) {
      errors.push({ type: 'FORBIDDEN', path: ['nodes', index, 'deployKeys'], message: 'Resource not accessible by personal access token' });
      return null;
    }
    node.hasVulnerabilityAlertsEnabled = repo.vulnerabilityAlerts;
    const first = Number(/branchProtectionRules\(first: (\d+)\)/.exec(query)?.[1] ?? 100);
    node.branchProtectionRules = {
      totalCount: repo.classicRules.length,
      pageInfo: { hasNextPage: repo.classicRules.length > first },
      nodes: repo.classicRules.slice(0, first).map((r) => ({
        isAdminEnforced: false,
        allowsForcePushes: false,
        allowsDeletions: false,
        requiresApprovingReviews: false,
        requiredApprovingReviewCount: null,
        requiresCodeOwnerReviews: false,
        dismissesStaleReviews: false,
        requiresStatusChecks: false,
        requiresStrictStatusChecks: false,
        requiredStatusCheckContexts: [],
        requiresCommitSignatures: false,
        bypassPullRequestAllowances: { nodes: [] },
        ...r,
      })),
    };
    node.collaborators = {
      totalCount: repo.outsideCollaborators.length,
      pageInfo: { hasNextPage: false },
      edges: repo.outsideCollaborators.map((c) => ({ permission: c.permission.toUpperCase(), node: { login: c.login } })),
    };
    node.deployKeys = {
      totalCount: repo.deployKeys.length,
      pageInfo: { hasNextPage: false },
      nodes: repo.deployKeys.map((k) => ({ id: `DK_${k.id}`, title: k.title, readOnly: k.read_only, createdAt: k.created_at })),
    };
  }
  return node;
}

export function answerGraphql(state: FakeState, token: FakeToken, body: { query?: unknown; variables?: unknown }): { status: number; json?: unknown } | undefined {
  const query = typeof body.query === 'string' ? body.query : '';
  const op = /^\s*query\s+(\w+)/.exec(query)?.[1];
  // Another operation is a request the imitation does not know: the base fails the test.
  if (op !== 'SecpolRepositories') return undefined;
  const unbounded = paginationError(query);
  if (unbounded) return { status: 200, json: { data: null, errors: [{ ...unbounded, path: ['query SecpolRepositories'], locations: [{ line: 1, column: 1 }] }] } };
  const ids = (body.variables as { ids?: unknown } | undefined)?.ids;
  if (!Array.isArray(ids) || ids.length > 100) return { status: 200, json: { errors: [{ message: 'ids must be a list of at most 100' }] } };
  const errors: GraphqlError[] = [];
  const nodes = ids.map((id, i) => {
    const repo = state.repos.find((r) => r.nodeId === id);
    if (!repo) {
      errors.push({ type: 'NOT_FOUND', path: ['nodes', i], message: `Could not resolve to a node with the global id of '${String(id)}'` });
      return null;
    }
    return repoNode(state, repo, token, query, i, errors);
  });
  const data = { nodes, rateLimit: { cost: 1, remaining: 4999, used: 1, limit: 5000 } };
  return { status: 200, json: errors.length ? { data, errors } : { data } };
}
