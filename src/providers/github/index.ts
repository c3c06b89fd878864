import type { ProviderImplementation, ProviderTargets } from '../contract.js';
import type { ProviderAdapter } from '../types.js';
import { collectGithub } from './collect.js';
import { githubDoctor } from './doctor.js';
import { resolveSettings } from './settings.js';

export { preflight } from './preflight.js';
export { parseOriginUrl } from './settings.js';
export { meta } from './meta.js';

type Env = Readonly<Record<string, string | undefined>>;

function plan(spec: ProviderTargets, env: Env): ProviderAdapter[] {
  const settings = resolveSettings(spec, env);
  if (!settings) return [];
  const t = settings.target;
  const target = t.kind === 'org' ? `${settings.host}/${t.org}` : t.repos.map((r) => `${settings.host}/${r.owner}/${r.name}`).join(', ');
  return [{ name: 'github', target, collect: (ctx) => collectGithub(settings, ctx) }];
}

export const implementation: ProviderImplementation = { plan, doctor: githubDoctor };
