import { severityRank } from '../model/index.js';
import type { Result, Severity, Summary } from '../model/index.js';

export function summarize(results: readonly Result[]): Summary {
  const summary: Summary = { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}

function atOrAbove(severity: Severity, failOn: Severity | 'none'): boolean {
  return failOn !== 'none' && severityRank[severity] >= severityRank[failOn];
}

/**
 * The exit decision of SPEC "Exit codes": 1 when a result failed at or above `failOn`;
 * otherwise 2 for user errors (bad config or policy) or an `error` result at or above
 * `failOn` (an evaluation that could not complete); otherwise 0. `skip` and `waived` never
 * count, nor do failures a baseline already held (`existing`); `failOn: none` only leaves user
 * errors.
 */
export function exitCodeFor(results: readonly Result[], failOn: Severity | 'none', hadUserErrors: boolean): 0 | 1 | 2 {
  let incomplete = false;
  for (const r of results) {
    if (r.status === 'fail' && r.baseline !== 'existing' && atOrAbove(r.severity, failOn)) return 1;
    if (r.status === 'error' && atOrAbove(r.severity, failOn)) incomplete = true;
  }
  return hadUserErrors || incomplete ? 2 : 0;
}
