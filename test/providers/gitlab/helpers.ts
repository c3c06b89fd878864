import { expect } from 'vitest';
import { Resource, type Resource as ResourceType } from '../../../src/model/index.js';
import { implementation as gitlabProvider } from '../../../src/providers/gitlab/index.js';
import type { ProviderTargets } from '../../../src/providers/contract.js';
import type { CollectContext, CollectResult } from '../../../src/providers/types.js';
import { providerTargets, type TargetsShorthand } from '../../helpers/targets.js';
import { Redactor } from '../../../src/shared/redact.js';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/server.js';
import type { FakeGitlabState } from '../../fakes/gitlab/state.js';

export const NOW = new Date('2026-06-01T00:00:00Z');

export function spec(overrides: TargetsShorthand = {}): ProviderTargets {
  return providerTargets({ providers: ['gitlab'], explicit: true, ...overrides });
}

export interface Collected extends CollectResult {
  fake: FakeGitlab;
  byId: Map<string, ResourceType>;
  debug: string[];
  redactor: Redactor;
}

/** Plans and collects against a fresh fake; checks every resource against the model schema. */
export async function collect(state: FakeGitlabState, token: string, overrides: TargetsShorthand = { gitlabGroup: 'acme' }): Promise<Collected> {
  const fake = await startFakeGitlab(state);
  try {
    const adapters = gitlabProvider.plan(spec(overrides), { GITLAB_TOKEN: token, GITLAB_URL: fake.url });
    expect(adapters).toHaveLength(1);
    const debug: string[] = [];
    const redactor = new Redactor();
    const ctx: CollectContext = { now: NOW, env: {}, progress: { update: () => undefined }, redactor, debug: (m) => debug.push(m) };
    const result = await (adapters[0] as NonNullable<(typeof adapters)[0]>).collect(ctx);
    for (const resource of result.resources) Resource.parse(resource);
    expect(new Set(result.resources.map((r) => r.id)).size).toBe(result.resources.length);
    expect(fake.unexpected).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(token);
    return { ...result, fake, byId: new Map(result.resources.map((r) => [r.id, r])), debug, redactor };
  } finally {
    await fake.close();
  }
}

export function get<K extends ResourceType['kind']>(c: Collected, id: string, kind: K): Extract<ResourceType, { kind: K }> {
  const r = c.byId.get(id);
  expect(r, id).toBeDefined();
  expect(r?.kind).toBe(kind);
  return r as Extract<ResourceType, { kind: K }>;
}
