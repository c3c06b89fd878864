import type { Gap, Gaps, Repository } from '../../model/index.js';
import { isDockerfilePath, isIacPath } from '../analysis/index.js';
import type { AdoClient, Fetched } from './client.js';
import { gapsFor, PROVIDER, repoId as repoIdOf, safeUrl, type Scope } from './ids.js';
import { LOCATIONS } from './locations.js';
import { GitItem, GitRepository, type Project } from './schema.js';

export async function listRepositories(client: AdoClient, project: Project): Promise<Fetched<GitRepository[]>> {
  return client.list(LOCATIONS.repositories, { project: project.id }, {}, GitRepository, `repositories of project ${project.name}`, false);
}

export function branchName(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

/** Every file path of the default branch (one request, recursionLevel=Full). */
export async function listTree(client: AdoClient, project: Project, repo: GitRepository, branch: string): Promise<Fetched<string[]>> {
  const res = await client.list(
    LOCATIONS.items,
    { project: project.id, repositoryId: repo.id },
    { scopePath: '/', recursionLevel: 'Full', 'versionDescriptor.version': branch, 'versionDescriptor.versionType': 'branch' },
    GitItem,
    `file tree of ${project.name}/${repo.name}`,
    false,
  );
  if (!res.ok) return res;
  const files = res.value.filter((i) => i.gitObjectType ? i.gitObjectType === 'blob' : i.isFolder !== true).map((i) => i.path.replace(/^\/+/, ''));
  return { ok: true, value: files.filter(Boolean) };
}

/** One file of the default branch; undefined when the file does not exist. */
export async function readRepoFile(client: AdoClient, project: Project, repo: GitRepository, branch: string, path: string): Promise<Fetched<string | undefined>> {
  const res = await client.get(
    LOCATIONS.items,
    { project: project.id, repositoryId: repo.id },
    { path: `/${path.replace(/^\/+/, '')}`, includeContent: true, 'versionDescriptor.version': branch, 'versionDescriptor.versionType': 'branch' },
    GitItem,
    `file ${path} in ${project.name}/${repo.name}`,
  );
  if (!res.ok) return res.status === 404 ? { ok: true, value: undefined } : res;
  return { ok: true, value: res.value.content ?? '' };
}

const ENV_FILE = /(^|\/)\.env(\.[^/]+)?$/;
const ENV_EXAMPLE = /\.(example|sample|template|dist|defaults?)$/i;
const SECURITY_POLICY = /^(\.github\/|docs\/|\.azuredevops\/)?security\.(md|txt|rst)$/i;

/** Facts that follow from the file list alone. */
export function treeFacts(files: string[]): Pick<Repository, 'buildsImages' | 'hasIac' | 'securityPolicy' | 'envFilesCommitted'> {
  return {
    buildsImages: files.some(isDockerfilePath),
    hasIac: files.some(isIacPath),
    securityPolicy: files.some((f) => SECURITY_POLICY.test(f)),
    envFilesCommitted: files.filter((f) => ENV_FILE.test(f) && !ENV_EXAMPLE.test(f)).map((path) => ({ path })),
  };
}

const UNSUPPORTED: Record<string, Gap> = {
  secretScanning: { reason: 'unsupported', message: 'GitHub Advanced Security for Azure DevOps enablement is not read by this provider' },
  secretScanningPushProtection: { reason: 'unsupported', message: 'GitHub Advanced Security for Azure DevOps push protection is not read by this provider' },
  dependencyAlerts: { reason: 'unsupported', message: 'GitHub Advanced Security for Azure DevOps dependency scanning is not read by this provider' },
  collaborators: { reason: 'unsupported', message: 'Azure Repos grants access through project groups and repository ACLs, not per-repository collaborators' },
  deployKeys: { reason: 'not-applicable', message: 'Azure Repos has no deploy keys; SSH keys belong to users' },
  codeowners: { reason: 'not-applicable', message: 'Azure Repos does not read CODEOWNERS; required reviewers policies take its place' },
  envIgnored: { reason: 'unsupported', message: '.gitignore is not read remotely; the local provider checks it in a clone' },
  secretFindings: { reason: 'unsupported', message: 'file contents are not scanned remotely; run secpol in a clone (local provider)' },
  'branchProtection.signedCommitsRequired': { reason: 'unsupported', message: 'Azure Repos has no signed-commit requirement' },
};

export function visibilityOf(project: Project): Repository['visibility'] | undefined {
  if (project.visibility === 'public') return 'public';
  if (project.visibility === 'private') return 'private';
  // Older servers report `organization` for projects visible to every member.
  if (project.visibility === 'organization') return 'internal';
  return undefined;
}

/** The repository resource without the parts that need other areas (protection, pipelines, hooks). */
export function baseRepository(scope: Scope, project: Project, repo: GitRepository): Repository {
  const gaps: Gaps = { ...UNSUPPORTED };
  const r: Repository = {
    id: repoIdOf(scope, project.name, repo.name),
    kind: 'repository',
    provider: PROVIDER,
    name: `${project.name}/${repo.name}`,
    url: safeUrl(repo.webUrl ?? repo.remoteUrl),
    platform: 'azure-devops',
    archived: repo.isDisabled ?? false,
    fork: repo.isFork ?? false,
  };
  const visibility = visibilityOf(project);
  if (visibility) r.visibility = visibility;
  else gaps.visibility = { reason: 'malformed', message: `project ${project.name} reported no known visibility` };
  if (repo.defaultBranch) r.defaultBranch = branchName(repo.defaultBranch);
  else gapsFor(['defaultBranch', 'branchProtection'], { reason: 'not-applicable', message: 'the repository is empty (no default branch)' }, gaps);
  r.gaps = gaps;
  return r;
}
