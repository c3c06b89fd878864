import type { ProviderMeta } from '../contract.js';

/** The working tree at the check path: no token, no network. */
export const meta = {
  name: 'local',
  summary: 'the working tree at the check path (tracked files, pipelines, Dockerfiles, secrets in files); no network',
  kinds: ['repository', 'pipeline', 'container-image'],
  options: [],
  configTargets: {},
  env: { credentials: [], endpoints: [] },
  fallback: true,
  isTargeted: () => false,
  hasCredential: () => true,
} as const satisfies ProviderMeta;
