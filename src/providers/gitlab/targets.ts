import { UserError } from '../../shared/errors.js';
import type { ProviderTargets, RepositoryFilters } from '../contract.js';

export interface GitlabTargets {
  baseUrl: string;
  group?: string;
  projects: string[];
  /** Group scans: include/exclude globs over the full path; archived projects and forks only when asked. */
  filters?: RepositoryFilters;
}

const PATH = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

/** Instance URL from CI_SERVER_URL, GITLAB_URL, the origin's host, else gitlab.com; plain http allowed. */
function baseUrlOf(env: Readonly<Record<string, string | undefined>>, origin: ParsedOrigin | undefined): string {
  const configured = env.CI_SERVER_URL || env.GITLAB_URL;
  if (!configured) return origin?.instance ?? 'https://gitlab.com';
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new UserError(`gitlab: ${env.CI_SERVER_URL ? 'CI_SERVER_URL' : 'GITLAB_URL'} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UserError('gitlab: the GitLab URL must use http or https');
  if (url.username || url.password) throw new UserError('gitlab: the GitLab URL must not contain credentials; use GITLAB_TOKEN');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

interface ParsedOrigin {
  instance: string;
  project: string;
}

/** `https://host/group/sub/project(.git)`, `git@host:group/project.git`, `ssh://git@host:2222/group/project.git`. */
export function parseOrigin(originUrl: string): ParsedOrigin | undefined {
  const scp = /^[^@/\s]+@([^:/\s]+):(?!\/)(.+)$/.exec(originUrl);
  if (scp) return checked(`https://${scp[1]}`, scp[2] ?? '');
  let url: URL;
  try {
    url = new URL(originUrl);
  } catch {
    return undefined;
  }
  if (url.protocol === 'ssh:' || url.protocol === 'git+ssh:') return checked(`https://${url.hostname}`, url.pathname);
  if (url.protocol === 'https:' || url.protocol === 'http:') return checked(url.origin, url.pathname);
  return undefined;
}

function checked(instance: string, rawPath: string): ParsedOrigin | undefined {
  const project = rawPath.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  return PATH.test(project) && project.includes('/') ? { instance, project } : undefined;
}

function validPath(value: string, what: string): string {
  const path = value.trim().replace(/^\/+|\/+$/g, '');
  if (!PATH.test(path)) throw new UserError(`gitlab: ${what} "${path.replace(/[^\x20-\x7e]/g, '?')}" is not a GitLab path (group/subgroup/project)`);
  return path;
}

/** Which group and projects to read; undefined when the spec names nothing GitLab can scan. */
export function resolveTargets(spec: ProviderTargets, env: Readonly<Record<string, string | undefined>>): GitlabTargets | undefined {
  const gitlabGroup = typeof spec.options.gitlabGroup === 'string' ? spec.options.gitlabGroup : undefined;
  const group = gitlabGroup ? validPath(gitlabGroup, 'group') : undefined;
  // `--repo` values are GitLab projects only when GitLab was named with --provider.
  const projects = spec.named ? spec.repos.map((r) => validPath(r, 'project')) : [];
  const origin = !group && projects.length === 0 && spec.originUrl ? parseOrigin(spec.originUrl) : undefined;
  if (origin) projects.push(origin.project);
  if (!group && projects.length === 0) return undefined;
  return { baseUrl: baseUrlOf(env, origin), group, projects: [...new Set(projects)], filters: spec.filters };
}
