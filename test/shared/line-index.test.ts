import { describe, expect, it } from 'vitest';
import { lineStarts, positionAt } from '../../src/shared/line-index.js';

describe('line index', () => {
  it('maps offsets to 1-based line and column', () => {
    const text = 'ab\n\ncd\r\nef';
    const starts = lineStarts(text);
    expect(starts).toEqual([0, 3, 4, 8]);
    expect(positionAt(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(starts, 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt(starts, 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt(starts, 5)).toEqual({ line: 3, column: 2 });
    expect(positionAt(starts, 9)).toEqual({ line: 4, column: 2 });
  });

  it('treats text without newlines as one line', () => {
    expect(positionAt(lineStarts(''), 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(lineStarts('abc'), 2)).toEqual({ line: 1, column: 3 });
  });
});
