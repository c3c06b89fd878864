import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LineCounter, isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, ParsedNode } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from './errors.js';
import { findDuplicateJsonKey } from './json-duplicates.js';
import { lineStarts, positionAt } from './line-index.js';
import { escapeUnsafe, quote } from './quote.js';

/** A key or index path into a parsed document, e.g. `['rules', 0, 'assert', 'path']`. */
export type DocPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface LocatedDocument {
  value: unknown;
  /**
   * Position of the value at `path` (or of its key with `target: 'key'`). When the path does
   * not exist, the deepest existing node on the way is returned, so a missing key points at the
   * mapping that lacks it.
   */
  locate(path: DocPath, target?: 'value' | 'key'): Position;
  diagnostics: Diagnostic[];
}

/** YAML aliases beyond this many expansions are refused (billion-laughs protection). */
export const MAX_ALIAS_COUNT = 100;

const START: Position = { line: 1, column: 1 };

/**
 * Decodes file bytes strictly: invalid UTF-8 and NUL bytes are binary junk, refused with one
 * diagnostic rather than a cascade of confusing YAML errors.
 */
export function decodeSource(bytes: Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [binaryDiagnostic(file, 'is not valid UTF-8 text')] };
  }
  return { text, diagnostics: [] };
}

/** Reads a text file (UTF-8, no NUL bytes); a missing or unreadable file is a diagnostic. */
export async function readSourceFile(file: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { diagnostics: [readFailure(file, err)] };
  }
  return decodeSource(bytes, file);
}

/**
 * Synchronous twin of readSourceFile, for many small files (a policy directory): one blocking
 * read is far cheaper than the four event-loop round trips of fs/promises.readFile.
 */
export function readSourceFileSync(file: string): { text?: string; diagnostics: Diagnostic[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { diagnostics: [readFailure(file, err)] };
  }
  return decodeSource(bytes, file);
}

function readFailure(file: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot be read (${code ?? 'unknown error'})`;
  return { severity: 'error', file, message: why };
}

function binaryDiagnostic(file: string, why: string): Diagnostic {
  return { severity: 'error', file, line: 1, column: 1, message: `${why}: refusing binary content (expected a YAML or JSON text file)` };
}

function findNul(text: string): number {
  return text.indexOf('\u0000');
}

/**
 * Parses one YAML (or JSON) document keeping source positions. Syntax errors, duplicate keys,
 * non-string keys, alias bombs and binary content become diagnostics; `value` is undefined
 * when the document could not be read safely.
 */
export function parseLocated(text: string, file: string): LocatedDocument {
  try {
    return parseLocatedUnsafe(text, file);
  } catch (err) {
    // Hostile input (pathological nesting) may exhaust the parser's stack: a user error, not a crash.
    const why = err instanceof RangeError ? 'the document is nested too deeply' : `cannot read YAML: ${err instanceof Error ? err.message : String(err)}`;
    return { value: undefined, locate: () => START, diagnostics: [{ severity: 'error', file, ...START, message: why }] };
  }
}

function parseLocatedUnsafe(text: string, file: string): LocatedDocument {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const fallback: LocatedDocument = { value: undefined, locate: () => START, diagnostics };

  // Invalid UTF-8 is caught when bytes are decoded (decodeSource); a U+FFFD in text is a
  // legitimate character (a hostile repository name may hold one) and must round-trip.
  if (findNul(text) >= 0) {
    diagnostics.push(binaryDiagnostic(file, 'contains NUL bytes'));
    return fallback;
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const doc = parseDocument(source, {
    lineCounter,
    // Node ranges (kept by default) are all `locate` needs; CST tokens would only cost memory.
    keepSourceTokens: false,
    uniqueKeys: true,
    prettyErrors: false,
    // Only the YAML 1.2 core schema: no !!binary, !!set, !!timestamp surprises.
    resolveKnownTags: false,
    logLevel: 'error',
  });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const err of doc.errors) {
    const p = pos(err.pos[0]);
    diagnostics.push({ severity: 'error', file, ...p, message: yamlErrorMessage(err.code, err.message) });
  }
  for (const warn of doc.warnings) {
    const p = pos(warn.pos[0]);
    diagnostics.push({ severity: 'warning', file, ...p, message: yamlErrorMessage(warn.code, warn.message, 'YAML') });
  }

  const locate = (path: DocPath, target: 'value' | 'key' = 'value'): Position => {
    const offset = locateOffset(doc, path, target);
    return offset === undefined ? START : pos(offset);
  };
  if (doc.errors.length > 0) return { value: undefined, locate, diagnostics };

  const complexKey = findComplexKey(doc);
  if (complexKey !== undefined) {
    diagnostics.push({ severity: 'error', file, ...pos(complexKey), message: 'mapping keys must be plain strings, not collections' });
    return { value: undefined, locate, diagnostics };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      const at = firstAliasOffset(doc);
      diagnostics.push({
        severity: 'error',
        file,
        ...(at === undefined ? START : pos(at)),
        message: `too many YAML alias expansions (limit ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`,
      });
    } else {
      diagnostics.push({ severity: 'error', file, ...START, message: `cannot read YAML: ${err instanceof Error ? err.message : String(err)}` });
    }
    return { value: undefined, locate, diagnostics };
  }
  return { value, locate, diagnostics };
}

/**
 * Fast path for large machine-written inputs (a 20 MB snapshot): JSON.parse is two orders of
 * magnitude faster than a position-keeping YAML parse (which takes ~20 s and 1.5 GB on 24 MB),
 * so JSON is parsed with JSON.parse and positions come from a lazy scanner over the text that
 * only runs when a caller asks for one, i.e. when validation failed. Duplicate keys, which
 * JSON.parse would silently resolve to the last one, are found by a separate linear scan;
 * text that is not JSON goes through the full YAML parse.
 */
export function parseLocatedJson(text: string, file: string): LocatedDocument {
  if (findNul(text) >= 0) return parseLocated(text, file);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = source.trimStart()[0];
  if (first !== '{' && first !== '[') return parseLocated(text, file);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return parseLocated(text, file);
  }
  const duplicate = findDuplicateJsonKey(source);
  if (duplicate) {
    const at = positionAt(lineStarts(source), duplicate.offset);
    return { value: undefined, locate: () => START, diagnostics: [{ severity: 'error', file, ...at, message: `duplicate key ${quote(duplicate.key)} (map keys must be unique)` }] };
  }
  let locator: JsonLocator | undefined;
  return {
    value,
    diagnostics: [],
    locate(path, target) {
      locator ??= new JsonLocator(source);
      return locator.locate(path, target);
    },
  };
}

interface JsonMember {
  key: number;
  value: number;
}

/**
 * Finds positions in text already known to be valid JSON, without building a tree: each
 * container on a located path is scanned once and its members' offsets cached, so locating
 * many issues in one large file costs a few linear passes.
 */
class JsonLocator {
  private readonly members = new Map<number, Map<string, JsonMember> | number[]>();
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  locate(path: DocPath, target: 'value' | 'key' = 'value'): Position {
    let offset = this.ws(0);
    let best = offset;
    for (let i = 0; i < path.length; i++) {
      const members = this.membersOf(offset);
      const seg = path[i]!;
      if (Array.isArray(members)) {
        const next = typeof seg === 'number' ? members[seg] : undefined;
        if (next === undefined) break;
        offset = best = next;
      } else if (members) {
        const member = members.get(String(seg));
        if (!member) break;
        if (i === path.length - 1 && target === 'key') return this.position(member.key);
        offset = best = member.value;
      } else {
        break;
      }
    }
    return this.position(best);
  }

  private membersOf(offset: number): Map<string, JsonMember> | number[] | undefined {
    const cached = this.members.get(offset);
    if (cached) return cached;
    const t = this.text;
    const open = t.charCodeAt(offset);
    let out: Map<string, JsonMember> | number[] | undefined;
    if (open === 0x7b) {
      const map = new Map<string, JsonMember>();
      let i = this.ws(offset + 1);
      while (i < t.length && t.charCodeAt(i) === 0x22) {
        const keyEnd = this.skipString(i);
        const key = JSON.parse(t.slice(i, keyEnd)) as string;
        const value = this.ws(this.ws(keyEnd) + 1);
        map.set(key, { key: i, value });
        i = this.ws(this.skipValue(value));
        if (t.charCodeAt(i) === 0x2c) i = this.ws(i + 1);
      }
      out = map;
    } else if (open === 0x5b) {
      const list: number[] = [];
      let i = this.ws(offset + 1);
      while (i < t.length && t.charCodeAt(i) !== 0x5d) {
        list.push(i);
        i = this.ws(this.skipValue(i));
        if (t.charCodeAt(i) === 0x2c) i = this.ws(i + 1);
      }
      out = list;
    }
    if (out) this.members.set(offset, out);
    return out;
  }

  private ws(i: number): number {
    const t = this.text;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    return i;
  }

  /** End (exclusive) of the string starting at `i`. */
  private skipString(i: number): number {
    const t = this.text;
    let from = i + 1;
    for (;;) {
      const quote = t.indexOf('"', from);
      if (quote < 0) return t.length;
      let backslashes = 0;
      for (let b = quote - 1; t.charCodeAt(b) === 0x5c; b--) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** End (exclusive) of the value starting at `i`. */
  private skipValue(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === 0x22) return this.skipString(i);
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      let j = i;
      while (j < t.length) {
        const d = t.charCodeAt(j);
        if (d === 0x22) {
          j = this.skipString(j);
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
        j++;
      }
      return t.length;
    }
    let j = i;
    while (j < t.length) {
      const d = t.charCodeAt(j);
      if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
      j++;
    }
    return j;
  }

  private position(offset: number): Position {
    this.starts ??= lineStarts(this.text);
    return positionAt(this.starts, offset);
  }
}

function yamlErrorMessage(code: string, message: string, prefix = 'YAML syntax error'): string {
  const first = message.split('\n')[0] ?? message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'duplicate key (map keys must be unique)';
  if (code === 'MULTIPLE_DOCS') return 'only one YAML document per file is allowed';
  return `${prefix}: ${escapeUnsafe(clean)}`;
}

function locateOffset(doc: Document.Parsed | Document, path: DocPath, target: 'value' | 'key'): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const last = i === path.length - 1;
      const keyStart = rangeStart(pair.key);
      if (last && target === 'key') return keyStart ?? best;
      const valueStart = rangeStart(pair.value);
      // A key with no value (`assert:`) points at the key.
      best = valueStart ?? keyStart ?? best;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = typeof seg === 'number' ? node.items[seg] : undefined;
      if (item === undefined) return best;
      best = rangeStart(item) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as YamlNode).range;
    if (range) return range[0];
  }
  return undefined;
}

function findComplexKey(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (isCollection(pair.key)) {
        found = rangeStart(pair.key as ParsedNode) ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = rangeStart(node);
      return visit.BREAK;
    },
  });
  return found;
}

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

/** The keys a strict object schema allows at `path` (walking objects, lists, records, optionals, unions by discriminator). */
export function knownKeys(schema: z.ZodType, path: readonly (string | number)[], root?: unknown): string[] | undefined {
  let cur: z.ZodType | undefined = schema;
  let value: unknown = root;
  const step = (seg: string | number) => {
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
  };
  for (let i = 0; i <= path.length && cur; i++) {
    cur = unwrap(cur, value);
    if (i === path.length) break;
    const seg = path[i]!;
    if (cur instanceof z.ZodObject) cur = (cur.shape as Record<string, z.ZodType>)[String(seg)];
    else if (cur instanceof z.ZodArray) cur = cur.element as z.ZodType;
    else if (cur instanceof z.ZodRecord) cur = cur._zod.def.valueType as z.ZodType;
    else cur = undefined;
    step(seg);
  }
  return cur instanceof z.ZodObject ? Object.keys(cur.shape) : undefined;
}

function unwrap(schema: z.ZodType, value: unknown): z.ZodType {
  let cur = schema;
  for (let n = 0; n < 10; n++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodDiscriminatedUnion) {
      const key = cur._zod.def.discriminator;
      const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      const match = (cur.options as z.ZodType[]).find((o) => o instanceof z.ZodObject && (o.shape as Record<string, z.ZodType>)[key]?.safeParse(tag).success);
      if (!match) return cur;
      cur = match;
    } else return cur;
  }
  return cur;
}

function keyHint(key: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best) return ` (did you mean ${quote(best)}?)`;
  return known.length <= 20 ? ` (allowed: ${known.join(', ')})` : '';
}

/** Levenshtein distance, giving up (returning `cap`) once it cannot be below it. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
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

/** `rules[0].assert.path` */
export function formatDocPath(path: DocPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[\w.-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${quote(seg).replace(/"/g, "'")}]`;
  }
  return out;
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
