import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';

/**
 * SPEC "Exit codes", row by row, through the built CLI: 0 nothing failed at or above
 * --fail-on; 1 a failure did; 2 bad usage, invalid config or policy, or (when nothing failed)
 * an `error` result at or above --fail-on. `skip` never changes the code.
 *
 * One custom rule per severity, each reading its own repository field, so a hand-written
 * state decides exactly which severities pass, fail, error (a `forbidden` gap) or skip (the
 * field absent, or a gap whose outcome is skip).
 */
const RULES = [
  { id: 'acme.critical', severity: 'critical', field: 'secretScanning' },
  { id: 'acme.high', severity: 'high', field: 'dependencyAlerts' },
  { id: 'acme.medium', severity: 'medium', field: 'securityPolicy' },
  { id: 'acme.low', severity: 'low', field: 'codeowners' },
] as const;
type Sev = (typeof RULES)[number]['severity'];
type Outcome = 'pass' | 'fail' | 'error' | 'skip' | 'skip-gap';

const POLICY = [
  'policy: acme/exit-codes',
  'rules:',
  ...RULES.flatMap((r) => [
    `  - id: ${r.id}`,
    `    title: ${r.field} is on`,
    `    severity: ${r.severity}`,
    '    resource: repository',
    `    assert: { path: ${r.field}, equals: true }`,
    `    message: "{{ resource.name }}: ${r.field} is {{ resource.${r.field} }}"`,
    '    remediation: Turn it on.',
  ]),
  '',
].join('\n');

/** A repository whose per-severity outcome is given; unnamed severities pass. */
function repo(name: string, outcomes: Partial<Record<Sev, Outcome>>): Record<string, unknown> {
  const resource: Record<string, unknown> = { id: `github:acme/${name}`, kind: 'repository', provider: 'github', name: `acme/${name}` };
  const gaps: Record<string, unknown> = {};
  for (const rule of RULES) {
    const outcome = outcomes[rule.severity] ?? 'pass';
    if (outcome === 'pass') resource[rule.field] = true;
    else if (outcome === 'fail') resource[rule.field] = false;
    else if (outcome === 'error') gaps[rule.field] = { reason: 'forbidden', message: `needs admin to read ${rule.field}` };
    else if (outcome === 'skip-gap') gaps[rule.field] = { reason: 'unsupported', message: `the plan has no ${rule.field}` };
    // 'skip': the field is simply absent (the provider cannot supply it)
  }
  if (Object.keys(gaps).length) resource.gaps = gaps;
  return resource;
}

interface Case {
  name: string;
  repos: Partial<Record<Sev, Outcome>>[];
  args?: string[];
  config?: string;
  expected: 0 | 1 | 2;
  /** The summary counts the run must show, proving the state produced the intended statuses. */
  summary?: Partial<Record<'pass' | 'fail' | 'error' | 'skip' | 'waived', number>>;
}

const CASES: Case[] = [
  { name: 'everything passes', repos: [{}], expected: 0, summary: { pass: 4, fail: 0, error: 0, skip: 0 } },
  { name: 'a high failure at the default fail-on (high)', repos: [{ high: 'fail' }], expected: 1, summary: { fail: 1 } },
  { name: 'a medium failure below the default fail-on', repos: [{ medium: 'fail' }], expected: 0, summary: { fail: 1 } },
  { name: 'a medium failure with --fail-on medium', repos: [{ medium: 'fail' }], args: ['--fail-on', 'medium'], expected: 1 },
  { name: 'a low failure with --fail-on medium', repos: [{ low: 'fail' }], args: ['--fail-on', 'medium'], expected: 0 },
  { name: 'a low failure with --fail-on low', repos: [{ low: 'fail' }], args: ['--fail-on', 'low'], expected: 1 },
  { name: 'a high failure with --fail-on critical', repos: [{ high: 'fail' }], args: ['--fail-on', 'critical'], expected: 0 },
  { name: 'a critical failure with --fail-on critical', repos: [{ critical: 'fail' }], args: ['--fail-on', 'critical'], expected: 1 },
  { name: 'every severity failing with --fail-on none', repos: [{ critical: 'fail', high: 'fail', medium: 'fail', low: 'fail' }], args: ['--fail-on', 'none'], expected: 0, summary: { fail: 4 } },
  { name: 'an error at the fail-on with no failure', repos: [{ high: 'error' }], expected: 2, summary: { error: 1, fail: 0 } },
  { name: 'a critical error with no failure', repos: [{ critical: 'error' }], expected: 2, summary: { error: 1 } },
  { name: 'an error below the fail-on', repos: [{ medium: 'error' }], expected: 0, summary: { error: 1 } },
  { name: 'an error at a lowered fail-on', repos: [{ medium: 'error' }], args: ['--fail-on', 'medium'], expected: 2 },
  { name: 'an error with --fail-on none', repos: [{ critical: 'error' }], args: ['--fail-on', 'none'], expected: 0, summary: { error: 1 } },
  { name: 'a failure wins over an error (1, not 2)', repos: [{ critical: 'error' }, { high: 'fail' }], expected: 1, summary: { error: 1, fail: 1 } },
  { name: 'a below-threshold failure does not hide an error at the threshold', repos: [{ high: 'error', low: 'fail' }], expected: 2 },
  // skip never changes the exit code
  { name: 'skips of every severity (absent fields)', repos: [{ critical: 'skip', high: 'skip', medium: 'skip', low: 'skip' }], expected: 0, summary: { skip: 4, pass: 0 } },
  { name: 'skips through unsupported gaps', repos: [{ critical: 'skip-gap', high: 'skip-gap' }], expected: 0, summary: { skip: 2, error: 0 } },
  { name: 'skips at --fail-on low', repos: [{ critical: 'skip', high: 'skip-gap', medium: 'skip', low: 'skip' }], args: ['--fail-on', 'low'], expected: 0 },
  { name: 'skips next to a failure', repos: [{ critical: 'skip', high: 'fail' }], expected: 1, summary: { skip: 1, fail: 1 } },
  { name: 'skips next to an error', repos: [{ critical: 'skip-gap', high: 'error' }], expected: 2, summary: { skip: 1, error: 1 } },
  // secpol.yaml's failOn, and the flag overriding it
  { name: 'failOn: medium from secpol.yaml', repos: [{ medium: 'fail' }], config: 'failOn: medium\n', expected: 1 },
  { name: '--fail-on overrides failOn from secpol.yaml', repos: [{ medium: 'fail' }], config: 'failOn: medium\n', args: ['--fail-on', 'high'], expected: 0 },
  {
    name: 'a waived failure',
    repos: [{ critical: 'fail' }],
    config: 'waivers:\n  - rule: acme.critical\n    resource: "github:acme/r0"\n    reason: accepted for the test\n    expires: 2027-06-30\n    approvedBy: security\n',
    expected: 0,
    summary: { waived: 1, fail: 0 },
  },
  {
    name: 'an expired waiver no longer applies',
    repos: [{ critical: 'fail' }],
    config: 'waivers:\n  - rule: acme.critical\n    resource: "github:acme/r0"\n    reason: accepted once\n    expires: 2020-01-01\n    approvedBy: security\n',
    expected: 1,
    summary: { waived: 0, fail: 1 },
  },
  // Waivers never last forever and never cover everything: such a waiver is bad config, not a pass.
  {
    name: 'a waiver that expires beyond the maximum lifetime',
    repos: [{ critical: 'fail' }],
    config: 'waivers:\n  - rule: acme.critical\n    resource: "github:acme/r0"\n    reason: forever\n    expires: 9999-12-31\n',
    expected: 2,
    summary: { waived: 0, fail: 1 },
  },
  {
    name: 'a longer lifetime allowed by waiverMaxDays',
    repos: [{ critical: 'fail' }],
    config: 'waiverMaxDays: 1000\nwaivers:\n  - rule: acme.critical\n    resource: "github:acme/r0"\n    reason: long project\n    expires: 2029-01-01\n',
    expected: 0,
    summary: { waived: 1, fail: 0 },
  },
  {
    name: 'a waiver for every rule on every resource',
    repos: [{ critical: 'fail' }],
    config: 'waivers:\n  - rule: "*"\n    resource: "**"\n    reason: make it green\n    expires: 2027-01-01\n',
    expected: 2,
    summary: { waived: 0, fail: 1 },
  },
];

const NOW = { SECPOL_NOW: '2026-11-26T12:00:00Z' };
let dir: string;
const runs = new Map<string, CliRun>();

/** Runs at most `limit` CLIs at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

beforeAll(async () => {
  dir = tempDir('secpol-exit-');
  writeFileSync(join(dir, 'rules.yaml'), POLICY);
  await pool(CASES.map((c, i) => [c, i] as const), 4, async ([c, i]) => {
    const state = { schema: 'secpol/snapshot@1', resources: c.repos.map((outcomes, n) => repo(`r${n}`, outcomes)) };
    writeFileSync(join(dir, `state-${i}.json`), JSON.stringify(state));
    const args = ['check', '--no-builtin', '--policies', 'rules.yaml', '--state', `state-${i}.json`, '--format', 'json'];
    if (c.config !== undefined) {
      writeFileSync(join(dir, `config-${i}.yaml`), c.config);
      args.push('--config', `config-${i}.yaml`);
    }
    runs.set(c.name, await secpolAsync([...args, ...(c.args ?? [])], { cwd: dir, env: NOW }));
  });
}, 120_000);

describe('exit code contract (SPEC "Exit codes")', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = runs.get(c.name)!;
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(run.stdout) as { summary: Record<string, number>; results: { status: string }[] };
    if (c.summary) expect(report.summary).toMatchObject(c.summary);
    expect(report.results).toHaveLength(4 * c.repos.length);
    expect(run.status, `${run.stderr}\n${JSON.stringify(report.summary)}`).toBe(c.expected);
  });
});

describe('exit code 2: bad usage and invalid input', () => {
  it('an unknown --fail-on value', async () => {
    const run = await secpolAsync(['check', '--state', 'state-0.json', '--fail-on', 'severe'], { cwd: dir });
    expect(run.status).toBe(2);
    // One line naming the bad value and the choices (commander adds a pointer to --help).
    expect(run.stderr.split('\n')[0]).toMatch(/'severe'.*critical, high, medium, low, none/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown key in secpol.yaml, located to line and column, even when a rule fails', async () => {
    writeFileSync(join(dir, 'typo.yaml'), 'failOn: high\nwaivers: []\nfailon: low\n');
    const run = await secpolAsync(['check', '--no-builtin', '--policies', 'rules.yaml', '--state', 'state-1.json', '--config', 'typo.yaml'], { cwd: dir, env: NOW });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/typo\.yaml:3:1: .*failon/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a state file that does not exist', async () => {
    const run = await secpolAsync(['check', '--no-builtin', '--policies', 'rules.yaml', '--state', 'missing.json'], { cwd: dir, env: NOW });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.json');
  });
});
