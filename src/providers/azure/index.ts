import type { Env, ProviderImplementation, ProviderTargets } from '../contract.js';
import type { ProviderAdapter } from '../types.js';
import { collectAzure, type CollectDeps } from './collect.js';
import { defaultCredential } from './credential.js';
import { azureDoctor } from './doctor.js';
import { resolveSettings, type AzureSettings } from './settings.js';

export { resolveSettings } from './settings.js';
export type { CollectDeps } from './collect.js';

/** One adapter for every subscription in scope and the tenant; `deps` lets tests inject a credential and a trusted agent. */
export function createAzureAdapter(settings: AzureSettings, deps: CollectDeps): ProviderAdapter {
  const target = settings.subscriptions ? settings.subscriptions.join(',') : `${new URL(settings.armOrigin).host} (all subscriptions)`;
  return { name: 'azure', target, collect: (ctx) => collectAzure(settings, deps, ctx) };
}

export const implementation: ProviderImplementation = {
  plan(targets: ProviderTargets, env: Env): ProviderAdapter[] {
    const settings = resolveSettings(targets, env);
    return [createAzureAdapter(settings, { credential: defaultCredential(env) })];
  },
  doctor(targets: ProviderTargets, env: Env, signal?: AbortSignal) {
    return azureDoctor(resolveSettings(targets, env), { credential: defaultCredential(env) }, env, signal);
  },
};
