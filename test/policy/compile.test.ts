import { describe, expect, it } from 'vitest';
import type { Condition, Repository, Rule } from '../../src/model/index.js';
import { evaluate } from '../../src/engine/index.js';
import { formatDiagnostic } from '../../src/shared/errors.js';
import { compileRule, compileRules, loadPolicyFiles, parsePolicyText } from '../../src/policy/index.js';
import type { RuleDefinition } from '../../src/policy/index.js';

const F = 'fixtures/policies';

function defs(text: string, file = 'p.yaml'): RuleDefinition[] {
  const { definitions, diagnostics } = parsePolicyText(text, file, file);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return definitions;
}

const ruleText = (extra: string) =>
  ['id: acme.rule', 'title: T {{ params.min }}', 'severity: high', 'resource: repository', 'params: { min: 2, names: [main, master] }', 'message: m', extra].join('\n');

describe('compileRule', () => {
  it('substitutes params with their types and records every condition position', () => {
    const [def] = defs(
      ruleText(
        [
          'assert:',
          '  all:',
          '    - { path: branchProtection.requiredApprovals, gte: "{{ params.min }}" }',
          '    - path: defaultBranch',
          '      in: "{{ params.names }}"',
        ].join('\n'),
      ),
    );
    const { rule, diagnostics } = compileRule(def!);
    expect(diagnostics).toEqual([]);
    expect(rule!.title).toBe('T 2');
    const assert = rule!.assert as Extract<Condition, { op: 'all' }>;
    expect(assert.at).toEqual({ file: 'p.yaml', line: 8, column: 3 });
    expect(assert.conditions[0]).toMatchObject({ op: 'compare', cmp: 'gte', value: 2, path: ['branchProtection', 'requiredApprovals'], at: { line: 9, column: 7 } });
    expect(assert.conditions[1]).toMatchObject({ op: 'compare', cmp: 'in', value: ['main', 'master'], at: { line: 10, column: 7 } });
  });

  it('merges override params over defaults and applies severity, enabled and resources', () => {
    const [def] = defs(ruleText('assert: { path: branchProtection.requiredApprovals, gte: "{{ params.min }}" }'));
    const { rule, diagnostics } = compileRule(def!, {
      rule: 'acme.rule',
      severity: 'critical',
      enabled: false,
      params: { min: 3 },
      resources: { include: ['github:acme/*'], exclude: [] },
    });
    expect(diagnostics).toEqual([]);
    expect(rule).toMatchObject({ severity: 'critical', enabled: false, params: { min: 3, names: ['main', 'master'] }, title: 'T 3', match: { include: ['github:acme/*'] } });
    expect(rule!.assert).toMatchObject({ value: 3 });
  });

  it('reports an unknown override param and a param of the wrong type at the override', () => {
    const [def] = defs(ruleText('assert: { path: branchProtection.requiredApprovals, gte: "{{ params.min }}" }'));
    const source = { file: 'secpol.yaml', line: 7, column: 5 };
    const { rule, diagnostics } = compileRule(def!, { rule: 'acme.rule', params: { minimum: 3, min: 'three' }, source });
    expect(rule).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'secpol.yaml:7:5: rule "acme.rule" has no param "minimum" (its params: min, names)',
      'secpol.yaml:7:5: param "min" of rule "acme.rule" must be a number like its default 2, got "three"',
    ]);
  });

  it('reports an unknown param named in a condition or a template', () => {
    const [def] = defs(
      ['id: acme.rule', 'title: T', 'severity: high', 'resource: repository', 'message: "{{ params.nope }} {{ resourc.name }}"', 'assert: { path: x, gte: "{{ params.min }}" }'].join('\n'),
    );
    expect(compileRule(def!).diagnostics.map(formatDiagnostic)).toEqual([
      'p.yaml:6:25: unknown param "min" (the rule declares no params)',
      'p.yaml:5:10: template "{{ params.nope }}" names an unknown param "nope" (the rule declares no params)',
      'p.yaml:5:10: template "{{ resourc.name }}" looks up "resourc"; here you may use resource.<field>, params.<field>, rule.<field>, count',
    ]);
  });

  it('reports an invalid regex located at the pattern', async () => {
    const { definitions, diagnostics } = await loadPolicyFiles([`${F}/invalid/invalid-regex.yaml`]);
    expect(definitions).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${F}/invalid/invalid-regex.yaml:7:12: invalid regular expression "^(main|master": missing closing ): \`^(main|master\` (RE2 syntax: no backreferences or lookaround)`,
    ]);
  });

  it('reports an invalid regex that only appears once params are substituted', () => {
    const [def] = defs(
      ['id: acme.rule', 'title: T', 'severity: high', 'resource: repository', 'message: m', 'params: { pattern: "^[a-z" }', 'assert: { path: defaultBranch, matches: "{{ params.pattern }}" }'].join('\n'),
    );
    expect(compileRule(def!).diagnostics.map(formatDiagnostic)).toEqual([
      'p.yaml:7:41: invalid regular expression "^[a-z": missing closing ]: `[a-z` (RE2 syntax: no backreferences or lookaround)',
    ]);
  });

  it('rejects RE2-incompatible constructs such as backreferences', () => {
    const [def] = defs(['id: acme.rule', 'title: T', 'severity: high', 'resource: repository', 'message: m', 'params: { p: "(a)\\\\1" }', 'assert: { path: name, matches: "{{ params.p }}" }'].join('\n'));
    const messages = compileRule(def!).diagnostics.map(formatDiagnostic);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^p\.yaml:7:32: invalid regular expression "\(a\)\\\\1": .*backreferences/);
  });

  it('runs a catastrophic pattern in linear time on a 100 KB input', () => {
    const [def] = defs(['id: acme.redos', 'title: T', 'severity: low', 'resource: repository', 'message: m', 'assert: { path: name, notMatches: "^(a+)+$" }'].join('\n'));
    const { rule } = compileRule(def!);
    const hostile = `${'a'.repeat(100_000)}!`;
    const matching = 'a'.repeat(100_000);
    const mk = (name: string): Repository => ({ id: `github:acme/${name.length}`, kind: 'repository', provider: 'github', name });
    const { results } = evaluate([rule!], [mk(hostile), mk(matching)], { now: new Date('2026-06-01T00:00:00Z') });
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail']);
  });

  it('parses durations and the span operator', () => {
    const [def] = defs(
      [
        'id: acme.tokens',
        'title: T',
        'severity: low',
        'resource: token',
        'message: m',
        'params: { maxLifetime: 365d }',
        'assert:',
        '  all:',
        '    - { path: lastUsedAt, within: 13mo }',
        '    - { path: createdAt, olderThan: 6h }',
        '    - path: expiresAt',
        '      atMostAfter: { path: createdAt, by: "{{ params.maxLifetime }}" }',
      ].join('\n'),
    );
    const { rule } = compileRule(def!);
    const conditions = (rule!.assert as Extract<Condition, { op: 'all' }>).conditions;
    expect(conditions[0]).toMatchObject({ op: 'age', cmp: 'within', ms: 390 * 86_400_000 });
    expect(conditions[1]).toMatchObject({ op: 'age', cmp: 'olderThan', ms: 6 * 3_600_000 });
    expect(conditions[2]).toMatchObject({ op: 'span', path: ['expiresAt'], from: ['createdAt'], maxMs: 365 * 86_400_000 });
  });

  it('supports quoted path segments for keys holding dots', () => {
    const [def] = defs(
      ['id: acme.labels', 'title: T', 'severity: low', 'resource: container-image', 'message: m', 'assert: { path: \'labels["org.opencontainers.image.source"]\', exists: true }'].join('\n'),
    );
    expect(compileRule(def!).rule!.assert).toMatchObject({ op: 'exists', path: ['labels', 'org.opencontainers.image.source'] });
  });
});

describe('compileRules', () => {
  it('reports a duplicate rule id across files naming both locations', async () => {
    const { definitions, diagnostics } = await loadPolicyFiles([`${F}/duplicate`]);
    expect(diagnostics).toEqual([]);
    const compiled = compileRules(definitions, []);
    expect(compiled.diagnostics.map(formatDiagnostic)).toEqual([
      `${F}/duplicate/b.yaml:9:5: duplicate rule id "acme.same" (first defined at ${F}/duplicate/a.yaml:1:1)`,
    ]);
    expect(compiled.rules.map((r: Rule) => [r.id, r.title])).toEqual([
      ['acme.same', 'First'],
      ['acme.other', 'Other'],
    ]);
  });

  it('reports an override naming an unknown rule at the override, with a hint', async () => {
    const { definitions } = await loadPolicyFiles([`${F}/valid`]);
    const { diagnostics } = compileRules(definitions, [{ rule: 'acme.min-aprovals', severity: 'low', source: { file: 'secpol.yaml', line: 12, column: 3 } }]);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['secpol.yaml:12:3: override for unknown rule id "acme.min-aprovals" (did you mean "acme.min-approvals"?)']);
  });

  it('reports a waiver naming an unknown rule at the waiver; globs that match are fine', async () => {
    const { definitions } = await loadPolicyFiles([`${F}/valid`]);
    const waiver = { resource: 'github:acme/*', reason: 'r', expires: '2027-01-31' };
    const { diagnostics } = compileRules(
      definitions,
      [],
      [
        { ...waiver, rule: 'acme.*', source: { file: 'secpol.yaml', line: 20, column: 5 } },
        { ...waiver, rule: 'branch.signed-commits', source: { file: 'secpol.yaml', line: 25, column: 5 } },
      ],
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual(['secpol.yaml:25:5: waiver names unknown rule id "branch.signed-commits"']);
  });
});

describe('params in field paths', () => {
  it('accepts a field path taken from a param and checks it once substituted', () => {
    const text = (field: string) =>
      ['id: acme.flag', 'title: T', 'severity: low', 'resource: repository', 'message: m', `params: { field: "${field}" }`, 'assert: { path: "{{ params.field }}", equals: true }'].join('\n');
    const [good] = defs(text('secretScanning'));
    expect(compileRule(good!).rule!.assert).toMatchObject({ op: 'compare', path: ['secretScanning'] });
    const [bad] = defs(text('a..b'));
    expect(compileRule(bad!).diagnostics.map(formatDiagnostic)).toEqual(['p.yaml:7:17: field path "a..b" has an empty segment']);
  });
});

describe('messages: a failure worded for its case', () => {
  const text = [
    'id: acme.approvals',
    'title: T',
    'severity: high',
    'resource: repository',
    'params: { min: 1 }',
    'assert:',
    '  all:',
    '    - { path: branchProtection.protected, equals: true }',
    '    - { path: branchProtection.requiredApprovals, gte: "{{ params.min }}" }',
    'message: "{{ resource.name }} needs {{ resource.branchProtection.requiredApprovals }} approvals"',
    'messages:',
    '  - when: { path: branchProtection.protected, equals: false }',
    '    text: "{{ resource.name }} is not protected (policy: {{ params.min }})"',
  ].join('\n');
  const repo = (branchProtection: Record<string, unknown>) => ({ id: 'r', kind: 'repository', provider: 't', name: 'acme/api', branchProtection }) as unknown as Repository;

  it('renders the first case whose condition holds, else the message', () => {
    const { rule } = compileRule(defs(text)[0]!);
    const { results } = evaluate([rule!], [repo({ protected: false }), { ...repo({ protected: true, requiredApprovals: 0 }), id: 'r2' }], { now: new Date() });
    expect(results.map((r) => r.message)).toEqual(['acme/api is not protected (policy: 1)', 'acme/api needs 0 approvals']);
  });

  it('locates a bad case condition and an unknown param in its text', () => {
    const bad = text.replace('equals: false }', 'bogus: 1 }').replace('{{ params.min }})', '{{ params.max }})');
    const { rule, diagnostics } = compileRule(defs(bad)[0]!);
    expect(rule).toBeUndefined();
    const lines = diagnostics.map(formatDiagnostic);
    expect(lines.some((l) => l.startsWith('p.yaml:12:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('p.yaml:13:') && l.includes('"max"'))).toBe(true);
  });
});

describe('paramsOf: two rules that split findings share one switch', () => {
  const pair = (dependent: string[]) =>
    defs(
      [
        'rules:',
        '  - id: acme.code',
        '    title: Code',
        '    severity: critical',
        '    resource: repository',
        '    params: { apart: [test] }',
        '    assert: { none: secretFindings, where: { path: context, notIn: "{{ params.apart }}" } }',
        '    message: m',
        '  - id: acme.tests',
        '    title: Tests',
        '    severity: low',
        '    resource: repository',
        ...dependent.map((l) => `    ${l}`),
        '    assert: { none: secretFindings, where: { path: context, in: "{{ params.apart }}" } }',
        '    message: m',
      ].join('\n'),
    );
  const finding = { path: 'test/a.json', line: 1, detector: 'd', fingerprint: 'f', masked: 'x***', context: 'test' as const };
  const repo: Repository = { id: 'local:.', kind: 'repository', provider: 'local', name: 'r', secretFindings: [finding] };
  const statuses = (rules: Rule[]) => Object.fromEntries(evaluate(rules, [repo], { now: new Date('2026-01-01T00:00:00Z') }).results.map((r) => [r.ruleId, r.status]));

  it('takes the other rule defaults and its override: one switch moves a finding from one rule to the other', () => {
    const definitions = pair(['paramsOf: acme.code']);
    const byDefault = compileRules(definitions, []);
    expect(byDefault.diagnostics).toEqual([]);
    expect(statuses(byDefault.rules)).toEqual({ 'acme.code': 'pass', 'acme.tests': 'fail' });
    const asCode = compileRules(definitions, [{ rule: 'acme.code', params: { apart: [] } }]);
    expect(asCode.diagnostics).toEqual([]);
    expect(statuses(asCode.rules)).toEqual({ 'acme.code': 'fail', 'acme.tests': 'pass' });
  });

  it('refuses params of its own, an override of its params, and an unknown source, each at its place', () => {
    const own = compileRules(pair(['paramsOf: acme.code', 'params: { apart: [docs] }']), []);
    expect(own.diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^p\.yaml:\d+:\d+: a rule with paramsOf declares no params of its own \(they come from "acme\.code"\)$/)]);
    const override = compileRules(pair(['paramsOf: acme.code']), [{ rule: 'acme.tests', params: { apart: [] }, source: { file: 'secpol.yaml', line: 4, column: 5 } }]);
    expect(override.diagnostics.map(formatDiagnostic)).toEqual(['secpol.yaml:4:5: rule "acme.tests" takes its params from "acme.code": set them under rules.acme.code.params']);
    const unknown = compileRules(pair(['paramsOf: acme.nope']), []);
    expect(unknown.diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^p\.yaml:\d+:\d+: paramsOf names unknown rule id "acme\.nope"$/)]);
  });
});
