import type { Framework, Report, ReportDiagnostic, Result, ResultLocation, Severity, Status, WaiverStatus } from '../model/index.js';
import { severities, severityRank } from '../model/index.js';
import { isHttpUrl, stripControl } from './escape.js';
import { plural } from '../shared/plural.js';

/** How results are listed everywhere: what needs action first. */
export const statusOrder: readonly Status[] = ['fail', 'error', 'waived', 'skip', 'pass'];

export const statusLabel: Record<Status, string> = {
  fail: 'failed',
  error: 'errors',
  pass: 'passed',
  skip: 'skipped',
  waived: 'waived',
};

/** Severity headings for the human formats. */
export const severityTitle: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** The summary counts as the human formats list them: failed, errors, passed, skipped, waived. */
export function statusCounts(report: Report): [label: string, count: number][] {
  return [
    ['Failed', report.summary.fail],
    ['Errors', report.summary.error],
    ['Passed', report.summary.pass],
    ['Skipped', report.summary.skip],
    ['Waived', report.summary.waived],
  ];
}

export const frameworkNames: Record<Framework, string> = {
  soc2: 'SOC 2',
  iso27001: 'ISO/IEC 27001:2022 Annex A',
  'cis-ssc': 'CIS Software Supply Chain Security Guide',
  'nist-ssdf': 'NIST SSDF (SP 800-218)',
};

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Natural order for control ids: CC6.1 < CC6.2 < CC6.10, A.5.9 < A.5.15. */
export function compareNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }) || byText(a, b);
}

/** Position in statusOrder, looked up rather than searched for (sorting 250,000 results calls this millions of times). */
const statusRank: Partial<Record<string, number>> = Object.fromEntries(statusOrder.map((s, i) => [s, i]));

/** Status (fail, error, waived, skip, pass), then severity (critical first), rule id, resource id. */
export function compareResults(a: Result, b: Result): number {
  return (
    (statusRank[a.status] ?? -1) - (statusRank[b.status] ?? -1) ||
    severityRank[b.severity] - severityRank[a.severity] ||
    byText(a.ruleId, b.ruleId) ||
    byText(a.resource.id, b.resource.id)
  );
}

export function sortResults(results: readonly Result[]): Result[] {
  return [...results].sort(compareResults);
}

export function countBySeverity(results: readonly Result[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const r of results) counts[r.severity] += 1;
  return counts;
}

/** `path:line:column`, leaving out what is unknown. */
export function formatLocation(location: ResultLocation): string {
  let text = location.path.replace(/^(?:\.\/)+(?=.)/, '');
  if (location.line !== undefined && location.line >= 1) {
    text += `:${location.line}`;
    if (location.column !== undefined && location.column >= 1) text += `:${location.column}`;
  }
  return text;
}

/** The help page of a result's rule, when its metadata names an http(s) URL (normalised), else undefined. */
export function ruleHelpUrl(report: Report, ruleId: string): string | undefined {
  const uri = report.rules.find((rule) => rule.id === ruleId)?.helpUri;
  return isHttpUrl(uri) ? new URL(uri).href : undefined;
}

/** A diagnostic's `file:line:column`, leaving out what is unknown (the column only with a line). */
export function diagnosticPosition(d: Pick<ReportDiagnostic, 'file' | 'line' | 'column'>): string {
  return [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');
}

/** Every location a result points at: its own, then its evidence's (deduplicated, in order). */
export function resultLocations(result: Result): ResultLocation[] {
  const seen = new Set<string>();
  const out: ResultLocation[] = [];
  for (const loc of [result.location, ...(result.evidence ?? []).map((e) => e.location)]) {
    if (!loc) continue;
    const key = formatLocation(loc);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(loc);
  }
  return out;
}

/** Results at or above the fail-on threshold (none when fail-on is `none`). */
export function atOrAbove(results: readonly Result[], failOn: Report['failOn']): Result[] {
  if (failOn === 'none') return [];
  return results.filter((r) => severityRank[r.severity] >= severityRank[failOn]);
}

/**
 * The one-line verdict shared by the human formats, e.g.
 * `12 failed (3 high, 9 medium), 2 errors, 40 passed, 5 skipped, 1 waived — fail-on high: 3 failures at or above`.
 */
export function summaryLine(report: Report): string {
  const { summary } = report;
  const fails = report.results.filter((r) => r.status === 'fail');
  const bySeverity = countBySeverity(fails);
  const breakdown = severities.filter((s) => bySeverity[s] > 0).map((s) => `${bySeverity[s]} ${s}`);
  const existing = report.baseline?.existing ?? 0;
  const details = [...breakdown, ...(existing > 0 ? [`${existing} in the baseline`] : [])];
  const failed = `${summary.fail} failed${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
  const counts = [
    failed,
    plural(summary.error, 'error', 'errors'),
    `${summary.pass} passed`,
    `${summary.skip} skipped`,
    `${summary.waived} waived`,
  ].join(', ');
  return `${counts} — ${verdict(report)}`;
}

/** What the run means against `--fail-on`: which results at or above the threshold decide the exit code. */
export function verdict(report: Report): string {
  if (report.failOn === 'none') return 'fail-on none: findings do not fail the run';
  // Failures the baseline already held do not decide the exit code.
  const failing = atOrAbove(report.results.filter((r) => r.status === 'fail' && r.baseline !== 'existing'), report.failOn).length;
  const erring = atOrAbove(report.results.filter((r) => r.status === 'error'), report.failOn).length;
  const parts: string[] = [];
  if (failing > 0) parts.push(report.baseline ? plural(failing, 'new failure', 'new failures') : plural(failing, 'failure', 'failures'));
  if (erring > 0) parts.push(plural(erring, 'error', 'errors'));
  if (parts.length === 0) return `fail-on ${report.failOn}: nothing at or above`;
  return `fail-on ${report.failOn}: ${parts.join(' and ')} at or above`;
}

/** Waivers that need a human: expired (no longer applied), expiring soon, or matching nothing. */
export function waiversNeedingAttention(waivers: readonly WaiverStatus[]): WaiverStatus[] {
  const order: WaiverStatus['state'][] = ['expired', 'expiring-soon', 'unused'];
  return waivers
    .filter((w) => order.includes(w.state))
    .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || byText(a.expires, b.expires) || byText(a.rule, b.rule) || byText(a.resource, b.resource));
}

export const waiverStateLabel: Record<WaiverStatus['state'], string> = {
  active: 'active',
  'expiring-soon': 'expiring soon',
  expired: 'expired',
  unused: 'unused',
};

/** Groups results by resource id, keeping the first-seen order of `results`. */
export function groupByResource(results: readonly Result[]): Map<string, Result[]> {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const list = groups.get(r.resource.id);
    if (list) list.push(r);
    else groups.set(r.resource.id, [r]);
  }
  return groups;
}

/** Run duration in seconds, or undefined when the timestamps do not parse. */
export function durationSeconds(report: Report): number | undefined {
  const start = Date.parse(report.startedAt);
  const end = Date.parse(report.finishedAt);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined;
  return Math.round(end - start) / 1000;
}

/** About this many characters per streamed piece: one per line would cost more in hand-offs than in text. */
export const PIECE_SIZE = 1 << 16;

/** Gathers text until there is enough for a piece. */
export class PieceBuffer {
  private parts: string[] = [];
  private size = 0;

  /** Adds text; returns the pieces that are ready (none, or one once PIECE_SIZE is reached): `yield* pieces.add(text)`. */
  add(text: string): string[] {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= PIECE_SIZE ? [this.take()] : [];
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return text;
  }
}

/** A remediation line: prose (may be wrapped) or part of a fenced code block (verbatim). */
export interface RemediationLine {
  text: string;
  code: boolean;
}

/**
 * A rule's remediation as lines for a terminal or a log: control sequences removed, tabs as
 * two spaces, indentation and code blocks kept (a YAML snippet copied from it stays valid),
 * runs of blank prose lines folded to one, blank edges dropped.
 */
export function remediationLines(remediation: string): RemediationLine[] {
  const out: RemediationLine[] = [];
  let inCode = false;
  for (const raw of stripControl(remediation).split('\n')) {
    const text = raw.replace(/\t/g, '  ').trimEnd();
    const fence = /^\s*(```|~~~)/.test(text);
    if (!inCode && text === '' && (out.length === 0 || out.at(-1)?.text === '')) continue;
    out.push({ text, code: inCode || fence });
    if (fence) inCode = !inCode;
  }
  while (out.length > 0 && out.at(-1)?.text === '') out.pop();
  return out;
}
