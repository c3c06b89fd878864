import type { CompareOp, Condition, Resource, ResourceKind, Rule } from '../../src/model/index.js';
import { compileRegex } from '../../src/policy/index.js';

/** Builders for compiled conditions, so engine tests read like the policy language. */
const at = { file: 'test.yaml', line: 1, column: 1 };
const path = (p: string) => p.split('.');

export const c = {
  cmp: (p: string, cmp: CompareOp, value: unknown): Condition => ({ op: 'compare', path: path(p), cmp, value, at }),
  exists: (p: string, expected = true): Condition => ({ op: 'exists', path: path(p), expected, at }),
  matches: (p: string, re: string, negate = false): Condition => ({ op: 'matches', path: path(p), regex: compileRegex(re).regex!, negate, at }),
  within: (p: string, ms: number): Condition => ({ op: 'age', path: path(p), cmp: 'within', ms, at }),
  olderThan: (p: string, ms: number): Condition => ({ op: 'age', path: path(p), cmp: 'olderThan', ms, at }),
  span: (p: string, from: string, maxMs: number): Condition => ({ op: 'span', path: path(p), from: path(from), maxMs, at }),
  all: (...conditions: Condition[]): Condition => ({ op: 'all', conditions, at }),
  any: (...conditions: Condition[]): Condition => ({ op: 'any', conditions, at }),
  not: (condition: Condition): Condition => ({ op: 'not', condition, at }),
  every: (p: string, assert: Condition, where?: Condition): Condition => ({ op: 'every', path: path(p), assert, ...(where ? { where } : {}), at }),
  some: (p: string, assert?: Condition, where?: Condition): Condition => ({ op: 'some', path: path(p), ...(assert ? { assert } : {}), ...(where ? { where } : {}), at }),
  none: (p: string, assert?: Condition, where?: Condition): Condition => ({ op: 'none', path: path(p), ...(assert ? { assert } : {}), ...(where ? { where } : {}), at }),
  count: (p: string, cmp: CompareOp, value: number, where?: Condition): Condition => ({ op: 'count', path: path(p), cmp, value, ...(where ? { where } : {}), at }),
  /** Always unknown: looks up a field no resource has. */
  unknown: (): Condition => ({ op: 'compare', path: ['__absent__'], cmp: 'equals', value: 1, at }),
  t: (): Condition => ({ op: 'compare', path: ['__t'], cmp: 'equals', value: true, at }),
  f: (): Condition => ({ op: 'compare', path: ['__t'], cmp: 'equals', value: false, at }),
};

export const DAY = 86_400_000;

export function rule(overrides: Partial<Rule> & { id: string; assert: Condition }): Rule {
  return {
    policyId: 'test',
    title: `Title of ${overrides.id}`,
    severity: 'high',
    kind: 'repository',
    message: '{{ resource.name }} violates {{ rule.id }}',
    controls: { soc2: ['CC8.1'] },
    params: {},
    tags: [],
    enabled: true,
    examples: [],
    source: { file: 'test.yaml', line: 1, column: 1 },
    ...overrides,
  };
}

export function repo(name: string, fields: Record<string, unknown> = {}): Resource {
  return { id: `github:${name}`, kind: 'repository', provider: 'github', name, ...fields } as Resource;
}

export function resource(kind: ResourceKind, id: string, fields: Record<string, unknown> = {}): Resource {
  return { id, kind, provider: id.split(':')[0]!, name: id.split(':').slice(1).join(':'), ...fields } as Resource;
}
