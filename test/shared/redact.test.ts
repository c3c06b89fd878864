import { describe, expect, it } from 'vitest';
import { maskSecret, Redactor, scrubCommonSecrets } from '../../src/shared/redact.js';

const ghp = 'ghp_' + 'a'.repeat(36);
const glpat = 'glpat-' + 'b'.repeat(20);
const akia = 'AKIA' + 'ABCDEFGHIJKLMNOP';

describe('Redactor', () => {
  it('removes every registered secret wherever it appears', () => {
    const r = new Redactor();
    r.add('my-very-secret-pat');
    expect(r.redact('token my-very-secret-pat and again my-very-secret-pat')).toBe('token [REDACTED] and again [REDACTED]');
  });

  it('ignores values too short to redact without mangling ordinary words', () => {
    const r = new Redactor();
    r.add('abc');
    expect(r.redact('abc abc')).toBe('abc abc');
  });
});

describe('scrubCommonSecrets', () => {
  it('masks well-known token shapes', () => {
    expect(scrubCommonSecrets(`a ${ghp} b ${glpat} c ${akia} d`)).toBe('a [REDACTED] b [REDACTED] c [REDACTED] d');
  });

  it('masks credentials in URLs and authorization headers but keeps the rest', () => {
    expect(scrubCommonSecrets('GET https://bot:hunter2@git.example.com/x')).toBe('GET https://[REDACTED]@git.example.com/x');
    expect(scrubCommonSecrets('Authorization: Bearer abc.def')).toBe('Authorization: [REDACTED]');
  });

  it('leaves clean text alone', () => {
    const text = 'branch.protected failed on acme/api (https://github.com/acme/api)';
    expect(scrubCommonSecrets(text)).toBe(text);
  });
});

describe('maskSecret', () => {
  it('keeps four characters of a long secret and hides short ones entirely', () => {
    expect(maskSecret(ghp)).toBe('ghp_' + '*'.repeat(16));
    expect(maskSecret('short')).toBe('*****');
  });
});
