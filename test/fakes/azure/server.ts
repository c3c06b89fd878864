import { LoopbackFake, type Fault as BaseFault, type FakeReply, type FakeRequest } from '../loopback.js';
import { armError, azureRoutes } from './routes.js';
import type { FakeAzureState, FakeVault } from './state.js';
import type { TestCertificate } from './tls.js';

/**
 * An https loopback imitation of Azure Resource Manager (`management.localhost`), Microsoft
 * Graph (`graph.localhost`) and Key Vault data planes (`<vault>.vault.localhost`), on one port,
 * told apart by Host. Built on the strict loopback base in its TLS mode (the Azure SDK refuses
 * bearer tokens over http): requests recorded with their status, latency and fault injection,
 * and a request it does not know is answered 500 and fails the test naming method, host and
 * path. It reproduces what the provider meets in Azure: paging with absolute links
 * (routes.ts), the Key Vault 401 challenge, 401 for a token of the wrong audience, 403
 * AuthorizationFailed, 429 with Retry-After, malformed bodies, answers that never come.
 */

export type FakeHost = 'arm' | 'graph' | 'vault';

/** A fault on the requests that reach `host` with its token and whose path matches. */
export type Fault = {
  host: FakeHost;
  path: RegExp;
  /** How many requests it answers (default: all). */
  times?: number;
} & (
  | {
      status: number;
      headers?: Record<string, string>;
      /**
       * Default: Azure's error body for the status (403 AuthorizationFailed, 429 TooManyRequests...).
       * A string is sent verbatim (malformed JSON, HTML); `nextLink: 'SELF'` becomes the request's own URL (a paging loop).
       */
      body?: unknown;
    }
  /** Never answer (until the client gives up or the fake closes). */
  | { hang: true }
);

export interface FakeOptions {
  certificate: TestCertificate;
  /** The bearer token each host accepts. */
  tokens: Record<FakeHost, string>;
  /** Items per page of every list (forces nextLink paging). */
  pageSize?: number;
  faults?: Fault[];
  latencyMs?: number;
}

/** A request as the base recorded it, with the Azure host it was for. */
export interface AzureRequest {
  host: FakeHost | undefined;
  hostname: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** It carried its host's bearer token. */
  authorized: boolean;
  /** The status answered (none while held or for a hang). */
  status?: number;
}

export interface FakeAzure {
  port: number;
  armUrl: string;
  graphUrl: string;
  vaultUrl(name: string): string;
  /** The loopback base: transport faults (`base.inject`: reset, delay), latency, raw records. */
  base: LoopbackFake;
  /** Every request so far, in arrival order. */
  readonly requests: AzureRequest[];
  /** Requests the imitation did not know (`METHOD host/path?query`); closing fails while any is listed. */
  unexpected: readonly string[];
  /** Stops the server; strict: throws naming every unexpected request. */
  close(): Promise<void>;
}

/** Headers every Azure answer carries. */
const AZURE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-ms-ratelimit-remaining-subscription-reads': '249' };
const ARM_FAULT_CODES: Record<number, string> = { 403: 'AuthorizationFailed', 404: 'ResourceNotFound', 429: 'TooManyRequests', 500: 'InternalServerError', 503: 'ServiceUnavailable' };
const VAULT_SUFFIX = '.vault.localhost';

const hostnameOf = (req: FakeRequest): string =>
  String(req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .toLowerCase();
const hostOf = (hostname: string): FakeHost | undefined => (hostname === 'management.localhost' ? 'arm' : hostname === 'graph.localhost' ? 'graph' : hostname.endsWith(VAULT_SUFFIX) ? 'vault' : undefined);
const absoluteUrl = (req: FakeRequest): URL => new URL(req.url, `https://${req.headers.host}`);

export async function startFakeAzure(state: FakeAzureState, options: FakeOptions): Promise<FakeAzure> {
  const authorized = (req: FakeRequest): boolean => {
    const host = hostOf(hostnameOf(req));
    return host !== undefined && req.headers.authorization === `Bearer ${options.tokens[host]}`;
  };
  const vaultUrl = (name: string) => `https://${name}${VAULT_SUFFIX}:${base.port}`;
  const routes = azureRoutes(state, options.pageSize ?? 2, vaultUrl);

  const handle = (req: FakeRequest): FakeReply | undefined => {
    const hostname = hostnameOf(req);
    const host = hostOf(hostname);
    if (!host || req.method !== 'GET') return undefined;
    const url = absoluteUrl(req);
    const vault = host === 'vault' ? findVault(state, hostname.slice(0, -VAULT_SUFFIX.length)) : undefined;
    if (host === 'vault' && !vault) return undefined;
    if (!authorized(req)) return vault ? challenge(state, vault) : armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    if (host !== 'graph' && !url.searchParams.get('api-version')) return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter is required.');
    return vault ? routes.vault(url, vault) : host === 'arm' ? routes.arm(url) : routes.graph(url);
  };

  const base = new LoopbackFake(
    {
      name: 'Azure',
      latencyMs: options.latencyMs,
      tls: options.certificate,
      label: (req) => `${req.method} ${hostnameOf(req)}${req.url}`,
      unknownBody: () => armError(500, 'UnexpectedRequest', 'the imitation does not know this request').body,
    },
    (req) => {
      const reply = handle(req);
      return reply && { ...reply, headers: { ...AZURE_HEADERS, ...reply.headers } };
    },
  );
  for (const fault of options.faults ?? []) base.inject(toBaseFault(fault, authorized));
  await base.start();
  return {
    port: base.port,
    armUrl: `https://management.localhost:${base.port}`,
    graphUrl: `https://graph.localhost:${base.port}`,
    vaultUrl,
    base,
    get requests() {
      return base.requests.map((r) => {
        const hostname = hostnameOf(r);
        return { host: hostOf(hostname), hostname, method: r.method, path: r.path, query: Object.fromEntries(r.query), authorized: authorized(r), status: r.status };
      });
    },
    unexpected: base.unexpected,
    close: () => base.close(),
  };
}

/** Key Vault's answer to a request without its token: 401 naming the authority and the resource to ask a token for. */
function challenge(state: FakeAzureState, vault: FakeVault): FakeReply {
  const resource = vault.dataPlane === 'foreign-challenge' ? 'https://vault.azure.net' : 'https://vault.localhost';
  return {
    status: 401,
    headers: { 'www-authenticate': `Bearer authorization="https://login.localhost/${state.tenant.id}", resource="${resource}"` },
    body: { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } },
  };
}

/** The base's fault for an Azure one: only on its host and behind its token, as Azure answers after authentication. */
function toBaseFault(fault: Fault, authorized: (req: FakeRequest) => boolean): BaseFault {
  const match = { path: fault.path, times: fault.times, where: (req: FakeRequest) => hostOf(hostnameOf(req)) === fault.host && authorized(req) };
  if ('hang' in fault) return { ...match, fault: { kind: 'hang' } };
  const body = (req: FakeRequest): unknown => {
    if (fault.body === undefined) return armError(fault.status, ARM_FAULT_CODES[fault.status] ?? 'Error', `fault at ${req.path}`).body;
    if (isSelfLinked(fault.body)) return { ...fault.body, nextLink: absoluteUrl(req).toString() };
    return fault.body;
  };
  return { ...match, fault: { kind: 'status', status: fault.status, headers: { ...AZURE_HEADERS, ...fault.headers }, body } };
}

const isSelfLinked = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && (body as { nextLink?: unknown }).nextLink === 'SELF';

function findVault(state: FakeAzureState, name: string): FakeVault | undefined {
  for (const sub of state.subscriptions) {
    const vault = sub.vaults.find((v) => v.name === name);
    if (vault) return vault;
  }
  return undefined;
}
