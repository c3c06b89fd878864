import type { Report, Result } from '../../model/index.js';
import { severities } from '../../model/index.js';
import {
  diagnosticPosition,
  formatLocation,
  resultLocations,
  ruleHelpUrl,
  severityTitle,
  sortResults,
  statusCounts,
  summaryLine,
  waiverStateLabel,
  waiversNeedingAttention,
} from '../common.js';
import { escapeMarkdown as md, trustedMarkdown } from '../escape.js';

/** Rows listed per table before "and N more". */
export const MAX_DETAIL_ROWS = 200;

/**
 * Default size cap: under GitHub's 65,536-character limit for a PR or issue comment (and far
 * under the 1 MiB of a job summary), with room for a bot's own header.
 */
export const DEFAULT_MARKDOWN_LIMIT = 60_000;

export interface MarkdownOptions {
  /** Characters at most; rows beyond it are summarised. Default DEFAULT_MARKDOWN_LIMIT. */
  limit?: number;
  /** A full report written in the same run (file name), named in the truncation note. */
  fullReport?: string;
}

/** Room kept for closing tags and the truncation note, so the cap holds once they are added. */
const RESERVE = 1_500;

/** Rows are added while they fit; what does not fit is counted for the closing note. */
class Budget {
  private left: number;
  omitted = 0;

  constructor(limit: number) {
    this.left = Math.max(limit - RESERVE, 0);
  }

  /** Charges a line; false (and nothing charged) when it does not fit. */
  take(line: string): boolean {
    if (line.length + 1 > this.left) return false;
    this.left -= line.length + 1;
    return true;
  }
}

/**
 * GitHub-flavoured Markdown for PR comments and job summaries: a summary table, failures by
 * severity, errors, waivers and diagnostics, with passes, skips and waived results collapsed.
 * Every piece of data is escaped: no link, image, HTML, mention or table break survives. The
 * whole stays under `limit` characters: the summary always, then rows while they fit.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const budget = new Budget(options.limit ?? DEFAULT_MARKDOWN_LIMIT);
  const results = sortResults(report.results);
  const by = (status: Result['status']): Result[] => results.filter((r) => r.status === status);
  const rows = (list: Result[], row: (r: Result) => string): void => {
    const shown = list.slice(0, MAX_DETAIL_ROWS);
    for (let i = 0; i < shown.length; i++) {
      const line = row(shown[i]!);
      if (!budget.take(line)) {
        budget.omitted += list.length - i;
        return;
      }
      out.push(line);
    }
    if (list.length > MAX_DETAIL_ROWS) {
      out.push('', `… and ${list.length - MAX_DETAIL_ROWS} more.`);
      budget.omitted += list.length - MAX_DETAIL_ROWS;
    }
  };

  out.push(`## ${md(report.tool.name)} report`);
  out.push('');
  out.push(`**${md(summaryLine(report))}**`);
  out.push('');
  out.push('| Status | Count |');
  out.push('| --- | ---: |');
  for (const [label, n] of statusCounts(report)) out.push(`| ${label} | ${n} |`);
  for (const line of out) budget.take(line);

  const fails = by('fail');
  if (fails.length > 0) {
    out.push('', '### Failures');
    for (const severity of severities) {
      const group = fails.filter((r) => r.severity === severity);
      if (group.length === 0) continue;
      out.push('', `#### ${severityTitle[severity]} (${group.length})`, '');
      out.push('| Rule | Resource | Finding | Location |');
      out.push('| --- | --- | --- | --- |');
      rows(group, (r) => `| ${ruleCell(r, report)} | ${md(r.resource.id)} | ${findingCell(r)} | ${locationCell(r)} |`);
    }
    const fixes = remediations(fails);
    const fixLines = fixes.flatMap(([ruleId, text]) => [`**${md(ruleId)}**`, '', trustedMarkdown(text), '']);
    // The rule's own Markdown as written (trusted policy content); only the rule id is data here.
    if (fixes.length > 0 && budget.take(fixLines.join('\n'))) out.push('', '<details><summary>How to fix</summary>', '', ...fixLines, '</details>');
  }

  const errors = by('error');
  if (errors.length > 0) {
    out.push('', `### Errors (${errors.length})`, '', 'These rules could not be evaluated; they are not passes.', '');
    out.push('| Rule | Resource | Reason |');
    out.push('| --- | --- | --- |');
    rows(errors, (r) => `| ${ruleCell(r, report)} | ${md(r.resource.id)} | ${md(r.reason ?? r.message)} |`);
  }

  const waivers = waiversNeedingAttention(report.waivers);
  if (waivers.length > 0) {
    out.push('', '### Waivers needing attention', '');
    out.push('| State | Rule | Resource | Expires | Reason |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const w of waivers) {
      const state = w.state === 'expired' ? '**expired** (no longer applied)' : waiverStateLabel[w.state];
      const line = `| ${state} | ${md(w.rule)} | ${md(w.resource)} | ${md(w.expires)} | ${md(w.reason)} |`;
      if (budget.take(line)) out.push(line);
      else budget.omitted++;
    }
  }

  if (report.diagnostics.length > 0) {
    out.push('', '### Diagnostics', '');
    for (const d of report.diagnostics) {
      const where = d.file ? `${md(diagnosticPosition(d))}: ` : '';
      const line = `- **${d.severity}** ${where}${md(d.message)}`;
      if (budget.take(line)) out.push(line);
      else budget.omitted++;
    }
  }

  const details = (title: string, list: Result[], headers: string[], row: (r: Result) => string[]): void => {
    if (list.length === 0) return;
    out.push('', `<details><summary>${title} (${list.length})</summary>`, '');
    out.push(`| ${headers.join(' | ')} |`);
    out.push(`| ${headers.map(() => '---').join(' | ')} |`);
    rows(list, (r) => `| ${row(r).join(' | ')} |`);
    out.push('', '</details>');
  };
  details('Waived', by('waived'), ['Rule', 'Resource', 'Expires', 'Reason'], (r) => [
    md(r.ruleId),
    md(r.resource.id),
    md(r.waiver?.expires ?? '') + (r.waiver?.expiringSoon ? ' (expiring soon)' : ''),
    md(r.waiver?.reason ?? ''),
  ]);
  details('Skipped', by('skip'), ['Rule', 'Resource', 'Reason'], (r) => [md(r.ruleId), md(r.resource.id), md(r.reason ?? r.message)]);
  details('Passed', by('pass'), ['Rule', 'Resource'], (r) => [md(r.ruleId), md(r.resource.id)]);

  if (budget.omitted > 0) {
    const where = options.fullReport ? `the full report is in \`${md(options.fullReport)}\`` : 'write the full report with `--format json=<file>` or `--format html=<file>`';
    out.push('', `> ${budget.omitted} more rows did not fit in this summary; ${where}.`);
  }

  return `${out.join('\n')}\n`;
}

function ruleCell(r: Result, report: Report): string {
  const url = ruleHelpUrl(report, r.ruleId);
  const id = md(r.ruleId);
  // Only an http(s) URL becomes a link, and its text is escaped; parentheses are percent-encoded.
  return url ? `[${id}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : id;
}

function findingCell(r: Result): string {
  const evidence = (r.evidence ?? []).slice(0, 5).map((e) => md(e.message));
  const more = (r.evidence?.length ?? 0) > 5 ? [`… and ${(r.evidence?.length ?? 0) - 5} more (the JSON and SARIF reports list them all)`] : [];
  return [md(r.message), ...evidence.map((e) => `• ${e}`), ...more].join('<br>');
}

function locationCell(r: Result): string {
  const locations = resultLocations(r);
  if (locations.length === 0) return '';
  const shown = locations.slice(0, 3).map((l) => md(formatLocation(l)));
  return shown.join('<br>') + (locations.length > 3 ? `<br>… and ${locations.length - 3} more` : '');
}

function remediations(results: readonly Result[]): [string, string][] {
  const seen = new Map<string, string>();
  for (const r of results) if (r.remediation && !seen.has(r.ruleId)) seen.set(r.ruleId, r.remediation);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
