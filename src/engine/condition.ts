import type { CompareOp, Condition, FieldPath } from '../model/index.js';

/**
 * Three-valued interpreter of compiled conditions (docs/policy-language.md). A field that is
 * absent is unknown, never false; `null` is a known "unset" value. The hot path returns small
 * integers and allocates nothing; the explain passes (which gaps made a result unknown, which
 * elements made it fail) run only for the few results that need them.
 */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

const hasOwn = Object.hasOwn;

/** Value at `path`: `undefined` = unknown (absent), `null` = known unset (also below a null or scalar parent). */
export function valueAt(scope: unknown, path: FieldPath): unknown {
  let cur = scope;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || typeof cur !== 'object') return null;
    const seg = path[i]!;
    if (!hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!hasOwn(b, k) || !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function includesDeep(list: readonly unknown[], v: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (deepEqual(list[i], v)) return true;
  return false;
}

function truth(b: boolean): Truth {
  return b ? TRUE : FALSE;
}

export function compare(cmp: CompareOp, v: unknown, expected: unknown): Truth {
  if (v === undefined) return UNKNOWN;
  switch (cmp) {
    case 'equals':
      return truth(deepEqual(v, expected));
    case 'notEquals':
      return truth(!deepEqual(v, expected));
    case 'gt':
      return truth(typeof v === 'number' && v > (expected as number));
    case 'gte':
      return truth(typeof v === 'number' && v >= (expected as number));
    case 'lt':
      return truth(typeof v === 'number' && v < (expected as number));
    case 'lte':
      return truth(typeof v === 'number' && v <= (expected as number));
    case 'in':
      return truth(includesDeep(expected as unknown[], v));
    case 'notIn':
      return truth(!includesDeep(expected as unknown[], v));
    case 'contains':
      if (Array.isArray(v)) return truth(includesDeep(v, expected));
      if (typeof v === 'string' && typeof expected === 'string') return truth(v.includes(expected));
      return FALSE;
  }
}

/** Milliseconds since the epoch for an ISO timestamp or date; NaN when the value is not one. */
function timestamp(v: unknown): number {
  return typeof v === 'string' ? Date.parse(v) : NaN;
}

/** Compares an element count range [lo, hi] (hi - lo elements undecided) with `value`. */
function compareCount(cmp: CompareOp, lo: number, hi: number, value: number): Truth {
  const first = compare(cmp, lo, value);
  if (lo === hi) return first;
  for (let n = lo + 1; n <= hi; n++) if (compare(cmp, n, value) !== first) return UNKNOWN;
  return first;
}

/** `where` ∧ `assert` for one element (each true when absent). */
function elementMatch(c: { where?: Condition; assert?: Condition }, el: unknown, now: number): Truth {
  const w = c.where ? evalCondition(c.where, el, now) : TRUE;
  if (w === FALSE) return FALSE;
  const a = c.assert ? evalCondition(c.assert, el, now) : TRUE;
  if (a === FALSE) return FALSE;
  return w === TRUE && a === TRUE ? TRUE : UNKNOWN;
}

/** `where` ∧ ¬`assert` for one element: the element violates an `every`. */
function elementViolates(c: { where?: Condition; assert?: Condition }, el: unknown, now: number): Truth {
  const w = c.where ? evalCondition(c.where, el, now) : TRUE;
  if (w === FALSE) return FALSE;
  const a = c.assert ? evalCondition(c.assert, el, now) : TRUE;
  if (a === TRUE) return FALSE;
  return w === TRUE && a === FALSE ? TRUE : UNKNOWN;
}

/** An array value, `[]` for known-null, or undefined (unknown) / false marker for other values. */
function arrayAt(scope: unknown, path: FieldPath): unknown[] | undefined | false {
  const v = valueAt(scope, path);
  if (v === undefined) return undefined;
  if (v === null) return EMPTY;
  return Array.isArray(v) ? v : false;
}
const EMPTY: unknown[] = [];

export function evalCondition(c: Condition, scope: unknown, now: number): Truth {
  switch (c.op) {
    case 'all': {
      let out: Truth = TRUE;
      for (const child of c.conditions) {
        const t = evalCondition(child, scope, now);
        if (t === FALSE) return FALSE;
        if (t === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case 'any': {
      let out: Truth = FALSE;
      for (const child of c.conditions) {
        const t = evalCondition(child, scope, now);
        if (t === TRUE) return TRUE;
        if (t === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case 'not': {
      const t = evalCondition(c.condition, scope, now);
      return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
    }
    case 'compare':
      return compare(c.cmp, valueAt(scope, c.path), c.value);
    case 'exists': {
      const v = valueAt(scope, c.path);
      if (v === undefined) return UNKNOWN;
      return truth(c.expected ? v !== null : v === null);
    }
    case 'matches': {
      const v = valueAt(scope, c.path);
      if (v === undefined) return UNKNOWN;
      // A non-string (null included) neither matches nor "does not match": the test fails.
      if (typeof v !== 'string') return FALSE;
      return truth(c.regex.test(v) !== c.negate);
    }
    case 'age': {
      const v = valueAt(scope, c.path);
      if (v === undefined) return UNKNOWN;
      const t = timestamp(v);
      if (Number.isNaN(t)) return FALSE;
      return truth(c.cmp === 'within' ? now - t <= c.ms : now - t > c.ms);
    }
    case 'span': {
      const v = valueAt(scope, c.path);
      const from = valueAt(scope, c.from);
      if (v === undefined || from === undefined) {
        // A known-unset end (never expires) fails whatever the start is.
        return v === null ? FALSE : UNKNOWN;
      }
      const end = timestamp(v);
      const start = timestamp(from);
      if (Number.isNaN(end) || Number.isNaN(start)) return FALSE;
      return truth(end <= start + c.maxMs);
    }
    case 'every': {
      const arr = arrayAt(scope, c.path);
      if (arr === undefined) return UNKNOWN;
      if (arr === false) return FALSE;
      let out: Truth = TRUE;
      for (let i = 0; i < arr.length; i++) {
        const t = elementViolates(c, arr[i], now);
        if (t === TRUE) return FALSE;
        if (t === UNKNOWN) out = UNKNOWN;
      }
      return out;
    }
    case 'some':
    case 'none': {
      const arr = arrayAt(scope, c.path);
      if (arr === undefined) return UNKNOWN;
      if (arr === false) return FALSE;
      let found: Truth = FALSE;
      for (let i = 0; i < arr.length; i++) {
        const t = elementMatch(c, arr[i], now);
        if (t === TRUE) {
          found = TRUE;
          break;
        }
        if (t === UNKNOWN) found = UNKNOWN;
      }
      if (c.op === 'some') return found;
      return found === UNKNOWN ? UNKNOWN : found === TRUE ? FALSE : TRUE;
    }
    case 'count': {
      const arr = arrayAt(scope, c.path);
      if (arr === undefined) return UNKNOWN;
      if (arr === false) return FALSE;
      let lo = 0;
      let undecided = 0;
      for (let i = 0; i < arr.length; i++) {
        const t = elementMatch(c, arr[i], now);
        if (t === TRUE) lo++;
        else if (t === UNKNOWN) undecided++;
      }
      return compareCount(c.cmp, lo, lo + undecided, c.value);
    }
  }
}

/**
 * The field paths (absolute, dotted, array prefixes without indices) whose absence made `c`
 * unknown. Call only when `evalCondition` returned UNKNOWN.
 */
export function unknownPaths(c: Condition, scope: unknown, now: number, prefix: readonly string[] = [], out: string[][] = []): string[][] {
  switch (c.op) {
    case 'all':
    case 'any':
      for (const child of c.conditions) {
        if (evalCondition(child, scope, now) === UNKNOWN) unknownPaths(child, scope, now, prefix, out);
      }
      return out;
    case 'not':
      return unknownPaths(c.condition, scope, now, prefix, out);
    case 'compare':
    case 'exists':
    case 'matches':
    case 'age':
      out.push([...prefix, ...c.path]);
      return out;
    case 'span':
      if (valueAt(scope, c.path) === undefined) out.push([...prefix, ...c.path]);
      if (valueAt(scope, c.from) === undefined) out.push([...prefix, ...c.from]);
      return out;
    case 'every':
    case 'some':
    case 'none':
    case 'count': {
      const arr = arrayAt(scope, c.path);
      const inner = [...prefix, ...c.path];
      if (arr === undefined || arr === false) {
        out.push(inner);
        return out;
      }
      for (const el of arr) {
        for (const sub of [c.where, c.op === 'count' ? undefined : c.assert]) {
          if (sub && evalCondition(sub, el, now) === UNKNOWN) unknownPaths(sub, el, now, inner, out);
        }
      }
      return out;
    }
  }
}

export interface Offender {
  element: unknown;
}

/**
 * The array elements that make `c` evaluate to `polarity` (false at the top of a failing
 * assert): violators of an `every`, matches of a `none`, matches of a `some` under a `not`,
 * the counted elements of a `count` that exceeds its bound.
 */
export function offendingElements(c: Condition, scope: unknown, now: number, polarity: boolean, out: unknown[] = []): unknown[] {
  switch (c.op) {
    case 'all':
    case 'any': {
      const want = polarity ? TRUE : FALSE;
      for (const child of c.conditions) {
        if (evalCondition(child, scope, now) === want) offendingElements(child, scope, now, polarity, out);
      }
      return out;
    }
    case 'not':
      return offendingElements(c.condition, scope, now, !polarity, out);
    case 'every': {
      if (polarity) return out;
      const arr = arrayAt(scope, c.path);
      if (!arr) return out;
      for (const el of arr) if (elementViolates(c, el, now) === TRUE) out.push(el);
      return out;
    }
    case 'some':
    case 'none': {
      // `none` false and `some` true (under a not) both mean: these elements matched.
      if ((c.op === 'none') !== !polarity) return out;
      const arr = arrayAt(scope, c.path);
      if (!arr) return out;
      for (const el of arr) if (elementMatch(c, el, now) === TRUE) out.push(el);
      return out;
    }
    case 'count': {
      const tooMany = c.cmp === 'lt' || c.cmp === 'lte' || c.cmp === 'equals';
      const tooFew = c.cmp === 'gt' || c.cmp === 'gte';
      if ((!polarity && !tooMany) || (polarity && !tooFew)) return out;
      const arr = arrayAt(scope, c.path);
      if (!arr) return out;
      for (const el of arr) if (elementMatch(c, el, now) === TRUE) out.push(el);
      return out;
    }
    default:
      return out;
  }
}
