import { quote } from '../shared/quote.js';

/**
 * Field paths as users write them: dotted segments (`branchProtection.requiredApprovals`),
 * with a quoted segment in brackets for keys that hold dots themselves
 * (`labels["org.opencontainers.image.source"]`).
 */
const SEGMENT = /^[A-Za-z0-9_-]+$/;

export function parseFieldPath(text: string): { path?: string[]; error?: string } {
  if (text.length === 0) return { error: 'a field path cannot be empty' };
  const segments: string[] = [];
  let i = 0;
  let expectSegment = true;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '[') {
      const mark = text[i + 1];
      if (mark !== '"' && mark !== "'") return { error: `field path ${quote(text)}: a bracket must hold a quoted key, e.g. labels["a.b"]` };
      const end = text.indexOf(`${mark}]`, i + 2);
      if (end < 0) return { error: `field path ${quote(text)}: unterminated bracket` };
      const key = text.slice(i + 2, end);
      if (key.length === 0) return { error: `field path ${quote(text)}: empty key in brackets` };
      segments.push(key);
      i = end + 2;
      expectSegment = false;
      continue;
    }
    if (ch === '.') {
      if (expectSegment) return { error: `field path ${quote(text)} has an empty segment` };
      expectSegment = true;
      i++;
      continue;
    }
    if (!expectSegment) return { error: `field path ${quote(text)}: expected "." or "[" after a segment` };
    let j = i;
    while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
    const seg = text.slice(i, j);
    if (!SEGMENT.test(seg)) {
      return { error: `field path ${quote(text)}: segment ${quote(seg)} may only hold letters, digits, "_" and "-" (quote other keys: [${quote(seg)}])` };
    }
    segments.push(seg);
    i = j;
    expectSegment = false;
  }
  if (expectSegment) return { error: `field path ${quote(text)} ends with "."` };
  return { path: segments };
}
