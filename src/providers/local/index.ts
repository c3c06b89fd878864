import type { ProviderEntry } from '../types.js';

// Placeholder until the provider lands: it plans no adapter, so its rules report nothing for it.
export const localProvider: ProviderEntry = {
  name: 'local',
  kinds: ['repository', 'pipeline', 'container-image'],
  plan: () => [],
};
