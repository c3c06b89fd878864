import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../shared/errors.js';
import type { ProviderEntry } from '../types.js';
import { LocalAdapter, type LocalProviderOptions } from './adapter.js';

export type { LocalProviderOptions } from './adapter.js';
export { DEFAULT_MAX_FILE_BYTES, repositoryIdFor } from './adapter.js';

/**
 * The local provider: the working tree at `spec.path` (tracked files, CI pipeline
 * definitions, Dockerfiles). No token, no network. Options come from secpol.yaml (the secret
 * allowlist) through the app layer.
 */
export function createLocalProvider(options: LocalProviderOptions = {}): ProviderEntry {
  return {
    name: 'local',
    kinds: ['repository', 'pipeline', 'container-image'],
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
      return [new LocalAdapter(root, path, options)];
    },
  };
}

export const localProvider: ProviderEntry = createLocalProvider({});
