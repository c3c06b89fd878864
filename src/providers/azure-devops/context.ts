import type { Gap } from '../../model/index.js';
import type { AdoClient, Fetched } from './client.js';
import type { FilterableRepository } from '../repository-filter.js';
import type { Scope } from './ids.js';
import type { AccessControlList, HookSubscription, PolicyConfiguration } from './schema.js';

/** What the org-wide requests returned, shared by every project. */
export interface OrgContext {
  scope: Scope;
  client: AdoClient;
  hooks: Fetched<HookSubscription[]>;
  rootAcl: Fetched<AccessControlList[]>;
  identityNames: Map<string, string>;
  /** Which repositories a scan keeps (disabled ones count as archived, like the platform shows them). */
  keepRepository: (repo: FilterableRepository) => boolean;
  /** `--shard`: whether this run reports organization- and project-level resources (shard 1 only). */
  orgLevel: boolean;
  /** `--shard`: whether the repository with this resource id is this run's. */
  inShard: (repositoryId: string) => boolean;
}

/** A project's branch policies, or why they cannot be trusted. */
export type PolicyState = { ok: true; configs: PolicyConfiguration[] } | { ok: false; gap: Gap };
