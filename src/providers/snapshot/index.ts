import type { ProviderEntry } from '../types.js';

// Placeholder until the snapshot loader lands.
export const snapshotProvider: ProviderEntry = {
  name: 'snapshot',
  kinds: ['organization', 'repository', 'pipeline', 'container-image', 'secret', 'token', 'environment', 'backup-plan', 'log-store'],
  plan: () => [],
};
