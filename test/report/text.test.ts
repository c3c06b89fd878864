/* eslint-disable no-control-regex -- these tests look for terminal escapes and control characters */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/index.js';
import { renderReport } from '../../src/report/index.js';
import { renderText } from '../../src/report/text/index.js';
import { fixtureReport, results as fixtureResults } from './fixture.js';

const plain = { color: false, verbose: false };

describe('renderText', () => {
  const out = renderText(fixtureReport(), plain);
  const lines = out.split('\n');

  it('ends with the one-line summary', () => {
    expect(lines.at(-2)).toBe(
      '6 failed (1 critical, 2 high, 1 medium, 2 low), 1 error, 2 passed, 1 skipped, 2 waived — fail-on high: 3 failures and 1 error at or above',
    );
    expect(out.endsWith('\n')).toBe(true);
  });

  it('is compact by default: one block per failing rule, most severe first, with its resources', () => {
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      'FAIL   critical secrets.rotation-age  Secrets are rotated — 1 resource',
      'FAIL   high     branch.protected  Default branch is protected — 2 resources',
      'FAIL   medium   ci.pinned-actions  Actions are pinned to a commit SHA — 1 resource',
      'FAIL   low      custom.hostile  <script>alert("x")</script> | pipes | in | cells | — 1 resource',
      'FAIL   low      repo.security-policy  Repository has a security policy — 1 resource',
    ]);
    const bp = lines.indexOf('FAIL   high     branch.protected  Default branch is protected — 2 resources');
    expect(lines.slice(bp + 1, bp + 4)).toEqual([
      '  github:acme/click me  Default branch of click me is not protected',
      '  github:acme/api  Default branch main of acme/api is not protected',
      '  fix: Enable branch protection for the default branch.',
    ]);
  });

  it('names how many more resources a rule failed on, and --verbose lists them', () => {
    const base = fixtureResults.find((r) => r.ruleId === 'branch.protected') as Result;
    const many = Array.from({ length: 8 }, (_, i) => ({ ...base, resource: { ...base.resource, id: `github:acme/r${i}`, name: `acme/r${i}` } }));
    const compact = renderText(fixtureReport({ results: many }), plain);
    expect(compact).toContain('github:acme/r4  ');
    expect(compact).not.toContain('github:acme/r5');
    expect(compact).toContain('  … and 3 more (--verbose lists them)');
    expect(compact.match(/fix: Enable branch protection/g)).toHaveLength(1);
    expect(renderText(fixtureReport({ results: many }), { color: false, verbose: true })).toContain('github:acme/r7 (repository)');
  });

  it('--verbose groups by resource, failing resources first, most severe first, errors after failures', () => {
    const verboseLines = renderText(fixtureReport(), { color: false, verbose: true }).split('\n');
    const headers = verboseLines.filter((l) => /^\S.*\((?:repository|secret|pipeline|organization)\)$/.test(l) && !l.includes('acme/web') && !l.includes('backup-plan') && !l.includes('image'));
    expect(headers).toEqual([
      'aws:secret/db-password (secret)',
      'github:acme/click me (repository)',
      'github:acme/api (repository)',
      'local:.github/workflows/ci.yml (pipeline)',
      'github:acme (organization)',
    ]);
    const api = verboseLines.indexOf('github:acme/api (repository)');
    expect(verboseLines[api + 1]).toMatch(/^ {2}FAIL {3}high {5}branch\.protected/);
    expect(verboseLines[api + 3]).toMatch(/^ {2}FAIL {3}low {6}repo\.security-policy/);
  });

  it('shows severity, rule, message, location, evidence and a remediation hint', () => {
    const i = lines.findIndex((l) => l.includes('ci.pinned-actions'));
    expect(lines.slice(i, i + 7)).toEqual([
      'FAIL   medium   ci.pinned-actions  Actions are pinned to a commit SHA — 1 resource',
      '  local:.github/workflows/ci.yml  3 actions are not pinned to a commit SHA',
      '    at .github/workflows/ci.yml:1',
      '    - actions/checkout@v4 is not pinned (.github/workflows/ci.yml:12:15)',
      '    - actions/setup-node@v4 is not pinned (.github/workflows/ci.yml:18:15)',
      '    - a reusable workflow reference could not be resolved',
      '  fix: Pin every action to a full commit SHA.',
    ]);
  });

  it('gives the reason of an error', () => {
    const i = lines.findIndex((l) => l.startsWith('ERROR'));
    expect(lines.slice(i, i + 3)).toEqual([
      'ERROR  critical forbidden: the token lacks the admin:org scope',
      '  1 rule on 1 resource could not be evaluated: org.mfa-required',
      '  on github:acme',
    ]);
  });

  it('one missing permission that blocks many rules is one finding, not one per rule', () => {
    const base = fixtureResults.find((r) => r.status === 'error') as Result;
    const blocked = Array.from({ length: 11 }, (_, i) => ({ ...base, ruleId: `branch.rule-${i}` }));
    const out = renderText(fixtureReport({ results: blocked }), plain);
    expect(out.match(/^ERROR/gm)).toHaveLength(1);
    expect(out).toContain('  11 rules on 1 resource could not be evaluated: branch.rule-0, branch.rule-1, branch.rule-10, branch.rule-2, branch.rule-3 and 6 more');
  });

  it('counts passes, skips and waived results instead of listing them', () => {
    expect(out).toContain('2 passed, 1 skipped, 2 waived not listed (use --verbose to list them)');
    expect(out).not.toContain('PASS');
    expect(out).not.toContain('SKIP');
  });

  it('calls out expired, expiring and unused waivers', () => {
    expect(out).toContain('  EXPIRED ci.pinned-actions on local:.github/workflows/ci.yml: expired 2026-01-31, no longer applied — Old exception click me (secpol.yaml:20)');
    expect(out).toContain('  EXPIRING SOON backup.restore-tested on aws:backup-plan/daily: expires 2026-03-10');
    expect(out).toContain('  UNUSED repo.webhooks-tls on github:acme/old: matched no result');
    expect(out).not.toMatch(/ACTIVE/);
  });

  it('lists diagnostics with file:line:column', () => {
    expect(out).toContain('  warning policies/custom.yaml:3:7: unknown key "colour"');
    expect(out).toContain('  warning GitHub rate limit below 10%: results may be incomplete');
  });

  it('has no ANSI escapes without colour', () => {
    expect(out).not.toContain('\x1b');
  });

  it('colours when asked, decided by the caller only', () => {
    const coloured = renderText(fixtureReport(), { color: true, verbose: false });
    expect(coloured).toContain('\x1b[31mFAIL  \x1b[39m');
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(out);
  });

  it('--verbose lists passes, skips with reasons and waived results', () => {
    const verbose = renderText(fixtureReport(), { color: false, verbose: true });
    expect(verbose).toContain('  PASS   high     branch.protected  Default branch main of acme/web is protected');
    expect(verbose).toContain('  SKIP   high     container.non-root  Not evaluated');
    expect(verbose).toContain('    reason: unsupported: the image has no USER instruction data');
    expect(verbose).toContain('  WAIVED medium   backup.restore-tested  Last restore test was 45 days ago');
    expect(verbose).toContain('    waived: Restore drill scheduled for March — until 2026-03-10 (expiring soon)');
    expect(verbose).not.toContain('not listed');
  });

  it('limits evidence to five items unless verbose', () => {
    const base = fixtureResults.find((r) => r.ruleId === 'ci.pinned-actions') as Result;
    const many: Result = { ...base, evidence: Array.from({ length: 8 }, (_, i) => ({ message: `item ${i}` })) };
    const report = fixtureReport({ results: [many] });
    expect(renderText(report, plain)).toContain('    … and 3 more');
    expect(renderText(report, { color: false, verbose: true })).toContain('    - item 7');
  });

  it('wraps at the given width, keeping indentation', () => {
    const wrapped = renderText(fixtureReport(), { color: false, verbose: false, width: 60 });
    for (const line of wrapped.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
    expect(wrapped).toContain('  github:acme/api  Default branch main of acme/api is not\n    protected');
  });

  it('reads as a pass when nothing failed', () => {
    const ok = renderText(fixtureReport({ results: fixtureResults.filter((r) => r.status === 'pass'), waivers: [], diagnostics: [] }), plain);
    expect(ok.trim().split('\n').at(-1)).toBe('0 failed, 0 errors, 2 passed, 0 skipped, 0 waived — fail-on high: nothing at or above');
  });
});

describe('renderText remediation', () => {
  const failing = fixtureResults.find((r) => r.status === 'fail')!;
  const remediation = '- **GitHub**: enable it\n- **GitLab**: \u001b[2Jenable it too';

  it('keeps the line breaks of a remediation, indented under fix:, without control sequences', () => {
    const out = renderText(fixtureReport({ results: [{ ...failing, remediation }] }), plain);
    const lines = out.split('\n');
    const i = lines.findIndex((l) => l.includes('fix:'));
    expect(lines.slice(i, i + 3)).toEqual(['  fix:', '    - **GitHub**: enable it', '    - **GitLab**: enable it too']);
  });

  it('shows a rule’s remediation once and points back to it for later failures', () => {
    const second = { ...failing, resource: { ...failing.resource, id: 'github:acme/other', name: 'acme/other' }, remediation };
    const out = renderText(fixtureReport({ results: [{ ...failing, remediation }, second] }), { color: false, verbose: true });
    expect(out.match(/enable it too/g)).toHaveLength(1);
    expect(out).toContain(`fix: as above (secpol policy explain ${failing.ruleId})`);
  });
});

describe('remediation that reads well everywhere', () => {
  const failing = fixtureResults.find((r) => r.status === 'fail')!;
  const remediation = [
    'Protect the default branch:',
    '',
    '- **GitHub**: *Settings* → rulesets',
    '  - then require a `pull request`',
    '',
    '```yaml',
    'rules:',
    '  - type: pull_request',
    '    parameters: { required_approving_review_count: 1 }',
    '```',
    '',
    'See [the docs](https://docs.example.org/rules) or [this](javascript:alert(1)).',
  ].join('\n');
  const report = fixtureReport({ results: [{ ...failing, remediation }], rules: [] });

  it('text keeps indentation and the code block verbatim, even when wrapping', () => {
    const out = renderText(report, { ...plain, width: 30 });
    expect(out).toContain('\n    ```yaml\n    rules:\n      - type: pull_request\n        parameters: { required_approving_review_count: 1 }\n    ```\n');
    // Prose still wraps, a nested list item keeping its own indentation.
    expect(out).toContain('\n      - then require a `pull\n');
  });

  it('markdown shows the rule’s Markdown as written, defusing non-http links', () => {
    const out = renderReport('markdown', report);
    expect(out).toContain('- **GitHub**: *Settings* → rulesets\n  - then require a `pull request`');
    expect(out).toContain('```yaml\nrules:\n  - type: pull_request\n');
    expect(out).toContain('[the docs](https://docs.example.org/rules)');
    expect(out).not.toMatch(/[^\\]\[this\]\(javascript/);
  });

  it('SARIF help.markdown keeps the Markdown instead of escaping it', () => {
    const rules = [{ id: failing.ruleId, policyId: 'builtin', title: 'T', severity: failing.severity, kind: failing.resource.kind, remediation, controls: {}, tags: [], source: { file: 'p.yaml', line: 1, column: 1 } }];
    const sarif = JSON.parse(renderReport('sarif', fixtureReport({ results: [{ ...failing, remediation }], rules }))) as {
      runs: { tool: { driver: { rules: { help: { markdown: string } }[] } } }[];
    };
    const help = sarif.runs[0]!.tool.driver.rules[0]!.help.markdown;
    expect(help).toContain('- **GitHub**: *Settings* → rulesets');
    expect(help).not.toContain('\\*\\*');
  });

  it('HTML renders the Markdown: lists, emphasis, code blocks; only http(s) links; no raw HTML', () => {
    const html = renderReport('html', fixtureReport({ results: [{ ...failing, remediation: `${remediation}\n\n<img src=x onerror=alert(1)>` }], rules: [] }));
    expect(html).toContain('<strong>GitHub</strong>');
    expect(html).toContain('<pre><code class="language-yaml">rules:\n  - type: pull_request\n');
    expect(html).toContain('<a href="https://docs.example.org/rules" rel="noopener noreferrer">the docs</a>');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<details><summary>How to fix <code>/);
  });
});
