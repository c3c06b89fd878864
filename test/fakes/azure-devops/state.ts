/** The organization a fake server serves: plain data, built per test. */
export interface FakeRepo {
  id: string;
  name: string;
  /** Branch name without refs/heads/; null = empty repository. */
  defaultBranch?: string | null;
  isDisabled?: boolean;
  isFork?: boolean;
  files: Record<string, string>;
}

export interface FakeAce {
  descriptor: string;
  allow: number;
  deny: number;
}

export interface FakeCheck {
  id: number;
  type: { id: string; name: string };
  settings: Record<string, unknown>;
}

export interface FakeProject {
  id: string;
  name: string;
  description?: string;
  visibility: 'private' | 'public';
  repos: FakeRepo[];
  policies: Record<string, unknown>[];
  definitions: Record<string, unknown>[];
  variableGroups: Record<string, unknown>[];
  endpoints: Record<string, unknown>[];
  environments: { id: number; name: string; checks: FakeCheck[] }[];
  /** Answer policies with items that break the 7.1 schema (hostile or changed server). */
  corruptPolicies?: boolean;
  /** Answer these areas with an error status instead of data. */
  denied?: Partial<Record<'repos' | 'policies' | 'definitions' | 'variableGroups' | 'endpoints' | 'environments', number>>;
}

export interface FakeOrg {
  name: string;
  instanceId: string;
  projects: FakeProject[];
  groups: { id: string; name: string; descriptor: string; members: string[] }[];
  identities: { id: string; name: string; descriptor: string; isContainer?: boolean }[];
  acls?: { token: string; inheritPermissions?: boolean; aces: FakeAce[] }[];
  aclStatus?: number;
  hooks?: Record<string, unknown>[];
  hooksStatus?: number;
  identitiesStatus?: number;
  /** Project ids whose repositories the token may not read (permission probe answers false). */
  gitReadDenied?: string[];
}

export const POLICY = {
  minimumReviewers: 'fa4e907d-c16b-4a4c-9dfa-4906e5d171dd',
  build: '0609b952-1397-4640-95ec-e00a01b2c241',
  comments: 'c6a1889d-b943-4856-b76f-9e46bb6b0df2',
  mergeStrategy: 'fa4e907d-c16b-4a4c-9dfa-4916e5d171ab',
  requiredReviewers: 'fd2167ab-b0be-447a-8ec8-39368250530e',
  status: 'cbdc66da-9728-4af8-aada-9a5a32e4a226',
  fileSize: '2e26e725-8201-4edd-8bf5-978563c34a80',
} as const;

const DISPLAY: Record<string, string> = {
  [POLICY.minimumReviewers]: 'Minimum number of reviewers',
  [POLICY.build]: 'Build',
  [POLICY.comments]: 'Comment requirements',
  [POLICY.mergeStrategy]: 'Require a merge strategy',
  [POLICY.requiredReviewers]: 'Required reviewers',
  [POLICY.status]: 'Status',
  [POLICY.fileSize]: 'File size restriction',
};

/** A policy configuration as GET _apis/policy/configurations returns it (7.1 example shape). */
export function policy(
  id: number,
  type: string,
  settings: Record<string, unknown>,
  scope: { repositoryId: string | null; refName?: string; matchKind?: string | null }[],
  flags: { isEnabled?: boolean; isBlocking?: boolean } = {},
): Record<string, unknown> {
  return {
    createdBy: { id: 'd6245f20-2af8-44f4-9451-8107cb2767db', displayName: 'Normal Paulk', uniqueName: 'fabrikamfiber16@hotmail.com' },
    createdDate: '2025-02-23T12:51:06.85754Z',
    isEnabled: flags.isEnabled ?? true,
    isBlocking: flags.isBlocking ?? true,
    isDeleted: false,
    settings: { ...settings, scope: scope.map((s) => ({ refName: s.refName ?? null, matchKind: s.matchKind === undefined ? 'Exact' : s.matchKind, repositoryId: s.repositoryId })) },
    revision: 1,
    id,
    url: `https://dev.azure.com/acme/_apis/policy/configurations/${id}`,
    type: { id: type, url: `https://dev.azure.com/acme/_apis/policy/types/${type}`, displayName: DISPLAY[type] ?? 'Policy' },
  };
}

/** The fields every build definition has, in the order the service returns them. */
function buildDefinition(id: number, name: string, revision: number, process: Record<string, unknown>, repository: Record<string, unknown>, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  return { id, name, path: '\\', type: 'build', queueStatus: 'enabled', revision, quality: 'definition', process, repository, variables };
}

function definitionRepository(repo: FakeRepo): Record<string, unknown> {
  return { id: repo.id, type: 'TfsGit', name: repo.name, defaultBranch: `refs/heads/${repo.defaultBranch ?? 'main'}` };
}

/** A YAML build definition as returned with includeAllProperties=true. */
export function yamlDefinition(id: number, name: string, repo: FakeRepo, yamlFilename = 'azure-pipelines.yml', variables?: Record<string, unknown>): Record<string, unknown> {
  return buildDefinition(id, name, 1, { yamlFilename, type: 2 }, { ...definitionRepository(repo), clean: null, checkoutSubmodules: false }, variables);
}

export function classicDefinition(id: number, name: string, repo: FakeRepo, variables: Record<string, unknown>): Record<string, unknown> {
  const process = { phases: [{ name: 'Agent job 1', steps: [{ displayName: 'Build', task: { id: 'c6c4c611-aa2e-4a33-b606-5eaba2196824', versionSpec: '1.*', definitionType: 'task' } }] }], type: 1 };
  return buildDefinition(id, name, 3, process, definitionRepository(repo), variables);
}

export function uuid(n: number, prefix = '0000'): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.padStart(8, '0')}-0000-4000-8000-${hex}`;
}
