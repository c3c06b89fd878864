import { describe, expect, it } from 'vitest';
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
