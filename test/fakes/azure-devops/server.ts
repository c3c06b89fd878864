import { LoopbackFake, type FakeReply, type FakeRequest } from '../loopback.js';
import { locationsFor } from './locations.js';
import type { FakeOrg, FakeProject, FakeRepo } from './state.js';

/**
 * A loopback imitation of Azure DevOps Services REST 7.1 as azure-devops-node-api 17 sees it,
 * built on the strict loopback base (recorded requests, latency, fault injection; a request
 * it does not know fails the test naming method and path): discovery (OPTIONS _apis/{area},
 * ResourceAreas), `{count, value}` collections with x-ms-continuationtoken paging, 404 JSON
 * errors, 401 / 203-HTML bad tokens, 429 with Retry-After and X-RateLimit-* headers.
 */
export interface FakeOptions {
  token: string;
  /** How a wrong or missing token is answered: 401 JSON (X-TFS-FedAuthRedirect: Suppress) or 203 with an HTML sign-in page. */
  badTokenStyle?: '401' | '203';
  /** Largest page the server returns; smaller than the client's $top forces continuation tokens. */
  pageSize?: number;
  latencyMs?: number;
  /** `listed` answers ResourceAreas as dev.azure.com does (one entry per area, here all on this server); default is the on-premises `value: null`. */
  resourceAreas?: 'null' | 'listed';
  /** With `listed`: the locationUrl every area names (default: this server); another origin tests credential pinning. */
  areaLocationUrl?: string;
  /** Add these headers (e.g. X-RateLimit-Remaining: 0 with Retry-After) to the first successful answer whose path matches. */
  rateLimitHeaders?: { path: RegExp; headers: Record<string, string> };
  /** Answer 429 with Retry-After to the first `times` requests whose path matches. */
  throttle?: { path: RegExp; times: number; retryAfter: number }[];
  /** Answer this status (with Azure DevOps' JSON error body) to every request whose path matches. */
  faults?: { path: RegExp; status: number }[];
}

export interface FakeAzureDevOps {
  url: string;
  orgUrl: string;
  /** The loopback base: fault injection (`base.inject`), latency. */
  base: LoopbackFake;
  /** Every request, in arrival order (the base's records). */
  requests: readonly FakeRequest[];
  unexpected: readonly string[];
  /** Requests answered 429. */
  readonly throttled: number;
  /** Most requests the server held at the same time. */
  readonly maxInFlight: number;
  /** Stops the server; strict: throws naming every unexpected request. */
  close(): Promise<void>;
}

type Json = unknown;

/** Resource-area GUIDs the node-api clients look up (provider-apis.md §3.2). */
const RESOURCE_AREAS: Record<string, string> = {
  core: '79134c72-4a58-4b42-976c-04e7115f32bf',
  git: '4e080c62-fa21-4fbc-8fef-2a10a2b38049',
  policy: 'fb13a388-40dd-4a04-b530-013a739c72ef',
  distributedtask: 'a85b8835-c1a1-4aac-ae97-1c3d0ba72dbd',
  serviceendpoint: '1814ab31-2f4f-4a9f-8761-f4d77dc5a5d7',
  build: '965220d5-5bb9-42cf-8d67-9b146df2a5a4',
};
type Reply = { status: number; body?: Json; headers?: Record<string, string> };
type Query = Record<string, string>;

const ok = (body: Json, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
const list = (value: Json[], headers?: Record<string, string>): Reply => ok({ count: value.length, value }, headers);
const tfErrorBody = (message: string, typeKey: string) => ({ $id: '1', innerException: null, message, typeName: `Microsoft.TeamFoundation.${typeKey}, Microsoft.TeamFoundation`, typeKey, errorCode: 0, eventId: 3000 });
const tfError = (status: number, message: string, typeKey: string): Reply => ({ status, body: tfErrorBody(message, typeKey) });
/** Headers every Azure DevOps answer carries. */
const COMMON_HEADERS = { 'content-type': 'application/json; charset=utf-8', activityid: '5d8a7c2f-0000-0000-0000-000000000000' };

export async function startFakeAzureDevOps(org: FakeOrg, options: FakeOptions): Promise<FakeAzureDevOps> {
  let rateLimitSent = false;

  const handle = (req: FakeRequest): Reply | undefined => {
    const query: Query = Object.fromEntries(req.query.entries());
    const accept = String(req.headers.accept ?? '');
    const method = req.method;
    if (!authorised(req, options.token)) {
      if (options.badTokenStyle === '203') return { status: 203, body: '<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>Sign in</body></html>', headers: { 'content-type': 'text/html; charset=utf-8' } };
      return { status: 401, body: 'Access Denied: The Personal Access Token used has expired.', headers: { 'content-type': 'text/plain', 'www-authenticate': 'Basic realm="https://dev.azure.com/"' } };
    }
    const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== org.name) return undefined;
    const rest = parts.slice(1);

    if (method === 'OPTIONS' && rest[0] === '_apis' && rest.length === 2) {
      const value = locationsFor(rest[1] ?? '');
      return value && list(value);
    }
    if (method !== 'GET') return undefined;
    if (rest.join('/') === '_apis/connectionData') {
      return ok({ authenticatedUser: { id: 'b1c2d3e4-0000-4000-8000-000000000001', providerDisplayName: 'Secpol Scanner', isActive: true }, instanceId: org.instanceId, deploymentType: 'hosted' });
    }
    // Every versioned API takes its version in Accept; a request without one is not what the node-api sends.
    if (!/api-version=\d/.test(accept)) return undefined;
    if (rest.join('/') === '_apis/ResourceAreas') {
      if (options.resourceAreas !== 'listed') return ok({ count: 0, value: null });
      const base = options.areaLocationUrl ?? `http://${req.headers.host}/${org.name}/`;
      return list(Object.entries(RESOURCE_AREAS).map(([name, id]) => ({ id, name, locationUrl: base })));
    }
    if (rest.join('/') === '_apis/projects') return page(org.projects.map(projectJson(org)), query, options.pageSize, true);
    if (rest[0] === '_apis') return orgLevel(org, rest.slice(1), query);
    const project = org.projects.find((p) => p.id === rest[0] || p.name.toLowerCase() === (rest[0] ?? '').toLowerCase());
    if (!project) return tfError(404, `TF200016: The following project does not exist: ${rest[0]}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`, 'ProjectDoesNotExistWithNameException');
    return projectLevel(org, project, rest.slice(1), query, options.pageSize);
  };

  const base = new LoopbackFake({ name: 'Azure DevOps', latencyMs: options.latencyMs, unknownBody: (req) => tfErrorBody(`fake Azure DevOps: unexpected request ${req.method} ${req.path}`, 'UnexpectedRequest') }, (req): FakeReply | undefined => {
    const reply = handle(req);
    if (!reply) return undefined;
    const limit = options.rateLimitHeaders;
    const extra = limit && !rateLimitSent && reply.status === 200 && limit.path.test(req.url) ? ((rateLimitSent = true), limit.headers) : {};
    return { ...reply, headers: { ...COMMON_HEADERS, ...reply.headers, ...extra } };
  });
  for (const fault of options.faults ?? []) {
    base.inject({ path: fault.path, fault: { kind: 'status', status: fault.status, headers: COMMON_HEADERS, body: tfErrorBody(`TF400813: injected failure (HTTP ${fault.status}).`, 'InjectedFailureException') } });
  }
  for (const t of options.throttle ?? []) {
    const headers = { ...COMMON_HEADERS, 'retry-after': String(t.retryAfter), 'x-ratelimit-resource': 'ATCPU', 'x-ratelimit-limit': '200', 'x-ratelimit-remaining': '0' };
    const body = { $id: '1', message: 'TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource ATCPU in namespace User.', typeKey: 'RequestBlockedException' };
    base.inject({ path: t.path, times: t.times, fault: { kind: 'status', status: 429, headers, body } });
  }
  await base.start();
  return {
    url: base.url,
    orgUrl: `${base.url}/${org.name}`,
    base,
    requests: base.requests,
    unexpected: base.unexpected,
    get throttled() {
      return base.requests.filter((r) => r.status === 429).length;
    },
    get maxInFlight() {
      return base.maxInFlight;
    },
    close: () => base.close(),
  };
}

function authorised(req: FakeRequest, token: string): boolean {
  const header = String(req.headers.authorization ?? '');
  if (header.startsWith('Bearer ')) return header.slice(7) === token;
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}

/** `$top` + `continuationToken` paging; projects use an integer offset as their token, other lists an opaque one. */
function page(items: Json[], query: Query, serverMax = 1000, numeric = false): Reply {
  const raw = query.continuationToken;
  const start = raw === undefined ? 0 : numeric ? Number(raw) : Number(/^ct-(\d+)$/.exec(raw)?.[1] ?? NaN);
  if (!Number.isInteger(start) || start < 0) return tfError(400, 'VS403415: The continuation token is invalid.', 'InvalidContinuationTokenException');
  const top = Math.min(Number(query.$top ?? serverMax) || serverMax, serverMax);
  const slice = items.slice(start, start + top);
  const next = start + top < items.length ? (numeric ? String(start + top) : `ct-${start + top}`) : undefined;
  return list(slice, next ? { 'x-ms-continuationtoken': next } : undefined);
}

const projectJson = (org: FakeOrg) => (p: FakeProject) => ({
  id: p.id,
  name: p.name,
  description: p.description ?? '',
  url: `https://dev.azure.com/${org.name}/_apis/projects/${p.id}`,
  state: 'wellFormed',
  revision: 11,
  visibility: p.visibility,
  lastUpdateTime: '2026-01-10T08:00:00.000Z',
});

function repoJson(org: FakeOrg, p: FakeProject, r: FakeRepo) {
  const json: Record<string, Json> = {
    id: r.id,
    name: r.name,
    url: `https://dev.azure.com/${org.name}/${p.id}/_apis/git/repositories/${r.id}`,
    project: { id: p.id, name: p.name, url: `https://dev.azure.com/${org.name}/_apis/projects/${p.id}`, state: 'wellFormed', visibility: p.visibility },
    size: 1024,
    remoteUrl: `https://${org.name}@dev.azure.com/${org.name}/${encodeURIComponent(p.name)}/_git/${encodeURIComponent(r.name)}`,
    sshUrl: `git@ssh.dev.azure.com:v3/${org.name}/${encodeURIComponent(p.name)}/${encodeURIComponent(r.name)}`,
    webUrl: `https://dev.azure.com/${org.name}/${encodeURIComponent(p.name)}/_git/${encodeURIComponent(r.name)}`,
    isDisabled: r.isDisabled ?? false,
    isFork: r.isFork ?? false,
    isInMaintenance: false,
  };
  if (r.defaultBranch !== null) json.defaultBranch = `refs/heads/${r.defaultBranch ?? 'main'}`;
  return json;
}

function orgLevel(org: FakeOrg, rest: string[], query: Query): Reply | undefined {
  const [resource, a, b] = rest;
  if (resource === 'hooks' && a === 'subscriptions') {
    if (org.hooksStatus) return tfError(org.hooksStatus, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException');
    return list(org.hooks ?? []);
  }
  if (resource === 'accesscontrollists' && a) {
    const token = query.token ?? '';
    const recurse = query.recurse === 'true';
    const acls = org.acls ?? [];
    if (org.aclStatus) return tfError(org.aclStatus, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException');
    const matched = acls.filter((acl) => acl.token.toLowerCase() === token.toLowerCase() || (recurse && acl.token.toLowerCase().startsWith(`${token.toLowerCase()}/`)));
    return list(matched.map((acl) => ({ inheritPermissions: acl.inheritPermissions ?? true, token: acl.token, acesDictionary: Object.fromEntries(acl.aces.map((e) => [e.descriptor, e])) })));
  }
  if (resource === 'permissions' && a && b) {
    const tokens = (query.tokens ?? '').split(',');
    return list(tokens.map((t) => org.gitReadDenied?.some((p) => t.includes(p)) !== true));
  }
  if (resource === 'identities') {
    if (org.identitiesStatus) return tfError(org.identitiesStatus, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException');
    if (query.searchFilter === 'General') {
      const group = org.groups.find((g) => g.name.toLowerCase() === (query.filterValue ?? '').toLowerCase());
      if (!group) return list([]);
      return list([{ id: group.id, descriptor: group.descriptor, providerDisplayName: group.name, isContainer: true, isActive: true, members: query.queryMembership === 'Expanded' ? group.members : [] }]);
    }
    if (query.descriptors) {
      return list(query.descriptors.split(',').map((d) => {
        const person = org.identities.find((i) => i.descriptor === d);
        return person ? { id: person.id, descriptor: person.descriptor, providerDisplayName: person.name, isContainer: person.isContainer ?? false, isActive: true } : null;
      }));
    }
  }
  return undefined;
}

function projectLevel(org: FakeOrg, p: FakeProject, rest: string[], query: Query, pageSize?: number): Reply | undefined {
  const path = rest.join('/');
  const denied = (area: keyof NonNullable<FakeProject['denied']>): Reply | undefined => {
    const status = p.denied?.[area];
    if (!status) return undefined;
    if (status === 404) return tfError(404, `The resource cannot be found.`, 'NotFoundException');
    return tfError(status, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException');
  };
  if (path === '_apis/git/repositories') return denied('repos') ?? list(p.repos.map((r) => repoJson(org, p, r)));
  const items = /^_apis\/git\/repositories\/([^/]+)\/items$/.exec(path);
  if (items) {
    const repo = p.repos.find((r) => r.id === items[1] || r.name === items[1]);
    if (!repo) return tfError(404, `TF401019: The Git repository with name or identifier ${items[1]} does not exist or you do not have permissions for the operation you are attempting.`, 'GitRepositoryNotFoundException');
    const branch = repo.defaultBranch ?? 'main';
    if (query['versionDescriptor.version'] !== branch || query['versionDescriptor.versionType'] !== 'branch') return undefined;
    if (query.path) {
      const file = query.path.replace(/^\/+/, '');
      if (!(file in repo.files)) return tfError(404, `TF401174: The item '${query.path}' could not be found in the repository '${repo.name}' at the version specified by '<Branch: ${branch} >'.`, 'GitItemNotFoundException');
      return ok({ objectId: 'a'.repeat(40), gitObjectType: 'blob', commitId: 'c'.repeat(40), path: `/${file}`, content: repo.files[file] });
    }
    if (query.recursionLevel !== 'Full' || query.scopePath !== '/') return undefined;
    const folders = new Set<string>();
    for (const f of Object.keys(repo.files)) {
      const segs = f.split('/');
      for (let i = 1; i < segs.length; i++) folders.add(segs.slice(0, i).join('/'));
    }
    return list([
      { objectId: 'f'.repeat(40), gitObjectType: 'tree', path: '/', isFolder: true },
      ...[...folders].map((f) => ({ objectId: 'e'.repeat(40), gitObjectType: 'tree', path: `/${f}`, isFolder: true })),
      ...Object.keys(repo.files).map((f) => ({ objectId: 'b'.repeat(40), gitObjectType: 'blob', commitId: 'c'.repeat(40), path: `/${f}` })),
    ]);
  }
  if (path === '_apis/policy/configurations') {
    if (p.corruptPolicies) return list([{ id: 'one', isEnabled: 'yes', type: null, settings: '\u001b[31mred' }]);
    return denied('policies') ?? page(p.policies, query, pageSize);
  }
  if (path === '_apis/build/definitions') {
    if (query.includeAllProperties !== 'true') return undefined;
    return denied('definitions') ?? page(p.definitions, query, pageSize);
  }
  if (path === '_apis/distributedtask/variablegroups') return denied('variableGroups') ?? page(p.variableGroups, query, pageSize);
  if (path === '_apis/serviceendpoint/endpoints') return denied('endpoints') ?? list(p.endpoints);
  if (path === '_apis/distributedtask/environments') return denied('environments') ?? page(p.environments.map(({ checks: _checks, ...e }) => e), query, pageSize);
  if (path === '_apis/pipelines/checks/configurations') {
    if (query.resourceType !== 'environment' || query.$expand !== 'settings') return undefined;
    const env = p.environments.find((e) => String(e.id) === query.resourceId);
    if (!env) return list([]);
    return list(env.checks.map((c) => ({ ...c, resource: { type: 'environment', id: String(env.id), name: env.name } })));
  }
  return undefined;
}
