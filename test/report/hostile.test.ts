/* eslint-disable no-control-regex -- these tests look for terminal escapes and control characters */
import { describe, expect, it } from 'vitest';
import { renderComplianceExport, renderReport, reportFormats } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

// The fixture's resource names, messages, rule titles, remediations, waiver reasons and
// diagnostics hold terminal escapes, newlines, HTML, Markdown links, table pipes, formulas,
// mentions, bidi overrides and characters XML cannot carry.
const report = fixtureReport();

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/u;
const LONE_SURROGATE = /\p{Cs}/u;

describe('every format neutralises hostile input', () => {
  const outputs: [string, string][] = [
    ...reportFormats.map((f): [string, string] => [f, renderReport(f, report, { verbose: true, sarifAll: true })]),
    ['text (colour)', renderReport('text', report, { color: true, verbose: true })],
    ['export json', renderComplianceExport(report, 'soc2', 'json')],
    ['export markdown', renderComplianceExport(report, 'soc2', 'markdown')],
    ['export csv', renderComplianceExport(report, 'soc2', 'csv')],
  ];

  for (const [name, out] of outputs) {
    it(`${name}: no terminal escapes, control characters or lone surrogates`, () => {
      const withoutOurColours = name === 'text (colour)' ? out.replace(/\x1b\[[0-9;]*m/g, '') : out;
      expect(withoutOurColours).not.toContain('\x1b');
      expect(withoutOurColours).not.toMatch(CONTROL);
      expect(out).not.toMatch(LONE_SURROGATE);
      expect(out).not.toContain('http://evil.example\x07');
    });
  }

  it('colour output holds only SGR colour sequences', () => {
    const out = renderReport('text', report, { color: true, verbose: true });
    const escapes = out.match(/\x1b[^m]*m/g) ?? [];
    expect(escapes.length).toBeGreaterThan(0);
    for (const e of escapes) expect(e).toMatch(/^\x1b\[[0-9;]*m$/);
    expect(out.split('\x1b').length - 1).toBe(escapes.length);
  });

  it('text: one finding per line, hostile newlines flattened', () => {
    const out = renderReport('text', report, { verbose: false });
    const lines = out.split('\n');
    // The rule's block: its header, then the resource with the finding on one line.
    const line = lines[lines.findIndex((l) => l.includes('custom.hostile')) + 1];
    expect(line).toContain('first line second line third');
    expect(out).not.toContain('second line\n');
  });

  it('markdown: no live HTML, link, image, mention or extra table cell', () => {
    const out = renderReport('markdown', report);
    expect(out).not.toMatch(/(^|[^\\])<script/i);
    expect(out).not.toMatch(/\]\(javascript:/i);
    expect(out).not.toMatch(/(^|[^\\])\[x\]/);
    expect(out).not.toMatch(/(^|[^\u200d])@acme/);
    // Every table row has as many unescaped pipes as its header.
    const lines = out.split('\n');
    let expected = -1;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        expected = -1;
        continue;
      }
      const pipes = (line.match(/(?<!\\)\|/g) ?? []).length;
      if (expected === -1) expected = pipes;
      expect(pipes, line).toBe(expected);
    }
    // Hostile text never starts a line (no heading, quote or list injected).
    expect(lines.some((l) => l.startsWith('# not a heading'))).toBe(false);
  });

  it('html: everything escaped, no script, strict CSP', () => {
    const out = renderReport('html', report);
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).not.toMatch(/href="javascript:/i);
    expect(out).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    expect(out).not.toMatch(/\s(?:src|srcset)=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(out)?.[1] ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; base-uri 'none'; form-action 'none'$/);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('html: the CSP hash matches the inline stylesheet', async () => {
    const { createHash } = await import('node:crypto');
    const out = renderReport('html', report);
    const css = /<style>([\s\S]*?)<\/style>/.exec(out)?.[1] ?? '';
    const hash = createHash('sha256').update(css).digest('base64');
    expect(out).toContain(`style-src 'sha256-${hash}'`);
  });

  it('html: only http(s) rule links, with no referrer', () => {
    const out = renderReport('html', report);
    const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  });

  it('csv: formula cells defused', () => {
    const csv = renderComplianceExport(
      fixtureReport({
        results: report.results.map((r) => (r.ruleId === 'branch.protected' ? { ...r, resource: { ...r.resource, id: '=cmd|/C calc!A0' }, message: '+1-2', waiver: undefined } : r)),
      }),
      'soc2',
      'csv',
    );
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(csv).toContain(`'=cmd|/C calc!A0`);
  });
});
