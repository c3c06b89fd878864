import type { ProviderTargets } from '../../src/providers/contract.js';

/** Shorthands tests use: provider options by attribute name, filters flat, `providers` = named. */
export interface TargetsShorthand extends Partial<Omit<ProviderTargets, 'filters' | 'options'>> {
  githubOrg?: string;
  gitlabGroup?: string;
  adoOrg?: string;
  adoProject?: string;
  options?: Record<string, unknown>;
  include?: string[];
  exclude?: string[];
  includeArchived?: boolean;
  includeForks?: boolean;
  /** Providers named with --provider: non-empty means this provider was named. */
  providers?: string[];
}

/** The ProviderTargets a provider receives, from test shorthands (what app/providers.ts builds from flags and config). */
export function providerTargets(over: TargetsShorthand = {}): ProviderTargets {
  const { githubOrg, gitlabGroup, adoOrg, adoProject, options, include, exclude, includeArchived, includeForks, providers, ...rest } = over;
  const own = Object.fromEntries(Object.entries({ githubOrg, gitlabGroup, adoOrg, adoProject }).filter(([, v]) => v !== undefined));
  return {
    path: '.',
    repos: [],
    stateFiles: [],
    noCache: true,
    explicit: false,
    config: {},
    named: providers !== undefined ? providers.length > 0 : rest.named,
    ...rest,
    options: { ...own, ...options },
    filters: { include, exclude, includeArchived, includeForks },
  };
}
