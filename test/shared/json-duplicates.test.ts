import { describe, expect, it } from 'vitest';
import { findDuplicateJsonKey } from '../../src/shared/json-duplicates.js';

describe('findDuplicateJsonKey', () => {
  it('finds a key repeated in one object, not equal keys in different objects or values', () => {
    expect(findDuplicateJsonKey('{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}], "d": "a"}')).toBeUndefined();
    expect(findDuplicateJsonKey('{"a": 1, "b": {"x": 2, "x": 3}}')).toEqual({ key: 'x', offset: 23 });
  });

  it('compares keys after unescaping, and is not fooled by quotes and braces inside strings', () => {
    expect(findDuplicateJsonKey('{"k\\u0061": 1, "ka": 2}')).toEqual({ key: 'ka', offset: 15 });
    expect(findDuplicateJsonKey('{"a": "}, \\"a\\": {", "b": "\\\\"}')).toBeUndefined();
  });

  it('handles very wide and very deep documents without recursion', () => {
    const wide = `{${Array.from({ length: 200_000 }, (_, i) => `"k${i}": ${i}`).join(',')}}`;
    expect(findDuplicateJsonKey(wide)).toBeUndefined();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(findDuplicateJsonKey(deep)).toBeUndefined();
  });
});
