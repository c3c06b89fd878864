import type { BaselineFile } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { baselineFile } from './baseline.js';
import { secpolVersion } from './package-root.js';
import { readRunInput } from './report-input.js';
import type { CheckOutcome } from './run-check.js';

/** A baseline of an earlier JSON report's failures (`baseline create --from report.json`). */
export async function baselineFromReport(file: string, shown: string): Promise<BaselineFile> {
  const input = await readRunInput(file, shown);
  if (input.kind !== 'report') throw new UserError([{ severity: 'error', file: shown, message: 'not a JSON report (secpol check --format json)' }]);
  return baselineFile(input.report.results, input.report.startedAt, secpolVersion());
}

/** A baseline of a run's failures; none when the run had invalid input (exit 2 then). */
export function baselineFromRun(outcome: CheckOutcome): BaselineFile | undefined {
  if (outcome.report.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return baselineFile(outcome.report.results, outcome.report.startedAt, outcome.report.tool.version);
}
