import type { ProviderTargets, RepositoryFilters } from '../contract.js';
import { UserError } from '../../shared/errors.js';
import { withoutCredentials } from './ids.js';
import { TOKEN_VARS } from './meta.js';

export interface AdoTarget {
  /** Collection URL without a trailing slash, e.g. https://dev.azure.com/acme. */
  orgUrl: string;
  /** Short name used in resource ids (`azure-devops:<org>/…`). */
  org: string;
  /** Only this project, when named or taken from the origin. */
  project?: string;
  /** Only this repository, when the target came from the git origin. */
  repo?: string;
  token: string;
  tokenVar: string;
  bearer: boolean;
  filters: RepositoryFilters;
}


interface Origin {
  orgUrl: string;
  project: string;
  repo: string;
}

/** Parses Azure Repos remotes: dev.azure.com, {org}.visualstudio.com, ssh v3 and Azure DevOps Server URLs. */
export function parseOrigin(originUrl: string | undefined): Origin | undefined {
  if (!originUrl) return undefined;
  const ssh = /^(?:[^@/]+@)?(?:ssh\.dev\.azure\.com|vs-ssh\.visualstudio\.com):v3\/([^/]+)\/([^/]+)\/([^/]+?)\/?$/.exec(originUrl.trim());
  if (ssh) {
    const [, org, project, repo] = ssh.map((p) => decodeURIComponent(p ?? ''));
    return { orgUrl: `https://dev.azure.com/${encodeURIComponent(org ?? '')}`, project: project ?? '', repo: repo ?? '' };
  }
  let url: URL;
  try {
    url = new URL(originUrl.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  const git = parts.indexOf('_git');
  if (git < 0 || git + 1 >= parts.length) return undefined;
  const repo = decodeURIComponent((parts[git + 1] ?? '').replace(/\.git$/, ''));
  // `…/{org}/_git/{repo}` is the short form for a project named like the repository.
  const collection = url.hostname === 'dev.azure.com' ? 1 : url.hostname.endsWith('.visualstudio.com') ? 0 : Math.max(git - 1, 1);
  const hasProject = git > collection;
  const project = hasProject ? decodeURIComponent(parts[git - 1] ?? '') : repo;
  const orgParts = parts.slice(0, hasProject ? git - 1 : git);
  // Old-style URLs carry DefaultCollection; the API lives at the host root there too.
  if (url.hostname.endsWith('.visualstudio.com') && orgParts[0]?.toLowerCase() === 'defaultcollection') orgParts.shift();
  const orgUrl = `${url.protocol}//${url.host}${orgParts.length ? '/' + orgParts.join('/') : ''}`;
  return { orgUrl, project, repo };
}

/** `acme` or a URL -> collection URL without trailing slash. */
export function normaliseOrgUrl(value: string): string {
  const v = value.trim();
  if (/^https?:\/\//i.test(v)) {
    return withoutCredentials(new URL(v)).toString().replace(/\/+$/, '');
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(v)) throw new UserError(`--ado-org: expected an organization name or URL, got '${v.slice(0, 80)}'`);
  return `https://dev.azure.com/${v}`;
}

/** The short organization name: dev.azure.com/{org}, {org}.visualstudio.com, else the last path segment (collection). */
export function orgNameOf(orgUrl: string): string {
  const u = new URL(orgUrl);
  const parts = u.pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (u.hostname === 'dev.azure.com' && parts[0]) return parts[0];
  const vs = /^([^.]+)\.visualstudio\.com$/.exec(u.hostname);
  if (vs?.[1]) return vs[1];
  return parts[parts.length - 1] ?? u.hostname;
}

export function resolveTarget(spec: ProviderTargets, env: Readonly<Record<string, string | undefined>>): AdoTarget {
  const origin = parseOrigin(spec.originUrl);
  const adoOrg = typeof spec.options.adoOrg === 'string' ? spec.options.adoOrg : undefined;
  const adoProject = typeof spec.options.adoProject === 'string' ? spec.options.adoProject : undefined;
  let orgUrl: string | undefined;
  let project = adoProject?.trim() || undefined;
  let repo: string | undefined;
  if (adoOrg) orgUrl = normaliseOrgUrl(adoOrg);
  else if (env.SYSTEM_COLLECTIONURI) orgUrl = normaliseOrgUrl(env.SYSTEM_COLLECTIONURI);
  else if (origin) orgUrl = origin.orgUrl;
  if (!orgUrl) {
    throw new UserError('Azure DevOps organization unknown: pass --ado-org <url> or set SYSTEM_COLLECTIONURI (or run inside an Azure Repos clone)');
  }
  // With no explicit project, the origin narrows the scan to its own repository when it belongs to this organization.
  if (!adoOrg && !project && origin && sameOrg(origin.orgUrl, orgUrl)) {
    project = origin.project;
    repo = origin.repo;
  }
  const found = TOKEN_VARS.find((name) => env[name]);
  if (!found) throw new UserError(`Azure DevOps needs a token: set ${TOKEN_VARS.join(', ')} (checked in that order)`);
  return { orgUrl, org: orgNameOf(orgUrl), project, repo, token: env[found] as string, tokenVar: found, bearer: found === 'SYSTEM_ACCESSTOKEN', filters: spec.filters };
}

function sameOrg(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}
