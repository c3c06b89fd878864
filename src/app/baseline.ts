import type { BaselineEntry, BaselineFile, BaselineOutcome, Result } from '../model/index.js';
import { BASELINE_SCHEMA } from '../model/index.js';
import { findingSites, normalisePath, siteFingerprints } from '../report/fingerprint.js';
import type { Diagnostic } from '../shared/errors.js';
import { UserError } from '../shared/errors.js';
import { formatDuration } from '../shared/duration.js';
import { readRunInput } from './report-input.js';

/** Without `baseline.maxAge`, a baseline older than this warns: accepted debt should be looked at again. */
export const DEFAULT_BASELINE_MAX_AGE_MS = 90 * 86_400_000;

export interface LoadedBaseline {
  shown: string;
  createdAt: string;
  entries: BaselineEntry[];
}

/**
 * The failures a result stands for, one entry per finding site (a secret in a file, a settings
 * finding), fingerprinted as SARIF's partialFingerprints are: without line numbers.
 */
export function baselineEntries(results: readonly Result[]): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  for (const r of results) {
    if (r.status !== 'fail') continue;
    const sites = findingSites(r);
    siteFingerprints(r, sites).forEach((fingerprint, i) => {
      const path = sites[i]!.location ? normalisePath(sites[i]!.location!.path) : '';
      out.push({ fingerprint, ruleId: r.ruleId, resourceId: r.resource.id, ...(path ? { path } : {}) });
    });
  }
  // Sorted so that a re-created baseline diffs cleanly in review.
  return out.sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.resourceId, b.resourceId) || cmp(a.fingerprint, b.fingerprint));
}

export function baselineFile(results: readonly Result[], createdAt: string, version: string): BaselineFile {
  return { schema: BASELINE_SCHEMA, createdAt, tool: { name: 'secpol', version }, entries: baselineEntries(results) };
}

/** Reads a baseline file or a JSON report of an earlier run (its failures are the baseline). */
export async function loadBaseline(file: string, shown: string): Promise<LoadedBaseline> {
  const input = await readRunInput(file, shown);
  if (input.kind === 'baseline') return { shown, createdAt: input.baseline.createdAt, entries: input.baseline.entries };
  if (input.kind === 'report') return { shown, createdAt: input.report.startedAt, entries: baselineEntries(input.report.results) };
  throw new UserError([{ severity: 'error', file: shown, message: 'a snapshot is not a baseline: give a JSON report (--format json) or a file from `secpol baseline create`' }]);
}

/**
 * Marks each failure `existing` when every one of its finding sites is in the baseline (a new
 * secret in a file that already had one is new), `new` otherwise. Waived results keep their
 * status: waivers win. Baseline entries matching no failing or waived finding are `fixed`.
 */
export function applyBaseline(results: Result[], baseline: LoadedBaseline): BaselineOutcome {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const seen = new Set<string>();
  let existing = 0;
  let fresh = 0;
  for (const r of results) {
    if (r.status !== 'fail' && r.status !== 'waived') continue;
    const prints = siteFingerprints(r);
    for (const p of prints) seen.add(p);
    if (r.status !== 'fail') continue;
    if (prints.every((p) => known.has(p))) {
      r.baseline = 'existing';
      existing++;
    } else {
      r.baseline = 'new';
      fresh++;
    }
  }
  return { file: baseline.shown, createdAt: baseline.createdAt, existing, new: fresh, fixed: baseline.entries.filter((e) => !seen.has(e.fingerprint)) };
}

/** A warning when the baseline is older than its allowed age (or its date cannot be read). */
export function baselineAgeWarning(baseline: LoadedBaseline, now: Date, maxAgeMs = DEFAULT_BASELINE_MAX_AGE_MS): Diagnostic | undefined {
  const created = Date.parse(baseline.createdAt);
  if (Number.isNaN(created)) return { severity: 'warning', file: baseline.shown, message: `baseline has no valid date ('${baseline.createdAt}'); recreate it with secpol baseline create` };
  const age = now.getTime() - created;
  if (age <= maxAgeMs) return undefined;
  return {
    severity: 'warning',
    file: baseline.shown,
    message: `baseline is ${Math.floor(age / 86_400_000)} days old (older than ${formatDuration(maxAgeMs)}): review the failures it accepts and recreate it with secpol baseline create`,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
