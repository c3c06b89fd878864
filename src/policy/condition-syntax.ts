import { RE2JS } from 're2js';
import type { CompareOp, CompiledRegex, Condition, SourceRef } from '../model/index.js';
import { parseDuration } from '../shared/duration.js';
import type { DocPath } from '../shared/located-document.js';
import { escapeUnsafe, quote } from '../shared/quote.js';
import type { FieldScope } from './field-check.js';
import { parseFieldPath } from './field-path.js';

/**
 * The condition grammar of docs/policy-language.md, in one place. It runs twice: on the rule
 * as written (`syntax` mode: a `{{ params.x }}` string stands in for any value) and on the
 * rule with params substituted (`compile` mode: values are checked and compiled).
 */
export interface ConditionEnv {
  mode: 'syntax' | 'compile';
  report(path: DocPath, message: string, target?: 'value' | 'key'): void;
  at(path: DocPath): SourceRef;
  /** compile mode: the fields conditions may name here (the resource kind's, or a list's elements'). */
  fields?: FieldScope;
}

export const comparisonOperators = ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains'] as const;
export const fieldOperators = [
  ...comparisonOperators,
  'exists',
  'matches',
  'notMatches',
  'within',
  'olderThan',
  'atMostAfter',
] as const;
const countOperators = ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte'] as const;
const combinators = ['all', 'any', 'not'] as const;
const quantifiers = ['every', 'some', 'none', 'count'] as const;
const formKeys = new Set<string>([...combinators, ...quantifiers, 'path']);
const fieldOperatorSet = new Set<string>(fieldOperators);

const FORMS_HELP = '`path` with an operator, or one of all, any, not, every, some, none, count';
const OPERATORS_HELP = fieldOperators.join(', ');

const PARAM_TEMPLATE = /\{\{\s*params\.[\w.-]+\s*\}\}/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quote(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Compiles an RE2 regex (linear time, no backtracking); returns the parser's complaint when invalid. */
export function compileRegex(source: string): { regex?: CompiledRegex; error?: string } {
  try {
    const re = RE2JS.compile(source);
    return { regex: { source, test: (input: string) => re.test(input) } };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { error: msg.replace(/^error parsing regexp: /, '') };
  }
}

export function parseCondition(raw: unknown, path: DocPath, env: ConditionEnv): Condition | undefined {
  if (!isPlainObject(raw)) {
    env.report(path, `a condition must be a mapping (${FORMS_HELP}), got ${describe(raw)}`);
    return undefined;
  }
  const keys = Object.keys(raw);
  const forms = keys.filter((k) => formKeys.has(k));
  if (forms.length === 0) {
    const first = keys[0];
    if (first === undefined) env.report(path, `empty condition: use ${FORMS_HELP}`);
    else if (fieldOperatorSet.has(first)) env.report(path, `operator ${quote(first)} needs a field: add \`path: <field>\``, 'value');
    else env.report([...path, first], `unknown condition ${quote(first)}: use ${FORMS_HELP}`, 'key');
    return undefined;
  }
  if (forms.length > 1) {
    env.report([...path, forms[1]!], `a condition holds exactly one of ${FORMS_HELP}; found both "${forms[0]}" and "${forms[1]}" (combine them with all: [...])`, 'key');
    return undefined;
  }
  const form = forms[0]!;
  const at = env.at(path);
  switch (form) {
    case 'all':
    case 'any':
      return parseList(form, raw, path, env, at);
    case 'not': {
      if (!onlyKeys(raw, ['not'], path, env)) return undefined;
      const inner = parseCondition(raw.not, [...path, 'not'], env);
      return inner ? { op: 'not', condition: inner, at } : undefined;
    }
    case 'every':
    case 'some':
    case 'none':
      return parseQuantifier(form, raw, path, env, at);
    case 'count':
      return parseCount(raw, path, env, at);
    default:
      return parseField(raw, path, env, at);
  }
}

function onlyKeys(raw: Record<string, unknown>, allowed: readonly string[], path: DocPath, env: ConditionEnv): boolean {
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      env.report([...path, key], `unexpected key ${quote(key)} in a "${allowed[0]}" condition (allowed: ${allowed.join(', ')})`, 'key');
      ok = false;
    }
  }
  return ok;
}

function parseList(form: 'all' | 'any', raw: Record<string, unknown>, path: DocPath, env: ConditionEnv, at: SourceRef): Condition | undefined {
  if (!onlyKeys(raw, [form], path, env)) return undefined;
  const list = raw[form];
  if (!Array.isArray(list) || list.length === 0) {
    env.report([...path, form], `"${form}" needs a non-empty list of conditions, got ${describe(list)}`);
    return undefined;
  }
  const conditions: Condition[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const c = parseCondition(item, [...path, form, i], env);
    if (c) conditions.push(c);
    else ok = false;
  });
  return ok ? { op: form, conditions, at } : undefined;
}

function readPath(raw: unknown, path: DocPath, env: ConditionEnv): string[] | undefined {
  if (typeof raw !== 'string') {
    env.report(path, `a field path must be a string like branchProtection.requiredApprovals, got ${describe(raw)}`);
    return undefined;
  }
  if (isTemplate(raw, env)) return ['{{params}}'];
  const parsed = parseFieldPath(raw);
  if (parsed.error) env.report(path, parsed.error);
  const unknown = parsed.path && env.fields?.problem(parsed.path);
  if (unknown) {
    env.report(path, unknown);
    return undefined;
  }
  return parsed.path;
}

/** The env for conditions on the elements of the list at `field`. */
function elementEnv(field: string[] | undefined, path: DocPath, env: ConditionEnv): ConditionEnv {
  if (!field || !env.fields) return env;
  const { scope, problem } = env.fields.elements(field);
  if (problem) env.report(path, problem);
  return { ...env, fields: scope };
}

function parseQuantifier(
  form: 'every' | 'some' | 'none',
  raw: Record<string, unknown>,
  path: DocPath,
  outer: ConditionEnv,
  at: SourceRef,
): Condition | undefined {
  if (!onlyKeys(raw, [form, 'where', 'assert'], path, outer)) return undefined;
  const field = readPath(raw[form], [...path, form], outer);
  const env = elementEnv(field, [...path, form], outer);
  let ok = field !== undefined;
  let where: Condition | undefined;
  let assert: Condition | undefined;
  if (raw.where !== undefined) {
    where = parseCondition(raw.where, [...path, 'where'], env);
    ok &&= where !== undefined;
  }
  if (raw.assert !== undefined) {
    assert = parseCondition(raw.assert, [...path, 'assert'], env);
    ok &&= assert !== undefined;
  } else if (form === 'every') {
    env.report(path, `"every" needs an \`assert\` condition that each element must satisfy`);
    ok = false;
  }
  if (!ok || !field) return undefined;
  const out: Condition = { op: form, path: field, at };
  if (where) out.where = where;
  if (assert) out.assert = assert;
  return out;
}

function isTemplate(value: unknown, env: ConditionEnv): boolean {
  // Before substitution a `{{ params.x }}` string may stand for any value; it is checked after.
  return env.mode === 'syntax' && typeof value === 'string' && PARAM_TEMPLATE.test(value);
}

function parseCount(raw: Record<string, unknown>, path: DocPath, outer: ConditionEnv, at: SourceRef): Condition | undefined {
  if (!onlyKeys(raw, ['count', 'where', ...countOperators], path, outer)) return undefined;
  const field = readPath(raw.count, [...path, 'count'], outer);
  const env = elementEnv(field, [...path, 'count'], outer);
  const ops = countOperators.filter((k) => raw[k] !== undefined);
  let ok = field !== undefined;
  if (ops.length !== 1) {
    env.report(path, `"count" needs exactly one of ${countOperators.join(', ')}${ops.length ? ` (found ${ops.join(', ')})` : ''}`);
    return undefined;
  }
  const cmp = ops[0]!;
  const value = raw[cmp];
  if (!isTemplate(value, env) && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
    env.report([...path, cmp], `"${cmp}" of a count must be a non-negative integer, got ${describe(value)}`);
    ok = false;
  }
  let where: Condition | undefined;
  if (raw.where !== undefined) {
    where = parseCondition(raw.where, [...path, 'where'], env);
    ok &&= where !== undefined;
  }
  if (!ok || !field) return undefined;
  const out: Condition = { op: 'count', path: field, cmp, value: value as number, at };
  if (where) out.where = where;
  return out;
}

function parseField(raw: Record<string, unknown>, path: DocPath, env: ConditionEnv, at: SourceRef): Condition | undefined {
  const field = readPath(raw.path, [...path, 'path'], env);
  const others = Object.keys(raw).filter((k) => k !== 'path');
  const unknown = others.filter((k) => !fieldOperatorSet.has(k));
  for (const key of unknown) {
    env.report([...path, key], `unknown operator ${quote(key)}; valid operators: ${OPERATORS_HELP}`, 'key');
  }
  if (unknown.length) return undefined;
  if (others.length === 0) {
    env.report(path, `condition on ${quote(String(raw.path))} needs an operator: ${OPERATORS_HELP}`);
    return undefined;
  }
  if (others.length > 1) {
    env.report([...path, others[1]!], `a condition has one operator; found ${others.join(' and ')} (combine them with all: [...])`, 'key');
    return undefined;
  }
  if (!field) return undefined;
  const op = others[0] as (typeof fieldOperators)[number];
  const value = raw[op];
  const vpath = [...path, op];
  if (isTemplate(value, env)) return { op: 'compare', path: field, cmp: 'equals', value, at };
  const bad = (expected: string): undefined => {
    env.report(vpath, `"${op}" expects ${expected}, got ${describe(value)}`);
    return undefined;
  };
  switch (op) {
    case 'equals':
    case 'notEquals':
    case 'contains':
      return { op: 'compare', path: field, cmp: op, value, at };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('a number');
      return { op: 'compare', path: field, cmp: op as CompareOp, value, at };
    case 'in':
    case 'notIn':
      if (!Array.isArray(value)) return bad('a list');
      return { op: 'compare', path: field, cmp: op, value, at };
    case 'exists':
      if (typeof value !== 'boolean') return bad('true or false');
      return { op: 'exists', path: field, expected: value, at };
    case 'matches':
    case 'notMatches': {
      if (typeof value !== 'string') return bad('a regular expression string');
      const { regex, error } = compileRegex(value);
      if (!regex) {
        env.report(vpath, `invalid regular expression ${quote(value)}: ${escapeUnsafe(error ?? '')} (RE2 syntax: no backreferences or lookaround)`);
        return undefined;
      }
      return { op: 'matches', path: field, regex, negate: op === 'notMatches', at };
    }
    case 'within':
    case 'olderThan': {
      const ms = typeof value === 'string' ? parseDuration(value) : undefined;
      if (ms === undefined) return bad('a duration like 90d, 6h, 2w, 13mo or 1y');
      return { op: 'age', path: field, cmp: op, ms, at };
    }
    case 'atMostAfter': {
      if (!isPlainObject(value)) return bad('a mapping { path: <timestamp field>, by: <duration> }');
      let ok = onlyKeys(value, ['path', 'by'], vpath, env);
      const from = readPath(value.path, [...vpath, 'path'], env);
      const by = value.by;
      const ms = isTemplate(by, env) ? 0 : typeof by === 'string' ? parseDuration(by) : undefined;
      if (ms === undefined) {
        env.report([...vpath, 'by'], `"by" expects a duration like 365d, got ${describe(by)}`);
        ok = false;
      }
      if (!ok || !from || ms === undefined) return undefined;
      return { op: 'span', path: field, from, maxMs: ms, at };
    }
  }
}
