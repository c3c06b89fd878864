import { repositoryFilter } from '../repository-filter.js';
import type { Gap } from '../../model/index.js';
import type { Fetched, GithubClient } from './client.js';
import { MinimalRepository, MinimalRepositoryList } from './schema.js';
import type { GithubSettings } from './settings.js';
import { inShard } from '../shard.js';
import { repoId } from './ids.js';

/** What the REST listing tells us about a repository before any per-repo request. */
export interface RepoRef {
  owner: string;
  name: string;
  fullName: string;
  nodeId: string;
  htmlUrl: string;
  visibility: 'public' | 'private' | 'internal';
  archived: boolean;
  fork: boolean;
  defaultBranch?: string;
  /** The token's role, when GitHub says (`permissions` is absent for some App tokens). */
  viewerAdmin?: boolean;
  viewerPush?: boolean;
  /** `null`: the caller may not see it (not admin); absent from the response likewise. */
  security?: MinimalRepository['security_and_analysis'];
}

function toRef(r: MinimalRepository): RepoRef {
  return {
    owner: r.owner.login,
    name: r.name,
    fullName: r.full_name,
    nodeId: r.node_id,
    htmlUrl: r.html_url,
    visibility: r.visibility ?? (r.private ? 'private' : 'public'),
    archived: r.archived,
    fork: r.fork,
    defaultBranch: r.default_branch,
    viewerAdmin: r.permissions?.admin,
    viewerPush: r.permissions?.push,
    security: r.security_and_analysis,
  };
}

export async function listOrgRepos(client: GithubClient, org: string): Promise<Fetched<RepoRef[]>> {
  const res = await client.list('repoList', 'GET /orgs/{org}/repos', { org, type: 'all', sort: 'full_name' }, MinimalRepositoryList);
  return res.ok ? { ok: true, value: res.value.map(toRef), headers: res.headers } : res;
}

export async function getRepo(client: GithubClient, owner: string, name: string): Promise<Fetched<RepoRef>> {
  const res = await client.get('repoList', 'GET /repos/{owner}/{repo}', { owner, repo: name }, MinimalRepository);
  return res.ok ? { ok: true, value: toRef(res.value), headers: res.headers } : res;
}

/** Org scans: include/exclude globs over `owner/name`; archived repos and forks only when asked. */
export function filterRepos(refs: RepoRef[], settings: Pick<GithubSettings, 'include' | 'exclude' | 'includeArchived' | 'includeForks' | 'shard'>): RepoRef[] {
  const keep = repositoryFilter(settings);
  return refs.filter((r) => keep(r) && inShard(repoId(r.owner, r.name), settings.shard));
}

export function gapForGraphqlError(type: string | undefined, message: string, what: string, explicit: boolean): Gap {
  if (type === 'FORBIDDEN') return { reason: 'forbidden', outcome: explicit ? 'error' : 'skip', message: `${what}: ${firstLine(message)}` };
  if (type === 'NOT_FOUND') return { reason: 'not-found', outcome: explicit ? 'error' : 'skip', message: `${what}: ${firstLine(message)}` };
  if (type === 'RATE_LIMITED') return { reason: 'rate-limited', message: `${what}: GraphQL rate limit exhausted` };
  return { reason: 'error', message: `${what}: ${firstLine(message)}` };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}
