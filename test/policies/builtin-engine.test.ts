import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { Snapshot } from '../../src/model/index.js';
import type { Result, Rule } from '../../src/model/index.js';
import { compileRules, loadPolicyFiles, runExamples } from '../../src/policy/index.js';
import type { ExampleOutcome } from '../../src/policy/index.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const builtinDir = join(repoRoot, 'policies', 'builtin');

// Loaded at collection time (top-level await) so that every example becomes its own test case.
const loaded = await loadPolicyFiles([builtinDir], { cwd: repoRoot });
const compiled = compileRules(loaded.definitions, []);
const rules: Rule[] = compiled.rules;
const loadProblems = [...loaded.diagnostics, ...compiled.diagnostics].map(
  (d) => `${d.file ?? ''}:${d.line ?? ''}:${d.column ?? ''}: ${d.message}`,
);
const outcomes: ExampleOutcome[] = runExamples(rules);

describe('built-in pack through the policy loader, compiler and tester', () => {
  it('loads and compiles with zero diagnostics', () => {
    expect(loadProblems).toEqual([]);
    expect(rules.length).toBe(loaded.definitions.length);
    expect(rules.length).toBeGreaterThanOrEqual(40);
  });

  it('runs at least three examples per rule', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(rules.length * 3);
  });

  it.each(outcomes.map((o) => [`${o.rule} › ${o.example} (expect ${o.expected})`, o] as const))('%s', (_label, outcome) => {
    expect(outcome.ok, `${outcome.at.file}:${outcome.at.line}:${outcome.at.column}: ${outcome.message}`).toBe(true);
  });
});

function evaluateState(name: string): Result[] {
  const snapshot = Snapshot.parse(JSON.parse(readFileSync(join(repoRoot, 'fixtures', 'states', name), 'utf8')));
  // The snapshot's own collection time is the clock: age rules judge the state as collected.
  return evaluate(rules, snapshot.resources, { now: new Date(snapshot.collectedAt!) }).results;
}

function statusOf(results: Result[], ruleId: string, resourceId: string): string | undefined {
  return results.find((r) => r.ruleId === ruleId && r.resource.id === resourceId)?.status;
}

describe('fixtures/states under the built-in pack', () => {
  it('good-org.json produces no fail and no error', () => {
    const results = evaluateState('good-org.json');
    expect(results.length).toBeGreaterThan(80);
    const bad = results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.status} ${r.ruleId} ${r.resource.id}: ${r.message}`);
    expect(bad).toEqual([]);
    expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThan(60);
  });

  it('bad-org.json fails every built-in rule at least once', () => {
    const results = evaluateState('bad-org.json');
    const failing = new Set(results.filter((r) => r.status === 'fail').map((r) => r.ruleId));
    expect(rules.map((r) => r.id).filter((id) => !failing.has(id))).toEqual([]);
  });

  it('bad-org.json: a ruleset-only protected repository passes, unreadable protection is an error, archived repos are skipped', () => {
    const results = evaluateState('bad-org.json');
    expect(statusOf(results, 'branch.protected', 'github:acme/api')).toBe('fail');
    expect(statusOf(results, 'branch.min-approvals', 'github:acme/web')).toBe('fail');
    expect(statusOf(results, 'branch.pull-request-required', 'github:acme/web')).toBe('pass');
    for (const rule of rules.filter((r) => r.id.startsWith('branch.'))) {
      expect(statusOf(results, rule.id, 'github:acme/payments'), rule.id).toBe('pass');
      expect(statusOf(results, rule.id, 'github:acme/infra'), rule.id).toBe('error');
      expect(statusOf(results, rule.id, 'github:acme/old-website'), rule.id).toBe('skip');
    }
  });

  it('bad-org.json: null semantics and the 30-day sensitive-secret limit', () => {
    const results = evaluateState('bad-org.json');
    expect(statusOf(results, 'tokens.expiry', 'github:acme/tokens/classic/ops-bob')).toBe('fail');
    expect(statusOf(results, 'tokens.expiry', 'github:acme/tokens/fine-grained/3920')).toBe('fail');
    // Rotated 80 days before collection: inside 90 days, outside the 30 days for database passwords.
    expect(statusOf(results, 'secrets.rotation-age', 'github:acme/api/secrets/actions/PROD_DB_PASSWORD')).toBe('fail');
    expect(statusOf(results, 'secrets.rotation-enabled', 'github:acme/api/secrets/actions/PROD_DB_PASSWORD')).toBe('skip');
    expect(statusOf(results, 'logging.retention-range', 'aws:log-group/api-prod')).toBe('fail');
    expect(statusOf(results, 'logging.audit-retention', 'aws:log-group/api-prod')).toBe('skip');
    expect(statusOf(results, 'logging.audit-retention', 'aws:log-group/cloudtrail')).toBe('fail');
    expect(statusOf(results, 'deploy.production-approval', 'github:acme/api/environments/production')).toBe('fail');
    expect(statusOf(results, 'backup.restore-tested', 'aws:backup-plan/daily')).toBe('fail');
  });

  it('bad-org.json: evidence points at files and never carries a secret value', () => {
    const results = evaluateState('bad-org.json');
    const secrets = results.find((r) => r.ruleId === 'code.no-hardcoded-secrets' && r.resource.id === 'github:acme/api');
    expect(secrets?.status).toBe('fail');
    expect(secrets?.evidence?.map((e) => e.location)).toEqual([
      { path: 'config/settings.py', line: 12 },
      { path: 'scripts/deploy.sh', line: 4 },
    ]);
    expect(secrets?.evidence?.[0]?.message).toContain('AKIA************WXYZ');
    const pinned = results.find((r) => r.ruleId === 'ci.pinned-actions');
    expect(pinned?.evidence?.map((e) => e.message)).toContain('tj-actions/changed-files@main is not pinned to a full commit SHA');
    const mfa = results.find((r) => r.ruleId === 'org.members-without-mfa');
    expect(mfa?.message).toBe('acme has 3 members without two-factor authentication');
    expect(mfa?.evidence?.map((e) => e.message)).toContain('ops-bob has no second factor');
  });
});

describe('built-in pack with secpol.yaml-style overrides', () => {
  it('params, severity and enabled overrides recompile the built-in rules', () => {
    const { rules: overridden, diagnostics } = compileRules(loaded.definitions, [
      { rule: 'org.admin-count', params: { maxAdmins: 5 } },
      { rule: 'branch.min-approvals', params: { minApprovals: 2 }, severity: 'critical' },
      { rule: 'branch.signed-commits', enabled: false },
    ]);
    expect(diagnostics).toEqual([]);
    const snapshot = Snapshot.parse(JSON.parse(readFileSync(join(repoRoot, 'fixtures', 'states', 'good-org.json'), 'utf8')));
    const { results } = evaluate(overridden, snapshot.resources, { now: new Date(snapshot.collectedAt!) });
    const admin = results.find((r) => r.ruleId === 'org.admin-count');
    expect(admin?.status).toBe('pass');
    const approvals = results.find((r) => r.ruleId === 'branch.min-approvals' && r.resource.id === 'github:acme/api');
    expect(approvals).toMatchObject({ status: 'pass', severity: 'critical' });
    expect(results.some((r) => r.ruleId === 'branch.signed-commits')).toBe(false);
  });

  it('an unknown param name in an override is a diagnostic, not a silent default', () => {
    const { diagnostics } = compileRules(loaded.definitions, [{ rule: 'secrets.rotation-age', params: { maxAgeDays: 30 } }]);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/maxAgeDays/);
  });
});

// Messages are read by people: no placeholder standing in for a missing fact, no raw JSON.
const UNREADABLE: [RegExp, string][] = [
  [/\bunknown\b/i, '`unknown` standing in for a missing fact'],
  [/\bundefined\b|\bnull\b|\bNaN\b|\[object /, 'a programming value'],
  [/[{[]\s*"/, 'raw JSON'],
  [/\bnone (days?|hours?|months?|weeks?)\b/, 'a missing number read as `none`'],
];

describe('built-in messages read as sentences', () => {
  const rendered = outcomes.filter((o) => o.resultMessage !== undefined && (o.actual === 'fail' || o.actual === 'pass'));
  it('renders a message for every fail example', () => {
    expect(rendered.filter((o) => o.actual === 'fail').length).toBeGreaterThanOrEqual(rules.length);
  });
  it.each(rendered.map((o) => [`${o.rule} › ${o.example} (${o.actual})`, o] as const))('%s', (_label, o) => {
    // The example's name stands in for the resource name: data, not the rule's wording.
    const wording = (o.resultMessage ?? '').replaceAll(o.example, '<name>');
    for (const [pattern, what] of UNREADABLE) expect(wording, `${what}: ${o.resultMessage}`).not.toMatch(pattern);
  });
});
