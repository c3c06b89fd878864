/**
 * State of the GitHub imitation: an organization, its repositories and the tokens that may
 * read them. Shapes follow GitHub's OpenAPI description (REST) and GraphQL schema; see
 * /work/shared/reference/provider-apis.md section 1.
 */
export type Scope = string;

export interface FakeToken {
  kind: 'classic' | 'fine-grained' | 'app';
  /** Classic scopes (`X-OAuth-Scopes`). */
  scopes?: Scope[];
  /** Fine-grained / App permissions, e.g. { administration: 'read', secrets: 'read' }. */
  permissions?: Record<string, 'read' | 'write'>;
  /** Owner of the org and admin of every repository. */
  admin: boolean;
}

export interface FakeRuleset {
  id: number;
  name: string;
  source_type: 'Repository' | 'Organization';
  enforcement: 'active' | 'evaluate' | 'disabled';
  target?: 'branch' | 'tag';
  conditions: {
    ref_name: { include: string[]; exclude: string[] };
    repository_name?: { include: string[]; exclude: string[] };
    repository_property?: { include: { name: string; property_values: string[] }[]; exclude: { name: string; property_values: string[] }[] };
  };
  bypass_actors: { actor_type: 'RepositoryRole' | 'OrganizationAdmin' | 'Team' | 'Integration' | 'DeployKey'; role?: string; slug?: string; bypass_mode: 'always' | 'pull_request' }[];
  rules: { type: string; parameters?: Record<string, unknown> }[];
}

export interface FakeClassicRule {
  pattern: string;
  isAdminEnforced?: boolean;
  allowsForcePushes?: boolean;
  allowsDeletions?: boolean;
  requiresApprovingReviews?: boolean;
  requiredApprovingReviewCount?: number | null;
  requiresCodeOwnerReviews?: boolean;
  dismissesStaleReviews?: boolean;
  requiresStatusChecks?: boolean;
  requiresStrictStatusChecks?: boolean;
  requiredStatusCheckContexts?: string[];
  requiresCommitSignatures?: boolean;
}

export interface FakeEnvironment {
  name: string;
  reviewers: number;
  waitTimer?: number;
  branchPolicy: null | { protected_branches: boolean; custom_branch_policies: boolean };
  branchPolicies?: string[];
  secrets?: FakeSecret[];
}

export interface FakeSecret {
  name: string;
  created_at: string;
  updated_at: string;
  visibility?: 'all' | 'private' | 'selected';
}

export interface FakeRepo {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  visibility: 'public' | 'private' | 'internal';
  archived: boolean;
  fork: boolean;
  defaultBranch: string | null;
  secretScanning: boolean;
  pushProtection: boolean;
  vulnerabilityAlerts: boolean;
  securityPolicy: boolean;
  workflowPermissions: 'read' | 'write';
  classicRules: FakeClassicRule[];
  rulesets: FakeRuleset[];
  hooks: { id: number; url: string; insecure_ssl: '0' | '1'; active: boolean }[];
  secrets: FakeSecret[];
  environments: FakeEnvironment[];
  outsideCollaborators: { login: string; permission: 'admin' | 'maintain' | 'write' | 'triage' | 'read' }[];
  deployKeys: { id: number; title: string; read_only: boolean; created_at: string }[];
  /** Custom properties (org rulesets may target them). */
  properties?: Record<string, string>;
  /** Repository files on the default branch: path -> text. */
  files: Record<string, string>;
}

export interface FakeOrg {
  login: string;
  twoFactorRequired: boolean;
  defaultPermission: 'read' | 'write' | 'admin' | 'none';
  members: { login: string; owner: boolean; twoFactor: boolean }[];
  workflowPermissions: 'read' | 'write';
  allowedActions: 'all' | 'local_only' | 'selected';
  secrets: FakeSecret[];
  orgRulesets: FakeRuleset[];
  patGrants: { id: number; login: string; token_name: string; token_expires_at: string | null }[];
  installationId: number;
}

export interface FakeState {
  org: FakeOrg;
  repos: FakeRepo[];
  tokens: Record<string, FakeToken>;
  /** GitHub App id -> RSA public key (PEM) used to verify the app JWT. */
  apps: Record<string, string>;
}

let seq = 0;
export function makeRepo(owner: string, name: string, over: Partial<FakeRepo> = {}): FakeRepo {
  const id = 100000 + ++seq;
  return {
    id,
    nodeId: `R_kgDO${Buffer.from(`${owner}/${name}`).toString('base64url')}`,
    owner,
    name,
    visibility: 'private',
    archived: false,
    fork: false,
    defaultBranch: 'main',
    secretScanning: true,
    pushProtection: true,
    vulnerabilityAlerts: true,
    securityPolicy: true,
    workflowPermissions: 'read',
    classicRules: [],
    rulesets: [],
    hooks: [],
    secrets: [],
    environments: [],
    outsideCollaborators: [],
    deployKeys: [],
    files: {},
    ...over,
  };
}

export function makeOrg(login: string, over: Partial<FakeOrg> = {}): FakeOrg {
  return {
    login,
    twoFactorRequired: true,
    defaultPermission: 'read',
    members: [
      { login: 'alice', owner: true, twoFactor: true },
      { login: 'bob', owner: true, twoFactor: true },
      { login: 'carol', owner: false, twoFactor: false },
    ],
    workflowPermissions: 'read',
    allowedActions: 'selected',
    secrets: [],
    orgRulesets: [],
    patGrants: [],
    installationId: 4242,
    ...over,
  };
}

export const ALL_SCOPES = ['repo', 'admin:org', 'read:org', 'admin:repo_hook', 'workflow'];
export const FULL_PERMISSIONS: Record<string, 'read'> = {
  administration: 'read',
  metadata: 'read',
  contents: 'read',
  secrets: 'read',
  environments: 'read',
  webhooks: 'read',
  actions: 'read',
  members: 'read',
  organization_administration: 'read',
  organization_secrets: 'read',
  organization_personal_access_tokens: 'read',
};
