/* eslint-disable no-control-regex -- these tests look for control characters */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/model/index.js';
import { githubStepSummary, renderAzure, renderCodeQuality, renderGithub, renderMarkdown } from '../../src/report/index.js';
import { ANNOTATIONS_PER_LEVEL } from '../../src/report/github/index.js';
import { fixtureReport, results as fixtureResults, summarise } from './fixture.js';

const report = fixtureReport();

/**
 * Reads a line as the Actions runner reads a workflow command (ActionCommand.TryParseV2): `::`,
 * the command, properties split at `,` and their first `=`, `::`, data; then unescapes what
 * @actions/core escapes. Returns undefined for a line that is not a command.
 */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('::')) return undefined;
  const end = trimmed.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = trimmed.slice(2, end);
  const space = head.indexOf(' ');
  const command = space < 0 ? head : head.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeGithub(pair.slice(eq + 1), true);
    }
  }
  return { command, properties, data: unescapeGithub(trimmed.slice(end + 2), false) };
}

function unescapeGithub(text: string, property: boolean): string {
  let out = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

/** As the Azure Pipelines agent reads a line: the first `##vso[`, area.event, `;`-separated properties, `]`, data. */
function parseLoggingCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const start = line.indexOf('##vso[');
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  const inner = line.slice(start + 6, close);
  const space = inner.indexOf(' ');
  const command = space < 0 ? inner : inner.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of inner.slice(space + 1).split(';')) {
      if (pair.trim() === '') continue;
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeAzure(pair.slice(eq + 1), true);
    }
  }
  return { command, properties, data: unescapeAzure(line.slice(close + 1), false) };
}

function unescapeAzure(text: string, property: boolean): string {
  let out = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%5D/g, ']').replace(/%3B/g, ';');
  return out.replace(/%AZP25/g, '%');
}

function manyFailures(n: number, severity: Result['severity']): Result[] {
  const base = fixtureResults.find((r) => r.ruleId === 'repo.security-policy')!;
  return Array.from({ length: n }, (_, i) => ({ ...base, severity, resource: { ...base.resource, id: `github:acme/repo-${i}` }, location: { path: `src/f${i}.ts`, line: i + 1 } }));
}

describe('--format github', () => {
  const out = renderGithub(report);
  const lines = out.trimEnd().split('\n');
  const commands = lines.map(parseWorkflowCommand);

  it('annotates each failure and error, errors at or above --fail-on first, then ends with the summary line', () => {
    const annotated = commands.filter((c) => c !== undefined);
    const shown = report.results.filter((r) => r.status === 'fail' || r.status === 'error');
    expect(annotated).toHaveLength(shown.length);
    const levels = annotated.map((c) => c.command);
    expect(levels.lastIndexOf('error')).toBeLessThan(levels.indexOf('warning'));
    expect(lines.at(-1)).toMatch(/failed .* — fail-on high/);
  });

  it('points at the file, line and column, relative to the repository', () => {
    const pinned = commands.find((c) => c?.properties.title?.startsWith('ci.pinned-actions'));
    expect(pinned?.properties).toMatchObject({ file: '.github/workflows/ci.yml', line: '1' });
    const hostileEvidence = commands.find((c) => c?.properties.title?.startsWith('custom.hostile'));
    expect(hostileEvidence?.properties).toMatchObject({ file: 'src/<script>.ts', line: '7', col: '3' });
    const settings = commands.find((c) => c?.properties.title?.startsWith('org.mfa-required'));
    expect(settings?.properties.file).toBeUndefined();
    expect(settings?.properties.title).toContain('not evaluated');
  });

  it('escapes data and properties so hostile text reads back as itself and starts no command', () => {
    // Every line is one of ours: a command, the overflow note or the summary.
    for (const [i, line] of lines.entries()) if (i < lines.length - 1) expect(line.startsWith('::error ') || line.startsWith('::warning ')).toBe(true);
    const hostile = commands.find((c) => c?.properties.title?.startsWith('custom.hostile'));
    expect(hostile?.data).toContain('<script>alert("x")</script>');
    expect(hostile?.data).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(hostile?.properties.file).toBe('src/<script>.ts');
    // A title holding `:` and `,` survives the property escaping.
    const withColon = parseWorkflowCommand(renderGithub(fixtureReport({ results: [{ ...report.results[0]!, title: 'a: b, c %0A d' }] })).split('\n')[0]!);
    expect(withColon?.properties.title).toBe('branch.protected (high): a: b, c %0A d');
    const multi = commands.find((c) => c?.properties.title?.startsWith('secrets.rotation-age'));
    expect(multi?.data.split('\n')[0]).toBe('Secret db-password was last rotated 200 days ago (limit 30 days)');
  });

  it(`shows at most ${ANNOTATIONS_PER_LEVEL} annotations per level, as GitHub does, and says how many more there are`, () => {
    const big = fixtureReport({ results: [...manyFailures(14, 'high'), ...manyFailures(13, 'low')] });
    const many = renderGithub(big).trimEnd().split('\n');
    const parsed = many.map(parseWorkflowCommand).filter((c) => c !== undefined);
    expect(parsed.filter((c) => c.command === 'error')).toHaveLength(10);
    expect(parsed.filter((c) => c.command === 'warning')).toHaveLength(10);
    expect(many.at(-2)).toContain('7 more findings not annotated');
  });

  it('writes the Markdown report as the step summary, or a short one when it would pass the budget', () => {
    expect(githubStepSummary(report)).toBe(renderMarkdown(report));
    const short = githubStepSummary(report, 2000);
    expect(Buffer.byteLength(short)).toBeLessThanOrEqual(2000);
    expect(short).toContain('| Failed | 6 |');
    expect(short).toContain('larger than a job summary may be');
    expect(githubStepSummary(report, 10)).toBe('');
  });
});

describe('--format azure', () => {
  const out = renderAzure(report);
  const lines = out.trimEnd().split('\n');

  it('logs one issue per failure and error, with source path, line and column, escaped as task-lib does', () => {
    const issues = lines.map(parseLoggingCommand).filter((c) => c?.command === 'task.logissue');
    expect(issues).toHaveLength(report.results.filter((r) => r.status === 'fail' || r.status === 'error').length);
    const pinned = issues.find((c) => c?.properties.code === 'ci.pinned-actions');
    expect(pinned?.properties).toMatchObject({ type: 'warning', sourcepath: '.github/workflows/ci.yml', linenumber: '1' });
    expect(issues.find((c) => c?.properties.code === 'custom.hostile')?.properties).toMatchObject({ linenumber: '7', columnnumber: '3' });
    const hostile = issues.find((c) => c?.properties.code === 'custom.hostile');
    expect(hostile?.data).toContain('<script>alert("x")</script>');
    expect(hostile?.properties.sourcepath).toBe('src/<script>.ts');
  });

  it('escapes ; ] % CR LF in properties so a value cannot end the list or add a property', () => {
    const tricky = fixtureReport({
      results: [{ ...report.results[0]!, ruleId: 'x;type=warning]y%AZP25', location: { path: 'a;b]c%d\r\ne.yml', line: 3 } }],
    });
    const line = renderAzure(tricky).split('\n')[0]!;
    expect(line.indexOf(']')).toBe(line.indexOf(';]') + 1);
    const parsed = parseLoggingCommand(line);
    expect(parsed?.properties.code).toBe('x;type=warning]y%AZP25');
    expect(parsed?.properties.type).toBe('error');
    // stripControl turns CR LF into one line break, which is escaped.
    expect(parsed?.properties.sourcepath).toBe('a;b]c%d e.yml');
  });

  it('completes the task as Failed only when the run fails', () => {
    expect(lines.filter((l) => l.startsWith('##vso[task.complete result=Failed;]'))).toHaveLength(1);
    const passing = fixtureReport({ results: fixtureResults.filter((r) => r.status === 'pass'), diagnostics: [] });
    expect(renderAzure(passing)).not.toContain('task.complete');
    const belowThreshold = fixtureReport({ failOn: 'none', diagnostics: [] });
    expect(renderAzure(belowThreshold)).not.toContain('task.complete');
    expect(renderAzure(belowThreshold)).toContain('##vso[task.logissue type=warning;');
  });
});

describe('--format codequality', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/codequality/code-quality-report.schema.json', import.meta.url)), 'utf8')) as object;
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  const issues = JSON.parse(renderCodeQuality(report)) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];

  it('is valid against the fields GitLab documents', () => {
    expect(validate(issues), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate([{ description: 'x', check_name: 'y', fingerprint: 'z', severity: 'high', location: { path: './a', lines: { begin: 0 } } }])).toBe(false);
  });

  it('has unique, stable fingerprints', () => {
    const fingerprints = issues.map((i) => i.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(JSON.parse(renderCodeQuality(fixtureReport())).map((i: { fingerprint: string }) => i.fingerprint)).toEqual(fingerprints);
  });

  it('maps severities, lists errors as info and points settings findings at the config file', () => {
    expect(issues.find((i) => i.check_name === 'branch.protected')?.severity).toBe('critical');
    expect(issues.find((i) => i.check_name === 'org.mfa-required')).toMatchObject({ severity: 'info', location: { path: 'secpol.yaml', lines: { begin: 1 } } });
    expect(issues.find((i) => i.check_name === 'org.mfa-required')?.description).toMatch(/^could not be evaluated: /);
    const pinned = issues.filter((i) => i.check_name === 'ci.pinned-actions');
    expect(pinned.map((i) => [i.location.path, i.location.lines.begin])).toEqual([
      ['.github/workflows/ci.yml', 12],
      ['.github/workflows/ci.yml', 18],
    ]);
    expect(issues.find((i) => i.check_name === 'repo.security-policy')?.location).toEqual({ path: 'docs/SECURITY.md', lines: { begin: 1 } });
    expect(issues.some((i) => i.check_name === 'logging.audit-retention' || i.check_name === 'container.non-root')).toBe(false);
  });

  it('writes an empty array when nothing failed', () => {
    const clean: Report = fixtureReport({ results: [], summary: summarise([]) });
    expect(renderCodeQuality(clean)).toBe('[]\n');
    expect(validate(JSON.parse(renderCodeQuality(clean)))).toBe(true);
  });
});
