import { resourceKinds } from '../../model/index.js';
import type { ProviderMeta } from '../contract.js';

/** Normalized state files (`--state`, config `state`), as written by `secpol snapshot` or by hand. */
export const meta = {
  name: 'snapshot',
  summary: 'normalized state files (--state), as written by `secpol snapshot`',
  kinds: resourceKinds,
  options: [],
  configTargets: {},
  env: { credentials: [], endpoints: [] },
  alongsideNamed: true,
  isTargeted: (targets) => targets.stateFiles.length > 0,
  hasCredential: () => true,
} as const satisfies ProviderMeta;
