import * as azdev from 'azure-devops-node-api';
import type { IRequestOptions } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import type { ClientApiBase } from 'azure-devops-node-api/ClientApiBases.js';
import type { z } from 'zod';
import type { Gap } from '../../model/index.js';
import { gapFromError, gapFromStatus } from '../http/index.js';
import { countingHandler, header, identityBaseUrl, lowerKeys, resetMs, retryAfterMs, sleep } from './http.js';

export { identityBaseUrl, trustedHost } from './http.js';

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
export type Fetched<T> = { ok: true; value: T } | { ok: false; gap: Gap; status?: number };

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
  signal?: AbortSignal;
  debug?: (message: string) => void;
}

export interface ClientStats {
  requests: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  retries: number;
  pages: number;
}

interface HttpFailure {
  statusCode?: number;
  responseHeaders?: Record<string, string | string[] | undefined>;
}

const PAGE_SIZE = 200;
const MAX_PAGES = 500;

/**
 * Wraps azure-devops-node-api: its clients do the discovery (OPTIONS _apis/Location, GET
 * _apis/ResourceAreas, OPTIONS _apis/{area}) and build the URLs, but list calls go through
 * their RestClient ourselves so that we see continuation headers, and every call gets a
 * concurrency slot, 429 back-off and request counting. One instance per collect run.
 */
export class AdoClient {
  readonly stats: ClientStats = { requests: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, retries: 0, pages: 0 };
  private readonly conn: azdev.WebApi;
  private readonly apis = new Map<ApiName, Promise<ClientApiBase>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  private pausedUntil = 0;

  constructor(private readonly options: AdoClientOptions) {
    // Cross-origin auth is decided by `trustedHost` (the org host and Azure DevOps' own service hosts), not by the handler.
    const auth = options.bearer ? azdev.getBearerHandler(options.token, true) : azdev.getHandlerFromToken(options.token, true);
    const requestOptions: IRequestOptions = { keepAlive: true, socketTimeout: 60_000 };
    this.conn = new azdev.WebApi(options.orgUrl.replace(/\/+$/, ''), countingHandler(auth, this.stats, new URL(options.orgUrl).hostname), requestOptions);
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
    await this.slot();
    try {
      const res = await this.conn.rest.client.get(`${this.orgUrl}/_apis/connectionData`, { Accept: 'application/json' });
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
    } finally {
      this.release();
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
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
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
      this.stats.pages++;
      if (!res.ok) return res;
      all.push(...res.value.items);
      token = res.value.next;
      if (!paged || !token || seen.has(token)) break;
      seen.add(token);
    }
    return { ok: true, value: all };
  }

  /** Runs one logical request in a concurrency slot, retrying 429s after Retry-After. */
  private async guard<T>(what: string, call: () => Promise<Fetched<T>>): Promise<Fetched<T>> {
    const maxRetries = this.options.maxRetries ?? 4;
    for (let attempt = 0; ; attempt++) {
      await this.slot();
      let failure: HttpFailure | undefined;
      try {
        return await call();
      } catch (err) {
        failure = err as HttpFailure;
        if (typeof failure?.statusCode !== 'number') return { ok: false, gap: gapFromError(err, what) };
      } finally {
        this.release();
      }
      const status = failure.statusCode as number;
      const headers = lowerKeys(failure.responseHeaders);
      if (status === 429 && attempt < maxRetries) {
        this.stats.retries++;
        await this.wait(retryAfterMs(headers) ?? 1000 * 2 ** attempt);
        continue;
      }
      const message =
        status === 429
          ? `${what}: still rate limited after ${maxRetries} retries (HTTP 429)`
          : status === 401
            ? `${what}: the token is not authorised (HTTP 401); a PAT needs the read scope for this area`
            : status === 403
              ? `${what}: forbidden (HTTP 403); the token's identity lacks the permission to read it`
              : `${what}: HTTP ${status}`;
      // The token already passed connectionData, so a 401 here is a PAT without this area's scope: missing access.
      const gap = gapFromStatus(status === 401 ? 403 : status, message, { explicit: this.options.explicit });
      return { ok: false, status, gap };
    }
  }

  private noteHeaders(headers: Record<string, string | undefined> | undefined): void {
    if (!headers) return;
    const h = lowerKeys(headers);
    const remaining = header(h, 'x-ratelimit-remaining');
    if (remaining === undefined) return;
    const left = Number(remaining);
    if (Number.isFinite(left) && left <= 0) {
      const wait = retryAfterMs(h) ?? resetMs(h);
      if (wait !== undefined) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + Math.min(wait, this.options.maxWaitMs ?? 60_000));
    }
  }

  private async wait(ms: number): Promise<void> {
    const capped = Math.min(Math.max(ms, 0), this.options.maxWaitMs ?? 60_000);
    this.stats.rateLimitWaits++;
    this.stats.rateLimitWaitMs += capped;
    this.options.debug?.(`azure-devops: rate limited, waiting ${capped} ms`);
    await sleep(capped, this.options.signal);
  }

  private async slot(): Promise<void> {
    // A released slot is handed straight to the next waiter, so `active` never exceeds the limit.
    if (this.active >= (this.options.concurrency ?? 8)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    const pause = this.pausedUntil - Date.now();
    if (pause > 0) {
      this.stats.rateLimitWaits++;
      this.stats.rateLimitWaitMs += pause;
      await sleep(pause, this.options.signal);
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
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

