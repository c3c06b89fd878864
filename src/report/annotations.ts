import type { Report, Result, ResultLocation } from '../model/index.js';
import { atOrAbove, compareResults, formatLocation, resultLocations } from './common.js';
import { oneLine, stripControl } from './escape.js';

/** What a CI system's log annotation says about one result (GitHub workflow commands, Azure logging commands). */
export interface Annotation {
  /** `error` when the result decides the exit code (at or above --fail-on), else `warning`. */
  level: 'error' | 'warning';
  title: string;
  /** May hold line breaks; the format escapes them. No terminal control sequences. */
  message: string;
  location?: ResultLocation;
  result: Result;
}

/** Evidence items listed in an annotation before "… and N more". */
const EVIDENCE_SHOWN = 5;

/**
 * One annotation per failed or not-evaluated result, those that fail the run first (then by
 * severity, rule and resource). Passes, skips and waived results are not annotated: a skip is
 * not a finding and a waived result is accepted risk.
 */
export function annotationsOf(report: Report): Annotation[] {
  const shown = report.results.filter((r) => r.status === 'fail' || r.status === 'error');
  const deciding = new Set(atOrAbove(shown, report.failOn));
  const annotations = shown.map((r): Annotation => {
    const level = deciding.has(r) ? 'error' : 'warning';
    const location = resultLocations(r)[0];
    return { level, title: titleOf(r), message: messageOf(r), ...(location ? { location: { ...location, path: clean(location.path) } } : {}), result: r };
  });
  return annotations.sort((a, b) => (a.level === b.level ? compareResults(a.result, b.result) : a.level === 'error' ? -1 : 1));
}

function clean(text: string): string {
  return oneLine(stripControl(text));
}

function titleOf(r: Result): string {
  return `${clean(r.ruleId)} (${r.severity}): ${clean(r.title)}${r.status === 'error' ? ' — not evaluated' : ''}`;
}

function messageOf(r: Result): string {
  const lines = [r.status === 'error' ? notEvaluated(r) : clean(r.message)];
  lines.push(`Resource: ${clean(r.resource.id)}`);
  const evidence = r.evidence ?? [];
  for (const e of evidence.slice(0, EVIDENCE_SHOWN)) lines.push(`- ${clean(e.message)}${e.location ? ` (${clean(formatLocation(e.location))})` : ''}`);
  if (evidence.length > EVIDENCE_SHOWN) lines.push(`- … and ${evidence.length - EVIDENCE_SHOWN} more`);
  if (r.remediation && r.status === 'fail') lines.push(`Fix: ${stripControl(r.remediation).trim()}`);
  return lines.join('\n');
}

/** An error result's message, saying that it could not be evaluated unless it already does. */
export function notEvaluated(r: Result): string {
  const message = clean(r.message) || clean(r.reason ?? '');
  return /not (?:be )?evaluated/i.test(message) ? message : `could not be evaluated: ${message}`;
}
