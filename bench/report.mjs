// Rendering speed of every report format on synthetic reports (prints figures; no assertions).
// Usage: node bench/report.mjs [results=20000]
import { performance } from 'node:perf_hooks';
import { bundleAndLoad } from './_bundle.mjs';

const { renderReport, renderComplianceExport } = await bundleAndLoad(
  'report.mjs',
  "export { renderReport, renderComplianceExport } from './src/report/index.ts';",
);

const n = Number(process.argv[2] ?? 20000);
const severities = ['critical', 'high', 'medium', 'low'];
const statuses = ['fail', 'pass', 'pass', 'skip', 'error', 'waived'];
const ruleCount = 45;
const rules = Array.from({ length: ruleCount }, (_, i) => ({
  id: `rule.${i}`,
  policyId: 'builtin',
  title: `Rule ${i} title`,
  description: `What rule ${i} checks`,
  severity: severities[i % 4],
  kind: 'repository',
  remediation: `Fix rule ${i} by doing the right thing`,
  controls: { soc2: [`CC${i % 9}.1`], iso27001: [`A.8.${i % 30}`], 'cis-ssc': ['1.1.3'], 'nist-ssdf': ['PO.3.2'] },
  tags: ['bench'],
  helpUri: `https://secpol.example/docs/rules/rule.${i}`,
  source: { file: 'policies/builtin/x.yaml', line: 1, column: 1 },
}));
const results = Array.from({ length: n }, (_, i) => {
  const rule = rules[i % ruleCount];
  const status = statuses[i % statuses.length];
  return {
    ruleId: rule.id,
    policyId: rule.policyId,
    title: rule.title,
    severity: rule.severity,
    status,
    message: `Resource repo-${i} does not meet ${rule.id} <b>|x|</b>`,
    ...(status === 'skip' || status === 'error' ? { reason: 'forbidden: missing scope' } : {}),
    resource: { id: `github:acme/repo-${i}`, kind: 'repository', provider: 'github', name: `acme/repo-${i}` },
    ...(i % 3 === 0 ? { location: { path: `.github/workflows/ci-${i}.yml`, line: 3 } } : {}),
    ...(i % 5 === 0 ? { evidence: [{ message: 'uses actions/checkout@v4', location: { path: `.github/workflows/ci-${i}.yml`, line: 12 } }, { message: 'no location' }] } : {}),
    controls: rule.controls,
    remediation: rule.remediation,
    ...(status === 'waived' ? { waiver: { reason: 'accepted risk', expires: '2026-12-31', expiringSoon: i % 2 === 0 } } : {}),
  };
});
const summary = { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
for (const r of results) summary[r.status] += 1;
const report = {
  tool: { name: 'secpol', version: '0.0.0-bench' },
  startedAt: '2026-03-01T12:00:00.000Z',
  finishedAt: '2026-03-01T12:01:00.000Z',
  failOn: 'high',
  summary,
  results,
  rules,
  waivers: [],
  diagnostics: [],
  stats: {},
};

function time(label, fn) {
  fn(); // warm-up
  const runs = 3;
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < runs; i++) bytes = fn().length;
  const ms = (performance.now() - start) / runs;
  console.log(`${label.padEnd(22)} ${ms.toFixed(1).padStart(8)} ms  ${(bytes / 1024 / 1024).toFixed(2).padStart(7)} MiB`);
}

console.log(`${n} results, ${ruleCount} rules (node ${process.version})`);
for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'html']) time(format, () => renderReport(format, report));
time('text --verbose', () => renderReport('text', report, { verbose: true }));
time('sarif --sarif-all', () => renderReport('sarif', report, { sarifAll: true }));
time('export soc2 csv', () => renderComplianceExport(report, 'soc2', 'csv'));
time('export soc2 json', () => renderComplianceExport(report, 'soc2', 'json'));
