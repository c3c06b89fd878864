import type { ProviderEntry } from '../types.js';

// Placeholder until the provider lands: it plans no adapter, so its rules report nothing for it.
export const azureDevOpsProvider: ProviderEntry = {
  name: 'azure-devops',
  kinds: ['organization', 'repository', 'pipeline', 'secret', 'token', 'environment'],
  plan: () => [],
};
