import { describe, expect, it } from 'vitest';
import { FALSE, TRUE, UNKNOWN, evalCondition, valueAt } from '../../src/engine/index.js';
import type { Condition } from '../../src/model/index.js';
import { DAY, c } from './helpers.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const T = { __t: true };
const ev = (cond: Condition, scope: unknown = {}) => evalCondition(cond, scope, NOW);
const name = (t: number) => (t === TRUE ? 'true' : t === FALSE ? 'false' : 'unknown');

describe('field lookup', () => {
  it('absent is unknown, null is known, below null or a scalar is null', () => {
    expect(valueAt({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
    expect(valueAt({ a: {} }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({}, ['a', 'b'])).toBeUndefined();
    expect(valueAt({ a: null }, ['a', 'b'])).toBeNull();
    expect(valueAt({ a: 'text' }, ['a', 'b'])).toBeNull();
    expect(valueAt({ a: [10, 20] }, ['a', '1'])).toBe(20);
  });

  it('never reads the prototype chain', () => {
    expect(valueAt({}, ['constructor'])).toBeUndefined();
    expect(valueAt({ a: {} }, ['a', '__proto__'])).toBeUndefined();
    expect(ev(c.exists('toString'), {})).toBe(UNKNOWN);
  });
});

describe('comparison operators', () => {
  const cases: [string, Condition, unknown, number][] = [
    ['equals scalar', c.cmp('x', 'equals', 2), { x: 2 }, TRUE],
    ['equals other', c.cmp('x', 'equals', 2), { x: 3 }, FALSE],
    ['equals no coercion', c.cmp('x', 'equals', 2), { x: '2' }, FALSE],
    ['equals deep object', c.cmp('x', 'equals', { a: [1, { b: 2 }] }), { x: { a: [1, { b: 2 }] } }, TRUE],
    ['equals deep differs', c.cmp('x', 'equals', { a: [1, { b: 2 }] }), { x: { a: [1, { b: 3 }] } }, FALSE],
    ['equals list order matters', c.cmp('x', 'equals', [1, 2]), { x: [2, 1] }, FALSE],
    ['equals null', c.cmp('x', 'equals', null), { x: null }, TRUE],
    ['equals absent', c.cmp('x', 'equals', null), {}, UNKNOWN],
    ['notEquals', c.cmp('x', 'notEquals', true), { x: false }, TRUE],
    ['notEquals same', c.cmp('x', 'notEquals', true), { x: true }, FALSE],
    ['notEquals null', c.cmp('x', 'notEquals', true), { x: null }, TRUE],
    ['notEquals absent', c.cmp('x', 'notEquals', true), {}, UNKNOWN],
    ['gt', c.cmp('x', 'gt', 1), { x: 2 }, TRUE],
    ['gt equal', c.cmp('x', 'gt', 2), { x: 2 }, FALSE],
    ['gte equal', c.cmp('x', 'gte', 2), { x: 2 }, TRUE],
    ['gte below', c.cmp('x', 'gte', 2), { x: 1 }, FALSE],
    ['lt', c.cmp('x', 'lt', 2), { x: 1 }, TRUE],
    ['lt equal', c.cmp('x', 'lt', 2), { x: 2 }, FALSE],
    ['lte equal', c.cmp('x', 'lte', 2), { x: 2 }, TRUE],
    ['lte above', c.cmp('x', 'lte', 2), { x: 3 }, FALSE],
    ['gte null fails', c.cmp('x', 'gte', 0), { x: null }, FALSE],
    ['lte null fails', c.cmp('x', 'lte', 100), { x: null }, FALSE],
    ['gt string fails', c.cmp('x', 'gt', 0), { x: '5' }, FALSE],
    ['gte absent', c.cmp('x', 'gte', 0), {}, UNKNOWN],
    ['in', c.cmp('x', 'in', ['read', 'none']), { x: 'read' }, TRUE],
    ['in not', c.cmp('x', 'in', ['read', 'none']), { x: 'write' }, FALSE],
    ['in null member', c.cmp('x', 'in', [null, 'none']), { x: null }, TRUE],
    ['in absent', c.cmp('x', 'in', ['read']), {}, UNKNOWN],
    ['notIn', c.cmp('x', 'notIn', ['admin']), { x: 'read' }, TRUE],
    ['notIn member', c.cmp('x', 'notIn', ['admin']), { x: 'admin' }, FALSE],
    ['notIn absent', c.cmp('x', 'notIn', ['admin']), {}, UNKNOWN],
    ['contains array', c.cmp('x', 'contains', 'ci'), { x: ['lint', 'ci'] }, TRUE],
    ['contains array missing', c.cmp('x', 'contains', 'ci'), { x: ['lint'] }, FALSE],
    ['contains array deep', c.cmp('x', 'contains', { a: 1 }), { x: [{ a: 1 }] }, TRUE],
    ['contains substring', c.cmp('x', 'contains', 'sha'), { x: 'uses@sha256' }, TRUE],
    ['contains substring missing', c.cmp('x', 'contains', 'sha'), { x: 'uses@v1' }, FALSE],
    ['contains null', c.cmp('x', 'contains', 'a'), { x: null }, FALSE],
    ['contains number', c.cmp('x', 'contains', 'a'), { x: 5 }, FALSE],
    ['contains absent', c.cmp('x', 'contains', 'a'), {}, UNKNOWN],
    ['exists true on value', c.exists('x'), { x: 0 }, TRUE],
    ['exists true on null', c.exists('x'), { x: null }, FALSE],
    ['exists false on null', c.exists('x', false), { x: null }, TRUE],
    ['exists false on value', c.exists('x', false), { x: 'v' }, FALSE],
    ['exists absent', c.exists('x'), {}, UNKNOWN],
    ['exists false absent', c.exists('x', false), {}, UNKNOWN],
    ['matches', c.matches('x', '^release/'), { x: 'release/1.0' }, TRUE],
    ['matches search anywhere', c.matches('x', 'prod'), { x: 'eu-production' }, TRUE],
    ['matches no', c.matches('x', '^release/'), { x: 'main' }, FALSE],
    ['matches case flag', c.matches('x', '(?i)^MAIN$'), { x: 'main' }, TRUE],
    ['notMatches', c.matches('x', '^release/', true), { x: 'main' }, TRUE],
    ['notMatches matching', c.matches('x', '^release/', true), { x: 'release/2' }, FALSE],
    ['matches null fails', c.matches('x', '.*'), { x: null }, FALSE],
    ['notMatches null fails', c.matches('x', '^a', true), { x: null }, FALSE],
    ['matches number fails', c.matches('x', '1'), { x: 1 }, FALSE],
    ['matches absent', c.matches('x', '.*'), {}, UNKNOWN],
  ];
  for (const [label, cond, scope, expected] of cases) {
    it(`${label} -> ${name(expected)}`, () => expect(name(ev(cond, scope))).toBe(name(expected)));
  }
});

describe('time operators (clock 2026-06-01T00:00:00Z)', () => {
  const cases: [string, Condition, unknown, number][] = [
    ['within recent', c.within('t', 90 * DAY), { t: '2026-05-01T12:00:00Z' }, TRUE],
    ['within exactly at the bound', c.within('t', 90 * DAY), { t: new Date(NOW - 90 * DAY).toISOString() }, TRUE],
    ['within too old', c.within('t', 90 * DAY), { t: '2025-01-01' }, FALSE],
    ['within future', c.within('t', 90 * DAY), { t: '2027-01-01' }, TRUE],
    ['within date only', c.within('t', 1 * DAY), { t: '2026-05-31' }, TRUE],
    ['within offset', c.within('t', 1 * DAY), { t: '2026-05-31T02:00:00+02:00' }, TRUE],
    ['within null fails', c.within('t', 90 * DAY), { t: null }, FALSE],
    ['within garbage fails', c.within('t', 90 * DAY), { t: 'last tuesday' }, FALSE],
    ['within absent', c.within('t', 90 * DAY), {}, UNKNOWN],
    ['olderThan old', c.olderThan('t', 90 * DAY), { t: '2025-01-01' }, TRUE],
    ['olderThan recent', c.olderThan('t', 90 * DAY), { t: '2026-05-01' }, FALSE],
    ['olderThan at the bound', c.olderThan('t', 90 * DAY), { t: new Date(NOW - 90 * DAY).toISOString() }, FALSE],
    ['olderThan null fails', c.olderThan('t', 90 * DAY), { t: null }, FALSE],
    ['olderThan absent', c.olderThan('t', 90 * DAY), {}, UNKNOWN],
    ['span within', c.span('end', 'start', 365 * DAY), { start: '2026-01-01', end: '2026-12-31' }, TRUE],
    ['span exactly', c.span('end', 'start', 365 * DAY), { start: '2026-01-01', end: '2027-01-01' }, TRUE],
    ['span over', c.span('end', 'start', 365 * DAY), { start: '2026-01-01', end: '2027-01-02' }, FALSE],
    ['span never expires', c.span('end', 'start', 365 * DAY), { start: '2026-01-01', end: null }, FALSE],
    ['span never expires, start unknown', c.span('end', 'start', 365 * DAY), { end: null }, FALSE],
    ['span start null', c.span('end', 'start', 365 * DAY), { start: null, end: '2026-01-01' }, FALSE],
    ['span end absent', c.span('end', 'start', 365 * DAY), { start: '2026-01-01' }, UNKNOWN],
    ['span start absent', c.span('end', 'start', 365 * DAY), { end: '2026-01-01' }, UNKNOWN],
  ];
  for (const [label, cond, scope, expected] of cases) {
    it(`${label} -> ${name(expected)}`, () => expect(name(ev(cond, scope))).toBe(name(expected)));
  }
});

describe('three-valued combinators', () => {
  const values = { true: c.t(), false: c.f(), unknown: c.unknown() } as const;
  type V = keyof typeof values;
  const and: Record<V, Record<V, V>> = {
    true: { true: 'true', false: 'false', unknown: 'unknown' },
    false: { true: 'false', false: 'false', unknown: 'false' },
    unknown: { true: 'unknown', false: 'false', unknown: 'unknown' },
  };
  const or: Record<V, Record<V, V>> = {
    true: { true: 'true', false: 'true', unknown: 'true' },
    false: { true: 'true', false: 'false', unknown: 'unknown' },
    unknown: { true: 'true', false: 'unknown', unknown: 'unknown' },
  };
  for (const a of Object.keys(values) as V[]) {
    for (const b of Object.keys(values) as V[]) {
      it(`all(${a}, ${b}) = ${and[a][b]}; any(${a}, ${b}) = ${or[a][b]}`, () => {
        expect(name(ev(c.all(values[a], values[b]), T))).toBe(and[a][b]);
        expect(name(ev(c.any(values[a], values[b]), T))).toBe(or[a][b]);
      });
    }
  }
  it('not keeps unknown unknown', () => {
    expect(name(ev(c.not(c.t()), T))).toBe('false');
    expect(name(ev(c.not(c.f()), T))).toBe('true');
    expect(name(ev(c.not(c.unknown()), T))).toBe('unknown');
    expect(name(ev(c.not(c.not(c.unknown())), T))).toBe('unknown');
  });
});

describe('quantifiers', () => {
  const hooks = {
    webhooks: [
      { id: '1', https: true, active: true },
      { id: '2', https: false, active: false },
      { id: '3', https: true, active: true },
    ],
  };
  const https = c.cmp('https', 'equals', true);
  const active = c.cmp('active', 'equals', true);

  it('every / some / none over a known array', () => {
    expect(name(ev(c.every('webhooks', https), hooks))).toBe('false');
    expect(name(ev(c.every('webhooks', https, active), hooks))).toBe('true');
    expect(name(ev(c.some('webhooks', c.cmp('https', 'equals', false)), hooks))).toBe('true');
    expect(name(ev(c.some('webhooks', c.cmp('https', 'equals', false), active), hooks))).toBe('false');
    expect(name(ev(c.none('webhooks', c.cmp('https', 'equals', false)), hooks))).toBe('false');
    expect(name(ev(c.none('webhooks', c.cmp('https', 'equals', false), active), hooks))).toBe('true');
  });

  it('some/none without assert test the where filter, or non-emptiness', () => {
    expect(name(ev(c.some('webhooks'), hooks))).toBe('true');
    expect(name(ev(c.some('webhooks'), { webhooks: [] }))).toBe('false');
    expect(name(ev(c.none('webhooks'), { webhooks: [] }))).toBe('true');
    expect(name(ev(c.none('webhooks', undefined, c.cmp('https', 'equals', false)), hooks))).toBe('false');
  });

  it('empty arrays: every is vacuously true, count is zero', () => {
    expect(name(ev(c.every('webhooks', https), { webhooks: [] }))).toBe('true');
    expect(name(ev(c.count('webhooks', 'equals', 0), { webhooks: [] }))).toBe('true');
  });

  it('an unknown array is unknown for every quantifier; null counts as empty', () => {
    for (const q of [c.every('webhooks', https), c.some('webhooks', https), c.none('webhooks', https), c.count('webhooks', 'lte', 3)]) {
      expect(name(ev(q, {}))).toBe('unknown');
      expect(name(ev(q, { webhooks: null }))).not.toBe('unknown');
    }
    expect(name(ev(c.every('webhooks', https), { webhooks: 'not a list' }))).toBe('false');
  });

  it('unknown elements propagate only when they could change the answer', () => {
    const partial = { webhooks: [{ id: '1', https: true }, { id: '2' }] };
    expect(name(ev(c.every('webhooks', https), partial))).toBe('unknown');
    expect(name(ev(c.every('webhooks', https), { webhooks: [{ id: '1', https: false }, { id: '2' }] }))).toBe('false');
    expect(name(ev(c.some('webhooks', https), partial))).toBe('true');
    expect(name(ev(c.some('webhooks', c.cmp('https', 'equals', false)), partial))).toBe('unknown');
    expect(name(ev(c.none('webhooks', c.cmp('https', 'equals', false)), partial))).toBe('unknown');
    // An unknown where with a holding assert does not violate an every.
    expect(name(ev(c.every('webhooks', https, active), { webhooks: [{ id: '1', https: true }] }))).toBe('true');
    expect(name(ev(c.every('webhooks', https, active), partial))).toBe('unknown');
  });

  it('count compares the number of matching elements, unknown when undecided elements could tip it', () => {
    const admins = { members: [{ role: 'admin' }, { role: 'admin' }, { role: 'member' }, {}] };
    const isAdmin = c.cmp('role', 'equals', 'admin');
    expect(name(ev(c.count('members', 'equals', 4), admins))).toBe('true');
    expect(name(ev(c.count('members', 'lte', 3, isAdmin), admins))).toBe('true');
    expect(name(ev(c.count('members', 'lte', 2, isAdmin), admins))).toBe('unknown');
    expect(name(ev(c.count('members', 'lte', 1, isAdmin), admins))).toBe('false');
    expect(name(ev(c.count('members', 'gte', 2, isAdmin), admins))).toBe('true');
    expect(name(ev(c.count('members', 'gt', 2, isAdmin), admins))).toBe('unknown');
    expect(name(ev(c.count('members', 'gt', 3, isAdmin), admins))).toBe('false');
    expect(name(ev(c.count('members', 'equals', 2, isAdmin), admins))).toBe('unknown');
    expect(name(ev(c.count('members', 'notEquals', 5, isAdmin), admins))).toBe('true');
  });

  it('nested quantifiers use element-relative paths', () => {
    const plan = { schedules: [{ type: 'full', runs: [{ ok: true }] }, { type: 'log', runs: [{ ok: false }] }] };
    const allRunsOk = c.every('runs', c.cmp('ok', 'equals', true));
    expect(name(ev(c.every('schedules', allRunsOk), plan))).toBe('false');
    expect(name(ev(c.every('schedules', allRunsOk, c.cmp('type', 'equals', 'full')), plan))).toBe('true');
  });
});
