import { describe, expect, it } from 'vitest';
import type { Result, RuleMeta } from '../../src/model/index.js';
import { renderReport, renderReportChunks } from '../../src/report/index.js';
import { sarifValidator } from '../helpers/sarif.js';
import { fixtureReport, results as fixtureResults, rules as fixtureRules } from './fixture.js';
import { parseXml } from './xml.js';

// Reports larger than one streamed piece (64 KiB), in the envelope as well as in the results:
// every piece must reach the output, in order.
const rules: RuleMeta[] = Array.from({ length: 300 }, (_, i) => ({ ...fixtureRules[i % fixtureRules.length]!, id: `bulk.rule-${i}` }));
const results: Result[] = Array.from({ length: 3000 }, (_, i) => ({
  ...fixtureResults[i % fixtureResults.length]!,
  ruleId: `bulk.rule-${i % 300}`,
  resource: { id: `github:acme/repo-${i}`, kind: 'repository', provider: 'github', name: `acme/repo-${i}` },
}));
const report = fixtureReport({ rules, results });

describe('reports larger than one piece', () => {
  it('JSON parses back with every result and rule', () => {
    const json = JSON.parse(renderReport('json', report)) as { results: unknown[]; rules: unknown[] };
    expect(json.results).toHaveLength(results.length);
    expect(json.rules).toHaveLength(rules.length);
  });

  it('SARIF is valid and holds one result per failing finding', () => {
    const text = renderReport('sarif', report, { sarifAll: true });
    expect(text.length).toBeGreaterThan(1 << 17);
    const sarif = JSON.parse(text) as { runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[] };
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    expect(sarif.runs[0]!.tool.driver.rules.length).toBeGreaterThan(0);
    expect(sarif.runs[0]!.results.length).toBeGreaterThanOrEqual(results.length);
  });

  it('JUnit parses back with one testcase per result', () => {
    const root = parseXml(renderReport('junit', report));
    const cases = root.children.flatMap((suite) => suite.children.filter((c) => c.name === 'testcase'));
    expect(cases).toHaveLength(results.length);
  });

  it('the streamed pieces join to the same text for every format', () => {
    for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'html'] as const) {
      const pieces = [...renderReportChunks(format, report, {})];
      expect(pieces.join(''), format).toBe(renderReport(format, report, {}));
    }
  });
});
