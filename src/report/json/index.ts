import type { BaselineOutcome, Controls, Report, ReportDiagnostic, Result, ResultLocation, RuleMeta, WaiverStatus } from '../../model/index.js';
import { frameworks } from '../../model/index.js';
import { stripControl } from '../escape.js';
import { PieceBuffer } from '../common.js';

/**
 * Remediation text is written once per rule (in `rules`), not once per result: on an org-wide
 * scan it would otherwise be most of the file.
 *
 * The machine-readable report (SPEC "Results"): `tool`, `startedAt`, `finishedAt`, `failOn`,
 * `summary`, `results[]`, then `rules`, `waivers`, `diagnostics`, `stats`. Keys are written in
 * a fixed order, absent optional fields are left out, strings lose terminal control sequences
 * (newlines kept), and the output is pretty-printed with a trailing newline.
 */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * The same document as `renderJson`, in pieces: the envelope, then one line per result and
 * per rule, each piece ending at a line break. A 250,000-result report is then written as it
 * is produced instead of being built as one string of a hundred megabytes first.
 */
export function* renderJsonChunks(report: Report): Generator<string, void, undefined> {
  const doc = {
    tool: { name: s(report.tool.name), version: s(report.tool.version) },
    startedAt: s(report.startedAt),
    finishedAt: s(report.finishedAt),
    failOn: report.failOn,
    summary: {
      pass: report.summary.pass,
      fail: report.summary.fail,
      error: report.summary.error,
      skip: report.summary.skip,
      waived: report.summary.waived,
    },
    ...(report.anchorFile !== undefined ? { anchorFile: s(report.anchorFile) } : {}),
    ...(report.baseline !== undefined ? { baseline: jsonBaseline(report.baseline) } : {}),
    ...(report.shard !== undefined ? { shard: { ...report.shard } } : {}),
    results: RESULTS_SLOT,
    rules: RULES_SLOT,
    waivers: report.waivers.map(jsonWaiver),
    diagnostics: report.diagnostics.map(jsonDiagnostic),
    stats: sortKeys(report.stats),
  };
  // One line per result and rule: an org-wide report stays greppable and diffable at half the
  // size of fully indented JSON; the envelope around them is indented as usual.
  const pretty = JSON.stringify(doc, null, 2);
  const lines = new ResultLines();
  let from = 0;
  for (const [slot, count, line] of [
    [RESULTS_SLOT, report.results.length, (i: number) => lines.line(report.results[i]!)],
    [RULES_SLOT, report.rules.length, (i: number) => JSON.stringify(jsonRule(report.rules[i]!))],
  ] as const) {
    const quoted = JSON.stringify(slot);
    const at = pretty.indexOf(quoted, from);
    if (count === 0) {
      yield `${pretty.slice(from, at)}[]`;
    } else {
      // The envelope up to the slot ends with "key": so the array opens here and each item
      // line (with its separator) is a piece of its own.
      yield `${pretty.slice(from, at)}[\n`;
      const pieces = new PieceBuffer();
      for (let i = 0; i < count; i++) {
        yield* pieces.add(`    ${line(i)}${i + 1 < count ? ',' : ''}\n`);
      }
      yield* pieces.add('  ]');
      yield pieces.take();
    }
    from = at + quoted.length;
  }
  yield `${pretty.slice(from)}\n`;
}

const RESULTS_SLOT = '\u0000results';
const RULES_SLOT = '\u0000rules';

function s(text: string): string {
  return stripControl(text);
}

function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function jsonLocation(loc: ResultLocation): Record<string, unknown> {
  return { path: s(loc.path), ...opt('line', loc.line), ...opt('column', loc.column) };
}

export function jsonControls(controls: Controls): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const fw of frameworks) {
    const ids = controls[fw];
    if (ids && ids.length > 0) out[fw] = ids.map(s);
  }
  return out;
}

/**
 * Writes a result line exactly as `JSON.stringify` would write the object with the keys in
 * this order: `ruleId`, `policyId`, `title`, `severity`, `status`, `baseline`?, `message`, `reason`?,
 * `resource`, `location`?, `evidence`?, `controls`, `waiver`?. The parts results share
 * (a rule's ids, title and controls; a resource's reference) are serialised once per render.
 */
class ResultLines {
  private readonly heads = new Map<string, { policyId: string; title: string; severity: string; text: string }>();
  private readonly controls = new WeakMap<Controls, string>();
  private readonly resources = new WeakMap<Result['resource'], string>();
  private readonly strings = new Map<string, string>();

  line(r: Result): string {
    // A skip or error message and its reason repeat across results (the same gap, the same
    // "not applicable"); a failure's message names its resource and is written as it comes.
    const shared = r.status !== 'fail';
    let out = `${this.head(r)},"status":${JSON.stringify(r.status)}${r.baseline ? `,"baseline":"${r.baseline}"` : ''},"message":${shared ? this.shared(r.message) : q(r.message)}`;
    if (r.reason !== undefined) out += `,"reason":${this.shared(r.reason)}`;
    out += `,"resource":${this.resource(r.resource)}`;
    if (r.location) out += `,"location":${location(r.location)}`;
    if (r.evidence) {
      out += ',"evidence":[';
      r.evidence.forEach((e, i) => {
        out += `${i === 0 ? '' : ','}{"message":${q(e.message)}${e.location ? `,"location":${location(e.location)}` : ''}${e.context !== undefined ? `,"context":${q(e.context)}` : ''}}`;
      });
      out += ']';
    }
    out += `,"controls":${this.controlsOf(r.controls)}`;
    if (r.waiver) {
      const w = r.waiver;
      out += `,"waiver":${JSON.stringify({
        reason: s(w.reason),
        expires: s(w.expires),
        ...opt('approvedBy', w.approvedBy === undefined ? undefined : s(w.approvedBy)),
        expiringSoon: w.expiringSoon,
      })}`;
    }
    return `${out}}`;
  }

  private shared(text: string): string {
    let quoted = this.strings.get(text);
    if (quoted === undefined) {
      quoted = q(text);
      if (this.strings.size < 100_000) this.strings.set(text, quoted);
    }
    return quoted;
  }

  private head(r: Result): string {
    const cached = this.heads.get(r.ruleId);
    if (cached && cached.policyId === r.policyId && cached.title === r.title && cached.severity === r.severity) return cached.text;
    const text = `{"ruleId":${q(r.ruleId)},"policyId":${q(r.policyId)},"title":${q(r.title)},"severity":${JSON.stringify(r.severity)}`;
    this.heads.set(r.ruleId, { policyId: r.policyId, title: r.title, severity: r.severity, text });
    return text;
  }

  private resource(ref: Result['resource']): string {
    let text = this.resources.get(ref);
    if (text === undefined) {
      text = `{"id":${q(ref.id)},"kind":${JSON.stringify(ref.kind)},"provider":${q(ref.provider)},"name":${q(ref.name)}}`;
      this.resources.set(ref, text);
    }
    return text;
  }

  private controlsOf(controls: Controls): string {
    let text = this.controls.get(controls);
    if (text === undefined) {
      text = JSON.stringify(jsonControls(controls));
      this.controls.set(controls, text);
    }
    return text;
  }
}

/** A JSON string literal of `text` without control sequences. */
function q(text: string): string {
  return JSON.stringify(s(text));
}

function location(loc: ResultLocation): string {
  return JSON.stringify(jsonLocation(loc));
}

function jsonRule(rule: RuleMeta): Record<string, unknown> {
  return {
    id: s(rule.id),
    policyId: s(rule.policyId),
    title: s(rule.title),
    ...opt('description', rule.description === undefined ? undefined : s(rule.description)),
    severity: rule.severity,
    kind: rule.kind,
    ...opt('remediation', rule.remediation === undefined ? undefined : s(rule.remediation)),
    controls: jsonControls(rule.controls),
    tags: rule.tags.map(s),
    ...opt('helpUri', rule.helpUri === undefined ? undefined : s(rule.helpUri)),
    source: { file: s(rule.source.file), line: rule.source.line, column: rule.source.column },
  };
}

function jsonWaiver(w: WaiverStatus): Record<string, unknown> {
  return {
    rule: s(w.rule),
    resource: s(w.resource),
    reason: s(w.reason),
    expires: s(w.expires),
    ...opt('approvedBy', w.approvedBy === undefined ? undefined : s(w.approvedBy)),
    state: w.state,
    matched: w.matched,
    ...opt('source', w.source && { file: s(w.source.file), line: w.source.line, column: w.source.column }),
  };
}

function jsonBaseline(b: BaselineOutcome): Record<string, unknown> {
  return {
    file: s(b.file),
    createdAt: s(b.createdAt),
    existing: b.existing,
    new: b.new,
    fixed: b.fixed.map((e) => ({ fingerprint: e.fingerprint, ruleId: s(e.ruleId), resourceId: s(e.resourceId), ...opt('path', e.path === undefined ? undefined : s(e.path)) })),
  };
}

function jsonDiagnostic(d: ReportDiagnostic): Record<string, unknown> {
  return {
    severity: d.severity,
    message: s(d.message),
    ...opt('file', d.file === undefined ? undefined : s(d.file)),
    ...opt('line', d.line),
    ...opt('column', d.column),
  };
}

/** Plain data with object keys sorted recursively, so counters print in a stable order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return typeof value === 'string' ? s(value) : value;
}
