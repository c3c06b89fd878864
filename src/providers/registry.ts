import type { ProviderImplementation, ProviderMeta, ProviderRegistration } from './contract.js';
import { meta as snapshot } from './snapshot/meta.js';
import { meta as local } from './local/meta.js';
import { meta as github } from './github/meta.js';
import { meta as gitlab } from './gitlab/meta.js';
import { meta as azureDevOps } from './azure-devops/meta.js';
import { meta as aws } from './aws/meta.js';
import { meta as azure } from './azure/meta.js';

/** A provider folder's `index.ts` exports its implementation under this name (a missing one does not type-check). */
interface ImplementationModule {
  readonly implementation: ProviderImplementation;
}

const register = (meta: ProviderMeta, load: () => Promise<ImplementationModule>): ProviderRegistration => ({
  meta,
  load: async () => (await load()).implementation,
});

/**
 * Every provider, one line each (docs/providers/README.md). Implementations load lazily so that
 * `--version` and `--help` never pay for provider SDKs. Order is the order of collection and
 * of origin recognition.
 */
export const registry: readonly ProviderRegistration[] = [
  register(snapshot, () => import('./snapshot/index.js')),
  register(local, () => import('./local/index.js')),
  register(github, () => import('./github/index.js')),
  register(gitlab, () => import('./gitlab/index.js')),
  register(azureDevOps, () => import('./azure-devops/index.js')),
  register(aws, () => import('./aws/index.js')),
  register(azure, () => import('./azure/index.js')),
];
