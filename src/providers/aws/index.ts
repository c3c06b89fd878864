import type { Env, ProviderImplementation, ProviderTargets } from '../contract.js';
import type { ProviderAdapter } from '../types.js';
import { collectAws, type CollectOptions } from './collect.js';
import { doctorAws } from './doctor.js';
import { resolveTarget } from './target.js';

/** One adapter for every account and region the targets name; `options` tune waits and concurrency (tests, bench). */
export function createAwsAdapter(targets: ProviderTargets, env: Env, options: CollectOptions = {}): ProviderAdapter {
  const target = resolveTarget(targets, env);
  const regions = target.regions === 'all' ? 'all regions' : target.regions.join(',');
  const accounts = target.roleArns.length ? target.roleArns.map((a) => a.split(':')[4]).join(',') : 'default credentials';
  return { name: 'aws', target: `${accounts} ${regions}`, collect: (ctx) => collectAws(target, ctx, options) };
}

/** The app plans only selected providers (named, or targeted by an option or `targets.aws`). */
export const implementation: ProviderImplementation = {
  plan: (targets, env) => [createAwsAdapter(targets, env)],
  doctor: (targets, env, signal) => doctorAws(targets, env, signal),
};
