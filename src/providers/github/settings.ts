import type { ProviderTargets } from '../contract.js';
import { UserError } from '../../shared/errors.js';
import type { Shard } from '../shard.js';

type Env = Readonly<Record<string, string | undefined>>;

export type Credentials =
  | { kind: 'token'; token: string }
  | { kind: 'app'; appId: string; privateKey: string; installationId?: number };

export type Target = { kind: 'org'; org: string } | { kind: 'repos'; repos: { owner: string; name: string }[] };

export interface GithubSettings {
  apiUrl: string;
  graphqlUrl: string;
  /** Web host for labels (`github.com`, `ghe.example.com`). */
  host: string;
  credentials: Credentials;
  target: Target;
  explicit: boolean;
  noCache: boolean;
  include: string[];
  exclude: string[];
  includeArchived: boolean;
  includeForks: boolean;
  shard?: Shard;
  concurrency: number;
  /** Requests a minute to one REST endpoint (GitHub's secondary limit); 0 = not paced. */
  endpointRate: number;
}

const REPO_RE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})$/;
const ORG_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/**
 * Requests (and repositories) in flight. GitHub allows at most 100 concurrent requests per
 * user, REST and GraphQL together (secondary rate limits); 32 leaves room for other jobs on
 * the same token, 64 is the most SECPOL_GITHUB_CONCURRENCY may ask.
 */
const DEFAULT_CONCURRENCY = 32;
const MAX_CONCURRENCY = 64;
/**
 * github.com and GHE.com limit each REST endpoint to 900 points a minute; GitHub Enterprise
 * Server has no such limit unless its admin sets one (then SECPOL_GITHUB_ENDPOINT_RATE).
 */
const GITHUB_COM_ENDPOINT_RATE = 900;

function endpointRateFor(apiHost: string, env: Readonly<Record<string, string | undefined>>): number {
  const asked = env.SECPOL_GITHUB_ENDPOINT_RATE;
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 0) throw new UserError('github: SECPOL_GITHUB_ENDPOINT_RATE must be a whole number of requests a minute (0 = not paced)');
    return n;
  }
  return apiHost === 'api.github.com' || apiHost.endsWith('.ghe.com') ? GITHUB_COM_ENDPOINT_RATE : 0;
}

/** `https://github.com/acme/api(.git)`, `git@github.com:acme/api.git`, `ssh://git@host:22/acme/api.git`. */
export function parseOriginUrl(url: string): { host: string; owner: string; name: string } | undefined {
  const trimmed = url.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(trimmed);
  if (/^[a-z+]+:\/\//i.test(trimmed)) {
    try {
      const u = new URL(trimmed);
      host = u.hostname;
      path = u.pathname;
    } catch {
      return undefined;
    }
  } else if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else return undefined;
  const parts = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '').split('/');
  if (parts.length !== 2) return undefined;
  const m = REPO_RE.exec(`${parts[0]}/${parts[1]}`);
  if (!m) return undefined;
  return { host: host.toLowerCase(), owner: m[1]!, name: m[2]! };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function graphqlUrlFor(apiUrl: string, env: Env): string {
  if (env.GITHUB_GRAPHQL_URL) return trimSlash(env.GITHUB_GRAPHQL_URL);
  if (/\/api\/v3$/.test(apiUrl)) return apiUrl.replace(/\/api\/v3$/, '/api/graphql');
  return `${apiUrl}/graphql`;
}

export function readCredentials(env: Env): Credentials | undefined {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (token) return { kind: 'token', token: token.trim() };
  if (env.GITHUB_APP_ID && env.GITHUB_APP_PRIVATE_KEY) {
    const installation = env.GITHUB_APP_INSTALLATION_ID;
    const installationId = installation ? Number(installation) : undefined;
    if (installation && (!Number.isInteger(installationId) || installationId! <= 0)) {
      throw new UserError('github: GITHUB_APP_INSTALLATION_ID must be a positive integer');
    }
    // CI secrets often hold the PEM with literal `\n`.
    const privateKey = env.GITHUB_APP_PRIVATE_KEY.includes('\\n') ? env.GITHUB_APP_PRIVATE_KEY.replace(/\\n/g, '\n') : env.GITHUB_APP_PRIVATE_KEY;
    return { kind: 'app', appId: env.GITHUB_APP_ID, privateKey, installationId };
  }
  return undefined;
}

export const NO_CREDENTIALS =
  'github: no credentials: set GITHUB_TOKEN or GH_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (optionally GITHUB_APP_INSTALLATION_ID) for a GitHub App';

/** Reads targets and credentials; undefined when the targets name nothing for GitHub. */
export function resolveSettings(spec: ProviderTargets, env: Env): GithubSettings | undefined {
  const diagnostics: string[] = [];
  let target: Target | undefined;
  let originHost: string | undefined;
  const githubOrg = typeof spec.options.githubOrg === 'string' ? spec.options.githubOrg : undefined;
  if (githubOrg) {
    if (!ORG_RE.test(githubOrg)) diagnostics.push(`github: invalid organization name ${JSON.stringify(githubOrg)}`);
    target = { kind: 'org', org: githubOrg };
  } else if (spec.repos.length > 0) {
    const repos: { owner: string; name: string }[] = [];
    for (const r of spec.repos) {
      const m = REPO_RE.exec(r.trim());
      if (!m) diagnostics.push(`github: invalid repository ${JSON.stringify(r)} (expected owner/name)`);
      else repos.push({ owner: m[1]!, name: m[2]! });
    }
    target = { kind: 'repos', repos };
  } else if (spec.originUrl) {
    const origin = parseOriginUrl(spec.originUrl);
    if (!origin) return undefined;
    originHost = origin.host;
    target = { kind: 'repos', repos: [{ owner: origin.owner, name: origin.name }] };
  }
  if (diagnostics.length) throw new UserError(diagnostics.map((message) => ({ severity: 'error' as const, message })));
  if (!target) return undefined;

  let apiUrl = env.GITHUB_API_URL ? trimSlash(env.GITHUB_API_URL) : undefined;
  if (!apiUrl) apiUrl = originHost && originHost !== 'github.com' ? `https://${originHost}/api/v3` : 'https://api.github.com';
  let parsedApi: URL;
  try {
    parsedApi = new URL(apiUrl);
  } catch {
    throw new UserError('github: GITHUB_API_URL is not a valid URL');
  }
  if (parsedApi.username || parsedApi.password) throw new UserError('github: GITHUB_API_URL must not contain credentials');
  const credentials = readCredentials(env);
  if (!credentials) throw new UserError(NO_CREDENTIALS);
  const host = parsedApi.hostname === 'api.github.com' ? 'github.com' : parsedApi.host;
  const concurrency = Number(env.SECPOL_GITHUB_CONCURRENCY);
  return {
    apiUrl,
    graphqlUrl: graphqlUrlFor(apiUrl, env),
    host,
    credentials,
    target,
    explicit: spec.explicit,
    noCache: spec.noCache,
    include: [...(spec.filters.include ?? [])],
    exclude: [...(spec.filters.exclude ?? [])],
    includeArchived: spec.filters.includeArchived ?? false,
    includeForks: spec.filters.includeForks ?? false,
    ...(spec.filters.shard ? { shard: spec.filters.shard } : {}),
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? Math.min(concurrency, MAX_CONCURRENCY) : DEFAULT_CONCURRENCY,
    endpointRate: endpointRateFor(parsedApi.hostname, env),
  };
}
