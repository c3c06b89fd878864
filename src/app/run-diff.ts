import { resolve } from 'node:path';
import type { Report, RunDiff } from '../model/index.js';
import { severityRank } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { diffRuns } from './diff.js';
import { readRunInput } from './report-input.js';
import { runCheck, type RunDeps } from './run-check.js';
import type { CommonOptions } from './settings.js';

export interface DiffOutcome {
  diff: RunDiff;
  exitCode: 0 | 1 | 2;
}

/**
 * `secpol diff old new`: two JSON reports, or snapshots (evaluated here with the policies and
 * config given, so both sides are judged by the same rules).
 */
export async function runDiff(oldFile: string, newFile: string, options: CommonOptions, deps: RunDeps): Promise<DiffOutcome> {
  const [before, after] = await Promise.all([reportOf(oldFile, options, deps), reportOf(newFile, options, deps)]);
  const diff = diffRuns({ report: before, file: oldFile }, { report: after, file: newFile });
  return { diff, exitCode: diffExitCode(diff, (options.failOn as Report['failOn'] | undefined) ?? after.failOn) };
}

async function reportOf(file: string, options: CommonOptions, deps: RunDeps): Promise<Report> {
  const input = await readRunInput(resolve(deps.cwd, file), file);
  if (input.kind === 'report') return input.report;
  if (input.kind === 'baseline') throw new UserError([{ severity: 'error', file, message: 'a baseline holds no results to compare: give a JSON report or a snapshot' }]);
  const outcome = await runCheck({ ...options, state: [file], provider: ['snapshot'], baseline: false }, deps);
  const errors = outcome.report.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new UserError(errors);
  return outcome.report;
}

/**
 * 1 when something newly fails at or above fail-on; otherwise 2 when something newly errs at or
 * above it; otherwise 0 (passing more, or changes below the threshold, never fail a scheduled job).
 */
export function diffExitCode(diff: RunDiff, failOn: Report['failOn']): 0 | 1 | 2 {
  if (failOn === 'none') return 0;
  const counts = (list: RunDiff['newlyFailing']) => list.some((c) => severityRank[c.severity] >= severityRank[failOn]);
  if (counts(diff.newlyFailing)) return 1;
  return counts(diff.newErrors) ? 2 : 0;
}
