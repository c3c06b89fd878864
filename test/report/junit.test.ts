import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import type { Report, Result } from '../../src/model/index.js';
import { compareResults, formatLocation } from '../../src/report/common.js';
import { oneLine, xmlText } from '../../src/report/escape.js';
import { renderJunit } from '../../src/report/junit/index.js';
import { fixtureReport, results as fixtureResults } from './fixture.js';
import { parseXml, type XmlElement } from './xml.js';

const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);

describe('the strict XML reader used here', () => {
  it('rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&bogus;</a>', '<a>\u0001</a>', '<a></a><b/>', '<a x=1/>', '<a x="<"/>', '<a>&</a>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml('<?xml version="1.0"?>\n<a x="&lt;&#65;"><b/>t&amp;</a>')).toEqual({
      name: 'a',
      attrs: { x: '<A' },
      children: [{ name: 'b', attrs: {}, children: [], text: '' }],
      text: 't&',
    });
  });
});

describe('renderJunit', () => {
  const xml = renderJunit(fixtureReport());
  const root = parseXml(xml);

  it('is well-formed XML 1.0 with an XML declaration', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(root.name).toBe('testsuites');
  });

  it('counts every result on the root', () => {
    expect(root.attrs).toMatchObject({ name: 'secpol 1.2.3', tests: '12', failures: '6', errors: '1', skipped: '3', time: '4.25', timestamp: '2026-03-01T12:00:00.000Z' });
  });

  it('has one testsuite per rule and one testcase per result', () => {
    const suites = root.children.filter((c) => c.name === 'testsuite');
    const ruleIds = [...new Set(fixtureResults.map((r) => r.ruleId))].sort();
    expect(suites.map((s) => s.attrs.name)).toEqual(ruleIds);
    for (const suite of suites) {
      const cases = suite.children.filter((c) => c.name === 'testcase');
      const expected = fixtureResults.filter((r) => r.ruleId === suite.attrs.name);
      expect(cases).toHaveLength(expected.length);
      expect(suite.attrs.tests).toBe(String(expected.length));
      expect(suite.attrs.failures).toBe(String(expected.filter((r) => r.status === 'fail').length));
    }
  });

  it('maps fail to failure, error to error, skip and waived to skipped with the reason', () => {
    const suite = (id: string): XmlElement | undefined => root.children.find((c) => c.name === 'testsuite' && c.attrs.name === id);
    const testcase = (id: string, resource: string): XmlElement | undefined => suite(id)?.children.find((c) => c.name === 'testcase' && c.attrs.name === resource);

    const failure = child(testcase('branch.protected', 'github:acme/api'), 'failure');
    expect(failure?.attrs).toEqual({ message: 'Default branch main of acme/api is not protected', type: 'high' });
    expect(failure?.text).toContain('Remediation: Enable branch protection for the default branch.');

    const error = child(testcase('org.mfa-required', 'github:acme'), 'error');
    expect(error?.attrs.message).toBe('forbidden: the token lacks the admin:org scope');

    expect(child(testcase('container.non-root', 'local:Dockerfile'), 'skipped')?.attrs.message).toBe('skipped: unsupported: the image has no USER instruction data');
    expect(child(testcase('backup.restore-tested', 'aws:backup-plan/daily'), 'skipped')?.attrs.message).toBe(
      'waived until 2026-03-10 (expiring soon): Restore drill scheduled for March (approved by ciso@acme.example)',
    );
    const pass = testcase('logging.audit-retention', 'aws:log-group/audit');
    expect(pass?.children).toEqual([]);
  });

  it('keeps evidence and locations in the failure body', () => {
    const suite = root.children.find((c) => c.attrs.name === 'ci.pinned-actions');
    const body = child(suite?.children.find((c) => c.name === 'testcase'), 'failure')?.text ?? '';
    expect(body).toContain('- actions/checkout@v4 is not pinned (.github/workflows/ci.yml:12:15)');
    expect(body).toContain('Location: .github/workflows/ci.yml:1');
  });

  it('strips characters XML cannot carry and terminal escapes from hostile text', () => {
    const suite = root.children.find((c) => c.attrs.name === 'custom.hostile');
    const failure = child(suite?.children.find((c) => c.name === 'testcase'), 'failure');
    expect(failure?.attrs.message).toContain('<script>alert("x")</script>');
    expect(failure?.attrs.message).toContain('nul bell lone fffe ok');
    expect(failure?.attrs.message).not.toContain('\n');
    expect(xml).not.toContain('\x1b');
  });

  it('renders an empty report', () => {
    const empty = parseXml(renderJunit(fixtureReport({ results: [] })));
    expect(empty.attrs.tests).toBe('0');
    expect(empty.children).toEqual([]);
  });
});

/**
 * The document as an XML DOM built and pretty-printed by xmlbuilder2 (how the report was made
 * before it was written element by element): the layout must not have changed.
 */
function viaXmlDom(report: Report): string {
  const attr = (v: string): string => oneLine(xmlText(v));
  const sorted = [...report.results].sort(compareResults);
  const ruleIds = [...new Set(sorted.map((r) => r.ruleId))].sort();
  const n = (list: Result[], ...statuses: Result['status'][]): string => String(list.filter((r) => statuses.includes(r.status)).length);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('testsuites', {
    name: attr(`${report.tool.name} ${report.tool.version}`),
    tests: String(report.results.length),
    failures: n(report.results, 'fail'),
    errors: n(report.results, 'error'),
    skipped: n(report.results, 'skip', 'waived'),
    time: '4.25',
    timestamp: attr(report.startedAt),
  });
  for (const ruleId of ruleIds) {
    const list = sorted.filter((r) => r.ruleId === ruleId);
    const first = list[0]!;
    const suite = root.ele('testsuite', {
      name: attr(ruleId),
      tests: String(list.length),
      failures: n(list, 'fail'),
      errors: n(list, 'error'),
      skipped: n(list, 'skip', 'waived'),
      time: '0',
      timestamp: attr(report.startedAt),
    });
    const props = suite.ele('properties');
    props.ele('property', { name: 'title', value: attr(first.title) });
    props.ele('property', { name: 'severity', value: first.severity });
    props.ele('property', { name: 'policy', value: attr(first.policyId) });
    for (const r of list) {
      const tc = suite.ele('testcase', {
        name: attr(r.resource.id),
        classname: attr(r.ruleId),
        time: '0',
        ...(r.location ? { file: attr(r.location.path), ...(r.location.line ? { line: String(r.location.line) } : {}) } : {}),
      });
      const lines = [`${r.ruleId} [${r.severity}] on ${r.resource.id} (${r.resource.kind})`, r.message];
      if (r.reason) lines.push(`Reason: ${r.reason}`);
      if (r.location) lines.push(`Location: ${formatLocation(r.location)}`);
      for (const e of r.evidence ?? []) lines.push(`- ${oneLine(e.message)}${e.location ? ` (${formatLocation(e.location)})` : ''}`);
      if (r.remediation) lines.push(`Remediation: ${r.remediation}`);
      const body = lines.map(xmlText).join('\n');
      if (r.status === 'fail') tc.ele('failure', { message: attr(r.message), type: r.severity }).txt(body);
      if (r.status === 'error') tc.ele('error', { message: attr(r.reason ?? r.message), type: 'evaluation-error' }).txt(body);
      if (r.status === 'skip') tc.ele('skipped', { message: attr(`skipped: ${r.reason ?? r.message}`) });
      if (r.status === 'waived') {
        const w = r.waiver;
        const why = w ? `waived until ${w.expires}${w.expiringSoon ? ' (expiring soon)' : ''}: ${w.reason}${w.approvedBy ? ` (approved by ${w.approvedBy})` : ''}` : 'waived';
        tc.ele('skipped', { message: attr(why) });
      }
    }
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}

describe('renderJunit written element by element', () => {
  it('lays out the document as xmlbuilder2 does, on every status and on many results', () => {
    expect(renderJunit(fixtureReport())).toBe(viaXmlDom(fixtureReport()));
    const many = Array.from({ length: 2000 }, (_, i): Result => {
      const base = fixtureResults[i % fixtureResults.length]!;
      return { ...base, resource: { ...base.resource, id: `${base.resource.id}-${i}` }, message: `${base.message} <${i}> & "q"` };
    });
    const big = fixtureReport({ results: many });
    expect(renderJunit(big)).toBe(viaXmlDom(big));
    expect(renderJunit(fixtureReport({ results: [] }))).toBe(viaXmlDom(fixtureReport({ results: [] })));
  });

  it('keeps text that looks like an entity or character reference as text', () => {
    const base = fixtureResults.find((r) => r.status === 'fail')!;
    const hostile: Result = {
      ...base,
      ruleId: 'x.&amp;',
      title: 'title &lt;b&gt;',
      resource: { ...base.resource, id: 'github:acme/&nbsp;&#1;&#x41;' },
      message: 'message &bogus; &amp; &#12;',
    };
    const doc = parseXml(renderJunit(fixtureReport({ results: [hostile] })));
    const suite = doc.children[0]!;
    expect(suite.attrs.name).toBe('x.&amp;');
    expect(suite.children[0]!.children.find((p) => p.attrs.name === 'title')?.attrs.value).toBe('title &lt;b&gt;');
    const testcase = suite.children.find((c) => c.name === 'testcase')!;
    expect(testcase.attrs.name).toBe('github:acme/&nbsp;&#1;&#x41;');
    const failure = child(testcase, 'failure')!;
    expect(failure.attrs.message).toBe('message &bogus; &amp; &#12;');
    expect(failure.text).toContain('message &bogus; &amp; &#12;');
  });
});
