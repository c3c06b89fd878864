import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Report } from '../../src/model/index.js';
import type { CliRun } from './cli.js';

/** A run's verdicts, comparable across a live scan and an offline replay. */
export function verdicts(run: CliRun): string[] {
  return (JSON.parse(run.stdout) as Report).results.map((r) => `${r.ruleId} ${r.resource.id} ${r.status} ${r.message}`).sort();
}

/** `secpol snapshot` then `check --state` offline: same verdicts, and the snapshot holds none of `secrets`. */
export function expectOfflineReplay(runs: { snapshot: CliRun; replay: CliRun; live: CliRun }, stateFile: string, secrets: readonly string[]): void {
  expect(runs.snapshot.status, runs.snapshot.stderr).toBe(0);
  const text = readFileSync(stateFile, 'utf8');
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(runs.replay.status, runs.replay.stderr).toBe(1);
  expect(verdicts(runs.replay)).toEqual(verdicts(runs.live));
}

/** A refused token: exit 2, one stderr line matching `line`, the token nowhere. */
export function expectRejectedToken(run: CliRun, line: RegExp, token: string): void {
  expect(run.status).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(run.stderr + run.stdout).not.toContain(token);
}
