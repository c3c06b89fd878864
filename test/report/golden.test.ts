import { describe, it } from 'vitest';
import { renderComplianceExport, renderReport } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';
import { expectGolden } from './golden.js';

// One fixture report (every status, severity, waiver state, evidence with locations,
// diagnostics and hostile strings) pinned in every format.
describe('golden files', () => {
  const report = fixtureReport();

  it('text', () => expectGolden('report.golden.txt', renderReport('text', report)));
  it('text --verbose', () => expectGolden('report.verbose.golden.txt', renderReport('text', report, { verbose: true })));
  it('text with colour', () => expectGolden('report.color.golden.txt', renderReport('text', report, { color: true })));
  it('json', () => expectGolden('report.golden.json', renderReport('json', report)));
  it('sarif', () => expectGolden('report.golden.sarif', renderReport('sarif', report)));
  it('sarif --sarif-all', () => expectGolden('report.all.golden.sarif', renderReport('sarif', report, { sarifAll: true })));
  it('junit', () => expectGolden('report.golden.junit.xml', renderReport('junit', report)));
  it('markdown', () => expectGolden('report.golden.md', renderReport('markdown', report)));
  it('html', () => expectGolden('report.golden.html', renderReport('html', report)));
  it('compliance export: soc2 json', () => expectGolden('export.soc2.golden.json', renderComplianceExport(report, 'soc2', 'json')));
  it('compliance export: iso27001 markdown', () => expectGolden('export.iso27001.golden.md', renderComplianceExport(report, 'iso27001', 'markdown')));
  it('compliance export: nist-ssdf csv', () => expectGolden('export.nist-ssdf.golden.csv', renderComplianceExport(report, 'nist-ssdf', 'csv')));
});
