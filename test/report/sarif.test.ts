import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, Result } from '../../src/model/index.js';
import { FINGERPRINT_KEY, MAX_RESULTS_PER_RUN, NOT_EVALUATED_RULE, renderSarif, renderSarifChunks } from '../../src/report/sarif/index.js';
import { sarifValidator } from '../helpers/sarif.js';
import { fixtureReport, HOSTILE, results as fixtureResults, rules as fixtureRules } from './fixture.js';

let validate: (data: unknown) => boolean;
let validationErrors: () => string;

beforeAll(() => {
  const validator = sarifValidator();
  validate = validator.validate;
  validationErrors = validator.errors;
});

function parse(text: string): Sarif.Log {
  return JSON.parse(text) as Sarif.Log;
}

function run(log: Sarif.Log): Sarif.Run {
  const first = log.runs[0];
  if (!first) throw new Error('no run');
  return first;
}

function expectValid(log: Sarif.Log): void {
  const ok = validate(log);
  if (!ok) throw new Error(`SARIF does not validate against the official schema:\n${validationErrors()}`);
}

/** GitHub code scanning's upload rules, as documented for third-party SARIF. */
function expectGithubUploadable(log: Sarif.Log): void {
  expect(log.runs.length).toBeLessThanOrEqual(20);
  for (const r of log.runs) {
    const ruleIds = new Set((r.tool.driver.rules ?? []).map((rule) => rule.id));
    expect(r.results?.length ?? 0).toBeLessThanOrEqual(25_000);
    for (const rule of r.tool.driver.rules ?? []) {
      const tags = (rule.properties?.tags ?? []) as string[];
      expect(tags.length).toBeLessThanOrEqual(20);
      // The stand-in for results that could not be evaluated has none: GitHub would show it as a vulnerability of that severity.
      if (rule.id === NOT_EVALUATED_RULE) expect(rule.properties?.['security-severity']).toBeUndefined();
      else expect(['9.5', '8.0', '5.5', '3.0']).toContain(rule.properties?.['security-severity']);
    }
    // Checked in plain code and asserted once: an expect() per field of 25,000 results costs seconds.
    const broken = (r.results ?? []).flatMap((result, i) => {
      const physical = result.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri;
      const problems = [
        !(result.ruleId && ruleIds.has(result.ruleId)) && 'ruleId not among the rules',
        r.tool.driver.rules?.[result.ruleIndex ?? -1]?.id !== result.ruleId && 'ruleIndex does not point at ruleId',
        result.locations?.length !== 1 && 'not exactly one location',
        !uri && 'no artifact uri',
        physical?.artifactLocation?.uriBaseId !== '%SRCROOT%' && 'uriBaseId is not %SRCROOT%',
        uri && /^(?:[a-z]+:|\/)/i.test(uri) && 'uri is absolute',
        !((physical?.region?.startLine ?? 0) >= 1) && 'startLine below 1',
        !/^[0-9a-f]{32}:\d+$/.test(String(result.partialFingerprints?.[FINGERPRINT_KEY])) && 'fingerprint malformed',
      ].filter((p): p is string => typeof p === 'string');
      return problems.length > 0 ? [`result ${i} (${result.ruleId}): ${problems.join(', ')}`] : [];
    });
    expect(broken.slice(0, 5)).toEqual([]);
  }
}

describe('the schema validator', () => {
  it('rejects what the official schema forbids (it is not vacuous)', () => {
    const good = parse(renderSarif(fixtureReport(), { all: false }));
    expect(validate(good)).toBe(true);
    const mutate = (change: (log: Sarif.Log) => void): boolean => {
      const copy = structuredClone(good);
      change(copy);
      return validate(copy);
    };
    expect(mutate((l) => ((run(l).results?.[0] as unknown as Record<string, unknown>).level = 'fatal'))).toBe(false);
    expect(mutate((l) => delete (run(l).results?.[0] as unknown as Record<string, unknown>).message)).toBe(false);
    expect(mutate((l) => ((run(l).results?.[0]?.locations?.[0]?.physicalLocation?.region as Record<string, unknown>).startLine = 0))).toBe(false);
    expect(mutate((l) => ((run(l) as unknown as Record<string, unknown>).unknownKey = 1))).toBe(false);
    expect(mutate((l) => ((run(l).invocations?.[0] as unknown as Record<string, unknown>).startTimeUtc = 'yesterday'))).toBe(false);
    // The `(?i)` patterns are compiled by RE2, not skipped.
    expect(mutate((l) => (run(l).language = 'en-US'))).toBe(true);
    expect(mutate((l) => (run(l).language = 'e1'))).toBe(false);
  });
});

describe('renderSarif (default: failures only)', () => {
  const log = parse(renderSarif(fixtureReport(), { all: false }));
  const results = run(log).results ?? [];

  it('validates against the official SARIF 2.1.0 schema', () => expectValid(log));
  it('meets GitHub code scanning upload rules', () => expectGithubUploadable(log));

  it('holds fail results and, as notes of their own rule, those that could not be evaluated; no kind, suppressions, passes or skips', () => {
    expect(results.every((r) => r.kind === undefined && r.suppressions === undefined)).toBe(true);
    expect(new Set(results.map((r) => r.properties?.status))).toEqual(new Set(['fail', 'error']));
    const failing = fixtureResults.filter((r) => r.status === 'fail').map((r) => r.ruleId);
    expect(new Set(results.filter((r) => r.properties?.status === 'fail').map((r) => r.ruleId))).toEqual(new Set(failing));
  });

  it('reports an error result as a note under secpol.not-evaluated, naming the rule, resource and reason', () => {
    const notes = results.filter((r) => r.ruleId === NOT_EVALUATED_RULE);
    expect(notes).toHaveLength(fixtureResults.filter((r) => r.status === 'error').length);
    expect(notes[0]).toMatchObject({
      level: 'note',
      message: { text: 'org.mfa-required (critical) could not be evaluated for github:acme: forbidden: the token lacks the admin:org scope. This is not a pass.' },
      properties: { evaluatedRuleId: 'org.mfa-required', resourceId: 'github:acme', status: 'error' },
    });
    expect(notes[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('secpol.yaml');
    const rule = run(log).tool.driver.rules?.find((r) => r.id === NOT_EVALUATED_RULE);
    expect(rule?.defaultConfiguration?.level).toBe('note');
    // The error's own rule is described (it failed elsewhere or not), but no result of it is an alert of that rule.
    expect(results.some((r) => r.ruleId === 'org.mfa-required')).toBe(false);
  });

  it('leaves the not-evaluated rule out when everything could be evaluated', () => {
    const clean = parse(renderSarif(fixtureReport({ results: fixtureResults.filter((r) => r.status !== 'error') }), { all: false }));
    expect(run(clean).tool.driver.rules?.some((r) => r.id === NOT_EVALUATED_RULE)).toBe(false);
  });

  it('maps severities to levels', () => {
    const levelOf = (ruleId: string): string | undefined => results.find((r) => r.ruleId === ruleId)?.level;
    expect(levelOf('secrets.rotation-age')).toBe('error'); // critical
    expect(levelOf('branch.protected')).toBe('error'); // high
    expect(levelOf('ci.pinned-actions')).toBe('warning'); // medium
    expect(levelOf('repo.security-policy')).toBe('note'); // low
  });

  it('writes one result per located evidence item, plus one for unlocated evidence', () => {
    const pinned = results.filter((r) => r.ruleId === 'ci.pinned-actions');
    expect(pinned.map((r) => r.locations?.[0]?.physicalLocation?.region)).toEqual([
      { startLine: 12, startColumn: 15 },
      { startLine: 18, startColumn: 15 },
      { startLine: 1 },
    ]);
    expect(pinned.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/ci.yml',
    ]);
    expect(pinned[0]?.message.text).toBe('3 actions are not pinned to a commit SHA: actions/checkout@v4 is not pinned');
  });

  it('points settings findings at the fallback anchor, line 1, with the real resource in properties', () => {
    const settings = results.find((r) => r.ruleId === 'branch.protected' && r.properties?.resourceId === 'github:acme/api');
    expect(settings?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'secpol.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    expect(settings?.properties).toMatchObject({ resourceId: 'github:acme/api', kind: 'repository', provider: 'github' });
    expect(settings?.message.text).toContain('[resource: github:acme/api]');
  });

  it('uses report.anchorFile, and the option over it', () => {
    const fromReport = run(parse(renderSarif(fixtureReport({ anchorFile: './config/secpol.yml' }), { all: false })));
    const anchored = (r: Sarif.Run): string[] =>
      (r.results ?? []).filter((x) => x.ruleId === 'secrets.rotation-age').map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
    expect(anchored(fromReport)).toEqual(['config/secpol.yml']);
    const fromOption = run(parse(renderSarif(fixtureReport({ anchorFile: 'secpol.yaml' }), { all: false, anchorFile: 'policies/custom.yaml' })));
    expect(anchored(fromOption)).toEqual(['policies/custom.yaml']);
  });

  it('normalises paths: backslashes, ./, line 0, percent-encoding', () => {
    const uri = (ruleId: string): string[] => results.filter((r) => r.ruleId === ruleId).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
    expect(uri('repo.security-policy')).toEqual(['docs/SECURITY.md']);
    expect(results.find((r) => r.ruleId === 'repo.security-policy')?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(1);
    expect(uri('custom.hostile')).toEqual(['src/%3Cscript%3E.ts', 'my%20dir/%D1%84%D0%B0%D0%B9%D0%BB%20%231.yml']);
  });

  it('describes each rule once, with help, tags, controls and security-severity', () => {
    const rules = run(log).tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([...new Set([...fixtureRules.map((r) => r.id), NOT_EVALUATED_RULE])].sort());
    const bp = rules.find((r) => r.id === 'branch.protected');
    expect(bp).toMatchObject({
      shortDescription: { text: 'Default branch is protected' },
      fullDescription: { text: 'The default branch has a protection rule or ruleset.' },
      help: { text: 'Enable branch protection for the default branch.' },
      helpUri: 'https://secpol.example/docs/rules/branch.protected',
      defaultConfiguration: { level: 'error' },
      properties: {
        'security-severity': '8.0',
        precision: 'high',
        tags: ['security', 'code-review', 'soc2/CC8.1', 'iso27001/A.8.32', 'cis-ssc/1.1.3', 'nist-ssdf/PO.3.2'],
      },
    });
    expect(bp?.help?.markdown).toContain('**Remediation:**\n\nEnable branch protection');
    expect(rules.find((r) => r.id === 'secrets.rotation-age')?.properties?.['security-severity']).toBe('9.5');
    expect(rules.find((r) => r.id === 'repo.security-policy')?.properties?.['security-severity']).toBe('3.0');
  });

  it('drops a non-http helpUri and escapes hostile rule text', () => {
    const hostile = run(log).tool.driver.rules?.find((r) => r.id === 'custom.hostile');
    expect(hostile?.helpUri).toBeUndefined();
    expect(hostile?.help?.markdown).not.toContain('](javascript:');
    expect(hostile?.help?.markdown).not.toContain('<script>');
    expect(JSON.stringify(hostile)).not.toMatch(/\\u001b|\\u0007/);
    expect(hostile?.properties?.tags).toEqual(['security', 'custom', 'soc2/CC9.9']);
  });

  it('keeps terminal escapes out of every string', () => {
    const text = renderSarif(fixtureReport(), { all: true });
    expect(text).not.toMatch(/\\u001b|\\u0007|\\u009b|\\ud800/);
    expect(text).not.toContain(HOSTILE.osc8);
  });

  it('fingerprints are stable across runs and distinct per finding', () => {
    const again = run(parse(renderSarif(fixtureReport(), { all: false }))).results ?? [];
    const prints = results.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    expect(again.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY])).toEqual(prints);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('fingerprints of settings findings ignore the anchor file', () => {
    const a = run(parse(renderSarif(fixtureReport(), { all: false, anchorFile: 'a.yaml' }))).results ?? [];
    const b = run(parse(renderSarif(fixtureReport(), { all: false, anchorFile: 'b.yaml' }))).results ?? [];
    expect(a.map((r) => r.partialFingerprints)).toEqual(b.map((r) => r.partialFingerprints));
  });

  it('reports the invocation with times and diagnostics as notifications', () => {
    const invocation = run(log).invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(true);
    expect(invocation?.startTimeUtc).toBe('2026-03-01T12:00:00.000Z');
    expect(invocation?.endTimeUtc).toBe('2026-03-01T12:00:04.250Z');
    expect(invocation?.toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: { text: 'unknown key "colour"' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'policies/custom.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 7 } } }],
      },
      { level: 'warning', message: { text: 'GitHub rate limit below 10%: results may be incomplete' } },
    ]);
  });

  it('marks the execution unsuccessful when an error diagnostic was recorded', () => {
    const report = fixtureReport({ diagnostics: [{ severity: 'error', message: 'policy failed to load', file: 'p.yaml', line: 2, column: 1 }] });
    const sarif = parse(renderSarif(report, { all: false }));
    expectValid(sarif);
    expect(run(sarif).invocations?.[0]?.executionSuccessful).toBe(false);
  });
});

describe('renderSarif --sarif-all', () => {
  const log = parse(renderSarif(fixtureReport(), { all: true }));
  const results = run(log).results ?? [];

  it('validates against the official SARIF 2.1.0 schema', () => expectValid(log));
  it('still meets GitHub code scanning upload rules', () => expectGithubUploadable(log));

  it('adds passes, waived results, errors and skips', () => {
    const byStatus = (status: string): Sarif.Result[] => results.filter((r) => r.properties?.status === status);
    expect(byStatus('pass').map((r) => [r.kind, r.level])).toEqual([
      ['pass', 'none'],
      ['pass', 'none'],
    ]);
    expect(byStatus('skip').map((r) => [r.kind, r.level])).toEqual([['notApplicable', 'none']]);
    expect(byStatus('skip')[0]?.message.text).toContain('skipped: unsupported: the image has no USER instruction data');
    expect(byStatus('error').map((r) => [r.kind, r.level])).toEqual([['open', 'none']]);
    expect(byStatus('error')[0]?.properties?.reason).toBe('forbidden: the token lacks the admin:org scope');
    const waived = byStatus('waived');
    expect(waived).toHaveLength(2);
    const backup = waived.find((r) => r.ruleId === 'backup.restore-tested');
    expect(backup?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Restore drill scheduled for March' }]);
    expect(backup?.properties?.waiver).toEqual({ reason: 'Restore drill scheduled for March', expires: '2026-03-10', approvedBy: 'ciso@acme.example', expiringSoon: true });
    expect(backup?.level).toBe('warning');
  });

  it('keeps failures first, most severe first', () => {
    const statuses = results.map((r) => r.properties?.status as string);
    const order = ['fail', 'error', 'waived', 'skip', 'pass'];
    expect([...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(statuses);
  });
});

describe('renderSarif limits', () => {
  function manyFailures(n: number): Report {
    const template = fixtureResults.find((r) => r.ruleId === 'repo.security-policy') as Result;
    const list: Result[] = [];
    for (let i = 0; i < n; i++) {
      list.push({ ...template, severity: i % 2 === 0 ? 'low' : 'critical', resource: { ...template.resource, id: `github:acme/repo-${i}` }, location: { path: `repos/${i}/SECURITY.md`, line: 1 } });
    }
    return fixtureReport({ results: list, diagnostics: [] });
  }

  it(`truncates beyond ${MAX_RESULTS_PER_RUN} results per run, keeping the most severe, and says so`, () => {
    const log = parse(renderSarif(manyFailures(MAX_RESULTS_PER_RUN + 10), { all: false }));
    const r = run(log);
    expect(r.results).toHaveLength(MAX_RESULTS_PER_RUN);
    const critical = (r.results ?? []).filter((x) => x.properties?.severity === 'critical').length;
    expect(critical).toBe(Math.floor((MAX_RESULTS_PER_RUN + 10) / 2));
    const notes = r.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message.text).toMatch(/^10 results left out/);
    expectGithubUploadable(log);
  });

  it('writes a large log in pieces, indented as the whole log would be', () => {
    const report = manyFailures(3000);
    const pieces = [...renderSarifChunks(report, { all: false })];
    expect(pieces.length).toBeGreaterThan(3);
    const text = pieces.join('');
    const log = parse(text);
    expect(run(log).results).toHaveLength(3000);
    expect(text).toBe(`${JSON.stringify(log, null, 2)}\n`);
    expectValid(log);
  });

  it('caps rule tags at 20', () => {
    const controls = { soc2: Array.from({ length: 30 }, (_, i) => `CC${i}`) };
    const report = fixtureReport({ rules: fixtureRules.map((r) => (r.id === 'branch.protected' ? { ...r, controls } : r)) });
    const tags = run(parse(renderSarif(report, { all: false }))).tool.driver.rules?.find((r) => r.id === 'branch.protected')?.properties?.tags;
    expect(tags).toHaveLength(20);
    expect(tags?.[0]).toBe('security');
  });

  it('describes a rule missing from report.rules so ruleId always resolves', () => {
    const report = fixtureReport({ rules: fixtureRules.filter((r) => r.id !== 'ci.pinned-actions') });
    const log = parse(renderSarif(report, { all: false }));
    expectValid(log);
    expectGithubUploadable(log);
    expect(run(log).tool.driver.rules?.some((r) => r.id === 'ci.pinned-actions')).toBe(true);
  });

  it('writes a valid empty run when nothing failed', () => {
    const log = parse(renderSarif(fixtureReport({ results: [], diagnostics: [] }), { all: false }));
    expectValid(log);
    expect(run(log).results).toEqual([]);
  });
});

describe('renderSarif file names', () => {
  it('percent-encodes control characters and line breaks in paths instead of dropping them', () => {
    const failing = fixtureResults.find((r) => r.status === 'fail')!;
    const path = 'odd\nname\u001b[2J.txt';
    const report = fixtureReport({ results: [{ ...failing, location: { path, line: 3 }, evidence: undefined }] });
    const log = JSON.parse(renderSarif(report, { all: false })) as Sarif.Log;
    const uri = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri!;
    expect(uri).toBe('odd%0Aname%1B%5B2J.txt');
    expect(decodeURIComponent(uri)).toBe(path);
    expect(validate(log), validationErrors()).toBe(true);
  });
});
