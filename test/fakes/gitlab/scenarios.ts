import { readFileSync } from 'node:fs';
import type { Body, FakeGitlabState, FakeGroup, FakeProject, FakeToken, FakeUser } from './state.js';

/** GitLab v4 example bodies (fixtures/gitlab, from the API docs), cloned and adjusted per scenario. */
export function fixture(name: string): Body {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/gitlab/${name}.json`, import.meta.url), 'utf8')) as Body;
}

export const TOKENS = {
  /** Instance administrator and owner everywhere. */
  admin: 'glpat-fake-admin-0123456789abcdef',
  /** Group owner, not an administrator: /users ignores the 2FA filter. */
  owner: 'glpat-fake-owner-0123456789abcdef',
  /** Developer: no owner or maintainer rights. */
  developer: 'glpat-fake-developer-0123456789ab',
} as const;

const tokens: FakeToken[] = [
  { value: TOKENS.admin, admin: true, role: 50 },
  { value: TOKENS.owner, admin: false, role: 50 },
  { value: TOKENS.developer, admin: false, role: 30 },
];

const users: FakeUser[] = [
  { id: 1, username: 'alice', name: 'Alice', state: 'active', two_factor_enabled: true, is_admin: true },
  { id: 2, username: 'bob', name: 'Bob', state: 'active', two_factor_enabled: false, is_admin: false },
  { id: 3, username: 'carol', name: 'Carol', state: 'active', two_factor_enabled: true, is_admin: false },
  { id: 4, username: 'dave', name: 'Dave', state: 'active', two_factor_enabled: false, is_admin: false },
  { id: 5, username: 'eve', name: 'Eve \u001b[31m', state: 'active', two_factor_enabled: false, is_admin: false },
  { id: 6, username: 'mallory', name: 'Mallory', state: 'active', two_factor_enabled: false, is_admin: false },
];

function member(user: FakeUser, accessLevel: number): Body {
  return { ...fixture('member'), id: user.id, username: user.username, name: user.name, access_level: accessLevel };
}

const byName = (name: string): FakeUser => users.find((u) => u.username === name) as FakeUser;
const groupMembers = (): Body[] => [member(byName('alice'), 50), member(byName('bob'), 50), member(byName('carol'), 40), member(byName('dave'), 30)];

function group(id: number, fullPath: string, parentId: number | null, extra: Body = {}): FakeGroup {
  const path = fullPath.split('/').at(-1) as string;
  return {
    body: { ...fixture('group'), id, name: path, path, full_name: fullPath, full_path: fullPath, parent_id: parentId, web_url: `https://gitlab.example.com/groups/${fullPath}`, ...extra },
    members: groupMembers(),
    accessTokens: [],
    deployTokens: [],
    variables: [],
  };
}

/** A conventional project: Maintainers push and merge, CI with SAST, nothing unusual. */
export function baselineProject(id: number, fullPath: string, namespace: FakeGroup): FakeProject {
  const name = fullPath.split('/').at(-1) as string;
  const ns = namespace.body;
  return {
    body: {
      ...fixture('project'),
      id,
      name,
      path: name,
      path_with_namespace: fullPath,
      name_with_namespace: fullPath.split('/').join(' / '),
      web_url: `https://gitlab.example.com/${fullPath}`,
      namespace: { id: ns.id, name: ns.name, path: ns.path, kind: 'group', full_path: ns.full_path, parent_id: ns.parent_id },
    },
    protectedBranches: [fixture('protected-branch')],
    approvals: fixture('approvals'),
    approvalRules: [{ ...fixture('approval-rule'), id: 1, name: 'All Members', rule_type: 'any_approver', approvals_required: 1, protected_branches: [], applies_to_all_protected_branches: false }],
    pushRule: { ...fixture('push-rule'), project_id: id },
    hooks: [],
    deployKeys: [],
    members: groupMembers(),
    accessTokens: [],
    deployTokens: [],
    variables: [],
    protectedEnvironments: [],
    environments: [],
    files: {
      '.gitlab-ci.yml': 'include:\n  - template: Jobs/SAST.gitlab-ci.yml\nstages: [test]\n',
      'README.md': '# readme\n',
    },
  };
}

export interface ScenarioOptions {
  tier?: 'free' | 'premium';
  /** Total projects in the hierarchy, including the three hand-written ones. */
  projects?: number;
}

/**
 * Group `acme` with nested subgroups (acme/platform, acme/platform/backend, acme/web), a
 * hand-written project for each interesting case, generated baseline projects up to the
 * requested count, and a project of another namespace shared into `acme` (not ours to scan).
 */
export function groupScenario(options: ScenarioOptions = {}): FakeGitlabState {
  const acme = group(10, 'acme', null, { require_two_factor_authentication: true, two_factor_grace_period: 48 });
  const platform = group(11, 'acme/platform', 10);
  const backend = group(12, 'acme/platform/backend', 11);
  const web = group(13, 'acme/web', 10);
  const other = group(20, 'other', null);
  acme.accessTokens = [
    { ...fixture('access-token'), id: 7, name: 'ci-bot', expires_at: '2020-06-30', created_at: '2020-01-01T00:00:00.000Z', last_used_at: '2020-06-01T10:00:00.000Z', active: false, revoked: false, access_level: 50 },
  ];
  acme.deployTokens = [{ ...fixture('deploy-token'), id: 3, name: 'registry-pull', expires_at: null }];
  acme.variables = [{ ...fixture('variable'), key: 'GROUP_DEPLOY_KEY', value: 'group-secret-value-123', masked: true, protected: true }];

  const api = baselineProject(101, 'acme/platform/api', platform);
  api.body = { ...api.body, visibility: 'internal', only_allow_merge_if_pipeline_succeeds: true, merge_method: 'ff' };
  api.protectedBranches = [
    {
      ...fixture('protected-branch'),
      push_access_levels: [
        { id: 1, access_level: 0, access_level_description: 'No one', user_id: null, group_id: null },
        { id: 2, access_level: 40, access_level_description: 'Release deploy key', deploy_key_id: 9, user_id: null, group_id: null },
      ],
      merge_access_levels: [{ id: 3, access_level: 30, access_level_description: 'Developers + Maintainers', user_id: null, group_id: null }],
      code_owner_approval_required: true,
    },
    { ...fixture('protected-branch'), id: 101, name: 'release/*', allow_force_push: true },
  ];
  api.approvalRules = [
    { ...fixture('approval-rule'), id: 1, name: 'All Members', rule_type: 'any_approver', approvals_required: 1, protected_branches: [] },
    fixture('approval-rule'),
    { ...fixture('approval-rule'), id: 3, name: 'Coverage-Check', rule_type: 'report_approver', report_type: 'code_coverage', approvals_required: 5 },
  ];
  api.pushRule = { ...fixture('push-rule'), project_id: 101, reject_unsigned_commits: true };
  api.hooks = [
    { ...fixture('hook'), id: 1, url: 'https://hooks.example.com/services/T000/B000/XXXXSECRETPATH?token=abc', enable_ssl_verification: true },
    { ...fixture('hook'), id: 2, url: 'http://user:pass@insecure.example.net:8080/hook', enable_ssl_verification: false, alert_status: 'disabled' },
  ];
  api.deployKeys = [fixture('deploy-key'), { ...fixture('deploy-key'), id: 9, title: 'release', can_push: true }];
  api.members = [...groupMembers(), member(byName('eve'), 30), member(byName('mallory'), 10)];
  api.accessTokens = [
    { ...fixture('access-token'), id: 42, name: 'expired-token', expires_at: '2024-01-31', last_used_at: '2024-01-02T03:04:05.000Z' },
    { ...fixture('access-token'), id: 43, name: 'forever-token', expires_at: null, scopes: ['read_api'] },
  ];
  api.deployTokens = [fixture('deploy-token'), { ...fixture('deploy-token'), id: 2, name: 'forever-deploy', expires_at: null }];
  api.variables = [
    { ...fixture('variable'), key: 'DATABASE_PASSWORD', value: 'hunter2-super-secret', masked: true, protected: true },
    { ...fixture('variable'), key: 'API_KEY', value: 'plain-api-key-value', masked: false, protected: false, environment_scope: '*' },
    { ...fixture('variable'), key: 'API_KEY', value: 'staging-api-key-value', masked: false, protected: false, environment_scope: 'staging' },
    { ...fixture('variable'), key: 'SIGNING_KEY', value: null, masked: false, hidden: true, protected: true },
  ];
  api.protectedEnvironments = [
    fixture('protected-environment'),
    {
      ...fixture('protected-environment'),
      name: 'staging',
      deploy_access_levels: [{ id: 13, access_level: 30, access_level_description: 'Developers + Maintainers', user_id: null, group_id: null, group_inheritance_type: 0 }],
      approval_rules: [],
    },
  ];
  api.environments = [
    { ...fixture('environment'), id: 1, name: 'production', tier: 'production' },
    { ...fixture('environment'), id: 2, name: 'live-eu', tier: 'production' },
    { ...fixture('environment'), id: 3, name: 'review/fix-foo', tier: 'development' },
  ];
  api.files = {
    '.gitlab-ci.yml': 'include:\n  - local: ci/security.yml\nbuild:\n  script: docker build .\n',
    'ci/security.yml': 'include:\n  - template: Security/SAST.gitlab-ci.yml\n  - template: Security/Container-Scanning.gitlab-ci.yml\n',
    Dockerfile: 'FROM node:20\nUSER node\n',
    'infra/main.tf': 'resource "null_resource" "x" {}\n',
    'SECURITY.md': '# Security\n',
    '.gitlab/CODEOWNERS': '* @alice\n',
  };

  const site = baselineProject(102, 'acme/web/site', web);
  site.body = { ...site.body, visibility: 'public', merge_method: 'merge', ci_config_path: 'ci/pipeline.yml' };
  site.protectedBranches = [];
  site.pushRule = null;
  site.files = { 'index.html': '<html></html>\n' };

  const docs = baselineProject(104, 'acme/web/docs', web);
  docs.body = { ...docs.body, ci_config_path: 'ci/pipeline.yml' };
  docs.files = { 'ci/pipeline.yml': 'include:\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\n' };

  const empty = baselineProject(103, 'acme/empty', acme);
  empty.body = { ...empty.body, default_branch: null, empty_repo: true };
  empty.protectedBranches = [];
  empty.files = {};

  const shared = baselineProject(900, 'other/shared', other);
  shared.sharedWith = ['acme'];

  const projects = [api, site, empty, docs];
  const total = options.projects ?? 200;
  const homes = [acme, platform, backend, web];
  for (let i = projects.length; i < total; i += 1) {
    const home = homes[i % homes.length] as FakeGroup;
    projects.push(baselineProject(1000 + i, `${String(home.body.full_path)}/svc-${String(i).padStart(4, '0')}`, home));
  }
  projects.push(shared);
  return { tier: options.tier ?? 'premium', groups: [acme, platform, backend, web, other], projects, users, tokens };
}
