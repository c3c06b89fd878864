import { createHash } from 'node:crypto';
import type { Report, Result, Severity } from '../../model/index.js';
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
  body.push(`<p class="verdict">${h(summaryLine(report))}</p>`);
  body.push('<ul class="cards">');
  for (const [label, n] of statusCounts(report)) body.push(`<li><b>${n}</b>${label}</li>`);
  body.push('</ul>');

  const fails = by('fail');
  if (fails.length > 0) {
    body.push('<h2>Failures</h2>');
    for (const severity of severities) {
      const group = fails.filter((r) => r.severity === severity);
      if (group.length === 0) continue;
      body.push(`<h3 class="sev-${severity}">${severityTitle[severity]} (${group.length})</h3>`);
      body.push('<table><thead><tr><th>Rule</th><th>Resource</th><th>Finding</th><th>Location</th><th>Remediation</th></tr></thead><tbody>');
      for (const r of group) {
        body.push(`<tr><td>${ruleCellOf(r)}</td><td>${resourceCell(r)}</td><td>${findingCell(r)}</td><td>${locationCell(r)}</td><td>${h(r.remediation ?? '')}</td></tr>`);
        if (body.size >= BATCH) yield body.take();
      }
      body.push('</tbody></table>');
    }
  }

  const errors = by('error');
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
