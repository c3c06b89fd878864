import { LineCounter, isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, ParsedNode } from 'yaml';
import type { Diagnostic } from './errors.js';
import { escapeUnsafe } from './quote.js';
import type { DocPath, Position, LocatedDocument } from './located-document.js';
import { MAX_ALIAS_COUNT, START } from './located-document.js';
import { binaryDiagnostic, findNul } from './source-file.js';

// YAML (and JSON) parsed with source positions, hostile input refused (duplicate keys, alias bombs, complex keys).

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
