import type { ProviderImplementation, ProviderTargets } from '../contract.js';
import type { ProviderAdapter } from '../types.js';
import { collectAzureDevOps, type CollectOptions } from './collect.js';
import { azureDevOpsDoctor } from './doctor.js';
import { resolveTarget } from './target.js';

export { parseOrigin, normaliseOrgUrl, orgNameOf, resolveTarget } from './target.js';
export { meta, TOKEN_VARS } from './meta.js';

/** Builds the adapter for one organization; `options` tune concurrency and waits (tests, bench). */
export function createAzureDevOpsAdapter(spec: ProviderTargets, env: Readonly<Record<string, string | undefined>>, options: CollectOptions = {}): ProviderAdapter {
  const target = resolveTarget(spec, env);
  const host = new URL(target.orgUrl);
  return {
    name: 'azure-devops',
    target: `${host.host}${host.pathname.replace(/\/+$/, '')}${target.project ? `/${target.project}` : ''}${target.repo ? `/${target.repo}` : ''}`,
    collect: (ctx) => collectAzureDevOps(target, spec.explicit, ctx, options),
  };
}

export const implementation: ProviderImplementation = {
  plan: (spec, env) => [createAzureDevOpsAdapter(spec, env)],
  doctor: azureDevOpsDoctor,
};
