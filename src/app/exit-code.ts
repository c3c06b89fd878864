import type { Result, Severity } from '../model/index.js';
import { exitCodeFor } from '../engine/exit.js';
import type { Diagnostic } from '../shared/errors.js';

/**
 * Bad input always exits 2, even when other results failed: a broken policy or config must
 * not pass silently as "only" a violation (SPEC: 2 = invalid config or policy).
 */
export function exitCode(results: Result[], failOn: Severity | 'none', diagnostics: Diagnostic[]): 0 | 1 | 2 {
  const hadUserErrors = diagnostics.some((d) => d.severity === 'error');
  if (hadUserErrors) return 2;
  return exitCodeFor(results, failOn, false);
}
