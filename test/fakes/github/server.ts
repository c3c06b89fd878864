import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { LoopbackFake, type FakeReply, type FakeRequest } from '../loopback.js';
import { answerGraphql } from './graphql.js';
import { FULL_PERMISSIONS, type FakeState } from './model.js';
import { DOCS, error, GithubRest, type Answer } from './rest.js';

/**
 * A GitHub REST + GraphQL imitation on 127.0.0.1 for tests and the benchmark, built on the
 * strict loopback base (recorded requests, latency, reset/hang/delay faults; a request it
 * does not know fails the test naming method and path). It adds GitHub's behaviour: Link
 * pagination with absolute URLs, rate-limit headers, ETags and 304s (which cost no rate
 * limit), scope/permission headers, GitHub's error bodies, and GitHub-shaped faults
 * (secondary/primary limit, 5xx with rate headers, truncated or altered JSON, a Link header).
 */
export interface Fault {
  method?: string;
  path: RegExp;
  kind: 'secondary-limit' | 'primary-limit' | 'status' | 'truncated' | 'malformed' | 'link';
  status?: number;
  /** How many matching requests fail before the route answers normally. */
  times: number;
  /** For `malformed`: transforms the JSON body. */
  mutate?: (body: unknown) => unknown;
  /** For `link`: the Link header sent instead of the real one (e.g. a next page on another origin). */
  link?: string;
}

export interface FakeOptions {
  basePath?: '' | '/api/v3';
  latencyMs?: number;
  faults?: Fault[];
}

export interface RequestLog {
  method: string;
  /** The API path (without the GHES `/api/v3` prefix). */
  path: string;
  /** 0 while unanswered, or when the base reset or held the connection. */
  status: number;
}

export class FakeGithub {
  /** The loopback base: every request recorded, latency and transport faults (reset, hang, delay). */
  readonly base: LoopbackFake;
  readonly used = { core: 0, graphql: 0 };
  private readonly faults: Fault[];
  private readonly routes = new GithubRest(this);

  constructor(
    readonly state: FakeState,
    private readonly options: FakeOptions = {},
  ) {
    this.faults = options.faults ?? [];
    this.base = new LoopbackFake({ name: 'GitHub', latencyMs: options.latencyMs, unknownBody: () => error(500, 'Server Error') }, (req) => this.handle(req));
  }

  get origin(): string {
    return this.base.url;
  }
  get apiUrl(): string {
    return `${this.origin}${this.options.basePath ?? ''}`;
  }
  /** Requests the imitation did not know (`METHOD path?query`); closing fails while any is listed. */
  get unexpected(): readonly string[] {
    return this.base.unexpected;
  }
  /** Every request so far, by API path, with the status answered. */
  get log(): RequestLog[] {
    return this.base.requests.map((r) => ({ method: r.method, path: this.apiPath(r.path), status: r.status ?? 0 }));
  }

  async start(): Promise<this> {
    await this.base.start();
    return this;
  }

  /** Stops the server; strict: throws naming every unexpected request. */
  close(): Promise<void> {
    return this.base.close();
  }

  addFault(fault: Fault): void {
    this.faults.push(fault);
  }

  count(pathPattern?: RegExp): number {
    return pathPattern ? this.log.filter((l) => pathPattern.test(l.path)).length : this.log.length;
  }

  // ---------------------------------------------------------------- plumbing

  private get graphqlPath(): string {
    return this.options.basePath ? '/api/graphql' : '/graphql';
  }

  /** The path without the GHES prefix; undefined for a path outside it. */
  private apiPath(path: string): string;
  private apiPath(path: string, strict: true): string | undefined;
  private apiPath(path: string, strict = false): string | undefined {
    const base = this.options.basePath ?? '';
    if (!base || path === this.graphqlPath) return path;
    if (path.startsWith(`${base}/`)) return path.slice(base.length);
    return strict ? undefined : path;
  }

  private handle(req: FakeRequest): FakeReply | undefined {
    const path = this.apiPath(req.path, true);
    if (path === undefined) return undefined;
    const method = req.method;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': 'FAKE:1', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

    const m = /^(token|bearer) (.+)$/i.exec(req.headers.authorization ?? '');
    const rawToken = m?.[2];
    // App JWT: only for the app endpoints.
    if (rawToken && rawToken.split('.').length === 3) return this.handleApp(method, path, rawToken, reply);
    const token = rawToken ? this.state.tokens[rawToken] : undefined;
    if (!token) return reply(401, error(401, 'Bad credentials'));
    const resource = path === this.graphqlPath ? 'graphql' : 'core';

    const fault = this.faults.find((f) => f.times > 0 && (!f.method || f.method === method) && f.path.test(path));
    const rateHeaders = (): Record<string, string> => ({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(5000 - this.used[resource]),
      'x-ratelimit-used': String(this.used[resource]),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': resource,
      ...(token.kind === 'classic' ? { 'x-oauth-scopes': (token.scopes ?? []).join(', ') } : {}),
    });
    if (fault && fault.kind !== 'malformed' && fault.kind !== 'truncated' && fault.kind !== 'link') {
      fault.times--;
      this.used[resource]++;
      if (fault.kind === 'secondary-limit') {
        return reply(403, error(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`), { ...rateHeaders(), 'retry-after': '1' });
      }
      if (fault.kind === 'primary-limit') {
        return reply(403, error(403, 'API rate limit exceeded for user ID 1.'), { ...rateHeaders(), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) });
      }
      return reply(fault.status ?? 502, { message: 'Server Error', status: String(fault.status ?? 502) }, rateHeaders());
    }

    let answer: Answer | undefined;
    if (path === this.graphqlPath && method === 'POST') {
      let parsed: { query?: unknown; variables?: unknown } = {};
      try {
        parsed = JSON.parse(req.body) as typeof parsed;
      } catch {
        return reply(400, error(400, 'Problems parsing JSON'));
      }
      answer = answerGraphql(this.state, token, parsed);
    } else if (method === 'GET') {
      answer = this.routes.answer(path, req.query, token);
    }
    if (!answer) return undefined;

    const url = new URL(req.url, this.origin);
    let json = answer.json;
    const headers: Record<string, string> = { ...rateHeaders(), ...answer.headers };
    // Pagination for list bodies: arrays, or `{total_count, <key>: [...]}` wrappers.
    if (method === 'GET' && answer.status === 200 && json !== undefined) {
      const paged = this.paginate(json, url);
      json = paged.json;
      if (paged.link) headers.link = paged.link;
    }
    if (fault?.kind === 'link' && fault.link !== undefined) {
      fault.times--;
      headers.link = fault.link;
    }
    if (fault?.kind === 'malformed' && fault.mutate) {
      fault.times--;
      json = fault.mutate(json);
    }
    const text = json === undefined ? '' : JSON.stringify(json);
    if (method === 'GET' && answer.status === 200) {
      const etag = `"${createHash('sha256').update(text).digest('hex')}"`;
      headers.etag = etag;
      // A revalidated answer costs no rate limit.
      if (req.headers['if-none-match'] === etag) return { status: 304, headers: { ...headers, 'x-ratelimit-remaining': String(5000 - this.used[resource]) } };
    }
    this.used[resource]++;
    headers['x-ratelimit-remaining'] = String(5000 - this.used[resource]);
    headers['x-ratelimit-used'] = String(this.used[resource]);
    if (fault?.kind === 'truncated') {
      fault.times--;
      return reply(answer.status, text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers);
    }
    return reply(answer.status, json === undefined ? undefined : text, headers);
  }

  private paginate(json: unknown, url: URL): { json: unknown; link?: string } {
    let list: unknown[] | undefined;
    let key: string | undefined;
    if (Array.isArray(json)) list = json;
    else if (json && typeof json === 'object' && 'total_count' in json) {
      key = Object.keys(json).find((k) => k !== 'total_count');
      const v = key ? (json as Record<string, unknown>)[key] : undefined;
      if (Array.isArray(v)) list = v;
    }
    if (!list) return { json };
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    const slice = list.slice((page - 1) * perPage, page * perPage);
    const link = (p: number): string => {
      const u = new URL(url.toString());
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
    if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) rels.push(`${link(1)}; rel="first"`);
    const body = key ? { total_count: list.length, [key]: slice } : slice;
    return { json: body, link: rels.length ? rels.join(', ') : undefined };
  }

  private handleApp(method: string, path: string, jwt: string, send: (s: number, b: unknown) => FakeReply): FakeReply | undefined {
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    let appId: string | undefined;
    try {
      appId = String((JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss?: unknown }).iss);
    } catch {
      return send(401, error(401, 'A JSON web token could not be decoded'));
    }
    const pem = this.state.apps[appId];
    const ok = pem && verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey(pem), Buffer.from(sig, 'base64url'));
    if (!ok) return send(401, error(401, 'A JSON web token could not be decoded'));
    const org = this.state.org;
    if (method === 'GET' && path === `/orgs/${org.login}/installation`) return send(200, { id: org.installationId, account: { login: org.login }, app_id: Number(appId) });
    if (method === 'POST' && path === `/app/installations/${org.installationId}/access_tokens`) {
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      this.state.tokens[token] = { kind: 'app', permissions: FULL_PERMISSIONS, admin: true };
      return send(201, { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: FULL_PERMISSIONS, repository_selection: 'all' });
    }
    return undefined;
  }
}
