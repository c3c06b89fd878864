import { z } from 'zod';
import { quote } from './quote.js';

// "Did you mean" hints: the keys a schema allows at a path, and the nearest one to a misspelt key.

/** The keys a strict object schema allows at `path` (walking objects, lists, records, optionals, unions by discriminator). */
export function knownKeys(schema: z.ZodType, path: readonly (string | number)[], root?: unknown): string[] | undefined {
  let cur: z.ZodType | undefined = schema;
  let value: unknown = root;
  const step = (seg: string | number) => {
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
  };
  for (let i = 0; i <= path.length && cur; i++) {
    cur = unwrap(cur, value);
    if (i === path.length) break;
    const seg = path[i]!;
    if (cur instanceof z.ZodObject) cur = (cur.shape as Record<string, z.ZodType>)[String(seg)];
    else if (cur instanceof z.ZodArray) cur = cur.element as z.ZodType;
    else if (cur instanceof z.ZodRecord) cur = cur.valueType as z.ZodType;
    else cur = undefined;
    step(seg);
  }
  return cur instanceof z.ZodObject ? Object.keys(cur.shape) : undefined;
}

function unwrap(schema: z.ZodType, value: unknown): z.ZodType {
  let cur = schema;
  for (let n = 0; n < 10; n++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodDiscriminatedUnion) {
      const key = cur.def.discriminator;
      const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      const match = (cur.options as z.ZodType[]).find((o) => o instanceof z.ZodObject && (o.shape as Record<string, z.ZodType>)[key]?.safeParse(tag).success);
      if (!match) return cur;
      cur = match;
    } else return cur;
  }
  return cur;
}

export function keyHint(key: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best) return ` (did you mean ${quote(best)}?)`;
  return known.length <= 20 ? ` (allowed: ${known.join(', ')})` : '';
}

/** Levenshtein distance, giving up (returning `cap`) once it cannot be below it. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
