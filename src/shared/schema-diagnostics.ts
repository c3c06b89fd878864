import type { z } from 'zod';
import type { Diagnostic } from './errors.js';
import { quote } from './quote.js';
import type { DocPath, LocatedDocument } from './located-document.js';
import { formatDocPath } from './located-document.js';
import { knownKeys, keyHint } from './key-suggestions.js';

// Zod validation issues as one-line diagnostics with file:line:column.

/** A zod issue, structurally. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
  expected?: unknown;
  input?: unknown;
  values?: readonly unknown[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  /** invalid_union: the discriminator key and its allowed values, or each branch's issues. */
  discriminator?: string;
  options?: readonly unknown[];
  errors?: readonly (readonly IssueLike[])[];
}

/**
 * One `file:line:col: message` diagnostic per zod issue, located at the offending value
 * (for unknown keys: at the unknown key, named). `prefix` is prepended to every issue path,
 * for documents validated piecewise (one rule of a `rules:` list at a time).
 */
export function zodIssuesToDiagnostics(
  issues: readonly IssueLike[],
  locate: LocatedDocument['locate'],
  file: string,
  options: { prefix?: DocPath; root?: unknown; schema?: z.ZodType } = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const prefix = options.prefix ?? [];
  for (const raw of issues) {
    const issuePath = raw.path.filter((p): p is string | number => typeof p !== 'symbol');
    // zod 4 leaves `input` out unless asked (reportInput); recover it from the validated value.
    const issue = 'input' in raw || !('root' in options) ? raw : { ...raw, input: valueAt(options.root, issuePath) };
    const path = [...prefix, ...issuePath];
    if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > 0) {
      const known = options.schema ? knownKeys(options.schema, issuePath, options.root) : undefined;
      for (const key of issue.keys) {
        const at = locate([...path, key], 'key');
        out.push({ severity: 'error', file, ...at, message: `unknown key ${quote(key)}${where(path)}${known ? keyHint(key, known) : ''}` });
      }
      continue;
    }
    const at = locate(path, isMissing(issue) ? 'key' : 'value');
    out.push({ severity: 'error', file, ...at, message: issueMessage(issue, path) });
  }
  return out;
}

function isMissing(issue: IssueLike): boolean {
  return issue.code === 'invalid_type' && issue.input === undefined && (!('input' in issue) ? /received undefined/.test(issue.message) : true);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function where(path: DocPath): string {
  return path.length ? ` in ${formatDocPath(path)}` : '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${quote(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function issueMessage(issue: IssueLike, path: DocPath): string {
  const name = path.length ? `"${formatDocPath(path)}"` : 'the document';
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) {
        const last = path[path.length - 1];
        return typeof last === 'string' ? `missing required key ${quote(last)}${where(path.slice(0, -1))}` : `${name} is required`;
      }
      return `${name} must be ${article(String(issue.expected))}${'input' in issue ? `, got ${describe(issue.input)}` : ''}`;
    case 'invalid_union': {
      if (issue.discriminator && issue.options) {
        const input = issue.input as Record<string, unknown> | undefined;
        const value = input && typeof input === 'object' ? input[issue.discriminator] : undefined;
        const allowed = issue.options.map((v) => JSON.stringify(v)).join(', ');
        if (value === undefined) return `missing required key ${quote(issue.discriminator)}${where(path.slice(0, -1))} (one of ${allowed})`;
        return `${name} must be one of ${allowed}, got ${describe(value)}`;
      }
      // A union of plain types (string | number): name every expected type.
      const expected = (issue.errors ?? []).map((branch) => (branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0 ? branch[0]!.expected : undefined));
      if (expected.length > 0 && expected.every((e) => e !== undefined)) {
        return `${name} must be ${expected.map((e) => article(String(e))).join(' or ')}${'input' in issue ? `, got ${describe(issue.input)}` : ''}`;
      }
      return `${name} does not match any of the allowed forms`;
    }
    case 'invalid_value':
      if (issue.values && issue.values.length > 0) {
        return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${'input' in issue ? `, got ${describe(issue.input)}` : ''}`;
      }
      return `${name}: ${issue.message}`;
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    default:
      return `${name}: ${lowerFirst(issue.message)}`;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
    int: 'an integer',
  };
  return names[expected] ?? expected;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
