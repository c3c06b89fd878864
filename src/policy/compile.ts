import picomatch from 'picomatch';
import type { Condition, Rule, RuleExample, RuleOverride, SourceRef, Waiver } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { escapeUnsafe, quote } from '../shared/quote.js';
import { compileTemplate, parseTemplate, substituteParams } from '../shared/template.js';
import { editDistance } from '../shared/key-suggestions.js';
import type { DocPath } from '../shared/located-document.js';
import { parseCondition } from './condition-syntax.js';
import { resourceFields } from './field-check.js';
import type { ConditionEnv } from './condition-syntax.js';
import type { RuleDefinition } from './schema.js';

/** The definition each compiled rule came from, so the tester can recompile with example params. */
const definitionOf = new WeakMap<Rule, RuleDefinition>();

export function ruleDefinition(rule: Rule): RuleDefinition | undefined {
  return definitionOf.get(rule);
}

/** Which roots each template may look up (see docs/policy-language.md, Params and templates). */
const TEMPLATE_ROOTS = {
  static: ['params', 'rule'],
  message: ['resource', 'params', 'rule', 'count'],
  evidence: ['resource', 'params', 'rule', 'count', 'item'],
} as const;

function diag(at: SourceRef, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { severity, file: at.file, line: at.line, column: at.column, message };
}

function overrideAt(override: RuleOverride, fallback: SourceRef): SourceRef {
  return override.source ?? fallback;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'mapping' : typeof v;
}

/**
 * Compiles one rule definition: params merged (defaults <- override.params) and substituted,
 * conditions checked and compiled (RE2 regexes, durations), templates checked, override
 * severity/enabled/resources applied. Every condition carries its source position.
 */
export function compileRule(def: RuleDefinition, override?: RuleOverride): { rule?: Rule; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const spec = def.spec;
  const defaults = spec.params ?? {};
  const params: Record<string, unknown> = { ...defaults };

  if (override?.params) {
    const at = overrideAt(override, def.source);
    for (const [name, value] of Object.entries(override.params)) {
      if (!Object.hasOwn(defaults, name)) {
        const known = Object.keys(defaults);
        diagnostics.push(diag(at, `rule "${def.id}" has no param ${quote(name)} (${known.length ? `its params: ${known.join(', ')}` : 'it declares no params'})`));
        continue;
      }
      const expected = typeName(defaults[name]);
      if (defaults[name] !== null && typeName(value) !== expected) {
        diagnostics.push(diag(at, `param ${quote(name)} of rule "${def.id}" must be a ${expected} like its default ${JSON.stringify(defaults[name])}, got ${escapeUnsafe(JSON.stringify(value) ?? String(value))}`));
        continue;
      }
      params[name] = value;
    }
  }

  const report = (path: DocPath, message: string, target?: 'value' | 'key') => diagnostics.push(diag(def.locate(path, target), message));
  const env: ConditionEnv = { mode: 'compile', report, at: (path) => def.locate(path), fields: resourceFields(spec.resource) };

  const compileCondition = (raw: unknown, path: DocPath): Condition | undefined => {
    if (raw === undefined) return undefined;
    const { value, errors } = substituteParams(raw, params);
    for (const e of errors) report([...path, ...e.path], e.message);
    if (errors.length) return undefined;
    return parseCondition(value, path, env);
  };
  const where = compileCondition(spec.where, ['where']);
  const assert = compileCondition(spec.assert, ['assert']);
  const messages = (spec.messages ?? []).map((m, i) => {
    checkTemplate(m.text, ['messages', i, 'text'], TEMPLATE_ROOTS.message, params, report);
    return { when: compileCondition(m.when, ['messages', i, 'when']), text: m.text };
  });
  const passMessages = (spec.passMessages ?? []).map((m, i) => {
    checkTemplate(m.text, ['passMessages', i, 'text'], TEMPLATE_ROOTS.message, params, report);
    return { when: compileCondition(m.when, ['passMessages', i, 'when']), text: m.text };
  });

  const staticText = (key: 'title' | 'description' | 'remediation'): string | undefined => {
    const text = spec[key];
    if (text === undefined) return undefined;
    checkTemplate(text, [key], TEMPLATE_ROOTS.static, params, report);
    const { value } = substituteParams(text, params);
    return compileTemplate(value as string)({ params, rule: { id: def.id } });
  };
  const title = staticText('title') ?? def.id;
  const description = staticText('description');
  const remediation = staticText('remediation');
  checkTemplate(spec.message, ['message'], TEMPLATE_ROOTS.message, params, report);
  if (spec.evidence !== undefined) checkTemplate(spec.evidence, ['evidence'], TEMPLATE_ROOTS.evidence, params, report);

  if (diagnostics.some((d) => d.severity === 'error') || !assert || (spec.where !== undefined && !where) || [...messages, ...passMessages].some((m) => !m.when)) return { diagnostics };

  const examples: RuleExample[] = (spec.examples ?? []).map((ex, i) => {
    const example: RuleExample = { resource: ex.resource, expect: ex.expect, at: def.locate(['examples', i]) };
    if (ex.name !== undefined) example.name = ex.name;
    if (ex.now !== undefined) example.now = ex.now;
    if (ex.params !== undefined) example.params = ex.params;
    return example;
  });

  const rule: Rule = {
    id: def.id,
    policyId: def.policyId,
    title,
    severity: override?.severity ?? spec.severity,
    kind: spec.resource,
    assert,
    message: spec.message,
    controls: spec.controls ?? {},
    params,
    tags: spec.tags ?? [],
    enabled: override?.enabled ?? spec.enabled ?? true,
    examples,
    source: def.source,
  };
  if (where) rule.where = where;
  if (description !== undefined) rule.description = description;
  if (remediation !== undefined) rule.remediation = remediation;
  if (spec.helpUri !== undefined) rule.helpUri = spec.helpUri;
  if (spec.evidence !== undefined) rule.evidence = spec.evidence;
  if (messages.length > 0) rule.messages = messages.map((m) => ({ when: m.when as Condition, text: m.text }));
  if (passMessages.length > 0) rule.passMessages = passMessages.map((m) => ({ when: m.when as Condition, text: m.text }));
  if (override?.resources && (override.resources.include?.length || override.resources.exclude?.length)) {
    rule.match = {};
    if (override.resources.include?.length) rule.match.include = override.resources.include;
    if (override.resources.exclude?.length) rule.match.exclude = override.resources.exclude;
  }
  definitionOf.set(rule, def);
  return { rule, diagnostics };
}

function checkTemplate(
  text: string,
  path: DocPath,
  roots: readonly string[],
  params: Record<string, unknown>,
  report: (path: DocPath, message: string) => void,
): void {
  const parsed = parseTemplate(text);
  for (const e of parsed.errors) report(path, e.message);
  for (const part of parsed.parts) {
    if (typeof part === 'string') continue;
    const [root, first] = part.path;
    if (!root || !roots.includes(root)) {
      report(path, `template ${quote(part.raw)} looks up ${quote(root ?? '')}; here you may use ${roots.map((r) => (r === 'count' ? 'count' : `${r}.<field>`)).join(', ')}`);
    } else if (root === 'params' && (first === undefined || !Object.hasOwn(params, first))) {
      const known = Object.keys(params);
      report(path, `template ${quote(part.raw)} names an unknown param${first ? ` ${quote(first)}` : ''} (${known.length ? `known params: ${known.join(', ')}` : 'the rule declares no params'})`);
    }
  }
}

/**
 * Compiles every definition with its override. Duplicate ids across files, and overrides or
 * waivers naming no known rule, are diagnostics at the offending location.
 */
export function compileRules(
  defs: RuleDefinition[],
  overrides: RuleOverride[],
  waivers: Waiver[] = [],
): { rules: Rule[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, RuleDefinition>();
  for (const def of defs) {
    const first = byId.get(def.id);
    if (first) {
      diagnostics.push(diag(def.source, `duplicate rule id "${def.id}" (first defined at ${first.source.file}:${first.source.line}:${first.source.column})`));
      continue;
    }
    byId.set(def.id, def);
  }

  const overrideById = new Map<string, RuleOverride>();
  for (const o of overrides) {
    if (!byId.has(o.rule)) {
      const hint = closest(o.rule, [...byId.keys()]);
      diagnostics.push({
        severity: 'error',
        ...(o.source ?? {}),
        message: `override for unknown rule id ${quote(o.rule)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      });
      continue;
    }
    overrideById.set(o.rule, o);
  }

  const ids = [...byId.keys()];
  for (const w of waivers) {
    const isMatch = picomatch(w.rule, { dot: true });
    if (!ids.some((id) => isMatch(id))) {
      const hint = closest(w.rule, ids);
      diagnostics.push({
        severity: 'error',
        ...(w.source ?? {}),
        message: `waiver names unknown rule id ${quote(w.rule)}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      });
    }
  }

  const rules: Rule[] = [];
  for (const original of byId.values()) {
    const def = withInheritedParams(original, byId, overrideById, diagnostics);
    if (!def) continue;
    const { rule, diagnostics: d } = compileRule(def, overrideById.get(def.id));
    for (const x of d) diagnostics.push(x);
    if (rule) rules.push(rule);
  }
  return { rules, diagnostics };
}

/**
 * A rule with `paramsOf` compiled as if it declared the params the other rule ends up with
 * (its defaults merged with its override), so one override switches both. Its own `params`
 * or param overrides would let the two drift apart: errors, as is a missing or chained source.
 */
function withInheritedParams(
  def: RuleDefinition,
  byId: Map<string, RuleDefinition>,
  overrideById: Map<string, RuleOverride>,
  diagnostics: Diagnostic[],
): RuleDefinition | undefined {
  const from = def.spec.paramsOf;
  if (from === undefined) return def;
  const source = byId.get(from);
  const problem =
    source === undefined
      ? `paramsOf names unknown rule id ${quote(from)}`
      : source.spec.paramsOf !== undefined
        ? `paramsOf names ${quote(from)}, which takes its own params from ${quote(source.spec.paramsOf)}; name that rule instead`
        : def.spec.params !== undefined
          ? `a rule with paramsOf declares no params of its own (they come from ${quote(from)})`
          : undefined;
  if (problem) {
    diagnostics.push(diag(def.locate(['paramsOf']), problem));
    return undefined;
  }
  const own = overrideById.get(def.id);
  if (own?.params && Object.keys(own.params).length > 0) {
    diagnostics.push(diag(overrideAt(own, def.source), `rule "${def.id}" takes its params from "${from}": set them under rules.${from}.params`));
    return undefined;
  }
  const params: Record<string, unknown> = { ...(source!.spec.params ?? {}) };
  const sourceOverride = overrideById.get(from)?.params ?? {};
  for (const [name, value] of Object.entries(sourceOverride)) if (Object.hasOwn(params, name)) params[name] = value;
  return { ...def, spec: { ...def.spec, params } };
}

/** The known id within a small edit distance, for "did you mean" hints. */
export function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 8)) + 1;
  for (const c of candidates) {
    const d = editDistance(name, c, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
