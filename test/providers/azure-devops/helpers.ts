import { afterEach, expect } from 'vitest';
import { startFakeAzureDevOps, type FakeAzureDevOps, type FakeOptions } from '../../fakes/azure-devops/server.js';
import type { FakeOrg } from '../../fakes/azure-devops/state.js';
import type { ProviderTargets } from '../../../src/providers/contract.js';
import type { CollectContext, CollectResult } from '../../../src/providers/types.js';
import { providerTargets, type TargetsShorthand } from '../../helpers/targets.js';
import { Redactor } from '../../../src/shared/redact.js';
import { createAzureDevOpsAdapter } from '../../../src/providers/azure-devops/index.js';
import type { Resource } from '../../../src/model/index.js';

/** A 52-character token, so the node-api sends it as a PAT (Basic auth). */
export const PAT = 'x3k9fakepat0123456789abcdefghijklmnopqrstuvwxyzABCDE';

export function spec(overrides: TargetsShorthand = {}): ProviderTargets {
  return providerTargets({ providers: ['azure-devops'], explicit: true, ...overrides });
}

export function context(debug: string[] = []): CollectContext {
  return {
    now: new Date('2026-11-26T00:00:00Z'),
    env: {},
    progress: { update: () => undefined },
    redactor: new Redactor(),
    debug: (m) => debug.push(m),
  };
}

export async function collect(orgUrl: string, overrides: TargetsShorthand = {}, env: Record<string, string> = { AZURE_DEVOPS_TOKEN: PAT }): Promise<CollectResult> {
  const adapter = createAzureDevOpsAdapter(spec({ adoOrg: orgUrl, ...overrides }), env, { maxWaitMs: 1500 });
  return adapter.collect(context());
}

export function byId<K extends Resource['kind']>(result: CollectResult, id: string, kind?: K): Extract<Resource, { kind: K }> {
  const found = result.resources.find((r) => r.id === id && (!kind || r.kind === kind));
  if (!found) throw new Error(`no resource ${id}; have ${result.resources.map((r) => r.id).slice(0, 20).join(', ')}`);
  return found as Extract<Resource, { kind: K }>;
}

/**
 * A fake per test, closed after it: `close()` fails on any request the imitation does not
 * know, and every request the provider made must have been one it knows.
 */
export function fakeAzureDevOpsPerTest(): (org: FakeOrg, options?: Partial<FakeOptions>) => Promise<FakeAzureDevOps> {
  let fake: FakeAzureDevOps | undefined;
  afterEach(async () => {
    const f = fake;
    fake = undefined;
    await f?.close();
    expect(f?.unexpected ?? []).toEqual([]);
  });
  return async (org, options = {}) => (fake = await startFakeAzureDevOps(org, { token: PAT, ...options }));
}
