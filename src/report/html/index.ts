import { createHash } from 'node:crypto';
import type { Report, ReportScope, Result, Severity } from '../../model/index.js';
import { severities } from '../../model/index.js';
import {
  diagnosticPosition,
  durationSeconds,
  formatLocation,
  resultLocations,
  ruleHelpUrl,
  severityTitle,
  sortResults,
  statusCounts,
  summaryLine,
  waiverStateLabel,
  waiversNeedingAttention,
  PIECE_SIZE,
} from '../common.js';
import { escapeHtml as h } from '../escape.js';
import { markdownToHtml } from './markdown.js';

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --card: #f6f8fa;
  --critical: #a40e26; --high: #d1242f; --medium: #9a6700; --low: #0969da; --pass: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --card: #151b23;
  --critical: #ff7b72; --high: #f85149; --medium: #d29922; --low: #58a6ff; --pass: #3fb950; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1.5rem; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
.meta, .muted { color: var(--muted); }
.verdict { font-weight: 600; margin: 1rem 0; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
.cards li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; min-width: 7rem; }
.cards b { display: block; font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--card); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
ul.evidence { margin: .25rem 0 0; padding-left: 1.2rem; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.sev-critical { color: var(--critical); } .sev-high { color: var(--high); } .sev-medium { color: var(--medium); } .sev-low { color: var(--low); }
.pass { color: var(--pass); }
details { margin: .75rem 0; } summary { cursor: pointer; font-weight: 600; }
table.findings, table.rules { table-layout: fixed; }
col.c-rule { width: 22%; } col.c-resource { width: 22%; } col.c-finding { width: 38%; } col.c-location { width: 18%; }
col.c-sev { width: 7rem; } col.c-count { width: 5rem; } col.c-kind { width: 10rem; } col.c-resource-wide { width: auto; }
tr.fix td { background: var(--card); } tr.fix details { margin: 0; } tr.fix summary { font-weight: 400; }
.md pre { overflow-x: auto; background: var(--bg); border: 1px solid var(--line); padding: .5rem; }
.md p, .md ul, .md ol { margin: .4rem 0; }
dl.scope { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.scope dt { color: var(--muted); } dl.scope dd { margin: 0; overflow-wrap: anywhere; }
`.trim();

/** The style element's hash, so the CSP can allow exactly this stylesheet and nothing else. */
const CSS_HASH = createHash('sha256').update(CSS).digest('base64');
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

/**
 * One self-contained HTML page: inline CSS allowed by hash in a strict CSP, no script, no
 * external asset; every piece of data escaped.
 */
export function renderHtml(report: Report): string {
  return [...renderHtmlChunks(report)].join('');
}

const BATCH = PIECE_SIZE;

/** Lines gathered until there are enough for a piece; each line ends with a line break. */
class Lines {
  private lines: string[] = [];
  size = 0;

  push(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.size += line.length;
    }
  }

  take(): string {
    // Joined with an empty last line rather than followed by one: a flat string, not a pair.
    if (this.lines.length > 0) this.lines.push('');
    const text = this.lines.join('\n');
    this.lines = [];
    this.size = 0;
    return text;
  }
}

/** The same page as `renderHtml`, in pieces of whole lines (table rows are never split). */
export function* renderHtmlChunks(report: Report): Generator<string, void, undefined> {
  const results = sortResults(report.results);
  const by = (status: Result['status']): Result[] => results.filter((r) => r.status === status);
  const seconds = durationSeconds(report);
  // The first rule of each id, as a search of `report.rules` would find it.
  // A rule's cell (with its help link parsed as a URL) is the same on every row of the rule.
  const ruleCells = new Map<string, string>();
  const ruleCellOf = (r: Result): string => {
    const key = `${r.ruleId}\u0000${r.title}`;
    let cell = ruleCells.get(key);
    if (cell === undefined) {
      cell = ruleCell(r, report);
      ruleCells.set(key, cell);
    }
    return cell;
  };

  const body = new Lines();
  body.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(report.tool.name)} report — ${h(report.finishedAt)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
  );

  body.push(`<h1>${h(report.tool.name)} report</h1>`);
  body.push(
    `<p class="meta">${h(report.tool.name)} ${h(report.tool.version)} · started ${h(report.startedAt)} · finished ${h(report.finishedAt)}${
      seconds !== undefined ? ` · ${seconds}s` : ''
    } · fail-on ${h(report.failOn)}</p>`,
  );
  if (report.scope) body.push(...scopeList(report.scope));
  body.push(`<p class="verdict">${h(summaryLine(report))}</p>`);
  body.push('<ul class="cards">');
  for (const [label, n] of statusCounts(report)) body.push(`<li><b>${n}</b>${label}</li>`);
  body.push('</ul>');

  const fails = by('fail');
  const errors = by('error');
  if (fails.length > 0 || errors.length > 0) {
    body.push(...ruleSummary(fails, errors, ruleCellOf));
    if (body.size >= BATCH) yield body.take();
    body.push(...resourceSummary(fails, errors));
    if (body.size >= BATCH) yield body.take();
  }

  if (fails.length > 0) {
    body.push('<h2>Failures</h2>');
    for (const severity of severities) {
      const group = fails.filter((r) => r.severity === severity);
      if (group.length === 0) continue;
      body.push(`<h3 class="sev-${severity}">${severityTitle[severity]} (${group.length})</h3>`);
      body.push(`<table class="findings">${FINDING_COLUMNS}<thead><tr><th>Rule</th><th>Resource</th><th>Finding</th><th>Location</th></tr></thead><tbody>`);
      for (const r of group) {
        body.push(`<tr><td>${ruleCellOf(r)}</td><td>${resourceCell(r)}</td><td>${findingCell(r)}</td><td>${locationCell(r)}</td></tr>`);
        if (body.size >= BATCH) yield body.take();
      }
      body.push('</tbody></table>');
    }
  }

  if (errors.length > 0) {
    body.push(`<h2>Errors (${errors.length})</h2>`, '<p class="muted">These rules could not be evaluated; they are not passes.</p>');
    yield* table(body, ['Rule', 'Severity', 'Resource', 'Reason'], errors, (r) => [ruleCellOf(r), sevCell(r.severity), resourceCell(r), h(r.reason ?? r.message)]);
  }

  const waivers = waiversNeedingAttention(report.waivers);
  if (waivers.length > 0) {
    body.push('<h2>Waivers needing attention</h2>');
    body.push('<table><thead><tr><th>State</th><th>Rule</th><th>Resource</th><th>Expires</th><th>Reason</th><th>Approved by</th></tr></thead><tbody>');
    for (const w of waivers) {
      const state = w.state === 'expired' ? '<strong>expired</strong> (no longer applied)' : h(waiverStateLabel[w.state]);
      body.push(`<tr><td>${state}</td><td><code>${h(w.rule)}</code></td><td><code>${h(w.resource)}</code></td><td>${h(w.expires)}</td><td>${h(w.reason)}</td><td>${h(w.approvedBy ?? '')}</td></tr>`);
    }
    body.push('</tbody></table>');
  }

  if (report.diagnostics.length > 0) {
    body.push('<h2>Diagnostics</h2>', '<ul>');
    for (const d of report.diagnostics) {
      const where = d.file ? `<code>${h(diagnosticPosition(d))}</code>: ` : '';
      body.push(`<li><strong>${d.severity}</strong> ${where}${h(d.message)}</li>`);
    }
    body.push('</ul>');
  }

  yield* collapsed(body, 'Waived', by('waived'), ['Rule', 'Resource', 'Expires', 'Reason', 'Approved by'], (r) => [
    ruleCellOf(r),
    resourceCell(r),
    h(r.waiver?.expires ?? '') + (r.waiver?.expiringSoon ? ' <strong>(expiring soon)</strong>' : ''),
    h(r.waiver?.reason ?? ''),
    h(r.waiver?.approvedBy ?? ''),
  ]);
  yield* collapsed(body, 'Skipped', by('skip'), ['Rule', 'Resource', 'Reason'], (r) => [ruleCellOf(r), resourceCell(r), h(r.reason ?? r.message)]);
  yield* collapsed(body, 'Passed', by('pass'), ['Rule', 'Resource', 'Title'], (r) => [ruleCellOf(r), resourceCell(r), h(r.title)]);

  body.push('</body>', '</html>');
  yield body.take();
}

/** Fixed column widths for finding tables, so that a long message never squeezes the rule or resource. */
const FINDING_COLUMNS = '<colgroup><col class="c-rule"><col class="c-resource"><col class="c-finding"><col class="c-location"></colgroup>';

/** What the run looked at: targets, config, policy sources and clock. */
function scopeList(scope: ReportScope): string[] {
  const item = (label: string, values: string[]): string =>
    `<dt>${label}</dt><dd>${values.length > 0 ? values.map((v) => `<code>${h(v)}</code>`).join(', ') : '<span class="muted">none</span>'}</dd>`;
  return [
    '<dl class="scope">',
    item('Scanned', scope.targets),
    item('Config', scope.configFile ? [scope.configFile] : []),
    item('Policies', scope.policySources),
    item('Clock', [scope.evaluatedAt]),
    '</dl>',
  ];
}

/** One row per failing or erroring rule: counts, the first resources, and its remediation once, expandable. */
function ruleSummary(fails: Result[], errors: Result[], ruleCellOf: (r: Result) => string): string[] {
  const rules = new Map<string, { first: Result; failed: Result[]; errored: number }>();
  for (const r of [...fails, ...errors]) {
    const entry = rules.get(r.ruleId) ?? { first: r, failed: [], errored: 0 };
    if (r.status === 'fail') entry.failed.push(r);
    else entry.errored++;
    rules.set(r.ruleId, entry);
  }
  const out = ['<h2>By rule</h2>', '<table class="rules"><colgroup><col class="c-rule"><col class="c-sev"><col class="c-count"><col class="c-count"><col></colgroup>'];
  out.push('<thead><tr><th>Rule</th><th>Severity</th><th>Failed</th><th>Errors</th><th>Resources</th></tr></thead><tbody>');
  for (const { first, failed, errored } of rules.values()) {
    const shown = failed.slice(0, RESOURCES_PER_RULE).map((r) => `<code>${h(r.resource.id)}</code>`);
    const more = failed.length > RESOURCES_PER_RULE ? ` <span class="muted">and ${failed.length - RESOURCES_PER_RULE} more</span>` : '';
    out.push(`<tr><td>${ruleCellOf(first)}</td><td>${sevCell(first.severity)}</td><td>${failed.length}</td><td>${errored}</td><td>${shown.join(', ')}${more}</td></tr>`);
    if (first.remediation && failed.length > 0) {
      out.push(`<tr class="fix"><td colspan="5"><details><summary>How to fix <code>${h(first.ruleId)}</code></summary><div class="md">${markdownToHtml(first.remediation)}</div></details></td></tr>`);
    }
  }
  out.push('</tbody></table>');
  return out;
}

/** One row per resource with a failure or an error. */
function resourceSummary(fails: Result[], errors: Result[]): string[] {
  const resources = new Map<string, { kind: string; failed: number; errored: number }>();
  for (const r of [...fails, ...errors]) {
    const entry = resources.get(r.resource.id) ?? { kind: r.resource.kind, failed: 0, errored: 0 };
    if (r.status === 'fail') entry.failed++;
    else entry.errored++;
    resources.set(r.resource.id, entry);
  }
  const out = ['<details class="resources"><summary>By resource (' + resources.size + ')</summary>'];
  out.push('<table><colgroup><col class="c-resource-wide"><col class="c-kind"><col class="c-count"><col class="c-count"></colgroup>');
  out.push('<thead><tr><th>Resource</th><th>Kind</th><th>Failed</th><th>Errors</th></tr></thead><tbody>');
  for (const [id, { kind, failed, errored }] of resources) out.push(`<tr><td><code>${h(id)}</code></td><td>${h(kind)}</td><td>${failed}</td><td>${errored}</td></tr>`);
  out.push('</tbody></table></details>');
  return out;
}

/** Resources named per rule in the summary before "and N more". */
const RESOURCES_PER_RULE = 3;

function sevCell(severity: Severity): string {
  return `<span class="sev sev-${severity}">${severity}</span>`;
}

function ruleCell(r: Result, report: Report): string {
  const url = ruleHelpUrl(report, r.ruleId);
  const id = `<code>${h(r.ruleId)}</code>`;
  const link = url ? `<a href="${h(url)}" rel="noopener noreferrer">${id}</a>` : id;
  return `${link}<br><span class="muted">${h(r.title)}</span>`;
}

function resourceCell(r: Result): string {
  return `<code>${h(r.resource.id)}</code><br><span class="muted">${h(r.resource.kind)}</span>`;
}

function findingCell(r: Result): string {
  const evidence = r.evidence ?? [];
  const items = evidence.map((e) => `<li>${h(e.message)}${e.location ? ` <code>${h(formatLocation(e.location))}</code>` : ''}</li>`);
  const waiver = r.waiver ? `<br><span class="muted">waived: ${h(r.waiver.reason)} (until ${h(r.waiver.expires)})</span>` : '';
  return `${h(r.message)}${items.length > 0 ? `<ul class="evidence">${items.join('')}</ul>` : ''}${waiver}`;
}

function locationCell(r: Result): string {
  return resultLocations(r)
    .map((l) => `<code>${h(formatLocation(l))}</code>`)
    .join('<br>');
}

function* table(body: Lines, headers: string[], results: Result[], row: (r: Result) => string[]): Generator<string, void, undefined> {
  body.push(`<table><thead><tr>${headers.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>`);
  for (const r of results) {
    body.push(`<tr>${row(r).map((cell) => `<td>${cell}</td>`).join('')}</tr>`);
    if (body.size >= BATCH) yield body.take();
  }
  body.push('</tbody></table>');
}

function* collapsed(body: Lines, title: string, results: Result[], headers: string[], row: (r: Result) => string[]): Generator<string, void, undefined> {
  if (results.length === 0) return;
  body.push(`<details><summary>${title} (${results.length})</summary>`);
  yield* table(body, headers, results, row);
  body.push('</details>');
}
