import { describe, expect, it } from 'vitest';
import { compileTemplate, parseTemplate, substituteParams } from '../../src/shared/template.js';

describe('compileTemplate', () => {
  it('renders lookups, missing as unknown, lists joined', () => {
    const render = compileTemplate('{{ resource.name }} needs {{params.n}} (has {{ resource.bp.approvals }}); checks: {{ resource.checks }}');
    expect(render({ resource: { name: 'acme/api', bp: {}, checks: ['ci', 'lint'] }, params: { n: 2 } })).toBe(
      'acme/api needs 2 (has unknown); checks: ci, lint',
    );
  });

  it('renders null, empty lists, booleans and objects (as words, never JSON)', () => {
    const render = compileTemplate('{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}');
    expect(render({ a: null, b: [], c: false, d: { x: 1 }, e: { name: 'prod', id: 7 }, f: [{ type: 'full', intervalHours: 24 }, { type: 'log', intervalHours: 1 }] })).toBe(
      'none|none|false|x 1|prod|type full, intervalHours 24; type log, intervalHours 1',
    );
  });

  it('never runs code and never reads the prototype chain', () => {
    const render = compileTemplate('{{ constructor.name }} {{ a.__proto__ }} {{ process.exit(1) }} {{ a + b }}');
    expect(render({ a: {} })).toBe('unknown unknown {{ process.exit(1) }} {{ a + b }}');
    expect(parseTemplate('{{ process.exit(1) }}').errors).toHaveLength(1);
  });

  it('chooses the wording that agrees with a number, and nothing more', () => {
    const render = compileTemplate('{{ count }} {{ count | image is | images are }} unpinned; {{ params.n|review|reviews }}');
    expect(render({ count: 1, params: { n: 2 } })).toBe('1 image is unpinned; reviews');
    expect(render({ count: 0, params: { n: 1 } })).toBe('0 images are unpinned; review');
    expect(render({ params: { n: '1' } })).toBe('unknown images are unpinned; reviews');
    expect(parseTemplate('{{ count | a }}').errors).toHaveLength(1);
    expect(parseTemplate('{{ count | a | b | c }}').errors).toHaveLength(1);
    expect(parseTemplate('{{ count + 1 | a | b }}').errors).toHaveLength(1);
  });

  it('returns constants without placeholders', () => {
    expect(compileTemplate('plain text')({})).toBe('plain text');
    expect(compileTemplate('')({})).toBe('');
  });
});

describe('substituteParams', () => {
  it('replaces a whole-string param with its typed value', () => {
    const { value, errors } = substituteParams(
      { path: 'x', gte: '{{ params.min }}', in: '{{params.list}}', msg: 'need {{ params.min }} of {{ params.list }}', keep: '{{ resource.name }}' },
      { min: 2, list: ['a', 'b'] },
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({ path: 'x', gte: 2, in: ['a', 'b'], msg: 'need 2 of a, b', keep: '{{ resource.name }}' });
  });

  it('reports unknown params with the path of the string naming them', () => {
    const { errors } = substituteParams({ all: [{ path: 'x', gte: '{{ params.minimum }}' }] }, { min: 2 });
    expect(errors).toEqual([{ path: ['all', 0, 'gte'], message: 'unknown param "minimum" (known params: min)' }]);
  });

  it('keeps a __proto__ key as plain data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const { value } = substituteParams(input, {});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });
});
