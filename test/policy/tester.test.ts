import { describe, expect, it } from 'vitest';
import { compileRules, loadPolicyFiles, parsePolicyText, runExamples } from '../../src/policy/index.js';

const compileText = (text: string) => {
  const { definitions, diagnostics } = parsePolicyText(text, 'p.yaml', 'p.yaml');
  expect(diagnostics).toEqual([]);
  const compiled = compileRules(definitions, []);
  expect(compiled.diagnostics).toEqual([]);
  return compiled.rules;
};

describe('runExamples', () => {
  it('passes every example of the valid fixtures', async () => {
    const { definitions } = await loadPolicyFiles(['fixtures/policies/valid']);
    const outcomes = runExamples(compileRules(definitions, []).rules);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes).toHaveLength(11);
    const withParams = outcomes.find((o) => o.example === 'one approval is enough when configured so');
    expect(withParams).toMatchObject({ ok: true, expected: 'pass', actual: 'pass' });
    expect(outcomes.find((o) => o.example === 'protection not visible')).toMatchObject({
      actual: 'error',
      message: 'branchProtection: forbidden: needs admin',
      at: { file: 'fixtures/policies/valid/branches.yaml', line: 35, column: 9 },
    });
  });

  it('reports a wrong expectation with the actual status and why', () => {
    const rules = compileText(
      [
        'id: acme.fork',
        'title: Not a fork',
        'severity: low',
        'resource: repository',
        'assert: { path: fork, equals: false }',
        'message: "{{ resource.name }} is a fork"',
        'examples:',
        '  - { name: fork, expect: pass, resource: { fork: true } }',
        '  - { expect: skip, resource: {} }',
      ].join('\n'),
    );
    expect(runExamples(rules)).toEqual([
      {
        rule: 'acme.fork',
        example: 'fork',
        expected: 'pass',
        actual: 'fail',
        ok: false,
        message: 'expected pass, got fail: fork is a fork',
        resultMessage: 'fork is a fork',
        at: { file: 'p.yaml', line: 8, column: 5 },
      },
      {
        rule: 'acme.fork',
        example: '#2',
        expected: 'skip',
        actual: 'skip',
        ok: true,
        message: 'fork was not collected for this resource (example does not supply it)',
        resultMessage: 'skipped: fork was not collected for this resource (example does not supply it)',
        at: { file: 'p.yaml', line: 9, column: 5 },
      },
      expect.objectContaining({ rule: 'acme.fork', example: '(missing fail example)', ok: false, at: { file: 'p.yaml', line: 1, column: 1 } }),
    ]);
  });

  it('requires a fail example and an unknown example', () => {
    const rules = compileText(
      ['id: acme.bare', 'title: T', 'severity: low', 'resource: repository', 'assert: { path: fork, equals: false }', 'message: m'].join('\n'),
    );
    expect(runExamples(rules).map((o) => [o.example, o.expected, o.actual, o.ok])).toEqual([
      ['(missing fail example)', 'fail', 'none', false],
      ['(missing skip|error example)', 'skip|error', 'none', false],
    ]);
  });

  it('rejects an example resource that does not fit the model, and uses the example clock', () => {
    const rules = compileText(
      [
        'id: acme.rotation',
        'title: T',
        'severity: low',
        'resource: secret',
        'assert: { path: lastRotatedAt, within: 90d }',
        'message: m',
        'examples:',
        '  - { expect: fail, resource: { store: declared, lastRotatedAt: "2026-01-01" } }',
        '  - { expect: pass, now: "2026-01-15T00:00:00Z", resource: { store: declared, lastRotatedAt: "2026-01-01" } }',
        '  - { expect: error, resource: { store: declared, lastRotated: "2026-01-01" } }',
      ].join('\n'),
    );
    const outcomes = runExamples(rules);
    expect(outcomes.slice(0, 2).map((o) => o.ok)).toEqual([true, true]);
    expect(outcomes[2]).toMatchObject({ actual: 'invalid', ok: false });
    expect(outcomes[2]!.message).toMatch(/^example resource does not fit the secret model: resource: Unrecognized key: "lastRotated"/);
  });
});
