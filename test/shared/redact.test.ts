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

describe('Redactor.redactChunks', () => {
  const pem = '-----BEGIN KEY-----\nMIIEabcdefgh\nijklmnop\n-----END KEY-----';
  const r = new Redactor();
  r.add('my-very-secret-pat');
  // Every piece ends a line, so with a batch size of 1 every boundary that is allowed is taken.
  const pieces = [
    'line one my-very-secret-pat\n',
    `token ${ghp}\n`,
    'Authorization:\n',
    '  Bearer abc.def\n',
    'x authorization: \n',
    '\n',
    'Basic\n',
    '   \n',
    'dXNlcjpwYXNz\n',
    'https://bot:hunter2@git.example.com\n',
    'ends without a newline',
  ];

  it('gives what redact gives on the joined text, whatever the batch size', () => {
    const whole = r.redact(pieces.join(''));
    for (const size of [1, 8, 64, 1 << 20]) expect([...r.redactChunks(pieces, size)].join('')).toBe(whole);
    expect(whole).toContain('Authorization:\n  [REDACTED]');
    expect(whole).toContain('authorization: \n\n[REDACTED]');
    expect(whole).toContain('https://[REDACTED]@git.example.com');
    expect(whole).not.toContain('dXNlcjpwYXNz');
    expect(whole).not.toContain(ghp);
  });

  it('gives the same result however the text is cut into pieces', () => {
    const text = pieces.join('');
    const whole = r.redact(text);
    for (const width of [1, 2, 3, 5, 7, 16]) {
      const cut = Array.from({ length: Math.ceil(text.length / width) }, (_, i) => text.slice(i * width, (i + 1) * width));
      for (const size of [1, 5, 64]) expect([...r.redactChunks(cut, size)].join('')).toBe(whole);
    }
  });

  it('keeps a registered secret that spans lines whole across pieces', () => {
    const withKey = new Redactor();
    withKey.add(pem);
    const text = `before\n${pem}\nafter\n`;
    const split = text.split(/(?<=\n)/);
    expect(split.length).toBeGreaterThan(3);
    const out = [...withKey.redactChunks(split, 1)].join('');
    expect(out).toBe('before\n[REDACTED]\nafter\n');
  });

  it('batches pieces instead of handing them on one by one', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `line ${i}\n`);
    const out = [...r.redactChunks(many, 1000)];
    expect(out.length).toBeGreaterThan(1);
    expect(out.length).toBeLessThan(20);
    expect(out.join('')).toBe(many.join(''));
  });

  it('yields nothing for nothing', () => {
    expect([...r.redactChunks([])]).toEqual([]);
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

describe('registry credentials in image references', () => {
  it('masks user:password@ before a registry host, keeping the reference readable', () => {
    expect(scrubCommonSecrets('FROM deploy:s3cretpw@registry.example.com:5000/app:1')).toBe('FROM [REDACTED]@registry.example.com:5000/app:1');
    expect(scrubCommonSecrets('"ref":"bot:pw123456@ghcr.io/acme/app"')).toBe('"ref":"[REDACTED]@ghcr.io/acme/app"');
  });

  it('leaves tags, digests, ports and e-mail addresses alone', () => {
    for (const text of ['FROM node:20@sha256:abcdef', 'FROM registry:5000/app@sha256:abcdef', 'FROM app:1.0@sha256:ab/c', 'mail ops@example.com/x']) {
      expect(scrubCommonSecrets(text)).toBe(text);
    }
  });

  it('stays linear on text built to make the pattern backtrack', () => {
    for (const text of [',a:'.repeat(200_000), '('.repeat(600_000), 'a:'.repeat(300_000), `${'a'.repeat(300_000)}@h/`.repeat(3), 'a@h/'.repeat(200_000)]) {
      expect(scrubCommonSecrets(text)).toBe(text);
    }
    expect(scrubCommonSecrets(' u:p@h/'.repeat(100_000))).toBe(' [REDACTED]@h/'.repeat(100_000));
  });
});

describe('Redactor.redactDeep', () => {
  it('redacts every string and key of plain data, leaving other values and the input untouched', () => {
    const r = new Redactor();
    r.add('my-very-secret-pat');
    const input = { name: `x ${ghp}`, n: 3, ok: true, none: null, list: ['my-very-secret-pat', { deep: 'a:b' }], labels: { [`k-${glpat}`]: 'v' } };
    expect(r.redactDeep(input)).toEqual({ name: 'x [REDACTED]', n: 3, ok: true, none: null, list: ['[REDACTED]', { deep: 'a:b' }], labels: { 'k-[REDACTED]': 'v' } });
    expect(input.name).toBe(`x ${ghp}`);
  });
});

describe('Redactor with many secrets', () => {
  it('removes each of thousands of registered secrets in one pass, the longest where two start at one place', () => {
    const r = new Redactor();
    for (let i = 0; i < 2000; i++) r.add(`variable-value-${i}-xyz`);
    r.add('variable-value-1-xyz-and-more');
    expect(r.redact('a variable-value-1999-xyz b variable-value-1-xyz-and-more c variable-value-1-xyz')).toBe('a [REDACTED] b [REDACTED] c [REDACTED]');
  });
});

describe('Redactor.redactDeep sharing', () => {
  it('returns parts with nothing to redact as they are, and keeps shared parts shared', () => {
    const r = new Redactor();
    r.add('my-very-secret-pat');
    const controls = { soc2: ['CC6.1'] };
    const resource = { id: 'github:acme/api', name: 'acme/api my-very-secret-pat' };
    const clean = { results: [{ message: 'fine', controls }], stats: { n: 1 } };
    expect(r.redactDeep(clean)).toBe(clean);
    const dirty = { results: [{ resource, controls }, { resource, controls }], stats: clean.stats };
    const out = r.redactDeep(dirty);
    expect(out).not.toBe(dirty);
    expect(out.results[0]!.resource).toEqual({ id: 'github:acme/api', name: 'acme/api [REDACTED]' });
    expect(out.results[0]!.resource).toBe(out.results[1]!.resource);
    expect(out.results[0]!.controls).toBe(controls);
    expect(out.stats).toBe(clean.stats);
    expect(dirty.results[0]!.resource.name).toBe('acme/api my-very-secret-pat');
  });
});
