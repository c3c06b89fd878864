import type { ProviderEntry, ProviderName } from './types.js';

/** Explicit map; each entry loads lazily so that `--version` never pays for provider SDKs. */
export const providerLoaders: Record<Exclude<ProviderName, 'aws' | 'azure'>, () => Promise<ProviderEntry>> = {
  snapshot: async () => (await import('./snapshot/index.js')).snapshotProvider,
  local: async () => (await import('./local/index.js')).localProvider,
  github: async () => (await import('./github/index.js')).githubProvider,
  gitlab: async () => (await import('./gitlab/index.js')).gitlabProvider,
  'azure-devops': async () => (await import('./azure-devops/index.js')).azureDevOpsProvider,
};

export const providerNames = Object.keys(providerLoaders) as (keyof typeof providerLoaders)[];
