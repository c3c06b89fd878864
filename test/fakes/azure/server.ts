import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FakeAzureState, FakeRecoveryVault, FakeSubscription, FakeVault, FakeWorkspace } from './state.js';
import type { TestCertificate } from './tls.js';

/**
 * An https loopback imitation of Azure Resource Manager (`management.localhost`), Microsoft
 * Graph (`graph.localhost`) and Key Vault data planes (`<vault>.vault.localhost`), on one port,
 * told apart by Host. It reproduces what the provider meets in Azure: `{value, nextLink}` /
 * `@odata.nextLink` paging with absolute links, the Key Vault 401 challenge, 401 for a token
 * of the wrong audience, 403 AuthorizationFailed, 429 with Retry-After, malformed bodies.
 * A request it does not know is answered 500 and recorded in `unexpected`.
 */

export type FakeHost = 'arm' | 'graph' | 'vault';

export interface Fault {
  host: FakeHost;
  path: RegExp;
  status: number;
  /** How many requests it answers (default: all). */
  times?: number;
  headers?: Record<string, string>;
  /** A body sent verbatim (malformed JSON, HTML). A `nextLink: 'SELF'` in `body` becomes the request's own URL (a paging loop). */
  raw?: string;
  body?: unknown;
  /** Never answer (until the client gives up or the fake closes); `status` is then unused. */
  hang?: boolean;
}

export interface FakeOptions {
  certificate: TestCertificate;
  /** The bearer token each host accepts. */
  tokens: Record<FakeHost, string>;
  /** Items per page of every list (forces nextLink paging). */
  pageSize?: number;
  faults?: Fault[];
  latencyMs?: number;
  /** Pinned api-versions the provider must send, by path fragment. */
  apiVersions?: Record<string, string>;
}

export interface RecordedRequest {
  host: FakeHost;
  hostname: string;
  path: string;
  query: Record<string, string>;
  authorized: boolean;
}

export interface FakeAzure {
  port: number;
  armUrl: string;
  graphUrl: string;
  vaultUrl(name: string): string;
  requests: RecordedRequest[];
  unexpected: string[];
  close(): Promise<void>;
}

type Reply = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> };

const HANG = Symbol('hang');
const armError = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });
const ARM_FAULT_CODES: Record<number, string> = { 403: 'AuthorizationFailed', 404: 'ResourceNotFound', 429: 'TooManyRequests', 500: 'InternalServerError', 503: 'ServiceUnavailable' };

export async function startFakeAzure(state: FakeAzureState, options: FakeOptions): Promise<FakeAzure> {
  const requests: RecordedRequest[] = [];
  const unexpected: string[] = [];
  const faults = (options.faults ?? []).map((f) => ({ ...f, left: f.times ?? Infinity }));
  const pageSize = options.pageSize ?? 2;
  let port = 0;

  const page = (url: URL, items: unknown[], nextKey: 'nextLink' | '@odata.nextLink'): Reply => {
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const body: Record<string, unknown> = { value: items.slice(skip, skip + pageSize) };
    if (skip + pageSize < items.length) {
      const next = new URL(url);
      next.searchParams.set('$skiptoken', String(skip + pageSize));
      body[nextKey] = next.toString();
    }
    return { status: 200, body };
  };

  const handle = (req: IncomingMessage): Reply | typeof HANG => {
    const hostname = String(req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const host: FakeHost | undefined = hostname === 'management.localhost' ? 'arm' : hostname === 'graph.localhost' ? 'graph' : hostname.endsWith('.vault.localhost') ? 'vault' : undefined;
    const auth = String(req.headers.authorization ?? '');
    const authorized = host !== undefined && auth === `Bearer ${options.tokens[host]}`;
    requests.push({ host: host ?? 'arm', hostname, path: url.pathname, query: Object.fromEntries(url.searchParams), authorized });
    if (!host || req.method !== 'GET') return miss(req, hostname);

    if (host === 'vault') {
      const vault = findVault(state, hostname.slice(0, -'.vault.localhost'.length));
      if (!vault) return miss(req, hostname);
      if (!authorized) {
        const resource = vault.dataPlane === 'foreign-challenge' ? 'https://vault.azure.net' : 'https://vault.localhost';
        return {
          status: 401,
          headers: { 'www-authenticate': `Bearer authorization="https://login.localhost/${state.tenant.id}", resource="${resource}"` },
          body: { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } },
        };
      }
    } else if (!authorized) {
      return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    }

    const fault = faults.find((f) => f.host === host && f.left > 0 && f.path.test(url.pathname));
    if (fault) {
      fault.left--;
      if (fault.hang) return HANG;
      if (fault.raw !== undefined) return { status: fault.status, raw: fault.raw, headers: fault.headers };
      if (fault.body && typeof fault.body === 'object' && (fault.body as { nextLink?: string }).nextLink === 'SELF') return { status: fault.status, body: { ...fault.body, nextLink: url.toString() } };
      return { status: fault.status, headers: fault.headers, body: fault.body ?? armError(fault.status, ARM_FAULT_CODES[fault.status] ?? 'Error', `fault at ${url.pathname}`).body };
    }
    if (host !== 'graph' && !url.searchParams.get('api-version')) return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter is required.');
    const reply = host === 'arm' ? arm(url) : host === 'graph' ? graph(url) : vaultPlane(url, findVault(state, hostname.slice(0, -'.vault.localhost'.length))!);
    return reply ?? miss(req, hostname);
  };

  const miss = (req: IncomingMessage, hostname: string): Reply => {
    unexpected.push(`${req.method} ${hostname}${req.url}`);
    return armError(500, 'UnexpectedRequest', 'the imitation does not know this request');
  };

  const arm = (url: URL): Reply | undefined => {
    const p = decodeURIComponent(url.pathname);
    if (p === '/subscriptions') return page(url, state.subscriptions.map((s) => ({ id: `/subscriptions/${s.id}`, subscriptionId: s.id, displayName: `sub ${s.id.slice(-1)}`, state: 'Enabled', tenantId: state.tenant.id })), 'nextLink');
    const m = /^\/subscriptions\/([^/]+)(\/.*)$/.exec(p);
    const sub = m && state.subscriptions.find((s) => s.id === m[1]);
    if (!m || !sub) return undefined;
    const rest = m[2]!;
    const base = (rg: string, type: string, name: string) => `/subscriptions/${sub.id}/resourceGroups/${rg}/providers/${type}/${name}`;
    if (rest === '/providers/Microsoft.KeyVault/vaults') {
      return page(url, sub.vaults.map((v) => ({ id: base(v.resourceGroup, 'Microsoft.KeyVault/vaults', v.name), name: v.name, type: 'Microsoft.KeyVault/vaults', location: 'westeurope', properties: { tenantId: state.tenant.id, vaultUri: `https://${v.name}.vault.localhost:${port}/`, enableRbacAuthorization: true } })), 'nextLink');
    }
    if (rest === '/providers/Microsoft.RecoveryServices/vaults') {
      return page(url, sub.recoveryVaults.map((v) => ({ id: base(v.resourceGroup, 'Microsoft.RecoveryServices/vaults', v.name), name: v.name, type: 'Microsoft.RecoveryServices/vaults', location: 'westeurope', properties: {} })), 'nextLink');
    }
    if (rest === '/providers/Microsoft.OperationalInsights/workspaces') {
      return page(url, sub.workspaces.map((w) => ({ id: base(w.resourceGroup, 'Microsoft.OperationalInsights/workspaces', w.name), name: w.name, type: 'Microsoft.OperationalInsights/workspaces', properties: { customerId: 'c', sku: { name: 'PerGB2018' }, retentionInDays: w.retentionInDays } })), 'nextLink');
    }
    const child = /^\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)\/([^/]+)$/.exec(rest);
    if (!child) return undefined;
    const [, rg, type, name, kind] = child as unknown as [string, string, string, string, string];
    if (type === 'Microsoft.KeyVault/vaults') {
      const vault = sub.vaults.find((v) => v.name === name && v.resourceGroup === rg);
      return vault && (kind === 'secrets' || kind === 'keys') ? page(url, vaultItems(sub, vault, kind), 'nextLink') : undefined;
    }
    if (type === 'Microsoft.RecoveryServices/vaults') {
      const vault = sub.recoveryVaults.find((v) => v.name === name && v.resourceGroup === rg);
      return vault ? backup(url, sub, vault, kind) : undefined;
    }
    if (type === 'Microsoft.OperationalInsights/workspaces' && kind === 'tables') {
      const ws = sub.workspaces.find((w) => w.name === name && w.resourceGroup === rg);
      return ws ? page(url, tables(sub, ws), 'nextLink') : undefined;
    }
    return undefined;
  };

  const vaultItems = (sub: FakeSubscription, vault: FakeVault, kind: 'secrets' | 'keys'): unknown[] =>
    (kind === 'secrets' ? vault.secrets : vault.keys).map((item) => {
      const attributes: Record<string, unknown> = { enabled: item.enabled ?? true, updated: item.created };
      if (item.created !== undefined) attributes.created = item.created;
      if (item.exp !== undefined) attributes.exp = item.exp;
      return {
        id: `/subscriptions/${sub.id}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault.name}/${kind}/${item.name}`,
        name: item.name,
        type: `Microsoft.KeyVault/vaults/${kind}`,
        // Never a value: ARM does not return one.
        properties: kind === 'secrets' ? { attributes, secretUri: `https://${vault.name}.vault.localhost:${port}/secrets/${item.name}` } : { attributes, kty: 'RSA', keyUri: `https://${vault.name}.vault.localhost:${port}/keys/${item.name}` },
      };
    });

  const backup = (url: URL, sub: FakeSubscription, vault: FakeRecoveryVault, kind: string): Reply | undefined => {
    const vaultId = `/subscriptions/${sub.id}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`;
    if (kind === 'backupPolicies') return page(url, vault.policies.map((p) => ({ id: `${vaultId}/backupPolicies/${p.name}`, name: p.name, type: 'Microsoft.RecoveryServices/vaults/backupPolicies', properties: p.properties })), 'nextLink');
    if (kind === 'backupProtectedItems') {
      return page(url, vault.protectedItems.map((i) => ({ id: `${vaultId}/backupFabrics/Azure/protectionContainers/c/protectedItems/${i.name}`, name: i.name, properties: { friendlyName: i.friendlyName, policyId: `${vaultId}/backupPolicies/${i.policy}`.toLowerCase(), protectionState: 'Protected' } })), 'nextLink');
    }
    if (kind === 'backupJobs') {
      if (!/operation eq 'Restore'/.test(url.searchParams.get('$filter') ?? '')) return armError(400, 'BMSUserErrorInvalidInput', 'expected a restore filter');
      return page(url, vault.jobs.map((j, i) => ({ id: `${vaultId}/backupJobs/j${i}`, name: `j${i}`, properties: { jobType: 'AzureIaaSVMJob', ...j } })), 'nextLink');
    }
    return undefined;
  };

  const tables = (sub: FakeSubscription, ws: FakeWorkspace): unknown[] =>
    ws.tables.map((t) => ({
      id: `/subscriptions/${sub.id}/resourceGroups/${ws.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${ws.name}/tables/${t.name}`,
      name: t.name,
      properties: { retentionInDays: t.retentionInDays, totalRetentionInDays: t.totalRetentionInDays, archiveRetentionInDays: t.totalRetentionInDays - t.retentionInDays, plan: 'Analytics', retentionInDaysAsDefault: t.retentionInDays === ws.retentionInDays, totalRetentionInDaysAsDefault: t.totalRetentionInDaysAsDefault ?? false },
    }));

  const graph = (url: URL): Reply | undefined => {
    const p = decodeURIComponent(url.pathname);
    const t = state.tenant;
    if (p === '/v1.0/users') return page(url, t.users, '@odata.nextLink');
    if (p === '/v1.0/reports/authenticationMethods/userRegistrationDetails') return page(url, t.registrations.map((r) => ({ ...r, userType: 'member', isAdmin: false, isMfaCapable: r.isMfaRegistered, methodsRegistered: [] })), '@odata.nextLink');
    if (p === '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy') return { status: 200, body: { id: '00000000-0000-0000-0000-000000000005', displayName: 'Security Defaults', isEnabled: t.securityDefaults } };
    if (p === '/v1.0/identity/conditionalAccess/policies') return page(url, t.conditionalAccess, '@odata.nextLink');
    if (p === "/v1.0/directoryRoles(roleTemplateId='62e90394-69f5-4237-9190-012177145e10')/members") return page(url, t.globalAdmins, '@odata.nextLink');
    return undefined;
  };

  const vaultPlane = (url: URL, vault: FakeVault): Reply | undefined => {
    if (vault.dataPlane === 'forbidden') return { status: 403, body: { error: { code: 'Forbidden', message: 'Caller is not authorized to perform action on resource.', innererror: { code: 'ForbiddenByRbac' } } } };
    if (url.pathname === '/keys') return page(url, vault.keys.map((k) => ({ kid: `https://${vault.name}.vault.localhost:${port}/keys/${k.name}`, attributes: { enabled: k.enabled ?? true, created: k.created, updated: k.created } })), 'nextLink');
    const m = /^\/keys\/([^/]+)\/rotationpolicy$/.exec(url.pathname);
    const key = m && vault.keys.find((k) => k.name === m[1]);
    if (!key) return undefined;
    const id = `https://${vault.name}.vault.localhost:${port}/keys/${key.name}/rotationpolicy`;
    return { status: 200, body: key.rotationPolicy ? { id, ...key.rotationPolicy } : { id, lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }], attributes: { expiryTime: null, created: key.created, updated: key.created } } };
  };

  const server: Server = createServer({ cert: options.certificate.cert, key: options.certificate.key }, (req, res: ServerResponse) => {
    const reply = handle(req);
    if (reply === HANG) return;
    const send = () => {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-ms-ratelimit-remaining-subscription-reads': '249', ...reply.headers };
      res.writeHead(reply.status, headers);
      res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
    };
    if (options.latencyMs) setTimeout(send, options.latencyMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    armUrl: `https://management.localhost:${port}`,
    graphUrl: `https://graph.localhost:${port}`,
    vaultUrl: (name) => `https://${name}.vault.localhost:${port}`,
    requests,
    unexpected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function findVault(state: FakeAzureState, name: string): FakeVault | undefined {
  for (const sub of state.subscriptions) {
    const vault = sub.vaults.find((v) => v.name === name);
    if (vault) return vault;
  }
  return undefined;
}
