import { createHash } from 'node:crypto';
import type { Report, Result, ResultLocation, Severity } from '../../model/index.js';
import { notEvaluated } from '../annotations.js';
import { compareResults, PieceBuffer } from '../common.js';
import { oneLine, stripControl } from '../escape.js';

/** GitLab's severities: info, minor, major, critical, blocker. */
export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const severityOf: Record<Severity, CodeQualitySeverity> = { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor' };
const FALLBACK_ANCHOR = 'secpol.yaml';

/** One Code Quality issue with exactly the fields GitLab documents. */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab Code Quality report (the `artifacts:reports:codequality` JSON array): one issue per
 * located evidence item of each failed result (or one at the result's own location), and one
 * `info` issue per result that could not be evaluated, so the merge request widget shows the
 * blind spots too. Settings findings point at the config file, line 1. Fingerprints are
 * stable across runs and unique within the report (GitLab keeps only the first of duplicates).
 */
export function renderCodeQuality(report: Report): string {
  return [...renderCodeQualityChunks(report)].join('');
}

export function* renderCodeQualityChunks(report: Report): Generator<string, void, undefined> {
  const anchor = normalisePath(report.anchorFile ?? '') || FALLBACK_ANCHOR;
  const results = report.results.filter((r) => r.status === 'fail' || r.status === 'error').sort(compareResults);
  const seen = new Map<string, number>();
  const pieces = new PieceBuffer();
  let first = true;
  for (const r of results) {
    for (const issue of issuesOf(r, anchor, seen)) {
      yield* pieces.add(`${first ? '[\n' : ',\n'}  ${JSON.stringify(issue)}`);
      first = false;
    }
  }
  yield* pieces.add(first ? '[]\n' : '\n]\n');
  yield pieces.take();
}

function issuesOf(r: Result, anchor: string, seen: Map<string, number>): CodeQualityIssue[] {
  const base = r.status === 'error' ? notEvaluated(r) : clean(r.message) || clean(r.title);
  const located = (r.evidence ?? []).filter((e) => e.location && normalisePath(e.location.path));
  const entries: { location: ResultLocation; detail?: string; anchored: boolean }[] = located.map((e) => ({ location: e.location!, detail: e.message, anchored: false }));
  if (entries.length === 0) {
    const own = r.location && normalisePath(r.location.path) ? r.location : undefined;
    const unlocated = (r.evidence ?? []).map((e) => clean(e.message)).filter(Boolean);
    entries.push({ location: own ?? { path: anchor, line: 1 }, anchored: !own, ...(unlocated.length ? { detail: unlocated.slice(0, 5).join('; ') } : {}) });
  }
  return entries.map(({ location, detail, anchored }) => {
    const path = normalisePath(location.path);
    const line = location.line !== undefined && location.line >= 1 ? Math.floor(location.line) : 1;
    let description = detail ? `${base}: ${clean(detail)}` : base;
    description += ` [${anchored ? 'resource' : 'on'}: ${clean(r.resource.id)}]`;
    return {
      description,
      check_name: clean(r.ruleId),
      fingerprint: fingerprintOf([r.ruleId, r.resource.id, anchored ? '' : path, anchored ? '' : String(line)], seen),
      severity: r.status === 'error' ? 'info' : severityOf[r.severity],
      location: { path, lines: { begin: line } },
    };
  });
}

function clean(text: string): string {
  return oneLine(stripControl(text));
}

/** Forward slashes, relative to the repository root, no leading `./` (GitLab matches it against the diff). */
function normalisePath(path: string): string {
  return stripControl(path).replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/{2,}/g, '/').trim();
}

function fingerprintOf(parts: string[], seen: Map<string, number>): string {
  const key = parts.join('\u0000');
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
}
