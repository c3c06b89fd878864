import type { Env, ProviderImplementation, ProviderTargets } from '../contract.js';
import type { ProviderAdapter } from '../types.js';
import { collectAws, type CollectOptions } from './collect.js';
import { doctorAws } from './doctor.js';
import { awsMeta } from './meta.js';
import { resolveTarget } from './target.js';

export { awsMeta };

/** One adapter for every account and region the targets name; `options` tune waits and concurrency (tests, bench). */
export function createAwsAdapter(targets: ProviderTargets, env: Env, options: CollectOptions = {}): ProviderAdapter {
  const target = resolveTarget(targets, env);
  const regions = target.regions === 'all' ? 'all regions' : target.regions.join(',');
  const accounts = target.roleArns.length ? target.roleArns.map((a) => a.split(':')[4]).join(',') : 'default credentials';
  return { name: 'aws', target: `${accounts} ${regions}`, collect: (ctx) => collectAws(target, ctx, options) };
}

export const awsProvider: ProviderImplementation = {
  plan: (targets, env) => (awsMeta.isTargeted(targets) || targets.explicit ? [createAwsAdapter(targets, env)] : []),
  doctor: (targets, env, signal) => doctorAws(targets, env, signal),
};
