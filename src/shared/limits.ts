import { statSync } from 'node:fs';
import type { Diagnostic } from './errors.js';

/**
 * Size limits on the files secpol reads (documented in docs/configuration.md, "Limits").
 * Parsing with source positions costs far more than the bytes suggest (a 5 MB policy took
 * 21 s and 1 GB), so a file above its limit is refused with one clear error instead of being
 * loaded slowly or not at all. Everything under a limit loads in time linear in its size.
 */
export const LIMITS = {
  policyFile: 1024 * 1024,
  configFile: 1024 * 1024,
  /** JSON state goes through JSON.parse: machine-written snapshots of large organizations. */
  jsonStateFile: 256 * 1024 * 1024,
  /** YAML state is parsed with positions, as policies are: hand-declared facts. */
  yamlStateFile: 4 * 1024 * 1024,
  /** .gitignore patterns are matched one by one against every path. */
  gitignore: 64 * 1024,
} as const;

/** Errors reported for one policy file before the rest of it is left unchecked. */
export const MAX_ERRORS_PER_FILE = 100;

/** `1 MiB`, `5.4 MiB`, `64 KiB`. */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MiB'] : [bytes / 1024, 'KiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/**
 * A diagnostic when `file` is larger than `limit` (decided from its size on disk, before any
 * byte is read), or is not a regular file; undefined otherwise (a missing file is left to the reader).
 */
export function sizeProblem(file: string, limit: number, what: string): Diagnostic | undefined {
  let info;
  try {
    info = statSync(file);
  } catch {
    return undefined;
  }
  if (info.isDirectory()) return undefined;
  if (!info.isFile()) return { severity: 'error', file, message: `${what} is not a regular file` };
  if (info.size > limit) return { severity: 'error', file, message: `${what} is ${formatBytes(info.size)}, larger than the ${formatBytes(limit)} limit` };
  return undefined;
}
