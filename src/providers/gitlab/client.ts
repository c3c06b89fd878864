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
import { Throttle, retryAfterMs, sleep } from './throttle.js';

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
  /** Per request, including pagination of one list. */
  timeoutMs?: number;
  signal?: AbortSignal;
  debug?: (message: string) => void;
}

export interface ClientStats {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  /** Lowest RateLimit-Remaining seen (-1 when GitLab sent none). */
  rateLimitRemaining: number;
}

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

/**
 * gitbeaker's own handler retries 429/502 ten times within ~250 ms and ignores
 * Retry-After; this requester replaces it (gitbeaker still builds endpoints and follows
 * `Link: rel="next"`) and paces requests by GitLab's rate-limit headers.
 */
function createRequesterFn(options: ClientOptions, stats: ClientStats) {
  const throttle = new Throttle(options.maxConcurrency ?? DEFAULT_CONCURRENCY, options.signal);
  const maxRetries = options.maxRetries ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  const debug = options.debug ?? (() => undefined);

  async function get(service: ServiceOptions, endpoint: string, request: RequestOptions = {}): Promise<RawResponse> {
    const url = new URL(endpoint, service.url.endsWith('/') ? service.url : `${service.url}/`);
    url.search = formatQuery(request.searchParams ?? {});
    const headers: Record<string, string> = { ...service.headers, accept: 'application/json' };
    for (const [name, value] of Object.entries(service.authHeaders)) headers[name] = await value();
    return send(url, { method: 'GET', headers }, request.signal);
  }

  /** One request with pacing, retries and counters; GET for REST, POST only for GraphQL queries. */
  async function send(url: URL, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<RawResponse> {
    for (let attempt = 0; ; attempt += 1) {
      // A fresh timeout per attempt: time spent waiting out a 429 must not count against it.
      const signals = [signal, options.signal, AbortSignal.timeout(options.timeoutMs ?? 60_000)];
      const release = await throttle.acquire();
      let response: Response;
      let text: string;
      try {
        stats.requests += 1;
        response = await fetch(url, {
          method: init.method,
          headers: init.headers,
          ...(init.body === undefined ? {} : { body: init.body }),
          signal: AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined)),
        });
        text = await response.text();
      } catch (err) {
        const code = networkCode(err);
        if (code === undefined) throw err;
        // A dropped connection is worth another try; anything else (refused, DNS) is not.
        if (TRANSIENT_NETWORK.has(code) && attempt < maxRetries) {
          stats.retries += 1;
          release();
          await sleep(Math.min(1000 * 2 ** attempt, 30_000), options.signal);
          continue;
        }
        throw new Error(`${init.method} ${url.pathname}: ${code}`, { cause: err });
      } finally {
        release();
      }
      const now = Date.now();
      // A 429 is paced below, by its own headers; other answers tell how much budget is left.
      if (response.status !== 429) observeRateLimit(response.headers, now);
      else recordRemaining(response.headers);
      if (response.ok) return parseOk(response, text, url);
      if (RETRY_STATUSES.has(response.status) && attempt < maxRetries) {
        const wait = waitFor(response, now, attempt);
        if (wait <= maxWaitMs) {
          stats.retries += 1;
          if (response.status === 429) {
            stats.rateLimitWaits += 1;
            debug(`gitlab: 429 on ${url.pathname}, waiting ${Math.ceil(wait / 1000)} s`);
            // The user-wide throttle names itself in headers and stops everything; a bare 429 is
            // one endpoint's application limit (members/all), so only this request waits.
            if (isThrottleAnswer(response.headers)) stats.rateLimitWaitMs += throttle.pause(now + wait);
            else {
              stats.rateLimitWaitMs += wait;
              await sleep(wait, options.signal);
            }
          } else {
            await sleep(wait, options.signal);
          }
          continue;
        }
      }
      throw new GitlabHttpError(response.status, url.pathname, errorDetail(response, text), init.method);
    }
  }

  function recordRemaining(headers: Headers): number {
    const remaining = Number(headers.get('ratelimit-remaining') ?? Number.NaN);
    if (!Number.isNaN(remaining)) {
      stats.rateLimitRemaining = stats.rateLimitRemaining < 0 ? remaining : Math.min(stats.rateLimitRemaining, remaining);
    }
    return remaining;
  }

  function observeRateLimit(headers: Headers, now: number): void {
    const remaining = recordRemaining(headers);
    if (Number.isNaN(remaining)) return;
    const reset = Number(headers.get('ratelimit-reset') ?? Number.NaN) * 1000;
    // Out of budget: hold everything until the window resets rather than collect 429s.
    if (remaining <= 0 && reset > now && reset - now <= maxWaitMs) {
      const added = throttle.pause(reset);
      if (added > 0) {
        stats.rateLimitWaits += 1;
        stats.rateLimitWaitMs += added;
      }
    }
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

const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The system or undici error code behind a failed fetch (`TypeError: fetch failed`), if that is what it was. */
function networkCode(err: unknown): string | undefined {
  if (!(err instanceof TypeError)) return undefined;
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message.split('\n')[0] : undefined;
}

function refuse(): Promise<never> {
  return Promise.reject(new Error('secpol only reads from GitLab'));
}

function isThrottleAnswer(headers: Headers): boolean {
  return ['retry-after', 'ratelimit-name', 'ratelimit-reset', 'ratelimit-resettime'].some((name) => headers.has(name));
}

function waitFor(response: Response, now: number, attempt: number): number {
  const backoff = Math.min(1000 * 2 ** attempt, 30_000);
  if (response.status !== 429) return retryAfterMs(response.headers.get('retry-after'), now) ?? backoff;
  const resetTime = Date.parse(response.headers.get('ratelimit-resettime') ?? '');
  const reset = Number(response.headers.get('ratelimit-reset') ?? Number.NaN) * 1000;
  return (
    retryAfterMs(response.headers.get('retry-after'), now) ??
    (Number.isNaN(resetTime) ? undefined : Math.max(0, resetTime - now)) ??
    (Number.isNaN(reset) ? undefined : Math.max(0, reset - now)) ??
    // Application limits (e.g. members/all, 200 a minute) answer 429 without headers: back off
    // 2, 4, 8, 16, 32 s so that five retries outlast a one-minute window.
    Math.min(2000 * 2 ** attempt, 60_000)
  );
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
  const stats: ClientStats = { requests: 0, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, rateLimitRemaining: -1 };
  const { requesterFn, graphql } = createRequesterFn(options, stats);
  const config = {
    host: options.baseUrl.replace(/\/+$/, ''),
    token: options.token,
    requesterFn: requesterFn as never,
    queryTimeout: options.timeoutMs ?? 300_000,
    rateLimits: {},
  };
  return {
    stats,
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
