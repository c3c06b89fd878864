import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import type { Resource } from '../../../src/model/index.js';
import { createAzureAdapter, resolveSettings } from '../../../src/providers/azure/index.js';
import type { CollectContext, CollectResult, ProviderAdapter } from '../../../src/providers/types.js';
import { Redactor } from '../../../src/shared/redact.js';
import { startFakeAzure, type FakeAzure, type FakeOptions } from '../../fakes/azure/server.js';
import { TENANT, type FakeAzureState } from '../../fakes/azure/state.js';
import { loopbackAgent, makeCertificate, type TestCertificate } from '../../fakes/azure/tls.js';

export const NOW = new Date('2026-11-26T00:00:00Z');

/** An unsigned JWT-shaped token: the provider reads its claims (tenant, object id), never trusts them. */
export function fakeJwt(audience: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: audience, tid: TENANT, oid: '22222222-2222-4222-8222-222222222222', appid: '33333333-3333-4333-8333-333333333333' })}.c2lnbmF0dXJl`;
}

/** A stub TokenCredential: one token per audience, and a record of what was asked. */
export class StubCredential implements TokenCredential {
  readonly calls: { scopes: string[]; tenantId?: string }[] = [];
  constructor(private readonly tokens: Record<string, string>) {}
  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const list = Array.isArray(scopes) ? scopes : [scopes];
    this.calls.push({ scopes: list, ...(options?.tenantId ? { tenantId: options.tenantId } : {}) });
    const token = this.tokens[list[0]!];
    if (!token) throw Object.assign(new Error(`no token for ${list[0]}`), { name: 'CredentialUnavailableError' });
    return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

let certificate: Promise<TestCertificate> | undefined;
export const testCertificate = (): Promise<TestCertificate> => (certificate ??= makeCertificate());

export interface Harness {
  fake: FakeAzure;
  credential: StubCredential;
  tokens: Record<'arm' | 'graph' | 'vault', string>;
  /** The environment the adapter is planned with. */
  env: Record<string, string>;
  adapter(config?: Record<string, unknown>, options?: Record<string, unknown>): ProviderAdapter;
  collect(config?: Record<string, unknown>, options?: Record<string, unknown>): Promise<CollectResult>;
}

export async function startHarness(state: FakeAzureState, options: Partial<Omit<FakeOptions, 'certificate' | 'tokens'>> = {}): Promise<Harness> {
  const cert = await testCertificate();
  const tokens = { arm: fakeJwt('arm'), graph: fakeJwt('graph'), vault: fakeJwt('vault') };
  const fake = await startFakeAzure(state, { certificate: cert, tokens, ...options });
  const credential = new StubCredential({
    [`${fake.armUrl}/.default`]: tokens.arm,
    [`${fake.graphUrl}/.default`]: tokens.graph,
    'https://vault.localhost/.default': tokens.vault,
  });
  const agent = loopbackAgent(cert);
  const env = { AZURE_RESOURCE_MANAGER_URL: fake.armUrl, AZURE_GRAPH_URL: fake.graphUrl, SECPOL_HTTP_RETRY_BASE_MS: '5' };
  const adapter = (config = {}, opts = {}): ProviderAdapter =>
    createAzureAdapter(resolveSettings({ options: opts, config: { azure: config }, explicit: true }, env), { credential, transport: { agent, retries: 2, maxWaitMs: 5_000 } });
  return {
    fake,
    credential,
    tokens,
    env,
    adapter,
    collect: (config = {}, opts = {}) => adapter(config, opts).collect(context(env)),
  };
}

export function context(env: Record<string, string>): CollectContext {
  return { now: NOW, env, progress: { update: () => undefined }, redactor: new Redactor(), debug: () => undefined };
}

export function byId<K extends Resource['kind']>(result: CollectResult, id: string, kind?: K): Extract<Resource, { kind: K }> {
  const found = result.resources.find((r) => r.id === id && (!kind || r.kind === kind));
  if (!found) throw new Error(`no resource ${id}; have ${result.resources.map((r) => r.id).join(', ')}`);
  return found as Extract<Resource, { kind: K }>;
}
