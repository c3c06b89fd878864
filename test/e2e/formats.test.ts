import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';
import { sarifValidator } from '../helpers/sarif.js';
import { parseXml, type XmlElement } from '../report/xml.js';

/**
 * Every report format from one `secpol check` run, and `secpol export` for every framework
 * in every evidence format, on fixtures/states/bad-org.json. A second state file adds a
 * repository whose name carries HTML, a terminal escape and Markdown table syntax.
 */
const badOrg = join(repoRoot, 'fixtures', 'states', 'bad-org.json');
const goodOrg = join(repoRoot, 'fixtures', 'states', 'good-org.json');
const NOW = { SECPOL_NOW: '2026-11-26T12:00:00Z' };
const EVIL_NAME = 'acme/<img src=x onerror=alert(1)>|\u001b[2J**bold**';
const FRAMEWORKS = ['soc2', 'iso27001', 'cis-ssc', 'nist-ssdf'] as const;
const EVIDENCE = ['json', 'csv', 'markdown'] as const;

interface Result {
  ruleId: string;
  status: string;
  severity: string;
  resource: { id: string };
  controls: Record<string, string[]>;
}
interface Report {
  summary: Record<'pass' | 'fail' | 'error' | 'skip' | 'waived', number>;
  results: Result[];
}
interface Evidence {
  framework: string;
  frameworkName: string;
  controls: { id: string; rules: { id: string }[]; counts: Record<string, number>; results: { ruleId: string; status: string; resource: { id: string } }[] }[];
}

let dir: string;
let check: CliRun;
let report: Report;
const exports = new Map<string, CliRun>();

beforeAll(async () => {
  dir = tempDir('secpol-e2e-formats-');
  writeFileSync(
    join(dir, 'hostile.json'),
    JSON.stringify({ schema: 'secpol/snapshot@1', resources: [{ id: 'github:acme/evil', kind: 'repository', provider: 'github', name: EVIL_NAME, securityPolicy: false }] }),
  );
  const formats = ['text', 'json=a.json', 'sarif=b.sarif', 'junit=c.xml', 'markdown=d.md', 'html=e.html'].flatMap((f) => ['--format', f]);
  const jobs: [string, string[]][] = [['check', ['check', '--state', badOrg, '--state', 'hostile.json', ...formats]]];
  writeFileSync(
    join(dir, 'waiver.yaml'),
    'waivers:\n  - rule: org.mfa-required\n    resource: "github:acme"\n    reason: Rolling out SSO (SEC-1)\n    expires: 2027-06-30\n    approvedBy: security\n',
  );
  jobs.push(
    ['sarif-all', ['check', '--state', badOrg, '--config', 'waiver.yaml', '--sarif-all', '--format', 'sarif=all.sarif', '--format', 'json=all.json']],
    ['quiet', ['check', '--state', goodOrg, '--quiet']],
    ['output', ['check', '--state', badOrg, '--format', 'json', '--output', 'single.json']],
    ['output-ambiguous', ['check', '--state', badOrg, '--format', 'json', '--format', 'sarif', '--output', 'which.out']],
  );
  for (const framework of FRAMEWORKS) {
    for (const format of EVIDENCE) jobs.push([`${framework}.${format}`, ['export', '--framework', framework, '--format', format, '--state', badOrg]]);
  }
  // At most four CLIs at a time.
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) exports.set(job[0], await secpolAsync(job[1], { cwd: dir, env: NOW }));
    }),
  );
  check = exports.get('check')!;
  report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as Report;
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

describe('secpol check with six formats in one run', () => {
  it('exits 1 and prints the text report on stdout while writing the five files', () => {
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`\\b${report.summary.fail} failed \\([^)]*\\), ${report.summary.error} errors, ${report.summary.pass} passed, ${report.summary.skip} skipped`));
    expect(check.stdout).toContain('org.mfa-required');
    expect(report.summary.fail).toBeGreaterThan(50);
    expect(report.results.some((r) => r.resource.id === 'github:acme/evil' && r.ruleId === 'repo.security-policy' && r.status === 'fail')).toBe(true);
  });

  it('text: no terminal escape from a hostile name reaches the terminal', () => {
    expect(check.stdout).not.toContain('\u001b');
    expect(check.stdout).toContain('acme/<img');
  });

  it('SARIF: valid against the official schema, one result per failing finding and a note per one not evaluated', () => {
    const sarif = JSON.parse(read('b.sarif')) as { runs: { results: { properties: { status: string; resourceId: string } }[] }[] };
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    const results = sarif.runs[0]!.results;
    expect(results.every((r) => r.properties.status === 'fail' || r.properties.status === 'error')).toBe(true);
    const failing = new Set(report.results.filter((r) => r.status === 'fail').map((r) => r.resource.id));
    expect(new Set(results.filter((r) => r.properties.status === 'fail').map((r) => r.properties.resourceId))).toEqual(failing);
    expect(results.filter((r) => r.properties.status === 'error')).toHaveLength(report.summary.error);
    expect(read('b.sarif')).not.toContain('\u001b');
  });

  it('JUnit: well-formed XML whose counts agree with the JSON report', () => {
    const root = parseXml(read('c.xml'));
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({
      tests: String(report.results.length),
      failures: String(report.summary.fail),
      errors: String(report.summary.error),
    });
    const suites = root.children.filter((c) => c.name === 'testsuite');
    expect(suites.map((s) => s.attrs.name).sort()).toEqual([...new Set(report.results.map((r) => r.ruleId))].sort());
    const cases = suites.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));
    expect(cases).toHaveLength(report.results.length);
    const failures = cases.filter((c: XmlElement) => c.children.some((k) => k.name === 'failure'));
    expect(failures).toHaveLength(report.summary.fail);
    expect(cases.map((c) => c.attrs.name)).toContain('github:acme/evil');
  });

  it('Markdown: the summary agrees with the JSON, and a hostile name cannot break a table row', () => {
    const md = read('d.md');
    expect(md).toMatch(new RegExp(`\\| Failed \\| ${report.summary.fail} \\|`));
    expect(md).toMatch(new RegExp(`\\| Errors \\| ${report.summary.error} \\|`));
    expect(md).toMatch(new RegExp(`\\| Passed \\| ${report.summary.pass} \\|`));
    const row = md.split('\n').find((line) => line.includes('onerror'));
    expect(row).toBeDefined();
    // Unescaped pipes delimit cells: the failure tables have four columns, so five pipes.
    expect(row!.match(/(?<!\\)\|/g)).toHaveLength(5);
    // `<` is backslash-escaped (CommonMark), so no raw HTML tag reaches a renderer.
    expect(row).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toContain('\u001b');
  });

  it('HTML: a Content-Security-Policy meta that allows exactly the inline stylesheet, no script, the hostile name escaped', () => {
    const html = read('e.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) {
      const hash = createHash('sha256').update(style, 'utf8').digest('base64');
      expect(csp).toContain(`'sha256-${hash}'`);
    }
    // No script and no event-handler attribute in any tag (the escaped name is text, not a tag).
    expect(html).not.toMatch(/<script/i);
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\u001b');
    for (const rule of new Set(report.results.filter((r) => r.status === 'fail').map((r) => r.ruleId))) expect(html, rule).toContain(rule);
  });
});

describe('--sarif-all: the compliance archive', () => {
  interface ArchiveResult {
    ruleId: string;
    kind?: string;
    suppressions?: { kind: string; status: string; justification: string }[];
    properties: { status: string; resourceId: string };
  }

  it('is valid SARIF holding every status, each with the kind GitHub and auditors expect', () => {
    const run = exports.get('sarif-all')!;
    expect(run.status, run.stderr).toBe(1);
    const sarif = JSON.parse(read('all.sarif')) as { runs: { results: ArchiveResult[] }[] };
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    const json = JSON.parse(read('all.json')) as Report;
    expect(json.summary.waived).toBe(1);
    const kinds: Record<string, string> = { pass: 'pass', skip: 'notApplicable', error: 'open', fail: 'fail', waived: 'fail' };
    const seen: Record<string, Set<string>> = {};
    for (const r of sarif.runs[0]!.results) {
      expect(r.kind ?? 'fail', `${r.ruleId} ${r.properties.status}`).toBe(kinds[r.properties.status]);
      (seen[r.properties.status] ??= new Set()).add(`${r.ruleId} ${r.properties.resourceId}`);
    }
    // Each (rule, resource) result of the JSON report appears, under its status.
    for (const status of ['pass', 'fail', 'error', 'skip', 'waived'] as const) {
      expect(seen[status]?.size ?? 0, status).toBe(json.summary[status]);
    }
    const waived = sarif.runs[0]!.results.filter((r) => r.properties.status === 'waived');
    expect(waived.map((r) => r.suppressions)).toEqual([[expect.objectContaining({ kind: 'external', status: 'accepted', justification: 'Rolling out SSO (SEC-1)' })]]);
  });
});

describe('--quiet and --output', () => {
  it('--quiet prints nothing when nothing failed', () => {
    const run = exports.get('quiet')!;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('--output writes the single format to the file and nothing to stdout', () => {
    const run = exports.get('output')!;
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    const written = JSON.parse(read('single.json')) as Report;
    expect(written.summary.fail).toBeGreaterThan(0);
    expect(written.summary.fail).toBe(report.results.filter((r) => r.status === 'fail' && r.resource.id !== 'github:acme/evil').length);
  });

  it('--output with two formats is a usage error (exit 2, one line)', () => {
    const run = exports.get('output-ambiguous')!;
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--output');
  });
});

describe('secpol export --framework <name> --format json|csv|markdown', () => {
  /** What the check's JSON says each framework's evidence must hold: control, rule, resource, status. */
  function expectedRows(framework: string): string[] {
    return report.results
      .filter((r) => r.resource.id !== 'github:acme/evil')
      .flatMap((r) => (r.controls[framework] ?? []).map((control) => `${control} ${r.ruleId} ${r.resource.id} ${r.status}`))
      .sort();
  }

  it.each(FRAMEWORKS)('%s: JSON evidence maps exactly the check results to the framework controls', (framework) => {
    const run = exports.get(`${framework}.json`)!;
    expect(run.status, run.stderr).toBe(0);
    const evidence = JSON.parse(run.stdout) as Evidence;
    expect(evidence.framework).toBe(framework);
    expect(evidence.controls.length).toBeGreaterThan(3);
    const rows = evidence.controls.flatMap((c) => c.results.map((r) => `${c.id} ${r.ruleId} ${r.resource.id} ${r.status}`)).sort();
    expect(rows).toEqual(expectedRows(framework));
    for (const control of evidence.controls) {
      const counted = Object.values(control.counts).reduce((a, b) => a + b, 0);
      expect(counted, control.id).toBe(control.results.length);
      const rules = new Set(control.rules.map((r) => r.id));
      for (const r of control.results) expect(rules, `${control.id} ${r.ruleId}`).toContain(r.ruleId);
    }
  });

  it.each(FRAMEWORKS)('%s: CSV evidence holds the same rows', (framework) => {
    const run = exports.get(`${framework}.csv`)!;
    expect(run.status, run.stderr).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout.replace(/\r?\n$/, ''));
    const col = (name: string): number => {
      const index = header!.indexOf(name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      return index;
    };
    const [fw, control, rule, resource, status] = ['framework', 'control', 'rule_id', 'resource_id', 'status'].map(col) as [number, number, number, number, number];
    expect(new Set(rows.map((r) => r[fw]))).toEqual(new Set([framework]));
    expect(rows.map((r) => `${r[control]} ${r[rule]} ${r[resource]} ${r[status]}`).sort()).toEqual(expectedRows(framework));
  });

  it.each(FRAMEWORKS)('%s: Markdown evidence has a section per control with the JSON counts', (framework) => {
    const run = exports.get(`${framework}.markdown`)!;
    expect(run.status, run.stderr).toBe(0);
    const evidence = JSON.parse(exports.get(`${framework}.json`)!.stdout) as Evidence;
    const md = run.stdout;
    const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');
    expect(unescape(md.split('\n')[0]!)).toBe(`# ${evidence.frameworkName} evidence`);
    const sections = md.split('\n## ').slice(1);
    expect(sections.map((s) => unescape(s.split('\n')[0]!))).toEqual(evidence.controls.map((c) => c.id));
    sections.forEach((section, i) => {
      const { pass, fail, error, skip, waived } = evidence.controls[i]!.counts;
      expect(section, evidence.controls[i]!.id).toContain(`| ${pass} | ${fail} | ${error} | ${skip} | ${waived} |`);
    });
  });

  it('rejects an unknown framework with exit 2', async () => {
    const run = await secpolAsync(['export', '--framework', 'pci', '--state', badOrg], { cwd: dir, env: NOW });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/pci/);
  });
});
