import type { ProviderAdapter, ProviderEntry, TargetSpec } from '../types.js';
import { collectAzureDevOps, type CollectOptions } from './collect.js';
import { resolveTarget } from './target.js';

export { parseOrigin, normaliseOrgUrl, orgNameOf, resolveTarget, TOKEN_VARS } from './target.js';

/** Builds the adapter for one organization; `options` tune concurrency and waits (tests, bench). */
export function createAzureDevOpsAdapter(spec: TargetSpec, env: Readonly<Record<string, string | undefined>>, options: CollectOptions = {}): ProviderAdapter {
  const target = resolveTarget(spec, env);
  const host = new URL(target.orgUrl);
  return {
    name: 'azure-devops',
    target: `${host.host}${host.pathname.replace(/\/+$/, '')}${target.project ? `/${target.project}` : ''}${target.repo ? `/${target.repo}` : ''}`,
    collect: (ctx) => collectAzureDevOps(target, spec.explicit, ctx, options),
  };
}

export const azureDevOpsProvider: ProviderEntry = {
  name: 'azure-devops',
  kinds: ['organization', 'repository', 'pipeline', 'secret', 'token', 'environment'],
  plan: (spec, env) => [createAzureDevOpsAdapter(spec, env)],
};
