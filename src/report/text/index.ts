import { Chalk, type ChalkInstance } from 'chalk';
import type { Report, Result, Severity, Status } from '../../model/index.js';
import {
  diagnosticPosition,
  durationSeconds,
  formatLocation,
  groupByResource,
  sortResults,
  remediationLines,
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
/** Marks a line that wrapping must not touch (code in a remediation); removed before output. */
const VERBATIM = '\u0000';

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
  // What was looked at, e.g. `local services/api of repository at /src/mono (working tree)`.
  if (report.scope && report.scope.targets.length > 0) out.push(c.dim(`scanned: ${report.scope.targets.map(t).join('; ')}`));

  const blocks = options.verbose ? byResourceBlocks(report, c, options) : byRuleBlocks(report, c, options);
  for (const block of blocks) {
    out.push('', ...block);
    for (const line of block) size += line.length;
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

/** --verbose: every result, grouped by resource, ordered by each resource's most urgent result. */
function* byResourceBlocks(report: Report, c: ChalkInstance, options: TextOptions): Generator<string[]> {
  const t = terminalText;
  const groups = groupByResource(sortResults(report.results));
  const fixesShown = new Set<string>();
  for (const [, results] of groups) {
    const first = results[0];
    if (!first) continue;
    const block = [`${c.bold(t(first.resource.id))} ${c.dim(`(${t(first.resource.kind)})`)}`];
    for (const r of results) block.push(...renderResult(r, c, options, fixesShown));
    yield block;
  }
}

/** Resources shown per failing rule in the compact layout before "and N more". */
const RESOURCES_PER_RULE = 5;
/** Names listed in one line of a grouped error before "and N more". */
const NAMES_PER_LINE = 5;

/**
 * The default layout: one block per failing rule (its first resources, the remediation once),
 * then one block per distinct error reason, so that one missing permission that blocks eleven
 * rules reads as one finding, not eleven.
 */
function* byRuleBlocks(report: Report, c: ChalkInstance, options: TextOptions): Generator<string[]> {
  const t = terminalText;
  const failing = sortResults(report.results.filter((r) => r.status === 'fail'));
  const byRule = new Map<string, Result[]>();
  for (const r of failing) byRule.set(r.ruleId, [...(byRule.get(r.ruleId) ?? []), r]);
  for (const results of byRule.values()) {
    const first = results[0]!;
    const count = `${results.length} ${results.length === 1 ? 'resource' : 'resources'}`;
    const block = [`${c.red(statusTag.fail.padEnd(6))} ${severityColour(c, first.severity)(first.severity.padEnd(8))} ${c.bold(t(first.ruleId))}  ${t(first.title)} ${c.dim(`— ${count}`)}`];
    for (const r of results.slice(0, RESOURCES_PER_RULE)) {
      block.push(`  ${c.bold(t(r.resource.id))}  ${t(r.message)}`);
      block.push(...detailLines(r, c, options));
    }
    if (results.length > RESOURCES_PER_RULE) block.push(`  ${c.dim(`… and ${results.length - RESOURCES_PER_RULE} more (--verbose lists them)`)}`);
    if (first.remediation) block.push(...fixLines(first.remediation, c, '  '));
    yield block;
  }

  const errors = sortResults(report.results.filter((r) => r.status === 'error'));
  const byReason = new Map<string, Result[]>();
  for (const r of errors) {
    const reason = r.reason ?? r.message;
    byReason.set(reason, [...(byReason.get(reason) ?? []), r]);
  }
  for (const [reason, results] of byReason) {
    const first = results[0]!;
    const rules = [...new Set(results.map((r) => r.ruleId))];
    const resources = [...new Set(results.map((r) => r.resource.id))];
    const what = `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} on ${resources.length} ${resources.length === 1 ? 'resource' : 'resources'} could not be evaluated`;
    yield [
      `${c.magenta(statusTag.error.padEnd(6))} ${severityColour(c, first.severity)(first.severity.padEnd(8))} ${t(reason)}`,
      `  ${what}: ${names(rules)}`,
      `  ${c.dim('on')} ${names(resources)}`,
    ];
  }
}

function names(list: string[]): string {
  const shown = list.slice(0, NAMES_PER_LINE).map(terminalText).join(', ');
  return list.length > NAMES_PER_LINE ? `${shown} and ${list.length - NAMES_PER_LINE} more` : shown;
}

/** Location, evidence (five items unless --verbose) and waiver of one result, indented under it. */
function detailLines(r: Result, c: ChalkInstance, options: TextOptions): string[] {
  const t = terminalText;
  const lines: string[] = [];
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
  return lines;
}

/** A remediation under `fix:`: one line inline, more lines (indentation and code kept) below it. */
function fixLines(remediation: string, c: ChalkInstance, indent: string): string[] {
  const fix = remediationLines(remediation);
  if (fix.length === 1 && !fix[0]!.code) return [`${indent}${c.dim('fix:')} ${fix[0]!.text.trim()}`];
  return [`${indent}${c.dim('fix:')}`, ...fix.map((line) => (line.text === '' ? '' : `${indent}  ${line.code ? VERBATIM : ''}${line.text}`))];
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
  const lines = [`  ${colouredTag} ${sev} ${c.bold(t(r.ruleId))}  ${t(r.message)}`, ...detailLines(r, c, options)];
  if (r.remediation && (r.status === 'fail' || r.status === 'waived')) {
    const repeat = fixesShown.has(r.ruleId);
    fixesShown.add(r.ruleId);
    if (repeat) lines.push(`${INDENT}${c.dim('fix:')} ${c.dim(`as above (secpol policy explain ${t(r.ruleId)})`)}`);
    else lines.push(...fixLines(r.remediation, c, INDENT));
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
  if (!width || width < 20) return lines.map((line) => (line.includes(VERBATIM) ? line.replace(VERBATIM, '') : line));
  const out: string[] = [];
  for (const line of lines) {
    if (line.includes(VERBATIM)) {
      out.push(line.replace(VERBATIM, ''));
      continue;
    }
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
