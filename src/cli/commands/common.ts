import { join } from 'node:path';
import { homedir } from 'node:os';
import type { RunDeps } from '../../app/run-check.js';
import { providerOptionKeys } from '../../app/providers.js';
import type { CommonOptions } from '../../app/settings.js';
import { scrubCommonSecrets } from '../../shared/redact.js';
import type { Diagnostic } from '../../shared/errors.js';
import { formatDiagnostic } from '../../shared/errors.js';
import { stripControl } from '../../report/escape.js';
import type { Io } from '../io.js';
import { progressSink } from '../io.js';

/** What commander parsed for a collecting command: the app's options plus output verbosity. */
export interface CollectFlags extends Omit<CommonOptions, 'path' | 'providerOptions'> {
  quiet?: boolean;
  verbose?: boolean;
  /** Provider options, by commander attribute name (`--github-org` -> `githubOrg`). */
  [providerOption: string]: unknown;
}

/** Splits commander's flags into the app's options: the providers' own options go to `providerOptions`. */
export function commonOptions(path: string | undefined, flags: CollectFlags): CommonOptions {
  const { quiet: _quiet, verbose: _verbose, ...rest } = flags;
  const options: Record<string, unknown> = {};
  const providerOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (providerOptionKeys.includes(key)) providerOptions[key] = value;
    else options[key] = value;
  }
  return { ...(options as Omit<CommonOptions, 'path' | 'providerOptions'>), providerOptions, path };
}

/** The user's cache dir (XDG on Linux), overridable with SECPOL_CACHE_DIR. */
export function cacheDir(env: Io['env']): string {
  if (env.SECPOL_CACHE_DIR) return env.SECPOL_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : join(homedir(), '.cache'));
  return join(base, 'secpol');
}

export function runDeps(io: Io, flags: CollectFlags): RunDeps & { done(): void } {
  const progress = progressSink(io, flags.quiet === true);
  // SECPOL_NOW pins the clock for reproducible reports and golden tests.
  const pinned = io.env.SECPOL_NOW ? new Date(io.env.SECPOL_NOW) : undefined;
  if (pinned && Number.isNaN(pinned.getTime())) throw new Error('SECPOL_NOW is not a valid date');
  return {
    now: () => pinned ?? new Date(),
    env: io.env,
    cwd: io.cwd,
    progress,
    cacheDir: cacheDir(io.env),
    debug: (message) => {
      if (flags.verbose) io.err(`debug: ${scrubCommonSecrets(message)}\n`);
    },
    done: () => progress.done(),
  };
}

/** One line per diagnostic on stderr, neutralised for the terminal. Returns whether any is an error. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) io.err(`secpol: ${stripControl(formatDiagnostic(d))}\n`);
  return diagnostics.some((d) => d.severity === 'error');
}
