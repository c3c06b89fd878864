import picomatch from 'picomatch';
import type { RepositoryFilters } from './contract.js';

/** What the filters need to know about one repository, whatever the platform calls it. */
export interface FilterableRepository {
  /** `owner/name`; GitLab: the full path `group/subgroup/name`; Azure DevOps: `project/name`. */
  fullName: string;
  /** The last path segment. */
  name: string;
  archived: boolean;
  fork: boolean;
}

/**
 * Scans of many repositories, the same on every platform: include/exclude globs over the full
 * name (or the bare name), archived repositories and forks only when asked.
 */
export function repositoryFilter(filters: RepositoryFilters): (repo: FilterableRepository) => boolean {
  const opts = { nocase: true, dot: true };
  const include = filters.include?.length ? picomatch([...filters.include], opts) : undefined;
  const exclude = filters.exclude?.length ? picomatch([...filters.exclude], opts) : undefined;
  return (r) => {
    if (r.archived && !filters.includeArchived) return false;
    if (r.fork && !filters.includeForks) return false;
    if (include && !include(r.fullName) && !include(r.name)) return false;
    if (exclude && (exclude(r.fullName) || exclude(r.name))) return false;
    return true;
  };
}
