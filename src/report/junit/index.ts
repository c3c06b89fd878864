import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Report, Result } from '../../model/index.js';
import { compareResults, durationSeconds, formatLocation } from '../common.js';
import { oneLine, xmlText } from '../escape.js';

/**
 * JUnit XML for CI test tabs (GitLab, Azure DevOps, Jenkins): one `<testsuite>` per rule, one
 * `<testcase>` per (rule, resource) result; `fail` is a `<failure>`, `error` an `<error>`,
 * `skip` and `waived` are `<skipped>` with the reason. Built with xmlbuilder2; characters
 * XML 1.0 cannot carry and terminal escapes are removed first.
 */
export function renderJunit(report: Report): string {
  const attr = (value: string): string => oneLine(xmlText(value));
  const body = (value: string): string => xmlText(value);

  const byRule = new Map<string, Result[]>();
  for (const r of [...report.results].sort(compareResults)) {
    const list = byRule.get(r.ruleId);
    if (list) list.push(r);
    else byRule.set(r.ruleId, [r]);
  }
  const ruleIds = [...byRule.keys()].sort();
  const count = (results: readonly Result[], status: Result['status']): number => results.filter((r) => r.status === status).length;
  const skippedCount = (results: readonly Result[]): number => count(results, 'skip') + count(results, 'waived');
  const seconds = durationSeconds(report) ?? 0;

  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('testsuites', {
    name: attr(`${report.tool.name} ${report.tool.version}`),
    tests: String(report.results.length),
    failures: String(count(report.results, 'fail')),
    errors: String(count(report.results, 'error')),
    skipped: String(skippedCount(report.results)),
    time: String(seconds),
    timestamp: attr(report.startedAt),
  });

  for (const ruleId of ruleIds) {
    const results = byRule.get(ruleId) ?? [];
    const first = results[0];
    if (!first) continue;
    const suite = root.ele('testsuite', {
      name: attr(ruleId),
      tests: String(results.length),
      failures: String(count(results, 'fail')),
      errors: String(count(results, 'error')),
      skipped: String(skippedCount(results)),
      time: '0',
      timestamp: attr(report.startedAt),
    });
    const props = suite.ele('properties');
    props.ele('property', { name: 'title', value: attr(first.title) });
    props.ele('property', { name: 'severity', value: first.severity });
    props.ele('property', { name: 'policy', value: attr(first.policyId) });
    for (const r of results) addCase(suite, r, attr, body);
  }

  return `${doc.end({ prettyPrint: true })}\n`;
}

function addCase(suite: XMLBuilder, r: Result, attr: (v: string) => string, body: (v: string) => string): void {
  const testcase = suite.ele('testcase', {
    name: attr(r.resource.id),
    classname: attr(r.ruleId),
    time: '0',
    ...(r.location ? { file: attr(r.location.path), ...(r.location.line ? { line: String(r.location.line) } : {}) } : {}),
  });
  const details = detailLines(r).map(body).join('\n');
  switch (r.status) {
    case 'fail':
      testcase.ele('failure', { message: attr(r.message), type: r.severity }).txt(details);
      break;
    case 'error':
      testcase.ele('error', { message: attr(r.reason ?? r.message), type: 'evaluation-error' }).txt(details);
      break;
    case 'skip':
      testcase.ele('skipped', { message: attr(`skipped: ${r.reason ?? r.message}`) });
      break;
    case 'waived': {
      const w = r.waiver;
      const why = w
        ? `waived until ${w.expires}${w.expiringSoon ? ' (expiring soon)' : ''}: ${w.reason}${w.approvedBy ? ` (approved by ${w.approvedBy})` : ''}`
        : 'waived';
      testcase.ele('skipped', { message: attr(why) });
      break;
    }
    case 'pass':
      break;
  }
}

function detailLines(r: Result): string[] {
  const lines = [`${r.ruleId} [${r.severity}] on ${r.resource.id} (${r.resource.kind})`, r.message];
  if (r.reason) lines.push(`Reason: ${r.reason}`);
  if (r.location) lines.push(`Location: ${formatLocation(r.location)}`);
  for (const e of r.evidence ?? []) lines.push(`- ${oneLine(e.message)}${e.location ? ` (${formatLocation(e.location)})` : ''}`);
  if (r.remediation) lines.push(`Remediation: ${r.remediation}`);
  return lines;
}
