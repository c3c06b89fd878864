import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineAgeWarning, baselineEntries } from '../../src/app/baseline.js';
import type { Result } from '../../src/model/index.js';

function result(over: Partial<Result>): Result {
  return {
    ruleId: 'code.no-hardcoded-secrets',
    policyId: 'builtin',
    title: 'No secrets in code',
    severity: 'critical',
    status: 'fail',
    message: 'secrets found',
    resource: { id: 'local:.', kind: 'repository', provider: 'local', name: '.' },
    controls: {},
    ...over,
  };
}

const secret = (message: string, line: number) => ({ message, location: { path: 'src/config.ts', line } });

describe('baseline', () => {
  const before = [result({ evidence: [secret('AWS key match AKIA****', 3)] })];
  const baseline = { shown: 'base.json', createdAt: '2026-01-01T00:00:00Z', entries: baselineEntries(before) };

  it('keeps a finding existing when lines above it move, and marks a new secret in the same file new', () => {
    const moved = [result({ evidence: [secret('AWS key match AKIA****', 40)] })];
    expect(applyBaseline(moved, baseline)).toMatchObject({ existing: 1, new: 0, fixed: [] });
    expect(moved[0]!.baseline).toBe('existing');
    const more = [result({ evidence: [secret('AWS key match AKIA****', 40), secret('GitHub token match ghp_****', 41)] })];
    expect(applyBaseline(more, baseline)).toMatchObject({ existing: 0, new: 1 });
    expect(more[0]!.baseline).toBe('new');
  });

  it('lets waivers win and reports entries matching nothing as fixed', () => {
    const waived = [result({ status: 'waived', waiver: { reason: 'test data', expires: '2027-01-01', expiringSoon: false }, evidence: before[0]!.evidence })];
    expect(applyBaseline(waived, baseline)).toMatchObject({ existing: 0, new: 0, fixed: [] });
    expect(waived[0]!.baseline).toBeUndefined();
    const passing = [result({ status: 'pass' })];
    expect(applyBaseline(passing, baseline).fixed).toEqual(baseline.entries);
  });

  it('warns past the maximum age only', () => {
    expect(baselineAgeWarning(baseline, new Date('2026-02-01T00:00:00Z'))).toBeUndefined();
    expect(baselineAgeWarning(baseline, new Date('2026-06-01T00:00:00Z'))?.message).toMatch(/151 days old \(older than 90d\)/);
  });
});
