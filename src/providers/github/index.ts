import type { ProviderEntry } from '../types.js';

// Placeholder until the provider lands: it plans no adapter, so its rules report nothing for it.
export const githubProvider: ProviderEntry = {
  name: 'github',
  kinds: ['organization', 'repository', 'pipeline', 'container-image', 'secret', 'token', 'environment'],
  plan: () => [],
};
