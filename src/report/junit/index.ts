import type { Report, Result } from '../../model/index.js';
import { compareResults, durationSeconds, formatLocation, PieceBuffer } from '../common.js';
import { oneLine, xmlText } from '../escape.js';

/**
 * JUnit XML for CI test tabs (GitLab, Azure DevOps, Jenkins): one `<testsuite>` per rule, one
 * `<testcase>` per (rule, resource) result; `fail` is a `<failure>`, `error` an `<error>`,
 * `skip` and `waived` are `<skipped>` with the reason. Characters XML 1.0 cannot carry and
 * terminal escapes are removed first; the layout is that of xmlbuilder2's pretty printer.
 */
export function renderJunit(report: Report): string {
  return [...renderJunitChunks(report)].join('');
}

/** About this many characters per piece. */

type Attrs = readonly (readonly [string, string])[];

/**
 * The same document as `renderJunit`, in pieces of whole lines. Written element by element
 * rather than through an XML DOM: 250,000 test cases are a million nodes, which took seconds
 * and gigabytes to build before a byte was written.
 */
export function* renderJunitChunks(report: Report): Generator<string, void, undefined> {
  // Grouped by rule, then each group sorted: the same order as sorting everything first (the
  // sort is stable), in fewer comparisons.
  const byRule = new Map<string, Result[]>();
  for (const r of report.results) {
    const list = byRule.get(r.ruleId);
    if (list) list.push(r);
    else byRule.set(r.ruleId, [r]);
  }
  for (const list of byRule.values()) list.sort(compareResults);
  const ruleIds = [...byRule.keys()].sort();
  const count = (results: readonly Result[], status: Result['status']): number => results.filter((r) => r.status === status).length;
  const skippedCount = (results: readonly Result[]): number => count(results, 'skip') + count(results, 'waived');
  const seconds = durationSeconds(report) ?? 0;
  const attr = attributeWriter();

  const root = openTag('testsuites', [
    ['name', `${report.tool.name} ${report.tool.version}`],
    ['tests', String(report.results.length)],
    ['failures', String(count(report.results, 'fail'))],
    ['errors', String(count(report.results, 'error'))],
    ['skipped', String(skippedCount(report.results))],
    ['time', String(seconds)],
    ['timestamp', report.startedAt],
  ], attr);
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (ruleIds.length === 0) {
    yield `${declaration}${root}/>\n`;
    return;
  }
  const pieces = new PieceBuffer();
  yield* pieces.add(`${declaration}${root}>\n`);
  for (const ruleId of ruleIds) {
    const results = byRule.get(ruleId) ?? [];
    const first = results[0];
    if (!first) continue;
    const suite = openTag('testsuite', [
      ['name', ruleId],
      ['tests', String(results.length)],
      ['failures', String(count(results, 'fail'))],
      ['errors', String(count(results, 'error'))],
      ['skipped', String(skippedCount(results))],
      ['time', '0'],
      ['timestamp', report.startedAt],
    ], attr);
    yield* pieces.add([
      `  ${suite}>\n    <properties>\n`,
      `      ${openTag('property', [['name', 'title'], ['value', first.title]], attr)}/>\n`,
      `      ${openTag('property', [['name', 'severity'], ['value', first.severity]], attr)}/>\n`,
      `      ${openTag('property', [['name', 'policy'], ['value', first.policyId]], attr)}/>\n`,
      '    </properties>\n',
    ].join(''));
    for (const r of results) {
      yield* pieces.add(testcase(r, attr));
    }
    yield* pieces.add('  </testsuite>\n');
  }
  yield* pieces.add('</testsuites>\n');
  yield pieces.take();
}

function testcase(r: Result, attr: (value: string) => string): string {
  const attrs: [string, string][] = [
    ['name', r.resource.id],
    ['classname', r.ruleId],
    ['time', '0'],
  ];
  if (r.location) {
    attrs.push(['file', r.location.path]);
    if (r.location.line) attrs.push(['line', String(r.location.line)]);
  }
  const open = `    ${openTag('testcase', attrs, attr)}`;
  let child: string;
  switch (r.status) {
    case 'fail':
      // A failure's message names its resource: written as it comes rather than remembered.
      child = `${openTag('failure', [['message', r.message], ['type', r.severity]], attributeOnce)}>${textContent(details(r))}</failure>`;
      break;
    case 'error':
      child = `${openTag('error', [['message', r.reason ?? r.message], ['type', 'evaluation-error']], attr)}>${textContent(details(r))}</error>`;
      break;
    case 'skip':
      child = `${openTag('skipped', [['message', `skipped: ${r.reason ?? r.message}`]], attr)}/>`;
      break;
    case 'waived': {
      const w = r.waiver;
      const why = w
        ? `waived until ${w.expires}${w.expiringSoon ? ' (expiring soon)' : ''}: ${w.reason}${w.approvedBy ? ` (approved by ${w.approvedBy})` : ''}`
        : 'waived';
      child = `${openTag('skipped', [['message', why]], attr)}/>`;
      break;
    }
    case 'pass':
      return `${open}/>\n`;
  }
  return `${open}>\n      ${child}\n    </testcase>\n`;
}

function details(r: Result): string {
  return detailLines(r).map(xmlText).join('\n');
}

/** `<name a="v" ...` (without the closing `>` or `/>`); values made one line and escaped. */
function openTag(name: string, attrs: Attrs, attribute: (value: string) => string): string {
  let out = `<${name}`;
  for (const [key, value] of attrs) out += ` ${key}="${attribute(value)}"`;
  return out;
}

/** Cleans and escapes an attribute value. */
function attributeOnce(value: string): string {
  return attributeValue(oneLine(xmlText(value)));
}

/**
 * Cleans and escapes attribute values, each distinct value once: they repeat a great deal (rule
 * ids, paths, skip reasons, every resource id once per rule). Bounded, so memory stays small.
 */
function attributeWriter(): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => {
    let escaped = cache.get(value);
    if (escaped === undefined) {
      escaped = attributeOnce(value);
      if (cache.size >= 100_000) cache.clear();
      cache.set(value, escaped);
    }
    return escaped;
  };
}

const ATTRIBUTE_SPECIAL = /[&<>"]/g;
const TEXT_SPECIAL = /[&<>]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A double-quoted attribute value: `&`, `<`, `>` and `"` become references (DOM Parsing's
 * attribute serialisation). Every `&` is escaped, also one that looks like the start of a
 * reference: a hostile name `&x;` or `&#1;` then reads back as itself, where leaving it (as
 * xmlbuilder2 does) makes the document one no XML parser accepts.
 */
function attributeValue(text: string): string {
  return text.replace(ATTRIBUTE_SPECIAL, (c) => ENTITY[c]!);
}

/** Element text: `&`, `<` and `>` become references; line breaks are kept. */
function textContent(text: string): string {
  return text.replace(TEXT_SPECIAL, (c) => ENTITY[c]!);
}

function detailLines(r: Result): string[] {
  const lines = [`${r.ruleId} [${r.severity}] on ${r.resource.id} (${r.resource.kind})`, r.message];
  if (r.reason) lines.push(`Reason: ${r.reason}`);
  if (r.location) lines.push(`Location: ${formatLocation(r.location)}`);
  for (const e of r.evidence ?? []) lines.push(`- ${oneLine(e.message)}${e.location ? ` (${formatLocation(e.location)})` : ''}`);
  if (r.remediation) lines.push(`Remediation: ${r.remediation}`);
  return lines;
}
