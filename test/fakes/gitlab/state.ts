/** The world the fake GitLab serves: groups, projects, users and tokens as GitLab v4 bodies. */
export type Body = Record<string, unknown>;

export interface FakeGroup {
  /** GET /groups/:id body (GroupDetail); must hold id, full_path, parent_id. */
  body: Body;
  /** members/all: direct and inherited, one entry per user with the highest level. */
  members: Body[];
  accessTokens: Body[];
  deployTokens: Body[];
  variables: Body[];
}

export interface FakeProject {
  /** Full project entity; must hold id, path_with_namespace, namespace, default_branch. */
  body: Body;
  /** Groups (full paths) the project is shared with (returned by groups/:id/projects unless with_shared=false). */
  sharedWith?: string[];
  protectedBranches: Body[];
  approvals: Body;
  approvalRules: Body[];
  /** `null` = never configured (GitLab answers 200 with a JSON null). */
  pushRule: Body | null;
  hooks: Body[];
  deployKeys: Body[];
  members: Body[];
  accessTokens: Body[];
  deployTokens: Body[];
  variables: Body[];
  protectedEnvironments: Body[];
  environments: Body[];
  /** Repository files at the default branch. */
  files: Record<string, string>;
}

export interface FakeUser {
  id: number;
  username: string;
  name: string;
  state: 'active' | 'blocked';
  two_factor_enabled: boolean;
  is_admin: boolean;
}

export interface FakeToken {
  value: string;
  admin: boolean;
  /** Role the token's user holds everywhere (50 Owner, 40 Maintainer, 30 Developer, 20 Reporter). */
  role: number;
}

export interface FakeGitlabState {
  tier: 'free' | 'premium';
  /** `ce` serves a GraphQL schema without GitLab EE's fields (default `ee`). */
  edition?: 'ee' | 'ce';
  /** `false`: /api/graphql answers 404 (disabled or blocked by a proxy); REST must cover everything. */
  graphql?: boolean;
  /** Complexity limit (GitLab's default for authenticated users: 250; self-managed admins can change it). */
  graphqlMaxComplexity?: number;
  /** Highest query complexity the imitation computed (written by the server). */
  graphqlComplexity?: number;
  /** GraphQL Project fields whose resolver fails (null plus an error with its path), by project full path. */
  graphqlFaults?: Record<string, string[]>;
  /** Status a Free instance answers on approvals/approval_rules/protected_environments (push_rule is always 404). */
  freeStatus?: 403 | 404;
  groups: FakeGroup[];
  projects: FakeProject[];
  users: FakeUser[];
  tokens: FakeToken[];
  /** Answer with only X-Next-Page (no Link header), like some proxies and old versions. */
  omitLinkHeader?: boolean;
  latencyMs?: number;
  /** The `after`-th response reports RateLimit-Remaining: 0 until `resetSeconds` later (no 429). */
  budget?: { after: number; resetSeconds: number };
  /** The first `times` requests whose path matches get 429 with this Retry-After (seconds). */
  rateLimit?: { path: RegExp; times: number; retryAfter: number; /** Application limits send 429 without RateLimit-* or Retry-After. */ bare?: boolean };
  /** Fault injection: an answer for a request (after auth), replacing the route; undefined lets the route answer. */
  intercept?: (request: { method: string; url: URL }) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;
}
