import { Chalk, type ChalkInstance } from 'chalk';
import type { Report, Result, Severity, Status } from '../../model/index.js';
import {
  diagnosticPosition,
  durationSeconds,
  formatLocation,
  groupByResource,
  sortResults,
  summaryLine,
  waiverStateLabel,
  waiversNeedingAttention,
  PIECE_SIZE,
} from '../common.js';
import { terminalText } from '../escape.js';

export interface TextOptions {
  /** Emit ANSI colours; decided by the caller (TTY, --no-color, NO_COLOR), never globally. */
  color: boolean;
  /** List passes, skips (with reasons) and waived results instead of counting them. */
  verbose: boolean;
  /** Wrap prose at this many columns; no wrapping when absent. */
  width?: number;
}

/** Evidence items shown per finding before "and N more" (all of them with --verbose). */
const EVIDENCE_LIMIT = 5;
const INDENT = '    ';

/** The human report for a terminal or a CI log: readable with or without colour. */
export function renderText(report: Report, options: TextOptions): string {
  return [...renderTextChunks(report, options)].join('');
}

const BATCH = PIECE_SIZE;

/** The same text as `renderText`, in pieces of whole lines (a resource's findings are never split). */
export function* renderTextChunks(report: Report, options: TextOptions): Generator<string, void, undefined> {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  let out: string[] = [];
  let size = 0;
  const t = terminalText;
  const take = (): string => {
    const text = [...wrap(out, options.width), ''].join('\n');
    out = [];
    size = 0;
    return text;
  };

  const header = `${t(report.tool.name)} ${t(report.tool.version)}`;
  const seconds = durationSeconds(report);
  out.push(c.bold(header) + c.dim(` — ${t(report.finishedAt)}${seconds !== undefined ? ` (${seconds}s)` : ''}`));

  // Filtered before sorting (the sort is stable, so the order is the same): on an org-wide
  // run most results are passes and skips that are only counted.
  const shown = sortResults(report.results.filter((r) => options.verbose || r.status === 'fail' || r.status === 'error'));
  const groups = groupByResource(shown);
  const fixesShown = new Set<string>();
  // Resources ordered by their most urgent result (results are already sorted that way).
  for (const [, results] of groups) {
    const first = results[0];
    if (!first) continue;
    out.push('');
    out.push(`${c.bold(t(first.resource.id))} ${c.dim(`(${t(first.resource.kind)})`)}`);
    for (const r of results) {
      for (const line of renderResult(r, c, options, fixesShown)) {
        out.push(line);
        size += line.length;
      }
    }
    if (size >= BATCH) yield take();
  }

  if (!options.verbose) {
    const quiet = countQuiet(report);
    if (quiet) {
      out.push('');
      out.push(c.dim(`${quiet} (use --verbose to list them)`));
    }
  }

  const waivers = waiversNeedingAttention(report.waivers);
  if (waivers.length > 0) {
    out.push('');
    out.push(c.bold('Waivers'));
    for (const w of waivers) {
      const label = waiverStateLabel[w.state];
      const colour = w.state === 'expired' ? c.red : c.yellow;
      const what = w.state === 'unused' ? 'matched no result' : w.state === 'expired' ? `expired ${t(w.expires)}, no longer applied` : `expires ${t(w.expires)}`;
      const source = w.source ? ` ${c.dim(`(${t(w.source.file)}:${w.source.line})`)}` : '';
      out.push(`  ${colour(label.toUpperCase())} ${t(w.rule)} on ${t(w.resource)}: ${what} — ${t(w.reason)}${w.approvedBy ? ` (approved by ${t(w.approvedBy)})` : ''}${source}`);
    }
  }

  if (report.diagnostics.length > 0) {
    out.push('');
    out.push(c.bold('Diagnostics'));
    for (const d of report.diagnostics) {
      const where = d.file ? `${diagnosticPosition({ ...d, file: t(d.file) })}: ` : '';
      const level = d.severity === 'error' ? c.red('error') : c.yellow('warning');
      out.push(`  ${level} ${where}${t(d.message)}`);
    }
  }

  out.push('');
  const line = summaryLine(report);
  out.push(report.summary.fail > 0 || report.summary.error > 0 ? c.bold(line) : c.green(line));
  yield take();
}

const severityColour = (c: ChalkInstance, s: Severity): ((text: string) => string) =>
  s === 'critical' ? c.bold.red : s === 'high' ? c.red : s === 'medium' ? c.yellow : c.cyan;

const statusTag: Record<Status, string> = { fail: 'FAIL', error: 'ERROR', waived: 'WAIVED', skip: 'SKIP', pass: 'PASS' };

/**
 * Remediation is shown in full the first time a rule fails; later failures of the same rule
 * point back to it, so an org-wide run does not repeat the same paragraph a thousand times.
 */
function renderResult(r: Result, c: ChalkInstance, options: TextOptions, fixesShown: Set<string>): string[] {
  const t = terminalText;
  const tag = statusTag[r.status].padEnd(6);
  const colouredTag = r.status === 'fail' ? c.red(tag) : r.status === 'error' ? c.magenta(tag) : r.status === 'pass' ? c.green(tag) : c.dim(tag);
  const sev = severityColour(c, r.severity)(r.severity.padEnd(8));
  const lines = [`  ${colouredTag} ${sev} ${c.bold(t(r.ruleId))}  ${t(r.message)}`];
  if (r.location) lines.push(`${INDENT}${c.dim('at')} ${t(formatLocation(r.location))}`);
  if (r.reason && (r.status === 'error' || r.status === 'skip')) lines.push(`${INDENT}${c.dim('reason:')} ${t(r.reason)}`);
  const evidence = r.evidence ?? [];
  const limit = options.verbose ? evidence.length : EVIDENCE_LIMIT;
  for (const e of evidence.slice(0, limit)) {
    const where = e.location ? ` ${c.dim(`(${t(formatLocation(e.location))})`)}` : '';
    lines.push(`${INDENT}- ${t(e.message)}${where}`);
  }
  if (evidence.length > limit) lines.push(`${INDENT}${c.dim(`… and ${evidence.length - limit} more (--verbose, JSON and SARIF list them all)`)}`);
  if (r.waiver) {
    const soon = r.waiver.expiringSoon ? ` ${c.yellow('(expiring soon)')}` : '';
    lines.push(`${INDENT}${c.dim('waived:')} ${t(r.waiver.reason)} — until ${t(r.waiver.expires)}${soon}`);
  }
  if (r.remediation && (r.status === 'fail' || r.status === 'waived')) {
    const repeat = fixesShown.has(r.ruleId) && !options.verbose;
    fixesShown.add(r.ruleId);
    if (repeat) {
      lines.push(`${INDENT}${c.dim('fix:')} ${c.dim(`as above (secpol policy explain ${t(r.ruleId)})`)}`);
    } else {
      // Remediation is Markdown with its own line breaks (one step or platform a line): keep them.
      const [first = '', ...rest] = r.remediation.trim().split('\n').map(t).filter((l) => l !== '');
      lines.push(`${INDENT}${c.dim('fix:')} ${first}`, ...rest.map((l) => `${INDENT}     ${l}`));
    }
  }
  return lines;
}

function countQuiet(report: Report): string {
  const parts: string[] = [];
  const { pass, skip, waived } = report.summary;
  if (pass > 0) parts.push(`${pass} passed`);
  if (skip > 0) parts.push(`${skip} skipped`);
  if (waived > 0) parts.push(`${waived} waived`);
  return parts.length > 0 ? `${parts.join(', ')} not listed` : '';
}

/** Soft-wraps long lines at spaces; continuation lines keep the line's indentation plus two spaces. */
function wrap(lines: string[], width: number | undefined): string[] {
  if (!width || width < 20) return lines;
  const out: string[] = [];
  for (const line of lines) {
    if (visibleLength(line) <= width) {
      out.push(line);
      continue;
    }
    const indent = /^ */.exec(line)?.[0] ?? '';
    let prefix = indent;
    let current = '';
    for (const word of line.slice(indent.length).split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && visibleLength(prefix + candidate) > width) {
        out.push(prefix + current);
        prefix = `${indent}  `;
        current = word;
      } else {
        current = candidate;
      }
    }
    out.push(prefix + current);
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;
function visibleLength(text: string): number {
  return [...text.replace(SGR, '')].length;
}
