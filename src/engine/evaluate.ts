import picomatch from 'picomatch';
import { gapOutcome } from '../model/index.js';
import type { Condition, Evidence, Gap, Resource, ResourceKind, Result, ResultLocation, Rule, Waiver, WaiverStatus } from '../model/index.js';
import { compileTemplate, formatTemplateValue } from '../shared/template.js';
import type { RenderTemplate } from '../shared/template.js';
import { FALSE, TRUE, UNKNOWN, evalCondition, offendingElements, unknownPaths } from './condition.js';

export interface EvaluateOptions {
  /** The evaluation clock: `within`/`olderThan` and waiver expiry are relative to it. */
  now: Date;
  waivers?: Waiver[];
  /** A waiver expiring within this many days is reported as expiring soon (default 14). */
  expiringSoonDays?: number;
}

export interface Evaluation {
  results: Result[];
  waivers: WaiverStatus[];
}

const DAY_MS = 86_400_000;

type Matcher = (id: string) => boolean;

/** Everything about a rule that can be prepared once and reused for every resource. */
interface PreparedRule {
  rule: Rule;
  render: RenderTemplate;
  /** `messages` of the rule, compiled: the first whose condition is true renders a failure. */
  cases: { when: Condition; render: RenderTemplate }[];
  /** `passMessages` of the rule, compiled: the first whose condition is true renders a pass. */
  passCases: { when: Condition; render: RenderTemplate }[];
  renderEvidence?: RenderTemplate;
  include?: Matcher;
  exclude?: Matcher;
  notApplicable: string;
  notSelected: string;
  /** Reused template context: rendering is synchronous, so one object per rule suffices. */
  ctx: { resource: unknown; params: Record<string, unknown>; rule: { id: string; title: string; severity: string }; count: number; item?: unknown };
}

const prepared = new WeakMap<Rule, PreparedRule>();

function matcher(globs: string[] | undefined): Matcher | undefined {
  if (!globs || globs.length === 0) return undefined;
  return picomatch(globs, { dot: true, windows: false });
}

function prepare(rule: Rule): PreparedRule {
  let p = prepared.get(rule);
  if (!p) {
    p = {
      rule,
      render: compileTemplate(rule.message),
      cases: (rule.messages ?? []).map((m) => ({ when: m.when, render: compileTemplate(m.text) })),
      passCases: (rule.passMessages ?? []).map((m) => ({ when: m.when, render: compileTemplate(m.text) })),
      include: matcher(rule.match?.include),
      exclude: matcher(rule.match?.exclude),
      notApplicable: `not applicable: the resource is outside the scope of ${rule.id} (its where condition is false)`,
      notSelected: `not selected: the resource is outside the resources configured for ${rule.id}`,
      ctx: { resource: undefined, params: rule.params, rule: { id: rule.id, title: rule.title, severity: rule.severity }, count: 0 },
    };
    if (rule.evidence !== undefined) p.renderEvidence = compileTemplate(rule.evidence);
    prepared.set(rule, p);
  }
  return p;
}

interface PreparedWaiver {
  waiver: Waiver;
  rule: Matcher;
  resource: Matcher;
  /** First instant at which the waiver no longer applies (date-only: the day after, UTC). */
  endsAt: number;
  expired: boolean;
  expiringSoon: boolean;
  matched: number;
}

/** `2027-01-31` covers that whole day (UTC); a timestamp ends at that instant; garbage has already ended. */
export function waiverEndsAt(expires: string): number {
  const t = Date.parse(expires);
  if (Number.isNaN(t)) return -Infinity;
  return /^\d{4}-\d{2}-\d{2}$/.test(expires.trim()) ? t + DAY_MS : t;
}

function prepareWaivers(waivers: Waiver[], now: number, soonDays: number): PreparedWaiver[] {
  return waivers.map((waiver) => {
    const endsAt = waiverEndsAt(waiver.expires);
    return {
      waiver,
      rule: picomatch(waiver.rule, { dot: true, windows: false }),
      resource: picomatch(waiver.resource, { dot: true, windows: false }),
      endsAt,
      expired: now >= endsAt,
      expiringSoon: endsAt - now <= soonDays * DAY_MS,
      matched: 0,
    };
  });
}

function gapFor(resource: Resource, path: readonly string[]): { key: string; gap: Gap } | undefined {
  const gaps = resource.gaps;
  if (!gaps) return undefined;
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    const gap = Object.hasOwn(gaps, key) ? gaps[key] : undefined;
    if (gap) return { key, gap };
  }
  const whole = Object.hasOwn(gaps, '*') ? gaps['*'] : undefined;
  return whole ? { key: '*', gap: whole } : undefined;
}

/** Decides skip or error for an unknown outcome, quoting the gap behind it (an error gap wins). */
function explainUnknown(
  rule: Rule,
  condition: NonNullable<Rule['where']>,
  resource: Resource,
  now: number,
): { status: 'skip' | 'error'; reason: string } {
  const paths = unknownPaths(condition, resource, now);
  let skip: string | undefined;
  for (const path of paths) {
    const found = gapFor(resource, path);
    const field = path.join('.');
    if (!found) {
      skip ??= `${field} was not collected for this resource (${resource.provider} does not supply it)`;
      continue;
    }
    const quoted = `${found.key === '*' ? 'resource' : found.key}: ${found.gap.reason}: ${found.gap.message}`;
    if (gapOutcome(found.gap) === 'error') return { status: 'error', reason: quoted };
    skip ??= quoted;
  }
  return { status: 'skip', reason: skip ?? `the data ${rule.id} needs was not collected` };
}

const LABEL_KEYS = ['uses', 'ref', 'name', 'login', 'key', 'job', 'trigger', 'instruction', 'title', 'target', 'id', 'path'];

function defaultEvidenceMessage(element: unknown): string {
  if (element !== null && typeof element === 'object' && !Array.isArray(element)) {
    const record = element as Record<string, unknown>;
    for (const key of LABEL_KEYS) {
      const v = record[key];
      if (Object.hasOwn(record, key) && (typeof v === 'string' || typeof v === 'number')) return String(v);
    }
  }
  const text = formatTemplateValue(element);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function elementLocation(element: unknown, resource: Resource): ResultLocation | undefined {
  if (element === null || typeof element !== 'object') return undefined;
  const record = element as Record<string, unknown>;
  const line = typeof record.line === 'number' && record.line > 0 ? record.line : undefined;
  const path = typeof record.path === 'string' && record.path ? record.path : line !== undefined ? resource.location?.path : undefined;
  if (!path) return undefined;
  const loc: ResultLocation = { path };
  if (line !== undefined) loc.line = line;
  if (typeof record.column === 'number' && record.column > 0) loc.column = record.column;
  return loc;
}

function buildEvidence(p: PreparedRule, resource: Resource, offenders: unknown[]): Evidence[] {
  const evidence: Evidence[] = [];
  // Every offending element: machine-readable reports (JSON, SARIF) carry them all; only the
  // human views shorten the list, saying how many more and where to see them.
  for (let i = 0; i < offenders.length; i++) {
    const element = offenders[i];
    let message: string;
    if (p.renderEvidence) {
      p.ctx.item = element;
      message = p.renderEvidence(p.ctx);
    } else {
      message = defaultEvidenceMessage(element);
    }
    const item: Evidence = { message };
    const location = elementLocation(element, resource);
    if (location) item.location = location;
    const context = element !== null && typeof element === 'object' ? (element as Record<string, unknown>).context : undefined;
    if (typeof context === 'string' && context !== '') item.context = context;
    evidence.push(item);
  }
  p.ctx.item = undefined;
  return evidence;
}

/**
 * Evaluates every enabled rule against every resource of its kind: one result per pair.
 * Pure: no I/O, the clock comes from `options.now`. Rules and their templates are prepared
 * once and cached per Rule object.
 */
export function evaluate(rules: Rule[], resources: Resource[], options: EvaluateOptions): Evaluation {
  const now = options.now.getTime();
  const waivers = prepareWaivers(options.waivers ?? [], now, options.expiringSoonDays ?? 14);

  const byKind = new Map<ResourceKind, PreparedRule[]>();
  // Which waivers can apply to which rule is decided once, not per failing result.
  const waiversByRule = new Map<Rule, PreparedWaiver[]>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const list = byKind.get(rule.kind);
    if (list) list.push(prepare(rule));
    else byKind.set(rule.kind, [prepare(rule)]);
    const relevant = waivers.filter((w) => w.rule(rule.id));
    if (relevant.length > 0) waiversByRule.set(rule, relevant);
  }

  const results: Result[] = [];
  for (const resource of resources) {
    const list = byKind.get(resource.kind);
    if (!list) continue;
    const ref = { id: resource.id, kind: resource.kind, provider: resource.provider, name: resource.name };
    for (const p of list) {
      const result = evaluateOne(p, resource, ref, now);
      if (result.status === 'fail' || result.status === 'error') {
        const candidates = waiversByRule.get(p.rule);
        if (candidates) applyWaiver(result, candidates);
      }
      results.push(result);
    }
  }

  const statuses: WaiverStatus[] = waivers.map((w) => {
    const status: WaiverStatus = {
      rule: w.waiver.rule,
      resource: w.waiver.resource,
      reason: w.waiver.reason,
      expires: w.waiver.expires,
      state: w.expired ? 'expired' : w.matched === 0 ? 'unused' : w.expiringSoon ? 'expiring-soon' : 'active',
      matched: w.matched,
    };
    if (w.waiver.approvedBy !== undefined) status.approvedBy = w.waiver.approvedBy;
    if (w.waiver.source) status.source = w.waiver.source;
    return status;
  });
  return { results, waivers: statuses };
}

function evaluateOne(p: PreparedRule, resource: Resource, ref: Result['resource'], now: number): Result {
  const rule = p.rule;
  const result: Result = {
    ruleId: rule.id,
    policyId: rule.policyId,
    title: rule.title,
    severity: rule.severity,
    status: 'pass',
    message: rule.title,
    resource: ref,
    controls: rule.controls,
  };
  if (rule.remediation !== undefined) result.remediation = rule.remediation;
  if (resource.location) result.location = resource.location;

  if ((p.include && !p.include(resource.id)) || (p.exclude && p.exclude(resource.id))) {
    result.status = 'skip';
    result.reason = p.notSelected;
    result.message = p.notSelected;
    return result;
  }

  if (rule.where) {
    const w = evalCondition(rule.where, resource, now);
    if (w === FALSE) {
      result.status = 'skip';
      result.reason = p.notApplicable;
      result.message = p.notApplicable;
      return result;
    }
    if (w === UNKNOWN) return unknown(result, rule, rule.where, resource, now);
  }

  const t = evalCondition(rule.assert, resource, now);
  if (t === TRUE) {
    const special = p.passCases.length > 0 ? p.passCases.find((c) => evalCondition(c.when, resource, now) === TRUE) : undefined;
    if (special) {
      p.ctx.resource = resource;
      result.message = special.render(p.ctx);
      p.ctx.resource = undefined;
    }
    return result;
  }
  if (t === UNKNOWN) return unknown(result, rule, rule.assert, resource, now);

  result.status = 'fail';
  const offenders = offendingElements(rule.assert, resource, now, false);
  p.ctx.resource = resource;
  p.ctx.count = offenders.length;
  const special = p.cases.find((c) => evalCondition(c.when, resource, now) === TRUE);
  result.message = (special?.render ?? p.render)(p.ctx);
  p.ctx.resource = undefined;
  if (offenders.length > 0) {
    p.ctx.resource = resource;
    result.evidence = buildEvidence(p, resource, offenders);
    p.ctx.resource = undefined;
    const first = result.evidence.find((e) => e.location)?.location;
    if (first) result.location = first;
  }
  return result;
}

function unknown(result: Result, rule: Rule, condition: NonNullable<Rule['where']>, resource: Resource, now: number): Result {
  const { status, reason } = explainUnknown(rule, condition, resource, now);
  result.status = status;
  result.reason = reason;
  result.message = status === 'skip' ? `skipped: ${reason}` : `could not be evaluated: ${reason}`;
  return result;
}

function applyWaiver(result: Result, waivers: PreparedWaiver[]): void {
  let applied: PreparedWaiver | undefined;
  for (const w of waivers) {
    if (!w.resource(result.resource.id)) continue;
    w.matched++;
    if (!w.expired && !applied) applied = w;
  }
  if (!applied) return;
  result.status = 'waived';
  result.waiver = { reason: applied.waiver.reason, expires: applied.waiver.expires, expiringSoon: applied.expiringSoon };
  if (applied.waiver.approvedBy !== undefined) result.waiver.approvedBy = applied.waiver.approvedBy;
}
