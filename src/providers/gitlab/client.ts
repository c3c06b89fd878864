import {
  DeployKeys,
  DeployTokens,
  Environments,
  GroupAccessTokens,
  GroupMembers,
  GroupVariables,
  Groups,
  MergeRequestApprovals,
  ProjectAccessTokens,
  ProjectHooks,
  ProjectMembers,
  ProjectProtectedEnvironments,
  ProjectPushRules,
  ProjectVariables,
  Projects,
  ProtectedBranches,
  Repositories,
  RepositoryFiles,
  Users,
} from '@gitbeaker/rest';
import { CredentialOrigins, HttpCore, httpSettings, type HttpStats } from '../http/index.js';

/** A non-2xx answer from GitLab; the message holds method, path and status only (never headers or tokens). */
export class GitlabHttpError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    /** GitLab's own `message`/`error` text, for debug output only (it is server-controlled). */
    readonly detail: string,
    method = 'GET',
  ) {
    super(`${method} ${path}: HTTP ${status}`);
    this.name = 'GitlabHttpError';
  }
}

export interface ClientOptions {
  /** Instance URL without `/api/v4`, e.g. `https://gitlab.com` or `http://127.0.0.1:8080`. */
  baseUrl: string;
  token: string;
  /** Requests in flight at once across the whole run. */
  maxConcurrency?: number;
  /** Attempts after a 429/502/503/504 before giving up. */
  maxRetries?: number;
  /** A longer Retry-After than this fails the request as rate-limited instead of waiting. */
  maxWaitMs?: number;
  /** Per request attempt (default `SECPOL_HTTP_TIMEOUT_MS`, 60 s). */
  timeoutMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  debug?: (message: string) => void;
}

export type ClientStats = HttpStats;

interface RawResponse {
  body: unknown;
  headers: Record<string, string>;
  status: number;
}

interface ServiceOptions {
  url: string;
  headers: Record<string, string>;
  authHeaders: Record<string, () => Promise<string>>;
}

interface RequestOptions {
  searchParams?: Record<string, unknown>;
  signal?: AbortSignal;
}

/** Requests in flight; GitLab.com allows 2,000 API requests a minute per user, which RateLimit-* pacing enforces. */
export const DEFAULT_CONCURRENCY = 24;

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** The HTTP core of one GitLab run: the token goes only to the instance's origin. */
export function gitlabHttp(options: ClientOptions): HttpCore {
  const env = httpSettings(options.env ?? {});
  return new HttpCore({
    ...env,
    timeoutMs: options.timeoutMs ?? env.timeoutMs,
    name: 'gitlab',
    origins: new CredentialOrigins(options.baseUrl),
    // gitbeaker requests the same endpoint again with the query of the Link it was given.
    linkFollows: 'query',
    concurrency: options.maxConcurrency ?? DEFAULT_CONCURRENCY,
    retries: options.maxRetries ?? 5,
    retryStatuses: RETRY_STATUSES,
    maxWaitMs: options.maxWaitMs ?? 120_000,
    signal: options.signal,
    debug: options.debug,
  });
}

/**
 * gitbeaker's own handler retries 429/502 ten times within ~250 ms and ignores
 * Retry-After; this requester replaces it (gitbeaker still builds endpoints and follows
 * `Link: rel="next"`) and sends every request through the HTTP core (pacing, retries,
 * origin pinning, page checks).
 */
function createRequesterFn(options: ClientOptions, http: HttpCore) {
  async function get(service: ServiceOptions, endpoint: string, request: RequestOptions = {}): Promise<RawResponse> {
    const url = new URL(endpoint, service.url.endsWith('/') ? service.url : `${service.url}/`);
    url.search = formatQuery(request.searchParams ?? {});
    const headers: Record<string, string> = { ...service.headers, accept: 'application/json' };
    for (const [name, value] of Object.entries(service.authHeaders)) headers[name] = await value();
    return send(url, { method: 'GET', headers }, request.signal);
  }

  /** One request through the core; GET for REST, POST only for GraphQL queries. */
  async function send(url: URL, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<RawResponse> {
    const response = await http.fetch(url, { ...init, ...(signal ? { signal } : {}) });
    const text = await response.text();
    if (response.ok) return parseOk(response, text, url);
    throw new GitlabHttpError(response.status, url.pathname, errorDetail(response, text), init.method);
  }

  const requesterFn = (service: ServiceOptions) => ({
    get: (endpoint: string, request?: RequestOptions) => get(service, endpoint, request),
    post: refuse,
    put: refuse,
    patch: refuse,
    delete: refuse,
  });
  /** A read-only GraphQL query (`POST /api/graphql`); the answer's `errors` are the caller's to judge. */
  const graphql = async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/api/graphql`);
    const headers = { authorization: `Bearer ${options.token}`, accept: 'application/json', 'content-type': 'application/json' };
    const response = await send(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return response.body;
  };
  return { requesterFn, graphql };
}

function refuse(): Promise<never> {
  return Promise.reject(new Error('secpol only reads from GitLab'));
}

function parseOk(response: Response, text: string, url: URL): RawResponse {
  const headers = Object.fromEntries(response.headers.entries());
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim();
  // JSON `null` stays null (gitbeaker's own handler turns it into {}): a never-set push rule.
  const body = type === 'application/json' ? (text === '' ? null : (JSON.parse(text) as unknown)) : text;
  // Some proxies and older instances send only X-Next-Page; gitbeaker follows only Link.
  const next = headers['x-next-page'];
  if (Array.isArray(body) && next && /^\d+$/.test(next) && !/rel="next"/.test(headers.link ?? '')) {
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('page', next);
    headers.link = [headers.link, `<${nextUrl.toString()}>; rel="next"`].filter(Boolean).join(', ');
  }
  return { body, headers, status: response.status };
}

function errorDetail(response: Response, text: string): string {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return text.slice(0, 200).trim();
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: unknown } | null;
    const detail = parsed?.error ?? parsed?.message ?? '';
    return (typeof detail === 'string' ? detail : JSON.stringify(detail)).slice(0, 200);
  } catch {
    return text.slice(0, 200).trim();
  }
}

/** camelCase option keys -> GitLab's snake_case query parameters. */
function formatQuery(params: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (Array.isArray(value)) for (const item of value) query.append(`${name}[]`, String(item));
    else query.set(name, String(value));
  }
  return query.toString();
}

/** The gitbeaker resources secpol reads, sharing one requester (and so one throttle and one set of counters). */
export function createGitlabClient(options: ClientOptions) {
  const http = gitlabHttp(options);
  const { requesterFn, graphql } = createRequesterFn(options, http);
  const config = {
    host: options.baseUrl.replace(/\/+$/, ''),
    token: options.token,
    requesterFn: requesterFn as never,
    queryTimeout: options.timeoutMs ?? 300_000,
    rateLimits: {},
  };
  return {
    stats: http.stats,
    graphql,
    groups: new Groups(config),
    groupMembers: new GroupMembers(config),
    groupAccessTokens: new GroupAccessTokens(config),
    groupVariables: new GroupVariables(config),
    users: new Users(config),
    projects: new Projects(config),
    protectedBranches: new ProtectedBranches(config),
    approvals: new MergeRequestApprovals(config),
    pushRules: new ProjectPushRules(config),
    hooks: new ProjectHooks(config),
    deployKeys: new DeployKeys(config),
    deployTokens: new DeployTokens(config),
    projectMembers: new ProjectMembers(config),
    projectAccessTokens: new ProjectAccessTokens(config),
    projectVariables: new ProjectVariables(config),
    protectedEnvironments: new ProjectProtectedEnvironments(config),
    environments: new Environments(config),
    repositories: new Repositories(config),
    files: new RepositoryFiles(config),
  };
}

export type GitlabClient = ReturnType<typeof createGitlabClient>;
