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
import { escapeMarkdown as md } from '../escape.js';

/** Rows listed per table before "and N more" (helps PR comments stay under GitHub's 65,536 characters). */
export const MAX_DETAIL_ROWS = 200;

/**
 * GitHub-flavoured Markdown for PR comments and job summaries: a summary table, failures by
 * severity, errors, waivers and diagnostics, with passes, skips and waived results collapsed.
 * Every piece of data is escaped: no link, image, HTML, mention or table break survives.
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const results = sortResults(report.results);
  const by = (status: Result['status']): Result[] => results.filter((r) => r.status === status);

  out.push(`## ${md(report.tool.name)} report`);
  out.push('');
  out.push(`**${md(summaryLine(report))}**`);
  out.push('');
  out.push('| Status | Count |');
  out.push('| --- | ---: |');
  for (const [label, n] of statusCounts(report)) out.push(`| ${label} | ${n} |`);

  const fails = by('fail');
  if (fails.length > 0) {
    out.push('', '### Failures');
    for (const severity of severities) {
      const group = fails.filter((r) => r.severity === severity);
      if (group.length === 0) continue;
      out.push('', `#### ${severityTitle[severity]} (${group.length})`, '');
      out.push('| Rule | Resource | Finding | Location |');
      out.push('| --- | --- | --- | --- |');
      for (const r of group.slice(0, MAX_DETAIL_ROWS)) out.push(`| ${ruleCell(r, report)} | ${md(r.resource.id)} | ${findingCell(r)} | ${locationCell(r)} |`);
      more(out, group.length);
    }
    const fixes = remediations(fails);
    if (fixes.length > 0) {
      out.push('', '<details><summary>How to fix</summary>', '');
      for (const [ruleId, text] of fixes) out.push(`- ${md(ruleId)}: ${md(text)}`);
      out.push('', '</details>');
    }
  }

  const errors = by('error');
  if (errors.length > 0) {
    out.push('', `### Errors (${errors.length})`, '', 'These rules could not be evaluated; they are not passes.', '');
    out.push('| Rule | Resource | Reason |');
    out.push('| --- | --- | --- |');
    for (const r of errors.slice(0, MAX_DETAIL_ROWS)) out.push(`| ${ruleCell(r, report)} | ${md(r.resource.id)} | ${md(r.reason ?? r.message)} |`);
    more(out, errors.length);
  }

  const waivers = waiversNeedingAttention(report.waivers);
  if (waivers.length > 0) {
    out.push('', '### Waivers needing attention', '');
    out.push('| State | Rule | Resource | Expires | Reason |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const w of waivers) {
      const state = w.state === 'expired' ? '**expired** (no longer applied)' : waiverStateLabel[w.state];
      out.push(`| ${state} | ${md(w.rule)} | ${md(w.resource)} | ${md(w.expires)} | ${md(w.reason)} |`);
    }
  }

  if (report.diagnostics.length > 0) {
    out.push('', '### Diagnostics', '');
    for (const d of report.diagnostics) {
      const where = d.file ? `${md(diagnosticPosition(d))}: ` : '';
      out.push(`- **${d.severity}** ${where}${md(d.message)}`);
    }
  }

  details(out, 'Waived', by('waived'), ['Rule', 'Resource', 'Expires', 'Reason'], (r) => [
    md(r.ruleId),
    md(r.resource.id),
    md(r.waiver?.expires ?? '') + (r.waiver?.expiringSoon ? ' (expiring soon)' : ''),
    md(r.waiver?.reason ?? ''),
  ]);
  details(out, 'Skipped', by('skip'), ['Rule', 'Resource', 'Reason'], (r) => [md(r.ruleId), md(r.resource.id), md(r.reason ?? r.message)]);
  details(out, 'Passed', by('pass'), ['Rule', 'Resource'], (r) => [md(r.ruleId), md(r.resource.id)]);

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

function details(out: string[], title: string, results: Result[], headers: string[], row: (r: Result) => string[]): void {
  if (results.length === 0) return;
  out.push('', `<details><summary>${title} (${results.length})</summary>`, '');
  out.push(`| ${headers.join(' | ')} |`);
  out.push(`| ${headers.map(() => '---').join(' | ')} |`);
  for (const r of results.slice(0, MAX_DETAIL_ROWS)) out.push(`| ${row(r).join(' | ')} |`);
  more(out, results.length);
  out.push('', '</details>');
}

function more(out: string[], total: number): void {
  if (total > MAX_DETAIL_ROWS) out.push('', `… and ${total - MAX_DETAIL_ROWS} more (see the JSON report).`);
}
