import { describe, expect, it } from 'vitest';
import { SecretMatcher } from '../../src/shared/secret-matcher.js';

/** Leftmost, then longest: the text read from the left, a secret replaced wherever one starts. */
function reference(text: string, secrets: string[], replacement: string): string {
  const longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const found = longestFirst.find((s) => text.startsWith(s, i));
    out += found === undefined ? text[i] : replacement;
    i += found === undefined ? 1 : found.length;
  }
  return out;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('SecretMatcher', () => {
  // regexLimit 0 forces the rolling index, a large one the regular expression.
  const kinds = [
    ['rolling index', 0],
    ['regular expression', 1000],
  ] as const;

  for (const [kind, regexLimit] of kinds) {
    it(`replaces leftmost, longest first, like the reference (${kind})`, () => {
      const next = random(7);
      const alphabet = 'ab\nc';
      const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      for (let round = 0; round < 2000; round++) {
        const secrets = Array.from({ length: 1 + Math.floor(next() * 12) }, () => word(6 + Math.floor(next() * 4)));
        const text = word(Math.floor(next() * 150));
        expect(new SecretMatcher(secrets, '[R]', regexLimit).replace(text)).toBe(reference(text, secrets, '[R]'));
      }
    });

    it(`takes secrets literally, code unit by code unit (${kind})`, () => {
      const secrets = ['a.b*c+d?(e)', 'x$&y\\z/-[]', 'tok\u00e9n1'];
      const matcher = new SecretMatcher(secrets, '[REDACTED]', regexLimit);
      expect(matcher.replace('1 a.b*c+d?(e) 2 x$&y\\z/-[] 3 aXbbc+d?(e)')).toBe('1 [REDACTED] 2 [REDACTED] 3 aXbbc+d?(e)');
      // A combining mark after a secret does not hide it.
      expect(matcher.replace('tok\u00e9n1\u0301')).toBe('[REDACTED]\u0301');
    });
  }

  it('leaves text alone when it holds no secret, or when it is shorter than every secret', () => {
    const many = Array.from({ length: 50 }, (_, i) => `secret-value-${i}`);
    const matcher = new SecretMatcher(many, '[REDACTED]');
    expect(matcher.replace('nothing to see here, secret-value- without a number')).toBe('nothing to see here, secret-value- without a number');
    expect(matcher.replace('short')).toBe('short');
    expect(matcher.replace('a secret-value-42 and secret-value-7.')).toBe('a [REDACTED] and [REDACTED].');
    expect(new SecretMatcher([], '[REDACTED]').replace('anything')).toBe('anything');
  });
});
