import { quote } from './quote.js';

/**
 * `{{ a.b.c }}` templates: lookups only. There are no expressions, filters or calls, so a
 * policy file can never run code; a missing value renders as `unknown`. One choice is
 * allowed: `{{ count | secret is | secrets are }}` renders the first wording when the
 * looked-up value is 1 and the second otherwise, so messages need no "(s)".
 */

export type TemplateContext = Record<string, unknown>;

export interface TemplatePlaceholder {
  /** Lookup path, e.g. `['resource', 'branchProtection', 'requiredApprovals']`. */
  path: string[];
  /** The placeholder as written, including braces. */
  raw: string;
  /** `{{ n | one | other }}`: the wording for a value of 1 and for any other value. */
  forms?: { one: string; other: string };
  /** Offset of the placeholder in the template text. */
  offset: number;
}

export interface ParsedTemplate {
  /** Alternating literal text and placeholders, in order. */
  parts: (string | TemplatePlaceholder)[];
  /** Placeholders that are not a plain dotted lookup (`{{ a + 1 }}`); rendered literally. */
  errors: { raw: string; offset: number; message: string }[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const LOOKUP = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;
const CHOICE = /^([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\|([^|]*)\|([^|]*)$/;

export function parseTemplate(text: string): ParsedTemplate {
  const parts: (string | TemplatePlaceholder)[] = [];
  const errors: ParsedTemplate['errors'] = [];
  let last = 0;
  let literal = '';
  for (const m of text.matchAll(PLACEHOLDER)) {
    const offset = m.index;
    const expr = (m[1] ?? '').trim();
    literal += text.slice(last, offset);
    last = offset + m[0].length;
    const choice = CHOICE.exec(expr);
    if (!LOOKUP.test(expr) && !choice) {
      errors.push({ raw: m[0], offset, message: `template placeholder ${quote(m[0])} is not a lookup like {{ resource.name }} or a choice like {{ count | file | files }} (no expressions or filters)` });
      literal += m[0];
      continue;
    }
    if (literal) parts.push(literal);
    literal = '';
    if (choice) parts.push({ path: choice[1]!.split('.'), raw: m[0], offset, forms: { one: choice[2]!.trim(), other: choice[3]!.trim() } });
    else parts.push({ path: expr.split('.'), raw: m[0], offset });
  }
  literal += text.slice(last);
  if (literal) parts.push(literal);
  return { parts, errors };
}

/** Looks a dotted path up in plain data, own properties only (no prototype surprises). */
export function lookup(root: unknown, path: readonly string[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** How a looked-up value reads in a message: lists joined with ", ", objects as words, missing as `unknown`. */
export function formatTemplateValue(value: unknown): string {
  if (value === undefined) return 'unknown';
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const objects = value.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    return value.map(formatTemplateValue).join(objects ? '; ' : ', ');
  }
  if (typeof value === 'object') return formatObject(value as Record<string, unknown>);
  return 'unknown';
}

/** A record reads by its name when it has one, else as `key value` pairs (never as JSON). */
function formatObject(record: Record<string, unknown>): string {
  if (typeof record.name === 'string') return record.name;
  const pairs = Object.entries(record)
    .filter(([, v]) => v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v)))
    .map(([k, v]) => `${k} ${formatTemplateValue(v)}`);
  return pairs.length > 0 ? pairs.join(', ') : 'none';
}

export type RenderTemplate = (ctx: TemplateContext) => string;

/** Parses once; the returned function only concatenates, so it is cheap to call per result. */
export function compileTemplate(text: string): RenderTemplate {
  const { parts } = parseTemplate(text);
  if (parts.length === 0) return () => '';
  if (parts.length === 1 && typeof parts[0] === 'string') {
    const constant = parts[0];
    return () => constant;
  }
  const statics: string[] = [];
  const paths: (readonly string[] | undefined)[] = [];
  const forms: (TemplatePlaceholder['forms'] | undefined)[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      statics.push(part);
      paths.push(undefined);
      forms.push(undefined);
    } else {
      statics.push('');
      paths.push(part.path);
      forms.push(part.forms);
    }
  }
  const n = parts.length;
  return (ctx) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      const path = paths[i];
      if (path === undefined) {
        out += statics[i];
        continue;
      }
      const value = lookup(ctx, path);
      const choice = forms[i];
      out += choice ? (value === 1 ? choice.one : choice.other) : formatTemplateValue(value);
    }
    return out;
  };
}

export interface SubstitutionError {
  /** Where in `value` the offending string is. */
  path: (string | number)[];
  message: string;
}

const WHOLE_PARAM = /^\{\{\s*params\.([\w-]+(?:\.[\w-]+)*)\s*\}\}$/;
const PARAM_REF = /\{\{\s*params\.([\w-]+(?:\.[\w-]+)*)\s*\}\}/g;

/**
 * Replaces params in plain data: a string that is exactly `{{ params.x }}` becomes the param
 * itself with its type (number, list, ...); `{{ params.x }}` inside a longer string is
 * interpolated. Other placeholders (`{{ resource.name }}`) are left for render time.
 * Unknown param names are reported with the path of the string that names them.
 */
export function substituteParams(value: unknown, params: Record<string, unknown>): { value: unknown; errors: SubstitutionError[] } {
  const errors: SubstitutionError[] = [];
  const out = substitute(value, params, [], errors);
  return { value: out, errors };
}

function substitute(value: unknown, params: Record<string, unknown>, path: (string | number)[], errors: SubstitutionError[]): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    const whole = WHOLE_PARAM.exec(value);
    if (whole) {
      const found = lookup(params, whole[1]!.split('.'));
      if (found === undefined) {
        errors.push({ path, message: unknownParam(whole[1]!, params) });
        return value;
      }
      return found;
    }
    return value.replace(PARAM_REF, (raw: string, name: string) => {
      const found = lookup(params, name.split('.'));
      if (found === undefined) {
        errors.push({ path, message: unknownParam(name, params) });
        return raw;
      }
      return formatTemplateValue(found);
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => substitute(item, params, [...path, i], errors));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty: a `__proto__` key in user YAML stays a plain key.
      Object.defineProperty(out, k, { value: substitute(v, params, [...path, k], errors), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function unknownParam(name: string, params: Record<string, unknown>): string {
  const known = Object.keys(params);
  return `unknown param ${quote(name)} (${known.length ? `known params: ${known.join(', ')}` : 'the rule declares no params'})`;
}
