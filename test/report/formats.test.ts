import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/index.js';
import {
  isReportFormat,
  renderComplianceExport,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderReport,
  renderReportChunks,
  renderSarif,
  renderText,
  reportFormats,
} from '../../src/report/index.js';
import { DEFAULT_MARKDOWN_LIMIT, MAX_DETAIL_ROWS } from '../../src/report/markdown/index.js';
import { fixtureReport, results as fixtureResults } from './fixture.js';

const report = fixtureReport();

describe('renderJson', () => {
  const doc = JSON.parse(renderJson(report)) as Record<string, unknown>;

  it('has the SPEC shape plus stats, rules, waivers and diagnostics, in a stable key order', () => {
    expect(Object.keys(doc)).toEqual(['tool', 'startedAt', 'finishedAt', 'failOn', 'summary', 'results', 'rules', 'waivers', 'diagnostics', 'stats']);
    expect(doc.tool).toEqual({ name: 'secpol', version: '1.2.3' });
    expect(doc.summary).toEqual({ pass: 2, fail: 6, error: 1, skip: 1, waived: 2 });
    expect(Object.keys(doc.stats as object)).toEqual(['aws', 'durationMs', 'github', 'resources']);
  });

  it('writes each result with the SPEC fields, leaving absent ones out', () => {
    const results = doc.results as Record<string, unknown>[];
    expect(results).toHaveLength(fixtureResults.length);
    const waived = results.find((r) => r.ruleId === 'backup.restore-tested');
    expect(waived).toEqual({
      ruleId: 'backup.restore-tested',
      policyId: 'builtin',
      title: 'Backups are restore-tested',
      severity: 'medium',
      status: 'waived',
      message: 'Last restore test was 45 days ago',
      resource: { id: 'aws:backup-plan/daily', kind: 'backup-plan', provider: 'aws', name: 'daily' },
      controls: { soc2: ['A1.3'], iso27001: ['A.8.13'] },
      waiver: { reason: 'Restore drill scheduled for March', expires: '2026-03-10', approvedBy: 'ciso@acme.example', expiringSoon: true },
    });
    const located = results.find((r) => r.ruleId === 'ci.pinned-actions');
    expect(Object.keys(located ?? {})).toEqual(['ruleId', 'policyId', 'title', 'severity', 'status', 'message', 'resource', 'location', 'evidence', 'controls']);
    expect(located?.location).toEqual({ path: '.github/workflows/ci.yml', line: 1 });
  });

  it('keeps newlines in messages but no terminal escapes', () => {
    const text = renderJson(report);
    expect(text).not.toMatch(/\\u001b|\\u0007/);
    expect(text).toContain('200 days ago\\n(limit 30 days)');
  });

  it('is deterministic', () => {
    expect(renderJson(fixtureReport())).toBe(renderJson(fixtureReport()));
  });
});

describe('renderMarkdown', () => {
  const out = renderMarkdown(report);

  it('opens with the verdict and a summary table', () => {
    expect(out).toContain('| Failed | 6 |');
    expect(out).toContain('| Waived | 2 |');
  });

  it('groups failures by severity, most severe first', () => {
    const headings = out.split('\n').filter((l) => l.startsWith('#### '));
    expect(headings).toEqual(['#### Critical (1)', '#### High (2)', '#### Medium (1)', '#### Low (2)']);
  });

  it('collapses waived, skipped and passed results', () => {
    expect(out).toContain('<details><summary>Waived (2)</summary>');
    expect(out).toContain('<details><summary>Skipped (1)</summary>');
    expect(out).toContain('<details><summary>Passed (2)</summary>');
  });

  it('links rule ids only to their http(s) docs', () => {
    expect(out).toContain('[branch.protected](https://secpol.example/docs/rules/branch.protected)');
    expect(out).not.toContain('](javascript');
  });

  it('caps collapsed tables to stay under comment size limits', () => {
    const pass = fixtureResults.find((r) => r.status === 'pass') as Result;
    const many = Array.from({ length: MAX_DETAIL_ROWS + 5 }, (_, i): Result => ({ ...pass, resource: { ...pass.resource, id: `github:acme/r${i}` } }));
    const big = renderMarkdown(fixtureReport({ results: many }));
    expect(big).toContain(`… and 5 more.`);
  });

  it('stays under the size cap at organization scale, summary first, and says what was left out', () => {
    const fail = fixtureResults.find((r) => r.ruleId === 'branch.protected') as Result;
    const pass = fixtureResults.find((r) => r.status === 'pass') as Result;
    const repos = Array.from({ length: 400 }, (_, i) => `github:acme/repository-with-a-long-name-${i}`);
    const results = repos.flatMap((id): Result[] => [
      { ...fail, resource: { ...fail.resource, id } },
      ...Array.from({ length: 10 }, (): Result => ({ ...pass, resource: { ...pass.resource, id } })),
    ]);
    const report = fixtureReport({ results });
    const capped = renderMarkdown(report);
    expect(capped.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_LIMIT);
    expect(capped).toContain('**400 failed');
    expect(capped).toMatch(/> \d+ more rows did not fit in this summary; write the full report with `--format json=<file>`/);
    const small = renderMarkdown(report, { limit: 10_000, fullReport: 'out/secpol.html' });
    expect(small).toContain('**400 failed');
    expect(small.length).toBeLessThanOrEqual(10_000);
    expect(small).toContain('the full report is in `out/secpol.html`');
    // Every table still closes: no dangling <details>.
    expect(small.match(/<details>/g)?.length).toBe(small.match(/<\/details>/g)?.length);
    expect(renderMarkdown(fixtureReport())).not.toContain('did not fit');
  });
});

describe('renderHtml', () => {
  const out = renderHtml(report);

  it('is one self-contained page', () => {
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(out).toContain('<meta charset="utf-8">');
    expect(out).toContain('<style>');
    expect(out).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it('shows failures by severity, errors, waivers, diagnostics and collapsed sections', () => {
    expect(out).toContain('<h3 class="sev-critical">Critical (1)</h3>');
    expect(out).toContain('<h2>Errors (1)</h2>');
    expect(out).toContain('<h2>Waivers needing attention</h2>');
    expect(out).toContain('<strong>expired</strong> (no longer applied)');
    expect(out).toContain('<details><summary>Passed (2)</summary>');
    expect(out).toContain('<code>policies/custom.yaml:3:7</code>: unknown key &quot;colour&quot;');
  });
});

describe('renderComplianceExport', () => {
  it('lists only controls that a rule maps to, in natural order', () => {
    const doc = JSON.parse(renderComplianceExport(report, 'soc2', 'json')) as { controls: { id: string; rules: { id: string }[]; counts: Record<string, number> }[] };
    expect(doc.controls.map((c) => c.id)).toEqual(['A1.3', 'CC6.1', 'CC7.2', 'CC8.1', 'CC9.9']);
    const cc61 = doc.controls.find((c) => c.id === 'CC6.1');
    expect(cc61?.rules.map((r) => r.id)).toEqual(['org.mfa-required', 'secrets.rotation-age', 'tokens.expiry']);
    expect(cc61?.counts).toEqual({ pass: 0, fail: 1, error: 1, skip: 0, waived: 1 });
  });

  it('gives each result its resource, status, timestamp and waiver', () => {
    const doc = JSON.parse(renderComplianceExport(report, 'soc2', 'json')) as {
      framework: string;
      controls: { id: string; results: Record<string, unknown>[] }[];
    };
    expect(doc.framework).toBe('soc2');
    const tokens = doc.controls.find((c) => c.id === 'CC6.1')?.results.find((r) => r.ruleId === 'tokens.expiry');
    expect(tokens).toMatchObject({
      resource: { id: 'github:acme/api/deploy-key/42', kind: 'token', provider: 'github' },
      status: 'waived',
      timestamp: '2026-03-01T12:00:04.250Z',
      waiver: { expires: '2026-12-31' },
    });
  });

  it('writes an empty export for a framework no rule maps to', () => {
    const onlyPass = fixtureReport({ results: fixtureResults.filter((r) => r.ruleId === 'logging.audit-retention'), rules: [] });
    const doc = JSON.parse(renderComplianceExport(onlyPass, 'cis-ssc', 'json')) as { controls: unknown[] };
    expect(doc.controls).toEqual([]);
    expect(renderComplianceExport(onlyPass, 'cis-ssc', 'markdown')).toContain('No evaluated rule maps to a control of this framework.');
  });

  it('csv has a header and one CRLF row per (control, result)', () => {
    const csv = renderComplianceExport(report, 'iso27001', 'csv');
    const rows = csv.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('framework,control,rule_id,rule_title,severity,resource_id,resource_kind,provider,status,timestamp,message,waiver_reason,waiver_expires,waiver_approved_by');
    const mapped = fixtureResults.reduce((n, r) => n + (r.controls.iso27001?.length ?? 0), 0);
    expect(rows).toHaveLength(mapped + 1);
    expect(csv).not.toMatch(/[^\r]\n/);
  });
});

describe('renderReport', () => {
  it('dispatches every format to its renderer', () => {
    expect(renderReport('text', report)).toBe(renderText(report, { color: false, verbose: false }));
    expect(renderReport('text', report, { color: true, verbose: true, width: 80 })).toBe(renderText(report, { color: true, verbose: true, width: 80 }));
    expect(renderReport('json', report)).toBe(renderJson(report));
    expect(renderReport('sarif', report)).toBe(renderSarif(report, { all: false }));
    expect(renderReport('sarif', report, { sarifAll: true, anchorFile: 'x.yaml' })).toBe(renderSarif(report, { all: true, anchorFile: 'x.yaml' }));
    expect(renderReport('junit', report)).toBe(renderJunit(report));
    expect(renderReport('markdown', report)).toBe(renderMarkdown(report));
    expect(renderReport('html', report)).toBe(renderHtml(report));
  });

  it('renderReportChunks gives the same text in pieces', () => {
    for (const format of reportFormats) {
      for (const options of [{}, { verbose: true, sarifAll: true, color: true }]) {
        expect([...renderReportChunks(format, report, options)].join('')).toBe(renderReport(format, report, options));
      }
    }
    const empty = { ...report, results: [], rules: [] };
    expect([...renderReportChunks('json', empty)].join('')).toBe(renderReport('json', empty));
  });

  it('json: many results in pieces, each result keeping its own rule fields', () => {
    const base = fixtureResults[0]!;
    const many: Result[] = Array.from({ length: 3000 }, (_, i) => ({
      ...base,
      // The same rule id with another title and policy every third result.
      title: i % 3 === 0 ? `other title ${i}` : base.title,
      policyId: i % 3 === 0 ? 'other.policy' : base.policyId,
      resource: { ...base.resource, id: `github:acme/repo-${i}`, name: `acme/repo-${i}` },
      message: `message ${i}`,
    }));
    const big = { ...report, results: many };
    const pieces = [...renderReportChunks('json', big)];
    expect(pieces.length).toBeGreaterThan(3);
    const text = pieces.join('');
    expect(text).toBe(renderJson(big));
    const parsed = JSON.parse(text) as { results: Record<string, unknown>[] };
    expect(parsed.results).toHaveLength(3000);
    parsed.results.forEach((r, i) => {
      expect(r.title).toBe(many[i]!.title);
      expect(r.policyId).toBe(many[i]!.policyId);
      expect((r.resource as { id: string }).id).toBe(`github:acme/repo-${i}`);
      expect(r.message).toBe(`message ${i}`);
    });
  });

  it('knows its formats', () => {
    expect(reportFormats).toEqual(['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'github', 'codequality', 'azure']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('pdf')).toBe(false);
  });

  it('does not mutate the report', () => {
    const before = JSON.stringify(report);
    for (const f of reportFormats) renderReport(f, report, { sarifAll: true, verbose: true });
    expect(JSON.stringify(report)).toBe(before);
  });
});
