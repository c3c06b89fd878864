import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { LoopbackFake, type FakeRequest } from '../loopback.js';
import { executeGraphql } from './graphql.js';
import type { Body, FakeGitlabState, FakeGroup, FakeProject, FakeToken } from './state.js';

export interface FakeGitlab {
  url: string;
  /** `GET /api/v4/...?query` of every request, in arrival order. */
  requests: string[];
  /** Requests the imitation does not know; a test must assert this stays empty. */
  unexpected: string[];
  /** When each 429 was sent and when the next request for the same URL arrived (ms epoch). */
  throttled: { url: string; sentAt: number; retriedAt?: number }[];
  /** Arrival time (ms epoch) of each request, parallel to `requests`. */
  arrivals: number[];
  /** When the budget option announced RateLimit-Remaining: 0. */
  exhaustedAt?: number;
  /** The loopback base: recorded requests, fault injection. */
  base: LoopbackFake;
  close(): Promise<void>;
}

class HttpError {
  constructor(
    readonly status: number,
    readonly body: Body,
  ) {}
}

const notFound = (what = '404 Not Found'): HttpError => new HttpError(404, { message: what });
/** Thrown by a route for a request the imitation does not know: the base records it and fails the test. */
const UNKNOWN = Symbol('unknown request');
const forbidden = (): HttpError => new HttpError(403, { message: '403 Forbidden' });
const MAINTAINER = 40;
const OWNER = 50;

/**
 * A loopback imitation of GitLab's REST v4 for the endpoints secpol reads: URL-encoded ids,
 * PRIVATE-TOKEN auth (401), role checks (403), offset pagination with Link and X-* headers,
 * RateLimit-* headers and 429 + Retry-After, Free-tier answers on Premium endpoints, the
 * non-admin behaviour of /users?two_factor=disabled, and `null` for a never-set push rule.
 */
export async function startFakeGitlab(state: FakeGitlabState): Promise<FakeGitlab> {
  const throttled: FakeGitlab['throttled'] = [];
  const limited = new Map<string, number>();
  let answered = 0;
  let exhaustedAt: number | undefined;

  const base = new LoopbackFake({ name: 'GitLab', latencyMs: state.latencyMs, unknownBody: () => ({ message: '500 Internal Server Error' }) }, (req, res) => {
    const open = throttled.find((t) => t.url === req.url && t.retriedAt === undefined);
    if (open) open.retriedAt = req.at;
    try {
      handle(req, res);
      return 'sent';
    } catch (err) {
      if (err === UNKNOWN) return undefined;
      if (err instanceof HttpError) {
        sendJson(res, err.status, err.body);
        return 'sent';
      }
      throw err;
    }
  });
  await base.start();

  /** GraphQL: Bearer (or PRIVATE-TOKEN) auth, a JSON body, and the same rate-limit behaviour as REST. */
  function graphqlRoute(req: { headers: IncomingHttpHeaders }, res: ServerResponse, text: string): void {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = state.tokens.find((t) => t.value === (bearer ?? req.headers['private-token']));
    if (!token) throw new HttpError(401, { errors: [{ message: 'Invalid token' }] });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(400, { errors: [{ message: 'No query string was present' }] });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, { errors: [{ message: 'Invalid JSON' }] });
    }
    const answer = executeGraphql(state, token, body);
    sendJson(res, answer.status, answer.body);
  }

  function handle(req: FakeRequest, res: ServerResponse): void {
    const raw = req.url;
    const body = req.body;
    const url = new URL(raw, 'http://fake');
    const path = raw.split('?')[0] ?? '';
    if (req.method === 'POST' && path === '/api/graphql') {
      if (state.graphql === false) throw notFound();
      return graphqlRoute(req, res, body);
    }
    if (req.method !== 'GET' || !path.startsWith('/api/v4/')) throw UNKNOWN;
    const token = state.tokens.find((t) => t.value === req.headers['private-token']);
    if (!token) throw new HttpError(401, { message: '401 Unauthorized' });
    const rl = state.rateLimit;
    if (rl && rl.path.test(path) && (limited.get(raw) ?? 0) < rl.times) {
      limited.set(raw, (limited.get(raw) ?? 0) + 1);
      throttled.push({ url: raw, sentAt: Date.now() });
      if (rl.bare) {
        res.writeHead(429, { 'content-type': 'text/plain' });
        res.end('Retry later\n');
        return;
      }
      res.writeHead(429, {
        'content-type': 'text/plain',
        'retry-after': String(rl.retryAfter),
        'ratelimit-limit': '600',
        'ratelimit-name': 'throttle_authenticated_api',
        'ratelimit-observed': '601',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + rl.retryAfter),
        'ratelimit-resettime': new Date(Date.now() + rl.retryAfter * 1000).toUTCString(),
      });
      res.end('Retry later\n');
      return;
    }
    const segments = path.slice('/api/v4/'.length).split('/');
    const [root, rawId, ...rest] = segments;
    const sub = rest.join('/');
    if (root === 'users' && rawId === undefined) return list(res, url, users(url, token));
    // The signed-in user (doctor): a token's user is named after its role.
    if (root === 'user' && rawId === undefined) return sendJson(res, 200, { id: 1000 + token.role, username: `token-user-${token.role}`, state: 'active', is_admin: token.admin });
    if (root === 'groups' && rawId) return groupRoute(res, url, token, findGroup(decodeURIComponent(rawId)), sub);
    if (root === 'projects' && rawId) return projectRoute(res, url, token, findProject(decodeURIComponent(rawId)), rest);
    throw UNKNOWN;
  }

  function groupRoute(res: ServerResponse, url: URL, token: FakeToken, group: FakeGroup, sub: string): void {
    const fullPath = String(group.body.full_path);
    switch (sub) {
      case '':
        return sendJson(res, 200, group.body);
      case 'members/all':
        return list(res, url, group.members);
      case 'projects':
        return list(res, url, groupProjects(fullPath, url));
      case 'access_tokens':
        return listFor(res, url, token, OWNER, group.accessTokens);
      case 'deploy_tokens':
        return listFor(res, url, token, MAINTAINER, group.deployTokens);
      case 'variables':
        return listFor(res, url, token, MAINTAINER, group.variables);
      default:
        throw UNKNOWN;
    }
  }

  function projectRoute(res: ServerResponse, url: URL, token: FakeToken, project: FakeProject, rest: string[]): void {
    const sub = rest.join('/');
    const premium = state.tier === 'premium';
    const freeAnswer = (): HttpError => (state.freeStatus === 403 ? forbidden() : new HttpError(404, { error: '404 Not Found' }));
    switch (sub) {
      case '':
        return sendJson(res, 200, project.body);
      case 'protected_branches':
        return list(
          res,
          url,
          premium ? project.protectedBranches : project.protectedBranches.map(({ code_owner_approval_required: _c, ...pb }) => pb),
        );
      case 'approvals':
        if (!premium) throw freeAnswer();
        return sendJson(res, 200, project.approvals);
      case 'approval_rules':
        if (!premium) throw freeAnswer();
        return list(res, url, project.approvalRules);
      case 'push_rule':
        if (!premium) throw notFound();
        requireRole(token, MAINTAINER);
        return sendJson(res, 200, project.pushRule);
      case 'hooks':
        return listFor(res, url, token, MAINTAINER, project.hooks);
      case 'deploy_keys':
        return listFor(res, url, token, MAINTAINER, project.deployKeys);
      case 'members/all':
        return list(res, url, project.members);
      case 'access_tokens':
        return listFor(res, url, token, MAINTAINER, project.accessTokens);
      case 'deploy_tokens':
        return listFor(res, url, token, MAINTAINER, project.deployTokens);
      case 'variables':
        return listFor(res, url, token, MAINTAINER, project.variables);
      case 'protected_environments':
        if (!premium) throw freeAnswer();
        return listFor(res, url, token, MAINTAINER, project.protectedEnvironments);
      case 'environments':
        return list(res, url, project.environments);
      case 'repository/tree':
        requireRef(project, url);
        return list(res, url, tree(project, url.searchParams.get('recursive') === 'true'));
      default:
        break;
    }
    if (rest[0] === 'repository' && rest[1] === 'files' && rest[3] === 'raw' && rest.length === 4) {
      requireRef(project, url);
      const text = project.files[decodeURIComponent(rest[2] ?? '')];
      if (text === undefined) throw notFound('404 File Not Found');
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...rateHeaders() });
      res.end(text);
      return;
    }
    throw UNKNOWN;
  }

  function requireRef(project: FakeProject, url: URL): void {
    if (url.searchParams.get('ref') !== project.body.default_branch) {
      // A ref other than the default branch is a request the provider should not make.
      throw UNKNOWN;
    }
  }

  function findGroup(id: string): FakeGroup {
    const group = state.groups.find((g) => String(g.body.id) === id || g.body.full_path === id);
    if (!group) throw notFound('404 Group Not Found');
    return group;
  }

  function findProject(id: string): FakeProject {
    const project = state.projects.find((p) => String(p.body.id) === id || p.body.path_with_namespace === id);
    if (!project) throw notFound('404 Project Not Found');
    return project;
  }

  function groupProjects(fullPath: string, url: URL): Body[] {
    const subgroups = url.searchParams.get('include_subgroups') === 'true';
    const withShared = url.searchParams.get('with_shared') !== 'false';
    const own = state.projects.filter((p) => {
      const ns = String((p.body.namespace as Body).full_path);
      return ns === fullPath || (subgroups && ns.startsWith(`${fullPath}/`));
    });
    const shared = withShared ? state.projects.filter((p) => p.sharedWith?.includes(fullPath) && !own.includes(p)) : [];
    return [...own, ...shared].map((p) => p.body);
  }

  /** Non-administrators: the two_factor filter is dropped and only the UserBasic view is shown. */
  function users(url: URL, token: FakeToken): Body[] {
    if (!token.admin) {
      return state.users.map((u) => ({ id: u.id, username: u.username, name: u.name, state: u.state, locked: false, avatar_url: '', web_url: `http://fake/${u.username}` }));
    }
    const filter = url.searchParams.get('two_factor');
    return state.users
      .filter((u) => (filter === 'disabled' ? !u.two_factor_enabled : filter === 'enabled' ? u.two_factor_enabled : true))
      .filter((u) => url.searchParams.get('active') !== 'true' || u.state === 'active')
      .map((u) => ({ ...u, email: `${u.username}@example.com`, bot: false, external: false, created_at: '2020-01-01T00:00:00Z' }));
  }

  function tree(project: FakeProject, recursive: boolean): Body[] {
    const entries = new Map<string, Body>();
    for (const file of Object.keys(project.files).sort()) {
      const parts = file.split('/');
      if (!recursive && parts.length > 1) {
        entries.set(parts[0] ?? '', { id: `t-${parts[0]}`, name: parts[0], type: 'tree', path: parts[0], mode: '040000' });
        continue;
      }
      for (let i = 1; i < parts.length; i += 1) {
        const dir = parts.slice(0, i).join('/');
        entries.set(dir, { id: `t-${dir}`, name: parts[i - 1], type: 'tree', path: dir, mode: '040000' });
      }
      entries.set(file, { id: `b-${file}`, name: parts.at(-1), type: 'blob', path: file, mode: '100644' });
    }
    return [...entries.values()];
  }

  function list(res: ServerResponse, url: URL, items: Body[]): void {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 20) || 20, 1), 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-total': String(items.length),
      'x-total-pages': String(totalPages),
      'x-next-page': page < totalPages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
    };
    if (!state.omitLinkHeader) {
      const link = (p: number, rel: string): string => {
        const target = new URL(`https://gitlab.example.com${url.pathname}${url.search}`);
        target.searchParams.set('page', String(p));
        target.searchParams.set('per_page', String(perPage));
        return `<${target.toString()}>; rel="${rel}"`;
      };
      const links = [];
      if (page > 1) links.push(link(page - 1, 'prev'));
      if (page < totalPages) links.push(link(page + 1, 'next'));
      links.push(link(1, 'first'), link(totalPages, 'last'));
      headers.link = links.join(', ');
    }
    sendJson(res, 200, slice, headers);
  }

  function rateHeaders(): Record<string, string> {
    answered += 1;
    if (state.budget && answered === state.budget.after) {
      exhaustedAt = Date.now();
      return {
        'ratelimit-limit': '2000',
        'ratelimit-name': 'throttle_authenticated_api',
        'ratelimit-observed': '2000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Math.ceil((Date.now() + state.budget.resetSeconds * 1000) / 1000)),
      };
    }
    return {
      'ratelimit-limit': '2000',
      'ratelimit-name': 'throttle_authenticated_api',
      'ratelimit-observed': '1',
      'ratelimit-remaining': '1999',
      'ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 60),
    };
  }

  function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...rateHeaders(), ...headers });
    res.end(JSON.stringify(body));
  }

  function requireRole(token: FakeToken, level: number): void {
    if (!token.admin && token.role < level) throw forbidden();
  }

  /** A list only members with at least `level` may read. */
  function listFor(res: ServerResponse, url: URL, token: FakeToken, level: number, items: Body[]): void {
    requireRole(token, level);
    list(res, url, items);
  }

  return {
    url: base.url,
    get requests() {
      return base.requests.map((r) => `${r.method} ${r.url}`);
    },
    unexpected: base.unexpected,
    throttled,
    get arrivals() {
      return base.requests.map((r) => r.at);
    },
    get exhaustedAt() {
      return exhaustedAt;
    },
    base,
    close: () => base.close(),
  };
}
