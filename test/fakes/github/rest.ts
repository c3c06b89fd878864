import { createHash } from 'node:crypto';
import { orgRulesetsFor } from './graphql.js';
import type { FakeRepo, FakeRuleset, FakeState, FakeToken } from './model.js';

/**
 * GitHub's REST routes (GET) as the imitation answers them: the token's scopes or fine-grained
 * permissions decide 200, 403 (with x-accepted-* headers) or 404, in GitHub's error shape.
 * `undefined` is a request GitHub's API has no route for here: the strict base fails the test.
 */

interface Need {
  /** Any of these classic scopes suffices. */
  scopes: string[];
  /** Fine-grained permission key (`x-accepted-github-permissions: key=read`). */
  permission: string;
  admin?: boolean;
  /** Only GitHub Apps may call it. */
  appOnly?: boolean;
}

/** A route's answer before pagination, ETag and rate-limit headers are added. */
export interface Answer {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

export const DOCS = 'https://docs.github.com/rest';
export const error = (status: number, message: string, documentation_url = DOCS) => ({ message, documentation_url, status: String(status) });

/** What the routes read from the running imitation. */
export interface RestHost {
  readonly state: FakeState;
  readonly used: { readonly core: number };
  /** The API root links and `url` fields point to. */
  readonly apiUrl: string;
}

export class GithubRest {
  constructor(private readonly host: RestHost) {}

  private get state(): FakeState {
    return this.host.state;
  }
  private get used(): { readonly core: number } {
    return this.host.used;
  }
  private get apiUrl(): string {
    return this.host.apiUrl;
  }

  private forbidden(token: FakeToken, need: Need, message = 'Resource not accessible by personal access token') {
    const headers: Record<string, string> = {};
    if (token.kind === 'classic') headers['x-accepted-oauth-scopes'] = need.scopes.join(', ');
    else headers['x-accepted-github-permissions'] = `${need.permission}=read`;
    return { status: 403, json: error(403, message), headers };
  }

  /** Whether the token may call an endpoint; a 403/404 answer when not. */
  private check(token: FakeToken, need: Need, repo?: FakeRepo) {
    if (need.appOnly && token.kind !== 'app') return this.forbidden(token, need, 'Resource not accessible by personal access token');
    const granted = token.kind === 'classic' ? need.scopes.some((s) => token.scopes?.includes(s)) || (need.scopes.length === 0) : Boolean(token.permissions?.[need.permission]);
    if (!granted) {
      // Classic tokens without `repo` cannot see private repositories at all.
      if (token.kind === 'classic' && repo && repo.visibility !== 'public' && !token.scopes?.includes('repo')) {
        return { status: 404, json: error(404, 'Not Found') };
      }
      return this.forbidden(token, need);
    }
    if (need.admin && !token.admin) return this.forbidden(token, need, 'Must have admin rights to Repository.');
    return undefined;
  }

  // ---------------------------------------------------------------- App auth


  answer(path: string, q: URLSearchParams, token: FakeToken): Answer | undefined {
    const org = this.state.org;
    const notFound = { status: 404, json: error(404, 'Not Found') };
    const seg = path.split('/').slice(1).map(decodeURIComponent);
    if (path === '/rate_limit') return { status: 200, json: { resources: { core: { limit: 5000, used: this.used.core, remaining: 5000 - this.used.core, reset: 0 } } } };

    if (seg[0] === 'orgs' && seg[1] === org.login) {
      const rest = seg.slice(2).join('/');
      const orgNeed = (permission: string, scopes: string[], admin = false, appOnly = false): Need => ({ permission, scopes, admin, appOnly });
      let denied;
      switch (rest) {
        case '': {
          const base = { login: org.login, id: 1, html_url: `https://github.com/${org.login}`, type: 'Organization', public_repos: 2 };
          const privileged = token.admin && (token.kind === 'classic' ? token.scopes?.includes('admin:org') : token.permissions?.organization_administration);
          return { status: 200, json: privileged ? { ...base, two_factor_requirement_enabled: org.twoFactorRequired, default_repository_permission: org.defaultPermission } : base };
        }
        case 'members': {
          if ((denied = this.check(token, orgNeed('members', ['read:org', 'admin:org'])))) return denied;
          const filter = q.get('filter');
          if (filter === '2fa_disabled' && !token.admin) return { status: 422, json: error(422, 'Only owners can use this filter.') };
          let members = org.members;
          if (filter === '2fa_disabled') members = members.filter((mm) => !mm.twoFactor);
          if (q.get('role') === 'admin') members = members.filter((mm) => mm.owner);
          return { status: 200, json: members.map((mm, i) => ({ login: mm.login, id: i + 1, type: 'User', site_admin: false })) };
        }
        case 'repos':
          if ((denied = this.check(token, orgNeed('metadata', ['repo', 'read:org', 'public_repo'])))) return denied;
          return { status: 200, json: this.state.repos.map((r) => this.minimal(r, token)) };
        case 'actions/permissions/workflow':
          if ((denied = this.check(token, orgNeed('organization_administration', ['admin:org'], true)))) return denied;
          return { status: 200, json: { default_workflow_permissions: org.workflowPermissions, can_approve_pull_request_reviews: false } };
        case 'actions/permissions':
          if ((denied = this.check(token, orgNeed('organization_administration', ['admin:org'], true)))) return denied;
          return { status: 200, json: { enabled_repositories: 'all', allowed_actions: org.allowedActions, sha_pinning_required: false } };
        case 'actions/secrets':
          if ((denied = this.check(token, orgNeed('organization_secrets', ['admin:org'], true)))) return denied;
          return { status: 200, json: { total_count: org.secrets.length, secrets: org.secrets } };
        case 'personal-access-tokens':
          if ((denied = this.check(token, orgNeed('organization_personal_access_tokens', [], true, true)))) return denied;
          return {
            status: 200,
            json: org.patGrants.map((g) => ({
              id: g.id,
              owner: { login: g.login, id: 9, type: 'User' },
              repository_selection: 'all',
              permissions: { repository: { metadata: 'read' } },
              access_granted_at: '2026-01-01T00:00:00Z',
              token_id: g.id + 1000,
              token_name: g.token_name,
              token_expired: false,
              token_expires_at: g.token_expires_at,
              token_last_used_at: null,
            })),
          };
        default:
          return undefined;
      }
    }

    if (seg[0] === 'repos' && seg.length >= 3) {
      const repo = this.state.repos.find((r) => r.owner === seg[1] && r.name === seg[2]);
      if (!repo) return notFound;
      const visible = token.kind !== 'classic' || repo.visibility === 'public' || token.scopes?.includes('repo');
      if (!visible) return notFound;
      const rest = seg.slice(3);
      const key = rest.join('/');
      const need = (permission: string, scopes: string[], admin = false): Need => ({ permission, scopes, admin });
      let denied;
      if (key === '') return { status: 200, json: this.minimal(repo, token) };
      if (key === 'hooks') {
        if ((denied = this.check(token, need('webhooks', ['admin:repo_hook', 'read:repo_hook', 'repo'], true), repo))) return denied;
        return {
          status: 200,
          json: repo.hooks.map((hk) => ({ type: 'Repository', id: hk.id, name: 'web', active: hk.active, events: ['push'], config: { content_type: 'json', insecure_ssl: hk.insecure_ssl, url: hk.url }, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' })),
        };
      }
      if (key === 'keys') {
        if ((denied = this.check(token, need('administration', ['repo'], true), repo))) return denied;
        return { status: 200, json: repo.deployKeys.map((k) => ({ ...k, key: 'ssh-ed25519 AAAA', url: 'x', verified: true, added_by: 'octocat', last_used: null, enabled: true })) };
      }
      if (key === 'actions/secrets') {
        if ((denied = this.check(token, need('secrets', ['repo'], true), repo))) return denied;
        return { status: 200, json: { total_count: repo.secrets.length, secrets: repo.secrets } };
      }
      if (key === 'actions/permissions/workflow') {
        if ((denied = this.check(token, need('administration', ['repo'], true), repo))) return denied;
        return { status: 200, json: { default_workflow_permissions: repo.workflowPermissions, can_approve_pull_request_reviews: false } };
      }
      if (key === 'environments') {
        if ((denied = this.check(token, need('actions', ['repo']), repo))) return denied;
        return {
          status: 200,
          json: {
            total_count: repo.environments.length,
            environments: repo.environments.map((e, i) => ({
              id: i + 1,
              node_id: `EN_${i}`,
              name: e.name,
              created_at: '2024-01-01T00:00:00Z',
              updated_at: '2024-01-01T00:00:00Z',
              protection_rules: [
                ...(e.waitTimer ? [{ id: 1, node_id: 'G1', type: 'wait_timer', wait_timer: e.waitTimer }] : []),
                ...(e.reviewers
                  ? [{ id: 2, node_id: 'G2', type: 'required_reviewers', prevent_self_review: false, reviewers: Array.from({ length: e.reviewers }, (_, k) => ({ type: 'User', reviewer: { login: `rev${k}`, id: k } })) }]
                  : []),
                ...(e.branchPolicy ? [{ id: 3, node_id: 'G3', type: 'branch_policy' }] : []),
              ],
              deployment_branch_policy: e.branchPolicy,
            })),
          },
        };
      }
      if (rest[0] === 'environments' && rest.length === 3) {
        const env = repo.environments.find((e) => e.name === rest[1]);
        if (!env) return notFound;
        if (rest[2] === 'secrets') {
          if ((denied = this.check(token, need('environments', ['repo'], true), repo))) return denied;
          return { status: 200, json: { total_count: env.secrets?.length ?? 0, secrets: env.secrets ?? [] } };
        }
        if (rest[2] === 'deployment-branch-policies') {
          return { status: 200, json: { total_count: env.branchPolicies?.length ?? 0, branch_policies: (env.branchPolicies ?? []).map((n, i) => ({ id: i, node_id: `BP${i}`, name: n })) } };
        }
      }
      if (rest[0] === 'branches' && rest.length >= 3 && rest[rest.length - 1] === 'protection') {
        if ((denied = this.check(token, need('administration', ['repo'], true), repo))) return denied;
        const branch = rest.slice(1, -1).join('/');
        const rule = repo.classicRules.find((r) => r.pattern === branch) ?? repo.classicRules.find((r) => r.pattern.endsWith('*') && branch.startsWith(r.pattern.slice(0, -1)));
        if (!rule) return { status: 404, json: { message: 'Branch not protected', documentation_url: `${DOCS}/branches/branch-protection#get-branch-protection`, status: '404' } };
        const url = `${this.apiUrl}/repos/${repo.owner}/${repo.name}/branches/${branch}/protection`;
        return {
          status: 200,
          json: {
            url,
            ...(rule.requiresStatusChecks
              ? { required_status_checks: { url: `${url}/required_status_checks`, contexts: rule.requiredStatusCheckContexts ?? [], enforcement_level: 'non_admins', strict: rule.requiresStrictStatusChecks ?? false, checks: (rule.requiredStatusCheckContexts ?? []).map((c) => ({ context: c, app_id: null })) } }
              : {}),
            enforce_admins: { url: `${url}/enforce_admins`, enabled: rule.isAdminEnforced ?? false },
            ...(rule.requiresApprovingReviews
              ? { required_pull_request_reviews: { url: `${url}/required_pull_request_reviews`, dismiss_stale_reviews: rule.dismissesStaleReviews ?? false, require_code_owner_reviews: rule.requiresCodeOwnerReviews ?? false, required_approving_review_count: rule.requiredApprovingReviewCount ?? 0, require_last_push_approval: false } }
              : {}),
            required_linear_history: { enabled: false },
            allow_force_pushes: { enabled: rule.allowsForcePushes ?? false },
            allow_deletions: { enabled: rule.allowsDeletions ?? false },
            required_conversation_resolution: { enabled: false },
            lock_branch: { enabled: false },
            allow_fork_syncing: { enabled: false },
            required_signatures: { url: `${url}/required_signatures`, enabled: rule.requiresCommitSignatures ?? false },
            block_creations: { enabled: false },
          },
        };
      }
      if (rest[0] === 'rulesets' && rest.length === 2) {
        const rs = [...repo.rulesets, ...orgRulesetsFor(this.state, repo)].find((r) => String(r.id) === rest[1]);
        if (!rs) return notFound;
        const roleIds: Record<string, number> = { read: 1, maintain: 2, triage: 3, write: 4, admin: 5 };
        return {
          status: 200,
          json: {
            id: rs.id,
            name: rs.name,
            target: rs.target ?? 'branch',
            source_type: rs.source_type,
            source: rs.source_type === 'Organization' ? this.state.org.login : `${repo.owner}/${repo.name}`,
            enforcement: rs.enforcement,
            // Only admins see who may bypass.
            ...(token.admin
              ? { bypass_actors: rs.bypass_actors.map((a) => ({ actor_id: a.actor_type === 'RepositoryRole' ? (roleIds[a.role ?? ''] ?? 99) : a.actor_type === 'OrganizationAdmin' ? 1 : a.actor_type === 'DeployKey' ? null : 77, actor_type: a.actor_type, bypass_mode: a.bypass_mode })) }
              : {}),
            conditions: rs.conditions,
            rules: rs.rules,
            node_id: `RRS_${rs.id}`,
            created_at: '2024-01-01T00:00:00Z',
            updated_at: '2024-01-01T00:00:00Z',
          },
        };
      }
      if (rest[0] === 'rules' && rest[1] === 'branches' && rest.length >= 3) {
        const branch = rest.slice(2).join('/');
        const rulesets = [...repo.rulesets, ...orgRulesetsFor(this.state, repo)].filter((rs) => rs.enforcement === 'active' && appliesTo(rs, branch, repo.defaultBranch));
        return {
          status: 200,
          json: rulesets.flatMap((rs) =>
            rs.rules.map((r) => ({ type: r.type, ruleset_source_type: rs.source_type, ruleset_source: rs.source_type === 'Organization' ? this.state.org.login : `${repo.owner}/${repo.name}`, ruleset_id: rs.id, ...(r.parameters ? { parameters: r.parameters } : {}) })),
          ),
        };
      }
      if (rest[0] === 'git' && rest[1] === 'trees' && rest.length === 3) {
        if ((denied = this.check(token, need('contents', ['repo', 'public_repo']), repo))) return denied;
        if (!repo.defaultBranch) return { status: 409, json: error(409, 'Git Repository is empty.') };
        if (rest[2] !== repo.defaultBranch) return notFound;
        const dirs = new Set<string>();
        for (const p of Object.keys(repo.files)) {
          const parts = p.split('/');
          for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
        }
        const tree = [
          ...[...dirs].map((d) => ({ path: d, mode: '040000', type: 'tree', sha: sha(d) })),
          ...Object.entries(repo.files).map(([p, t]) => ({ path: p, mode: '100644', type: 'blob', sha: sha(t), size: Buffer.byteLength(t) })),
        ].sort((a, b) => a.path.localeCompare(b.path));
        return { status: 200, json: { sha: sha(repo.name), url: 'x', tree, truncated: false } };
      }
      if (rest[0] === 'contents' && rest.length >= 2) {
        if ((denied = this.check(token, need('contents', ['repo', 'public_repo']), repo))) return denied;
        const p = rest.slice(1).join('/');
        const text = repo.files[p];
        if (text === undefined) return notFound;
        return { status: 200, json: { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: p.split('/').pop(), path: p, content: Buffer.from(text).toString('base64'), sha: sha(text) } };
      }
      if (key === 'collaborators') {
        if ((denied = this.check(token, need('metadata', ['repo']), repo))) return denied;
        return {
          status: 200,
          json: repo.outsideCollaborators.map((c, i) => ({ login: c.login, id: i, type: 'User', site_admin: false, role_name: c.permission, permissions: perms(c.permission) })),
        };
      }
      return undefined;
    }
    return undefined;
  }

  private minimal(r: FakeRepo, token: FakeToken): Record<string, unknown> {
    const out: Record<string, unknown> = {
      id: r.id,
      node_id: r.nodeId,
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: { login: r.owner, id: 1, type: 'Organization' },
      private: r.visibility !== 'public',
      html_url: `https://github.com/${r.owner}/${r.name}`,
      description: null,
      fork: r.fork,
      url: `${this.apiUrl}/repos/${r.owner}/${r.name}`,
      default_branch: r.defaultBranch ?? 'main',
      archived: r.archived,
      disabled: false,
      visibility: r.visibility,
      pushed_at: '2026-01-01T00:00:00Z',
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      permissions: { admin: token.admin, maintain: token.admin, push: true, triage: true, pull: true },
    };
    if (token.admin) {
      out.security_and_analysis = {
        advanced_security: { status: 'enabled' },
        secret_scanning: { status: r.secretScanning ? 'enabled' : 'disabled' },
        secret_scanning_push_protection: { status: r.pushProtection ? 'enabled' : 'disabled' },
        dependabot_security_updates: { status: 'enabled' },
      };
    }
    return out;
  }
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function perms(p: string): Record<string, boolean> {
  const order = ['read', 'triage', 'write', 'maintain', 'admin'];
  const level = order.indexOf(p);
  return { pull: level >= 0, triage: level >= 1, push: level >= 2, maintain: level >= 3, admin: level >= 4 };
}

export function appliesTo(rs: FakeRuleset, branch: string, defaultBranch: string | null): boolean {
  if ((rs.target ?? 'branch') !== 'branch') return false;
  const ref = `refs/heads/${branch}`;
  const m = (p: string) => p === '~ALL' || (p === '~DEFAULT_BRANCH' && branch === defaultBranch) || p === ref || (p.endsWith('*') && ref.startsWith(p.slice(0, -1)));
  return rs.conditions.ref_name.include.some(m) && !rs.conditions.ref_name.exclude.some(m);
}
