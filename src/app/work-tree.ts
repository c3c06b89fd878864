import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_CONFIG_FILE } from '../config/load.js';

const execFileAsync = promisify(execFile);

/** The top of the git work tree holding `path`, or undefined outside git (or without git). */
export async function gitTopLevel(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['-c', 'core.fsmonitor=false', '-C', path, 'rev-parse', '--show-toplevel'], {
      timeout: 5000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    const top = stdout.replace(/\n$/, '');
    return top ? resolve(top) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The config a check of `path` uses when none is named: the nearest secpol.yaml from `path`
 * up to the top of its git work tree (a package of a monorepo may carry its own, else the
 * root's applies); outside git only `path/secpol.yaml`.
 */
export function nearestConfig(path: string, top: string | undefined): string | undefined {
  let dir = path;
  for (;;) {
    const candidate = join(dir, DEFAULT_CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (top === undefined || !isInside(dir, top) || dir === top) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Secret allowlist globs are written relative to the config file's directory; findings carry
 * paths relative to the repository's top. A config below the top gets its directory put in
 * front of each glob; a config at the top, outside the repository or outside git is as written.
 */
export function globsFromConfigDir(globs: readonly string[], configDir: string | undefined, top: string | undefined): string[] {
  if (configDir === undefined || top === undefined || !isInside(configDir, top)) return [...globs];
  const prefix = relative(top, configDir).split(sep).join('/');
  if (prefix === '') return [...globs];
  return globs.map((glob) => {
    const negated = glob.startsWith('!');
    const body = (negated ? glob.slice(1) : glob).replace(/^\.\//, '').replace(/^\//, '');
    return `${negated ? '!' : ''}${prefix}/${body}`;
  });
}

function isInside(path: string, top: string): boolean {
  const rel = relative(top, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
