import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UserError } from '../../shared/errors.js';
import type { DoctorReport, ProviderImplementation } from '../contract.js';
import { LocalAdapter, type LocalProviderOptions } from './adapter.js';

export type { LocalProviderOptions } from './adapter.js';
export { DEFAULT_MAX_FILE_BYTES, repositoryIdFor } from './adapter.js';

/**
 * The local provider: the working tree at `spec.path` (tracked files, CI pipeline
 * definitions, Dockerfiles). No token, no network. Options come from secpol.yaml (the secret
 * allowlist) through the app layer.
 */
export function createLocalProvider(options: LocalProviderOptions = {}): ProviderImplementation {
  return {
    plan(spec) {
      const path = spec.path || '.';
      const root = resolve(path);
      let isDir = false;
      try {
        isDir = statSync(root).isDirectory();
      } catch {
        throw new UserError(`${path}: no such directory`);
      }
      if (!isDir) throw new UserError(`${path}: not a directory`);
      // secpol.yaml's allowlist arrives on the spec; options (programmatic use) add to it.
      const allowlist = {
        paths: [...(options.allowlist?.paths ?? []), ...(spec.secretAllowlist?.paths ?? [])],
        fingerprints: [...(options.allowlist?.fingerprints ?? []), ...(spec.secretAllowlist?.fingerprints ?? [])],
      };
      return [new LocalAdapter(root, displayPath(root), { ...options, allowlist })];
    },
    doctor: async (spec) => localDoctor(spec.path || '.'),
  };
}

/** The local provider needs no credential: the only check is that the tree can be read. */
function localDoctor(path: string): DoctorReport {
  const root = resolve(path);
  let readable = false;
  try {
    readable = statSync(root).isDirectory();
  } catch {
    readable = false;
  }
  return {
    provider: 'local',
    endpoint: displayPath(root),
    identity: 'no credential needed',
    checks: [{ name: 'working tree', status: readable ? 'ok' : 'missing', detail: readable ? 'ok' : `${path}: not a readable directory` }],
  };
}

/** The tree as the user sees it from the working directory: `.`, `services/api`, `../other`. */
function displayPath(root: string): string {
  const rel = relative(process.cwd(), root);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

export const implementation: ProviderImplementation = createLocalProvider({});
export { meta } from './meta.js';
