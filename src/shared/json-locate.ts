import { findDuplicateJsonKey } from './json-duplicates.js';
import { lineStarts, positionAt } from './line-index.js';
import { quote } from './quote.js';
import type { DocPath, Position, LocatedDocument } from './located-document.js';
import { START } from './located-document.js';
import { findNul } from './source-file.js';
import { parseLocated } from './yaml-locate.js';

// Large JSON parsed fast (JSON.parse), positions found lazily only when a diagnostic needs one.

/**
 * Fast path for large machine-written inputs (a 20 MB snapshot): JSON.parse is two orders of
 * magnitude faster than a position-keeping YAML parse (which takes ~20 s and 1.5 GB on 24 MB),
 * so JSON is parsed with JSON.parse and positions come from a lazy scanner over the text that
 * only runs when a caller asks for one, i.e. when validation failed. Duplicate keys, which
 * JSON.parse would silently resolve to the last one, are found by a separate linear scan;
 * text that is not JSON goes through the full YAML parse.
 */
export function parseLocatedJson(text: string, file: string): LocatedDocument;
/**
 * `yamlFallback: false`: text that is not JSON gives undefined instead of the YAML parse (which
 * takes minutes on a large file), without parsing the JSON twice to find out.
 */
export function parseLocatedJson(text: string, file: string, options: { yamlFallback: false }): LocatedDocument | undefined;
export function parseLocatedJson(text: string, file: string, options?: { yamlFallback: false }): LocatedDocument | undefined {
  const notJson = () => (options?.yamlFallback === false ? undefined : parseLocated(text, file));
  if (findNul(text) >= 0) return notJson();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = source.trimStart()[0];
  // A scalar is no snapshot or report; the YAML parse says what it is (when it is JSON at all).
  if (first !== '{' && first !== '[') return options?.yamlFallback === false && !isJson(source) ? undefined : parseLocated(text, file);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return notJson();
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

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
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
