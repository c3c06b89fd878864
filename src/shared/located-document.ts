import type { Diagnostic } from './errors.js';
import { quote } from './quote.js';

// A document parsed with source positions: what the YAML and JSON readers return, and how paths into it are written.

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

export const START: Position = { line: 1, column: 1 };

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
