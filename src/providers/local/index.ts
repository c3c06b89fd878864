import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
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
      // secpol.yaml's allowlist arrives on the spec; options (programmatic use) add to it.
      const allowlist = {
        paths: [...(options.allowlist?.paths ?? []), ...(spec.secretAllowlist?.paths ?? [])],
        fingerprints: [...(options.allowlist?.fingerprints ?? []), ...(spec.secretAllowlist?.fingerprints ?? [])],
      };
      return [new LocalAdapter(root, displayPath(root), { ...options, allowlist })];
    },
  };
}

/** The tree as the user sees it from the working directory: `.`, `services/api`, `../other`. */
function displayPath(root: string): string {
  const rel = relative(process.cwd(), root);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

export const localProvider: ProviderEntry = createLocalProvider({});
