import { describe, expect, it } from 'vitest';
import type { ReportFile } from '../../src/model/index.js';
import { toReport } from '../../src/app/report-input.js';

const rule = { id: 'r.one', policyId: 'p/one.yaml', title: 'One', severity: 'high', kind: 'repository', remediation: 'Fix it.', controls: { soc2: ['CC6.1'] }, tags: [], source: { file: 'p/one.yaml', line: 1, column: 1 } };
const result = (resource: string, name: string, controls: Record<string, string[]>) => ({
  ruleId: 'r.one',
  policyId: 'p/one.yaml',
  title: 'One',
  severity: 'high',
  status: 'fail',
  message: `${name} fails`,
  resource: { id: resource, kind: 'repository', provider: 'github', name },
  controls,
});

describe('toReport', () => {
  it('puts remediation back on each result and shares the parts that are equal, as JSON.parse copied them', () => {
    const text = JSON.stringify({
      rules: [rule],
      results: [result('github:a/x', 'a/x', { soc2: ['CC6.1'] }), result('github:a/x', 'a/x', { soc2: ['CC6.1'] }), result('github:a/x', 'a/x renamed', { soc2: ['CC6.1'], iso27001: ['A.5.17'] })],
    });
    const report = toReport(JSON.parse(text) as ReportFile);
    const [first, second, third] = report.results;
    expect(report.results.map((r) => r.remediation)).toEqual(['Fix it.', 'Fix it.', 'Fix it.']);
    expect(first!.controls).toBe(report.rules[0]!.controls);
    expect(second!.resource).toBe(first!.resource);
    // Not equal: kept as given.
    expect(third!.controls).toEqual({ soc2: ['CC6.1'], iso27001: ['A.5.17'] });
    expect(third!.resource).not.toBe(first!.resource);
    expect(third!.resource.name).toBe('a/x renamed');
    expect(JSON.parse(JSON.stringify(report.results.map(({ remediation: _, ...r }) => r)))).toEqual(JSON.parse(text).results);
  });
});
