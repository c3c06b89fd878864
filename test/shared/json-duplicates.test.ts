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

  it('finds a repeat among many keys of one object as among few', () => {
    for (const width of [3, 16, 17, 40]) {
      const keys = Array.from({ length: width }, (_, i) => `"k${i}": ${i}`);
      const text = `{"outer": {${keys.join(', ')}, "k${width - 1}": 0}}`;
      expect(findDuplicateJsonKey(text)).toEqual({ key: `k${width - 1}`, offset: text.lastIndexOf(`"k${width - 1}"`) });
      expect(findDuplicateJsonKey(`{"outer": {${keys.join(', ')}}, "k0": 1}`)).toBeUndefined();
    }
  });
});
