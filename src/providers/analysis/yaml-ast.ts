import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';

/**
 * A parsed YAML file with source positions. Analysers walk the AST (not `toJS()`) so that
 * every fact can carry the line it came from, and aliases are resolved without expansion
 * (no billion-laughs blow-up).
 */
export interface YamlSource {
  doc: Document.Parsed;
  line(node: unknown): number | undefined;
  /** 1-based line and column where a node starts. */
  position(node: unknown): { line: number; column: number } | undefined;
}

export interface YamlError {
  line: number;
  column: number;
  message: string;
}

export type ParsedYaml = { ok: true; source: YamlSource; documents: Document.Parsed[] } | { ok: false; error: YamlError };

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  let documents;
  try {
    documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, strict: false, uniqueKeys: false });
  } catch (err) {
    // Pathological nesting can exhaust the parser's stack: that is a malformed file, not a crash.
    return { ok: false, error: { line: 1, column: 1, message: `cannot be parsed (${err instanceof RangeError ? 'nested too deeply' : 'parser error'})` } };
  }
  const docs = Array.isArray(documents) ? documents : [];
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const pos = lineCounter.linePos(err.pos[0]);
      return { ok: false, error: { line: pos.line, column: pos.col, message: firstLine(err.message) } };
    }
  }
  for (const d of docs) {
    const dup = duplicateKey(d.contents);
    if (dup) {
      const pos = lineCounter.linePos(dup.offset);
      return { ok: false, error: { line: pos.line, column: pos.col, message: `Map keys must be unique ("${dup.key}" repeats)` } };
    }
  }
  // GitLab allows a `spec:` header document before the pipeline; the pipeline is the last one.
  const doc = docs[docs.length - 1] ?? (parseAllDocuments('{}') as Document.Parsed[])[0]!;
  const line = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const position = (node: unknown): { line: number; column: number } | undefined => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range) return undefined;
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, source: { doc, line, position }, documents: docs };
}

/**
 * Duplicate mapping keys, found in linear time: the parser's own check compares every key
 * with every other one, which takes seconds on a workflow with thousands of jobs.
 */
function duplicateKey(root: unknown): { key: string; offset: number } | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const text = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(text)) return { key: String(key.value).slice(0, 80), offset: key.range?.[0] ?? 0 };
          seen.add(text);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Follows an alias to its anchor; other nodes are returned as they are. */
export function deref(src: YamlSource, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 20 && isAlias(current); i++) current = current.resolve(src.doc);
  return current;
}

export function asMap(src: YamlSource, node: unknown): YAMLMap | undefined {
  const n = deref(src, node);
  return isMap(n) ? n : undefined;
}

export function asSeqItems(src: YamlSource, node: unknown): unknown[] | undefined {
  const n = deref(src, node);
  return isSeq(n) ? n.items.map((i) => deref(src, i)) : undefined;
}

/** A scalar's value as text (numbers and booleans too); undefined for collections and null. */
export function scalarText(src: YamlSource, node: unknown): string | undefined {
  const n = deref(src, node);
  if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
  return typeof n.value === 'string' ? n.value : String(n.value);
}

export function isStringScalar(src: YamlSource, node: unknown): boolean {
  const n = deref(src, node);
  return isScalar(n) && typeof n.value === 'string';
}

export interface Entry {
  key: string;
  keyNode: unknown;
  value: unknown;
}

/** The entries of a mapping with scalar keys (merge keys `<<` are expanded one level). */
export function entries(src: YamlSource, node: unknown, mergeDepth = 0): Entry[] {
  const map = asMap(src, node);
  if (!map) return [];
  const out: Entry[] = [];
  for (const pair of map.items) {
    const key = scalarText(src, pair.key);
    if (key === undefined) continue;
    if (key === '<<') {
      // A merge key can point back at its own mapping: follow a few levels, never forever.
      if (mergeDepth >= 8) continue;
      const merged = deref(src, pair.value);
      const sources = isSeq(merged) ? merged.items : [merged];
      for (const s of sources) for (const e of entries(src, s, mergeDepth + 1)) if (!out.some((o) => o.key === e.key)) out.push(e);
      continue;
    }
    out.push({ key, keyNode: pair.key, value: deref(src, pair.value) });
  }
  return out;
}

export function get(src: YamlSource, node: unknown, key: string): unknown {
  return entries(src, node).find((e) => e.key === key)?.value;
}

export function getEntry(src: YamlSource, node: unknown, key: string): Entry | undefined {
  return entries(src, node).find((e) => e.key === key);
}

/** Every string scalar below `node` (depth-limited), with its line. */
export function stringsBelow(src: YamlSource, node: unknown, depth = 0): { text: string; line: number | undefined }[] {
  const n = deref(src, node);
  if (depth > 50) return [];
  if (isScalar(n)) return typeof n.value === 'string' ? [{ text: n.value, line: src.line(n) }] : [];
  if (isSeq(n)) return n.items.flatMap((i) => stringsBelow(src, i, depth + 1));
  if (isMap(n)) return n.items.flatMap((p) => stringsBelow(src, p.value, depth + 1));
  return [];
}

export type { Node };
