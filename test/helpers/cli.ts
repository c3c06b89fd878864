import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const cliPath = join(repoRoot, 'bin', 'secpol.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built CLI as a user would, with a clean environment (no tokens, no colour). */
export function secpol(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      SECPOL_CACHE_DIR: join(tmpdir(), 'secpol-test-cache'),
      NO_COLOR: '1',
      ...options.env,
    },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function tempDir(prefix = 'secpol-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
