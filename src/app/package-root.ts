import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root, found by walking up from this module: the same code runs
 * from src/ under vitest and from the bundle in dist/, at different depths.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'secpol') return dir;
      } catch {
        // keep walking: a broken manifest above us is not ours
      }
    }
    dir = dirname(dir);
  }
  throw new Error('cannot locate the secpol package root');
}

export function builtinPolicyDir(): string {
  return join(packageRoot(), 'policies', 'builtin');
}

export function secpolVersion(): string {
  return __SECPOL_VERSION__;
}

/** The full commit SHA of this release (builds from a clean tree at its tag), else undefined. */
export function secpolReleaseCommit(): string | undefined {
  const commit = typeof __SECPOL_RELEASE_COMMIT__ === 'string' ? __SECPOL_RELEASE_COMMIT__ : '';
  return /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
}
