import * as azdev from 'azure-devops-node-api';
import type { IRequestOptions } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import type { ClientApiBase } from 'azure-devops-node-api/ClientApiBases.js';
import type { z } from 'zod';
import type { Gap } from '../../model/index.js';
import { gapFromError, gapFromStatus, headerLookup, HttpCore, PageGuard, httpSettings, type Fetched, type HttpStats } from '../http/index.js';
import { adoOrigins, guardedHandler, header, identityBaseUrl, lowerKeys } from './http.js';

export { adoOrigins, identityBaseUrl } from './http.js';
export type { Fetched };

/** A node-api client whose discovery (OPTIONS _apis/{area}) resolves our URLs. */
export type ApiName = 'core' | 'git' | 'policy' | 'taskagent' | 'serviceendpoint' | 'build';

/** One REST resource as the node-api knows it: area, location GUID and the version it asks for. */
export interface Location {
  api: ApiName;
  area: string;
  locationId: string;
  apiVersion: string;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface AdoClientOptions {
  orgUrl: string;
  token: string;
  /** SYSTEM_ACCESSTOKEN is an OAuth bearer token; PATs go as Basic auth. */
  bearer: boolean;
  explicit: boolean;
  concurrency?: number;
  maxRetries?: number;
  /** Longest single wait for Retry-After / X-RateLimit-Reset. */
  maxWaitMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  debug?: (message: string) => void;
}

export interface ClientStats extends Omit<HttpStats, 'rateLimitRemaining'> {
  pages: number;
}

interface HttpFailure {
  statusCode?: number;
  responseHeaders?: Record<string, string | string[] | undefined>;
}

const PAGE_SIZE = 200;

/**
 * Wraps azure-devops-node-api: its clients do the discovery (OPTIONS _apis/Location, GET
 * _apis/ResourceAreas, OPTIONS _apis/{area}) and build the URLs, but list calls go through
 * their RestClient ourselves so that we see continuation headers, and every call gets a
 * concurrency slot, 429 back-off and request counting. One instance per collect run.
 */
export class AdoClient {
  private readonly conn: azdev.WebApi;
  private readonly apis = new Map<ApiName, Promise<ClientApiBase>>();
  private readonly http: HttpCore;
  private pageCount = 0;

  constructor(private readonly options: AdoClientOptions) {
    const orgUrl = options.orgUrl.replace(/\/+$/, '');
    this.http = new HttpCore({
      ...httpSettings(options.env ?? {}),
      name: 'azure-devops',
      origins: adoOrigins(orgUrl),
      concurrency: options.concurrency ?? 8,
      retries: options.maxRetries ?? 4,
      retryStatuses: new Set([429]),
      maxWaitMs: options.maxWaitMs ?? 60_000,
      // The request handler counts: it also sees the node-api's discovery requests.
      countAttempts: false,
      signal: options.signal,
      debug: options.debug,
    });
    const auth = options.bearer ? azdev.getBearerHandler(options.token, true) : azdev.getHandlerFromToken(options.token, true);
    const requestOptions: IRequestOptions = { keepAlive: true, socketTimeout: this.http.options.timeoutMs };
    this.conn = new azdev.WebApi(orgUrl, guardedHandler(auth, this.http.stats, this.http.origins), requestOptions);
  }

  get stats(): ClientStats {
    const { rateLimitRemaining: _remaining, ...counts } = this.http.stats;
    return { ...counts, pages: this.pageCount };
  }

  get orgUrl(): string {
    return this.conn.serverUrl;
  }

  /** GET a resource through a node-api client's discovery; 404 -> not-found gap. */
  async get<T>(loc: Location, route: Record<string, string>, query: Query, schema: z.ZodType<T>, what: string): Promise<Fetched<T>> {
    return this.guard(what, async () => {
      const api = await this.api(loc.api);
      const ver = await api.vsoClient.getVersioningData(loc.apiVersion, loc.area, loc.locationId, route, clean(query));
      const res = await api.rest.get<unknown>(String(ver.requestUrl), api.createRequestOptions('application/json', ver.apiVersion));
      this.noteHeaders(res.headers as Record<string, string | undefined>);
      if (res.statusCode === 404) return { ok: false, status: 404, gap: this.notVisible(what) };
      if (res.result === null) return { ok: false, gap: { reason: 'malformed', message: `${what}: non-JSON answer (HTTP ${res.statusCode})` } };
      return { ok: true, value: schema.parse(res.result) };
    });
  }

  /** Lists every page of a `{count, value}` collection, following x-ms-continuationtoken. */
  async list<T>(loc: Location, route: Record<string, string>, query: Query, item: z.ZodType<T>, what: string, paged = true): Promise<Fetched<T[]>> {
    return this.pages(what, paged, async (q) => {
      const api = await this.api(loc.api);
      const ver = await api.vsoClient.getVersioningData(loc.apiVersion, loc.area, loc.locationId, route, clean({ ...query, ...q }));
      const res = await api.rest.get<unknown>(String(ver.requestUrl), api.createRequestOptions('application/json', ver.apiVersion));
      return { statusCode: res.statusCode, result: res.result, headers: res.headers as Record<string, string | undefined> };
    }, item);
  }

  /**
   * Areas the node-api has no client for (security, identities, hooks, checks): the
   * documented REST path on the org URL (or the identity host), version in Accept as the
   * node-api does it.
   */
  async listRaw<T>(path: string, query: Query, item: z.ZodType<T>, what: string, options: { apiVersion?: string; host?: 'org' | 'identity'; paged?: boolean } = {}): Promise<Fetched<T[]>> {
    const base = options.host === 'identity' ? identityBaseUrl(this.orgUrl) : this.orgUrl;
    return this.pages(what, options.paged ?? false, async (q) => {
      const url = `${base}/${path}${queryString(clean({ ...query, ...q }))}`;
      const res = await this.conn.rest.get<unknown>(url, { acceptHeader: `application/json;api-version=${options.apiVersion ?? '7.1'}` });
      return { statusCode: res.statusCode, result: res.result, headers: res.headers as Record<string, string | undefined> };
    }, item);
  }

  /** The first request of a run: tells a bad token (401, or 203 with an HTML sign-in page) from everything else. */
  async connectionData(): Promise<{ ok: true; user?: string } | { ok: false; status?: number; message: string }> {
    try {
      const res = await this.http.schedule(
        new URL(this.orgUrl).host,
        () => this.conn.rest.client.get(`${this.orgUrl}/_apis/connectionData`, { Accept: 'application/json' }),
        (r) => ({ status: r.message.statusCode ?? 0, headers: headerLookup(r.message.headers) }),
        (r) => void r.readBody(),
      );
      const status = res.message.statusCode ?? 0;
      const type = String(res.message.headers['content-type'] ?? '');
      const body = await res.readBody();
      if (status === 401 || status === 203 || (status === 200 && !type.includes('json'))) {
        return { ok: false, status, message: `Azure DevOps rejected the token (HTTP ${status}${status === 203 ? ', sign-in page' : ''}): check that it is valid, unexpired and authorised for ${this.orgUrl}` };
      }
      if (status === 404) return { ok: true };
      if (status > 299) return { ok: false, status, message: `Azure DevOps answered HTTP ${status} for ${this.orgUrl}/_apis/connectionData` };
      try {
        const parsed = JSON.parse(body) as { authenticatedUser?: { providerDisplayName?: string; id?: string } };
        if (parsed.authenticatedUser?.id === ANONYMOUS_ID) {
          return { ok: false, status: 401, message: `Azure DevOps treated the token as anonymous for ${this.orgUrl}: check that it is valid` };
        }
        return { ok: true, user: parsed.authenticatedUser?.providerDisplayName };
      } catch {
        return { ok: false, status, message: `Azure DevOps returned a non-JSON answer for ${this.orgUrl}/_apis/connectionData` };
      }
    } catch (err) {
      return { ok: false, message: gapFromError(err, `Azure DevOps ${this.orgUrl}`).message };
    }
  }

  /** Closes keep-alive sockets so that the process can exit. */
  async dispose(): Promise<void> {
    this.conn.rest.client.dispose();
    for (const p of this.apis.values()) {
      try {
        (await p).http.dispose();
      } catch {
        // A client that failed to build has nothing to dispose.
      }
    }
  }

  private notVisible(what: string): Gap {
    return { ...gapFromStatus(404, `${what}: not visible to this token (HTTP 404)`, { explicit: this.options.explicit }) };
  }

  private api(name: ApiName): Promise<ClientApiBase> {
    let p = this.apis.get(name);
    if (!p) {
      p = this.makeApi(name);
      this.apis.set(name, p);
      // A failed discovery (429, network) must not poison later attempts.
      p.catch(() => this.apis.delete(name));
    }
    return p;
  }

  /**
   * The node-api caches an area's locations only once its OPTIONS call has finished, so two
   * concurrent first calls would both ask; loading them here, behind the memoized promise,
   * makes it one OPTIONS per area.
   */
  private async makeApi(name: ApiName): Promise<ClientApiBase> {
    const api = await this.construct(name);
    await api.vsoClient.beginGetLocation(AREA_OF[name], '');
    return api;
  }

  private async construct(name: ApiName): Promise<ClientApiBase> {
    const c = this.conn;
    switch (name) {
      case 'core':
        return c.getCoreApi();
      case 'git':
        return c.getGitApi();
      case 'policy':
        return c.getPolicyApi();
      case 'taskagent':
        return c.getTaskAgentApi();
      case 'serviceendpoint':
        return c.getServiceEndpointApi();
      case 'build':
        return c.getBuildApi();
    }
  }

  private async pages<T>(
    what: string,
    paged: boolean,
    fetchPage: (q: Query) => Promise<{ statusCode: number; result: unknown; headers: Record<string, string | undefined> }>,
    item: z.ZodType<T>,
  ): Promise<Fetched<T[]>> {
    const all: T[] = [];
    let token: string | undefined;
    const guard = new PageGuard(this.http.options.maxPages);
    for (;;) {
      const q: Query = paged ? { $top: PAGE_SIZE, continuationToken: token } : {};
      const res = await this.guard(what, async (): Promise<Fetched<{ items: T[]; next?: string }>> => {
        const r = await fetchPage(q);
        this.noteHeaders(r.headers);
        if (r.statusCode === 404) return { ok: false, status: 404, gap: this.notVisible(what) };
        if (r.result === null) return { ok: false, gap: { reason: 'malformed', message: `${what}: non-JSON answer (HTTP ${r.statusCode})` } };
        const body = r.result as { value?: unknown };
        if (!body || typeof body !== 'object' || !Array.isArray(body.value)) {
          return { ok: false, gap: { reason: 'malformed', message: `${what}: response has no value array` } };
        }
        const items = body.value.map((v) => item.parse(v));
        return { ok: true, value: { items, next: header(r.headers, 'x-ms-continuationtoken') } };
      });
      this.pageCount++;
      if (!res.ok) return res;
      all.push(...res.value.items);
      token = res.value.next;
      if (!paged || !token) return { ok: true, value: all };
      try {
        guard.next(token, { url: false });
      } catch (err) {
        return { ok: false, gap: gapFromError(err, what) };
      }
    }
  }

  /** Runs one logical request through the HTTP core (slot, 429 back-off, timeout); failures become gaps. */
  private async guard<T>(what: string, call: () => Promise<Fetched<T>>): Promise<Fetched<T>> {
    let outcome: { fetched: Fetched<T> } | { status: number; headers: Record<string, string | undefined> };
    try {
      outcome = await this.http.schedule(
        new URL(this.orgUrl).host,
        async () => {
          try {
            return { fetched: await call() };
          } catch (err) {
            const failure = err as HttpFailure;
            if (typeof failure?.statusCode !== 'number') throw err;
            return { status: failure.statusCode, headers: lowerKeys(failure.responseHeaders) };
          }
        },
        (o) => ('fetched' in o ? undefined : { status: o.status, headers: headerLookup(o.headers) }),
      );
    } catch (err) {
      if (this.options.signal?.aborted) throw err;
      return { ok: false, gap: gapFromError(err, what) };
    }
    if ('fetched' in outcome) return outcome.fetched;
    const status = outcome.status;
    const message =
      status === 429
        ? `${what}: still rate limited after ${this.http.options.retries} retries (HTTP 429)`
        : status === 401
          ? `${what}: the token is not authorised (HTTP 401); a PAT needs the read scope for this area`
          : status === 403
            ? `${what}: forbidden (HTTP 403); the token's identity lacks the permission to read it`
            : `${what}: HTTP ${status}`;
    // The token already passed connectionData, so a 401 here is a PAT without this area's scope: missing access.
    const gap = gapFromStatus(status === 401 ? 403 : status, message, { explicit: this.options.explicit });
    return { ok: false, status, gap };
  }

  /** Successful answers carry the budget too (X-RateLimit-Remaining: 0 holds every request until reset). */
  private noteHeaders(headers: Record<string, string | undefined> | undefined): void {
    if (headers) this.http.observe({ status: 200, headers: headerLookup(headers) });
  }
}

const AREA_OF: Record<ApiName, string> = {
  core: 'core',
  git: 'git',
  policy: 'policy',
  taskagent: 'distributedtask',
  serviceendpoint: 'serviceendpoint',
  build: 'build',
};

const ANONYMOUS_ID = 'aa442954-9780-4e27-b5a7-17b1e1f0b0a4';

function clean(query: Query): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function queryString(query: Record<string, string | number | boolean>): string {
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

