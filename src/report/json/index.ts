import type { Controls, Report, ReportDiagnostic, Result, ResultLocation, RuleMeta, WaiverStatus } from '../../model/index.js';
import { frameworks } from '../../model/index.js';
import { stripControl } from '../escape.js';

/**
 * The machine-readable report (SPEC "Results"): `tool`, `startedAt`, `finishedAt`, `failOn`,
 * `summary`, `results[]`, then `rules`, `waivers`, `diagnostics`, `stats`. Keys are written in
 * a fixed order, absent optional fields are left out, strings lose terminal control sequences
 * (newlines kept), and the output is pretty-printed with a trailing newline.
 */
export function renderJson(report: Report): string {
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
    results: report.results.map(jsonResult),
    rules: report.rules.map(jsonRule),
    waivers: report.waivers.map(jsonWaiver),
    diagnostics: report.diagnostics.map(jsonDiagnostic),
    stats: sortKeys(report.stats),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

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

function jsonResult(r: Result): Record<string, unknown> {
  return {
    ruleId: s(r.ruleId),
    policyId: s(r.policyId),
    title: s(r.title),
    severity: r.severity,
    status: r.status,
    message: s(r.message),
    ...opt('reason', r.reason === undefined ? undefined : s(r.reason)),
    resource: { id: s(r.resource.id), kind: r.resource.kind, provider: s(r.resource.provider), name: s(r.resource.name) },
    ...opt('location', r.location && jsonLocation(r.location)),
    ...opt(
      'evidence',
      r.evidence?.map((e) => ({ message: s(e.message), ...opt('location', e.location && jsonLocation(e.location)) })),
    ),
    controls: jsonControls(r.controls),
    ...opt('remediation', r.remediation === undefined ? undefined : s(r.remediation)),
    ...opt(
      'waiver',
      r.waiver && {
        reason: s(r.waiver.reason),
        expires: s(r.waiver.expires),
        ...opt('approvedBy', r.waiver.approvedBy === undefined ? undefined : s(r.waiver.approvedBy)),
        expiringSoon: r.waiver.expiringSoon,
      },
    ),
  };
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
