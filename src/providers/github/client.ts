import { createAppAuth } from '@octokit/auth-app';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { z } from 'zod';
import type { Gap } from '../../model/index.js';
import { UserError } from '../../shared/errors.js';
import type { Redactor } from '../../shared/redact.js';
import { endpointOf } from './endpoint.js';
import { CredentialOrigins, findCause, WindowBudget, type Fetched, HttpCore, httpSettings, NetworkError, OffOriginError, PageGuard, PagingError, nextLink } from '../http/index.js';
import { EtagCache, tokenIdentity } from './cache.js';
import { accessGap, errorGap, malformedGap, type AccessArea } from './permissions.js';
import type { GithubSettings } from './settings.js';

// Retries of 5xx and dropped connections happen below Octokit, in the HTTP core; the throttling plugin paces GitHub's rate limits.
const GithubOctokit = Octokit.plugin(throttling);
type GithubOctokit = InstanceType<typeof GithubOctokit>;

export interface GithubStats {
  requests: number;
  notModified: number;
  /** REST responses that counted against the primary limit (everything but 304s). */
  restPoints: number;
  /** Sum of GraphQL `rateLimit.cost`. */
  graphqlPoints: number;
  retries: number;
  rateLimitRemaining?: number;
}

export type { Fetched };

export interface GraphqlResult {
  data: unknown;
  errors: { type?: string; path?: (string | number)[]; message: string }[];
}

interface HttpErrorLike {
  status: number;
  response?: { headers?: RawHeaders; data?: unknown };
}

/** An HTTP answer, not a failure of ours that Octokit wrapped as "500" (network, refused origin, paging). */
function isHttpError(err: unknown): err is HttpErrorLike {
  if (findCause(err, NetworkError) || findCause(err, OffOriginError) || findCause(err, PagingError)) return false;
  return typeof err === 'object' && err !== null && typeof (err as HttpErrorLike).status === 'number';
}

type RawHeaders = Record<string, string | number | undefined>;
function stringHeaders(h: RawHeaders | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k] = v === undefined ? undefined : String(v);
  return out;
}

export interface ClientDeps {
  redactor: Redactor;
  debug(message: string): void;
  cacheDir?: string;
  signal?: AbortSignal;
  /** SECPOL_HTTP_* tuning (retry base, timeout, page cap). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Stands in for the throttling plugin's global Bottleneck group: runs each request at once.
 * The plugin reads `throttle.global` (not in its published types) before its own default.
 */
const PASS_THROUGH = {
  key: () => ({ schedule: <A extends unknown[], R>(_job: unknown, fn: (...args: A) => R, ...args: A): R => fn(...args) }),
} as never;

/** Attempts after a 5xx or a dropped connection (as @octokit/plugin-retry did). */
const RETRY_STATUSES = new Set([500, 502, 503, 504]);

/**
 * The one place that talks HTTP to GitHub: Octokit (throttling plugin) over the HTTP core,
 * an ETag cache, request counters, and failure -> gap classification. 401 aborts the scan.
 */
export class GithubClient {
  private readonly counts: Omit<GithubStats, 'requests' | 'retries'> = { notModified: 0, restPoints: 0, graphqlPoints: 0 };
  /** `x-oauth-scopes` of the last response: classic scopes; '' or undefined for fine-grained and App tokens. */
  oauthScopes: string | undefined;
  tokenExpiration: string | undefined;

  private constructor(
    readonly octokit: GithubOctokit,
    private readonly settings: GithubSettings,
    private readonly deps: ClientDeps,
    readonly http: HttpCore,
  ) {}

  static async create(settings: GithubSettings, deps: ClientDeps): Promise<GithubClient> {
    const holder: { client?: GithubClient } = {};
    const env = httpSettings(deps.env ?? {});
    const http = new HttpCore({
      ...env,
      name: 'github',
      origins: new CredentialOrigins([settings.apiUrl, settings.graphqlUrl]),
      concurrency: settings.concurrency,
      retries: 3,
      retryStatuses: RETRY_STATUSES,
      maxWaitMs: 60_000,
      pace: false,
      signal: deps.signal,
      debug: deps.debug,
    });
    const observingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const res = await http.fetch(input, init);
      holder.client?.observe(String(input instanceof Request ? input.url : input), res);
      return res;
    };
    const base = env.retryBaseMs;
    /** Throttling plugin callback: log, count, and retry while `count < retries`. */
    const retryOnLimit =
      (kind: 'primary' | 'secondary', retries: number) =>
      (after: number, options: { method: string; url: string }, _o: unknown, count: number): boolean => {
        deps.debug(`github: ${kind} rate limit on ${options.method} ${options.url}; retry ${count + 1} in ${after}s`);
        http.stats.retries++;
        return count < retries;
      };
    const common = {
      baseUrl: settings.apiUrl,
      userAgent: 'secpol',
      request: { fetch: observingFetch },
      log: { debug: () => {}, info: () => {}, warn: (m: string) => deps.debug(`github: ${m}`), error: () => {} },
      throttle: {
        // Requests in flight are bounded once, by the HTTP core (settings.concurrency); the
        // plugin's own global group (10, shared by every Octokit in the process) would cap below it.
        global: PASS_THROUGH,
        retryAfterBaseValue: base,
        onRateLimit: retryOnLimit('primary', 2),
        onSecondaryRateLimit: retryOnLimit('secondary', 3),
      },
    };
    const creds = settings.credentials;
    let octokit: GithubOctokit;
    let identity: string;
    if (creds.kind === 'token') {
      deps.redactor.add(creds.token);
      octokit = new GithubOctokit({ ...common, auth: creds.token });
      identity = tokenIdentity('token', creds.token);
    } else {
      deps.redactor.add(creds.privateKey);
      for (const line of creds.privateKey.split('\n')) if (line.length >= 20 && !line.startsWith('-----')) deps.redactor.add(line.trim());
      let installationId = creds.installationId;
      if (!installationId) {
        const appOctokit = new GithubOctokit({ ...common, authStrategy: createAppAuth, auth: { appId: creds.appId, privateKey: creds.privateKey } });
        holder.client = new GithubClient(appOctokit, settings, deps, http);
        installationId = await findInstallation(appOctokit, settings);
      }
      octokit = new GithubOctokit({ ...common, authStrategy: createAppAuth, auth: { appId: creds.appId, privateKey: creds.privateKey, installationId } });
      identity = tokenIdentity('app', `${settings.apiUrl} ${creds.appId} ${installationId}`);
    }
    const client = new GithubClient(octokit, settings, deps, http);
    if (settings.endpointRate > 0) client.paceEndpoints(new WindowBudget(settings.endpointRate));
    if (holder.client) Object.assign(client.counts, holder.client.counts);
    holder.client = client;
    if (creds.kind === 'app') {
      try {
        const auth = (await octokit.auth({ type: 'installation' })) as { token: string };
        deps.redactor.add(auth.token);
      } catch (err) {
        throw client.fatal(err, 'GitHub App installation token');
      }
    }
    if (!settings.noCache && deps.cacheDir) client.installCache(new EtagCache(deps.cacheDir, identity, (text) => deps.redactor.holdsSecret(text)));
    return client;
  }

  /** Requests and retries are the HTTP core's (every attempt); the rest is GitHub's accounting. */
  get stats(): GithubStats {
    return { ...this.counts, requests: this.http.stats.requests, retries: this.http.stats.retries };
  }

  private observe(url: string, res: Response): void {
    const isGraphql = url.startsWith(this.settings.graphqlUrl);
    if (res.status === 304) this.counts.notModified++;
    else if (!isGraphql) this.counts.restPoints++;
    const remaining = Number(res.headers.get('x-ratelimit-remaining'));
    if (res.headers.get('x-ratelimit-remaining') !== null && Number.isFinite(remaining)) this.counts.rateLimitRemaining = remaining;
    const scopes = res.headers.get('x-oauth-scopes');
    if (scopes !== null) this.oauthScopes = scopes;
    const expiry = res.headers.get('github-authentication-token-expiration');
    if (expiry) this.tokenExpiration = expiry;
  }

  /**
   * GitHub's secondary limit allows 900 points a minute to one REST endpoint (a GET costs 1): an
   * org scan asks every repository's hooks and secrets, so past 900 repositories a fast scan would
   * collect `retry-after` answers, and repeated ones can get a token blocked. REST requests are
   * spaced per endpoint instead (GraphQL is paced by the throttling plugin).
   */
  private paceEndpoints(budget: WindowBudget): void {
    let told = false;
    this.octokit.hook.before('request', async (options) => {
      if (typeof options.url !== 'string' || options.url === '/graphql' || options.url.startsWith(this.settings.graphqlUrl)) return;
      const waited = await budget.take(endpointOf(options.method, options.url), this.deps.signal);
      if (waited > 0 && !told) {
        told = true;
        this.deps.debug(`github: pacing ${endpointOf(options.method, options.url)} to ${budget.limit} requests a minute (GitHub's secondary limit per endpoint)`);
      }
    });
  }

  private installCache(cache: EtagCache): void {
    this.octokit.hook.wrap('request', async (request, options) => {
      if (options.method !== 'GET') return request(options);
      const url = this.octokit.request.endpoint(options).url;
      const cached = await cache.get(url);
      if (cached) options.headers = { ...options.headers, 'if-none-match': cached.etag };
      try {
        const response = await request(options);
        const etag = response.headers.etag;
        if (etag && response.status === 200 && typeof response.data === 'object') {
          const stored = await cache.set(url, { etag, data: forCache(url, response.data), link: response.headers.link }).catch((err: unknown) => this.deps.debug(`github: cache write failed: ${String(err)}`));
          if (stored === false) this.deps.debug(`github: not cached (the answer holds a credential): ${new URL(url).pathname}`);
        }
        return response;
      } catch (err) {
        if (cached && isHttpError(err) && err.status === 304) {
          const headers = { ...(err.response?.headers ?? {}), link: cached.link };
          return { status: 200, url, headers, data: cached.data } as Awaited<ReturnType<typeof request>>;
        }
        throw err;
      }
    });
  }

  /** 401 ends the whole scan with one line; everything else becomes a gap. */
  fatal(err: unknown, what: string): Error {
    if (isHttpError(err) && err.status === 401) {
      return new UserError(
        `github: ${this.settings.host} rejected the credentials (401) while reading ${what}: check GITHUB_TOKEN / GH_TOKEN or the GitHub App settings`,
      );
    }
    return err instanceof Error ? err : new Error(String(err));
  }

  private failure(area: AccessArea, err: unknown): { gap: Gap; status?: number; apiMessage?: string } {
    if (isHttpError(err) && err.status === 401) throw this.fatal(err, area);
    if (isHttpError(err) && err.status >= 400) {
      const body = err.response?.data;
      const apiMessage = body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message.slice(0, 200) : undefined;
      return { gap: accessGap(area, { status: err.status, headers: stringHeaders(err.response?.headers) }, this.settings.explicit), status: err.status, apiMessage };
    }
    return { gap: errorGap(area, err) };
  }

  /** GET one object and validate it. */
  async get<S extends z.ZodType>(area: AccessArea, route: string, params: Record<string, unknown>, schema: S): Promise<Fetched<z.infer<S>>> {
    let response: { data: unknown; headers: RawHeaders };
    try {
      response = await this.octokit.request(route, params);
    } catch (err) {
      return { ok: false, ...this.failure(area, err) };
    }
    return this.validate(area, response.data, stringHeaders(response.headers), schema);
  }

  /** GET a resource whose existence is the answer (204 yes / 404 no). */
  async probe(area: AccessArea, route: string, params: Record<string, unknown>): Promise<Fetched<boolean>> {
    try {
      const res = await this.octokit.request(route, params);
      return { ok: true, value: res.status < 300, headers: stringHeaders(res.headers) };
    } catch (err) {
      if (isHttpError(err) && err.status === 404) return { ok: true, value: false, headers: stringHeaders(err.response?.headers) };
      return { ok: false, ...this.failure(area, err) };
    }
  }

  /**
   * Every page of a list (Link rel="next"), each page validated. `key` names the array in
   * `{total_count, <key>: [...]}` wrappers. Next pages only on the API origin, never
   * repeated, at most the page cap: otherwise a gap, never a partial list.
   */
  async list<S extends z.ZodType>(area: AccessArea, route: string, params: Record<string, unknown>, schema: S, key?: string): Promise<Fetched<z.infer<S>>> {
    const items: unknown[] = [];
    const pages = new PageGuard(this.http.options.maxPages, this.http.origins);
    for (let next: string | undefined; ; ) {
      let response: { data: unknown; headers: RawHeaders };
      try {
        response = next ? await this.octokit.request(`GET ${next}`) : await this.octokit.request(route, { per_page: 100, ...params });
      } catch (err) {
        return { ok: false, ...this.failure(area, err) };
      }
      const headers = stringHeaders(response.headers);
      let pageItems: unknown = response.data;
      if (key) {
        pageItems = typeof response.data === 'object' && response.data !== null ? (response.data as Record<string, unknown>)[key] : undefined;
      }
      if (!Array.isArray(pageItems)) {
        return { ok: false, gap: malformedGap(area, key ? `expected an array in "${key}"` : typeof response.data === 'string' ? 'not JSON' : 'expected an array') };
      }
      items.push(...(pageItems as unknown[]));
      next = nextLink(headers.link);
      if (!next) return this.validate(area, items, headers, schema);
      try {
        pages.next(new URL(next, this.settings.apiUrl).toString());
      } catch (err) {
        return { ok: false, gap: errorGap(area, err) };
      }
    }
  }

  private validate<S extends z.ZodType>(area: AccessArea, data: unknown, headers: Record<string, string | undefined>, schema: S): Fetched<z.infer<S>> {
    if (typeof data === 'string') return { ok: false, gap: malformedGap(area, 'not JSON') };
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
      return { ok: false, gap: malformedGap(area, where) };
    }
    return { ok: true, value: parsed.data, headers };
  }

  /** POST a GraphQL query; partial data and per-path errors are returned, not thrown. */
  async graphql(query: string, variables: Record<string, unknown>): Promise<GraphqlResult> {
    let response: { data: unknown };
    try {
      response = await this.octokit.request({ method: 'POST', url: this.settings.graphqlUrl, query, variables });
    } catch (err) {
      if (isHttpError(err) && err.status === 401) throw this.fatal(err, 'GraphQL');
      throw err;
    }
    if (typeof response.data !== 'object' || response.data === null) throw new SyntaxError('GraphQL response is not JSON');
    const body = response.data as { data?: unknown; errors?: GraphqlResult['errors'] };
    const cost = (body.data as { rateLimit?: { cost?: unknown } } | null | undefined)?.rateLimit?.cost;
    this.counts.graphqlPoints += typeof cost === 'number' ? cost : 1;
    return { data: body.data ?? null, errors: Array.isArray(body.errors) ? body.errors : [] };
  }
}

/**
 * What may rest on disk: webhook URLs often carry credentials, so only their scheme and
 * host (all we read) are kept; everything else is stored as received.
 */
function forCache(url: string, data: unknown): unknown {
  if (!/\/hooks(\?|$)/.test(url) || !Array.isArray(data)) return data;
  return data.map((hook: unknown) => {
    if (!hook || typeof hook !== 'object') return hook;
    const h = hook as { config?: Record<string, unknown> };
    if (!h.config) return hook;
    const { url: hookUrl, secret: _secret, ...config } = h.config;
    let origin: string | undefined;
    try {
      origin = typeof hookUrl === 'string' ? new URL(hookUrl).origin : undefined;
    } catch {
      origin = undefined;
    }
    return { ...h, config: { ...config, url: origin } };
  });
}

async function findInstallation(app: GithubOctokit, settings: GithubSettings): Promise<number> {
  const t = settings.target;
  try {
    const res =
      t.kind === 'org'
        ? await app.request('GET /orgs/{org}/installation', { org: t.org })
        : await app.request('GET /repos/{owner}/{repo}/installation', { owner: t.repos[0]!.owner, repo: t.repos[0]!.name });
    const id = (res.data as { id?: unknown }).id;
    if (typeof id === 'number') return id;
  } catch (err) {
    if (isHttpError(err) && (err.status === 401 || err.status === 404)) {
      throw new UserError(
        `github: GitHub App ${settings.credentials.kind === 'app' ? settings.credentials.appId : ''} has no installation for the target (HTTP ${err.status}); set GITHUB_APP_INSTALLATION_ID or install the app`,
      );
    }
    throw err;
  }
  throw new UserError('github: could not determine the GitHub App installation; set GITHUB_APP_INSTALLATION_ID');
}
