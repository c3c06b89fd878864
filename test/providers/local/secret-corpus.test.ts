import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSource } from '@secretlint/core';
import { creator as presetRecommend } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SecretScanner } from '../../../src/providers/local/secrets.js';

/**
 * Precision and recall of the secret scanner on fixtures/secrets/corpus.yaml: real shapes
 * (generated at run time) that must be found, placeholders and lookalikes that must not. The
 * figures are printed, with those of secretlint's recommended preset alone for comparison.
 */
interface Item {
  secret: boolean;
  path: string;
  text: string;
}

const ALPHABETS: Record<string, string> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  b32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  hex: '0123456789abcdef',
  digits: '0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
};

function generator(seed: number): (n: number, alphabet: string) => string {
  let x = (seed * 2654435761) >>> 0 || 1;
  return (n, alphabet) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out += alphabet[(x >>> 0) % alphabet.length];
    }
    return out;
  };
}

function materialise(text: string, seed: number): string {
  const rand = generator(seed);
  const key = (type: string, eol: string): string => {
    const label = `${type} ${'PRIVATE'} KEY`;
    const body = Array.from({ length: 5 }, () => rand(64, ALPHABETS.b64!));
    return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join(eol);
  };
  return text
    .replace(/\{\{rand (\d+) (\w+)\}\}/g, (_all, n: string, alpha: string) => rand(Number(n), ALPHABETS[alpha]!))
    .replace(/\{\{key-escaped (\w+)\}\}/g, (_all, type: string) => key(type, '\\r\\n'))
    .replace(/\{\{key (\w+)\}\}/g, (_all, type: string) => key(type, '\n'));
}

const corpus = (parse(readFileSync(join(import.meta.dirname, '../../../fixtures/secrets/corpus.yaml'), 'utf8')) as { items: Item[] }).items.map((item, i) => ({
  ...item,
  text: materialise(item.text, i + 1),
}));

interface Figures {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  misses: string[];
  falseAlarms: string[];
}

async function measure(found: (item: Item) => Promise<boolean>): Promise<Figures> {
  const f: Figures = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [], falseAlarms: [] };
  for (const [i, item] of corpus.entries()) {
    const hit = await found(item);
    const label = `#${i + 1} ${item.path}`;
    if (item.secret && hit) f.tp++;
    else if (item.secret) f.misses.push(label);
    else if (hit) f.falseAlarms.push(label);
    else f.tn++;
  }
  f.fn = f.misses.length;
  f.fp = f.falseAlarms.length;
  return f;
}

const precision = (f: Figures): number => f.tp / (f.tp + f.fp);
const recall = (f: Figures): number => f.tp / (f.tp + f.fn);
const line = (name: string, f: Figures): string =>
  `${name}: precision ${precision(f).toFixed(3)} recall ${recall(f).toFixed(3)} (tp ${f.tp}, fp ${f.fp}, fn ${f.fn}, tn ${f.tn})`;

describe('secret corpus', () => {
  it('prints precision and recall, and holds both at 0.95 or better', async () => {
    const scanner = new SecretScanner();
    const ours = await measure(async (item) => (await scanner.scan(item.path, item.text)).length > 0);
    const baseline = await measure(async (item) => {
      const r = await lintSource({
        source: { content: item.text, filePath: `file/${item.path.replace(/.*\//, '')}`, ext: '', contentType: 'text' },
        options: { config: { rules: [{ id: presetRecommend.meta.id, rule: presetRecommend }] }, noPhysicFilePath: true, maskSecrets: true },
      });
      return r.messages.length > 0;
    });
    console.log(`secret corpus (${corpus.length} items, ${corpus.filter((c) => c.secret).length} secrets)`);
    console.log(`  ${line('secpol', ours)}`);
    console.log(`  ${line('secretlint preset alone', baseline)}`);
    if (ours.misses.length > 0) console.log(`  misses: ${ours.misses.join(', ')}`);
    if (ours.falseAlarms.length > 0) console.log(`  false alarms: ${ours.falseAlarms.join(', ')}`);
    expect(ours.misses).toEqual([]);
    expect(ours.falseAlarms).toEqual([]);
    expect(precision(ours)).toBeGreaterThanOrEqual(0.95);
    expect(recall(ours)).toBeGreaterThanOrEqual(0.95);
  });

  it('classifies where a finding sits and marks keys as high-confidence', async () => {
    const scanner = new SecretScanner();
    const key = corpus.find((c) => c.path === 'tests/fixtures/key.pem')!;
    const doc = corpus.find((c) => c.path === 'docs/setup.md')!;
    const code = corpus[0]!;
    expect((await scanner.scan(key.path, key.text)).map((f) => [f.context, f.highConfidence])).toEqual([['test', true]]);
    expect((await scanner.scan(doc.path, doc.text)).map((f) => [f.context, f.highConfidence])).toEqual([['docs', false]]);
    expect((await scanner.scan(code.path, code.text)).map((f) => [f.context, f.highConfidence])).toEqual([['code', false]]);
  });
});
