import { describe, expect, it } from 'vitest';
import { evaluate, exitCodeFor, summarize } from '../../src/engine/index.js';
import type { Result, Rule, Waiver } from '../../src/model/index.js';
import { DAY, c, repo, resource, rule } from './helpers.js';

const now = new Date('2026-06-01T00:00:00Z');
const protectedRule = rule({ id: 'branch.protected', assert: c.cmp('branchProtection.protected', 'equals', true) });
const statusOf = (results: Result[]) => results.map((r) => `${r.ruleId} ${r.resource.id} ${r.status}`);

describe('evaluate: outcomes', () => {
  it('yields one result per (rule, resource) of the rule kind, with the result shape', () => {
    const secretRule = rule({ id: 'secrets.rotation-age', kind: 'secret', assert: c.within('lastRotatedAt', 90 * DAY) });
    const { results } = evaluate(
      [protectedRule, secretRule],
      [
        repo('acme/api', { branchProtection: { protected: true }, location: { path: 'README.md', line: 1 } }),
        repo('acme/web', { branchProtection: { protected: false } }),
        resource('secret', 'github:acme/api/secrets/DB', { store: 'github-actions', lastRotatedAt: '2026-05-01' }),
      ],
      { now },
    );
    expect(statusOf(results)).toEqual([
      'branch.protected github:acme/api pass',
      'branch.protected github:acme/web fail',
      'secrets.rotation-age github:acme/api/secrets/DB pass',
    ]);
    expect(results[0]).toEqual({
      ruleId: 'branch.protected',
      policyId: 'test',
      title: 'Title of branch.protected',
      severity: 'high',
      status: 'pass',
      message: 'Title of branch.protected',
      resource: { id: 'github:acme/api', kind: 'repository', provider: 'github', name: 'acme/api' },
      location: { path: 'README.md', line: 1 },
      controls: { soc2: ['CC8.1'] },
    });
    expect(results[1]!.message).toBe('acme/web violates branch.protected');
  });

  it('skips disabled rules entirely', () => {
    const { results } = evaluate([{ ...protectedRule, enabled: false }], [repo('acme/api')], { now });
    expect(results).toEqual([]);
  });

  it('skips resources outside the configured include/exclude globs', () => {
    const scoped: Rule = { ...protectedRule, match: { include: ['github:acme/*'], exclude: ['github:acme/legacy-*'] } };
    const { results } = evaluate(
      [scoped],
      [repo('acme/api', { branchProtection: { protected: true } }), repo('acme/legacy-x'), repo('other/api'), repo('acme/api/nested')],
      { now },
    );
    expect(results.map((r) => r.status)).toEqual(['pass', 'skip', 'skip', 'skip']);
    expect(results[1]!.reason).toBe('not selected: the resource is outside the resources configured for branch.protected');
  });

  it('where false is skip (not applicable); where unknown is decided like an unknown assert', () => {
    const r = rule({ id: 'branch.protected', where: c.cmp('archived', 'notEquals', true), assert: c.cmp('branchProtection.protected', 'equals', true) });
    const { results } = evaluate(
      [r],
      [
        repo('acme/archived', { archived: true }),
        repo('acme/hidden', { gaps: { archived: { reason: 'forbidden', message: 'needs metadata:read' } } }),
        repo('acme/live', { archived: false, branchProtection: { protected: true } }),
      ],
      { now },
    );
    expect(results.map((x) => [x.status, x.reason])).toEqual([
      ['skip', 'not applicable: the resource is outside the scope of branch.protected (its where condition is false)'],
      ['error', 'archived: forbidden: needs metadata:read'],
      ['pass', undefined],
    ]);
  });
});

describe('evaluate: unknown data and gaps', () => {
  const evalOne = (fields: Record<string, unknown>, r: Rule = protectedRule) => evaluate([r], [repo('acme/api', fields)], { now }).results[0]!;

  it('a forbidden gap on a prefix of the field is an error quoting the gap', () => {
    const res = evalOne({ gaps: { branchProtection: { reason: 'forbidden', message: 'needs admin:repo' } } });
    expect(res).toMatchObject({ status: 'error', reason: 'branchProtection: forbidden: needs admin:repo', message: 'could not be evaluated: branchProtection: forbidden: needs admin:repo' });
  });

  it('an exact-path gap is found before its prefix', () => {
    const res = evalOne({
      branchProtection: {},
      gaps: { 'branchProtection.protected': { reason: 'unsupported', message: 'plan lacks it' }, branchProtection: { reason: 'timeout', message: 'slow' } },
    });
    expect(res).toMatchObject({ status: 'skip', reason: 'branchProtection.protected: unsupported: plan lacks it' });
  });

  it('unsupported and not-applicable gaps skip; forbidden with outcome skip skips', () => {
    expect(evalOne({ gaps: { branchProtection: { reason: 'unsupported', message: 'GitLab Free' } } }).status).toBe('skip');
    expect(evalOne({ gaps: { branchProtection: { reason: 'not-applicable', message: 'empty repo' } } }).status).toBe('skip');
    expect(evalOne({ gaps: { branchProtection: { reason: 'forbidden', message: 'x', outcome: 'skip' } } }).status).toBe('skip');
    for (const reason of ['unauthenticated', 'not-found', 'rate-limited', 'timeout', 'malformed', 'error']) {
      expect(evalOne({ gaps: { branchProtection: { reason, message: 'x' } } }).status).toBe('error');
    }
  });

  it('a whole-resource gap (*) covers every field', () => {
    expect(evalOne({ gaps: { '*': { reason: 'rate-limited', message: 'retry after 60 s' } } })).toMatchObject({
      status: 'error',
      reason: 'resource: rate-limited: retry after 60 s',
    });
  });

  it('a field not collected and named by no gap is a skip saying so', () => {
    expect(evalOne({})).toMatchObject({ status: 'skip', reason: 'branchProtection.protected was not collected for this resource (github does not supply it)' });
  });

  it('an error gap wins over a skip gap when both are behind the unknown', () => {
    const r = rule({ id: 'x', assert: c.all(c.cmp('secretScanning', 'equals', true), c.cmp('dependencyAlerts', 'equals', true)) });
    const res = evalOne(
      { gaps: { secretScanning: { reason: 'unsupported', message: 'no GHAS' }, dependencyAlerts: { reason: 'forbidden', message: 'needs security_events' } } },
      r,
    );
    expect(res).toMatchObject({ status: 'error', reason: 'dependencyAlerts: forbidden: needs security_events' });
  });

  it('a false part decides an all regardless of unknown parts (fail, not error)', () => {
    const r = rule({ id: 'x', assert: c.all(c.cmp('branchProtection.protected', 'equals', true), c.cmp('secretScanning', 'equals', true)) });
    expect(evalOne({ branchProtection: { protected: false }, gaps: { secretScanning: { reason: 'forbidden', message: 'x' } } }, r).status).toBe('fail');
  });

  it('inside a quantifier, gaps are looked up with the array path as prefix', () => {
    const r = rule({ id: 'repo.webhooks-tls', assert: c.every('webhooks', c.cmp('sslVerification', 'equals', true)) });
    const hooks = [{ id: '1', target: 'https://x', https: true }];
    expect(evalOne({ webhooks: hooks, gaps: { 'webhooks.sslVerification': { reason: 'forbidden', message: 'hook config needs admin' } } }, r)).toMatchObject({
      status: 'error',
      reason: 'webhooks.sslVerification: forbidden: hook config needs admin',
    });
    expect(evalOne({ webhooks: hooks, gaps: { webhooks: { reason: 'unsupported', message: 'n/a' } } }, r).status).toBe('skip');
    expect(evalOne({ gaps: { webhooks: { reason: 'not-found', message: 'hooks endpoint 404' } } }, r)).toMatchObject({
      status: 'error',
      reason: 'webhooks: not-found: hooks endpoint 404',
    });
  });
});

describe('evaluate: evidence and locations', () => {
  it('offending elements become evidence with locations; the result points at the first', () => {
    const r = rule({
      id: 'code.no-hardcoded-secrets',
      assert: c.none('secretFindings'),
      message: '{{ count }} {{ count | secret | secrets }} in {{ resource.name }}',
      evidence: '{{ item.detector }} in {{ item.path }} ({{ item.masked }})',
    });
    const findings = [
      { path: 'src/a.ts', line: 3, column: 7, detector: 'aws', fingerprint: 'f1', masked: 'AKIA****' },
      { path: 'config/b.yml', line: 10, detector: 'slack', fingerprint: 'f2', masked: 'xoxb****' },
    ];
    const res = evaluate([r], [repo('acme/api', { secretFindings: findings, location: { path: '.' } })], { now }).results[0]!;
    expect(res.status).toBe('fail');
    expect(res.message).toBe('2 secrets in acme/api');
    const one = evaluate([r], [repo('acme/api', { secretFindings: findings.slice(0, 1) })], { now }).results[0]!;
    expect(one.message).toBe('1 secret in acme/api');
    expect(res.evidence).toEqual([
      { message: 'aws in src/a.ts (AKIA****)', location: { path: 'src/a.ts', line: 3, column: 7 } },
      { message: 'slack in config/b.yml (xoxb****)', location: { path: 'config/b.yml', line: 10 } },
    ]);
    expect(res.location).toEqual({ path: 'src/a.ts', line: 3, column: 7 });
  });

  it('elements with a line but no path point into the resource file', () => {
    const r = rule({ id: 'ci.pinned-actions', kind: 'pipeline', assert: c.none('unpinnedActions') });
    const pipeline = resource('pipeline', 'local:.github/workflows/ci.yml', {
      platform: 'github-actions',
      location: { path: '.github/workflows/ci.yml', line: 1 },
      unpinnedActions: [{ uses: 'some/action@main', line: 12 }],
    });
    const res = evaluate([r], [pipeline], { now }).results[0]!;
    expect(res.evidence).toEqual([{ message: 'some/action@main', location: { path: '.github/workflows/ci.yml', line: 12 } }]);
    expect(res.location).toEqual({ path: '.github/workflows/ci.yml', line: 12 });
  });

  it('collects violators of every, matches of some under not, and the excess of a count', () => {
    const collaborators = [
      { login: 'alice', permission: 'admin', outside: true },
      { login: 'bob', permission: 'read', outside: true },
      { login: 'carol', permission: 'write', outside: false },
    ];
    const evidenceOf = (assert: Rule['assert']) =>
      evaluate([rule({ id: 'x', assert })], [repo('acme/api', { collaborators })], { now }).results[0]!.evidence?.map((e) => e.message);
    const outside = c.cmp('outside', 'equals', true);
    expect(evidenceOf(c.every('collaborators', c.cmp('permission', 'in', ['read', 'none']), outside))).toEqual(['alice']);
    expect(evidenceOf(c.not(c.some('collaborators', c.cmp('permission', 'equals', 'admin'))))).toEqual(['alice']);
    expect(evidenceOf(c.count('collaborators', 'lte', 1, outside))).toEqual(['alice', 'bob']);
    expect(evidenceOf(c.all(c.cmp('name', 'equals', 'acme/api'), c.none('collaborators', undefined, c.cmp('permission', 'equals', 'write'))))).toEqual(['carol']);
    expect(evidenceOf(c.cmp('name', 'equals', 'other'))).toBeUndefined();
  });

  it('keeps every evidence item (the machine-readable reports carry them all)', () => {
    const r = rule({ id: 'x', assert: c.none('secretFindings') });
    const findings = Array.from({ length: 500 }, (_, i) => ({ path: `f${i}.txt`, line: 1, detector: 'd', fingerprint: `${i}`, masked: '*' }));
    const res = evaluate([r], [repo('acme/api', { secretFindings: findings })], { now }).results[0]!;
    expect(res.evidence).toHaveLength(500);
    expect(res.evidence!.at(-1)?.location).toEqual({ path: 'f499.txt', line: 1 });
  });

  it('renders unknown for missing template values and never leaks the prototype', () => {
    const r = rule({ id: 'x', assert: c.cmp('fork', 'equals', false), message: '{{ resource.nope }} {{ resource.constructor }} {{ params.n }} {{ rule.severity }}' });
    expect(evaluate([r], [repo('acme/api', { fork: true })], { now }).results[0]!.message).toBe('unknown unknown unknown high');
  });
});

describe('evaluate: waivers', () => {
  const failing = [repo('acme/legacy', { branchProtection: { protected: false } }), repo('acme/api', { branchProtection: { protected: false } })];
  const waiver = (w: Partial<Waiver>): Waiver => ({ rule: 'branch.protected', resource: 'github:acme/legacy', reason: 'migrating', expires: '2027-01-31', ...w });

  it('an active waiver turns a fail into waived, carrying reason, expiry and approver', () => {
    const { results, waivers } = evaluate([protectedRule], failing, { now, waivers: [waiver({ approvedBy: 'alice', source: { file: 'secpol.yaml', line: 9, column: 5 } })] });
    expect(results.map((r) => r.status)).toEqual(['waived', 'fail']);
    expect(results[0]!.waiver).toEqual({ reason: 'migrating', expires: '2027-01-31', approvedBy: 'alice', expiringSoon: false });
    expect(results[0]!.message).toBe('acme/legacy violates branch.protected');
    expect(waivers).toEqual([
      {
        rule: 'branch.protected',
        resource: 'github:acme/legacy',
        reason: 'migrating',
        expires: '2027-01-31',
        approvedBy: 'alice',
        state: 'active',
        matched: 1,
        source: { file: 'secpol.yaml', line: 9, column: 5 },
      },
    ]);
  });

  it('a waiver expiring within 14 days applies and is flagged expiring-soon', () => {
    const { results, waivers } = evaluate([protectedRule], failing, { now, waivers: [waiver({ expires: '2026-06-10' })] });
    expect(results[0]!.waiver!.expiringSoon).toBe(true);
    expect(waivers[0]!.state).toBe('expiring-soon');
  });

  it('honours a custom expiring-soon window', () => {
    const { waivers } = evaluate([protectedRule], failing, { now, waivers: [waiver({ expires: '2026-06-10' })], expiringSoonDays: 3 });
    expect(waivers[0]!.state).toBe('active');
  });

  it('an expired waiver does not apply and is reported expired; a date covers its whole day', () => {
    const expired = evaluate([protectedRule], failing, { now, waivers: [waiver({ expires: '2026-05-31' })] });
    expect(expired.results.map((r) => r.status)).toEqual(['fail', 'fail']);
    expect(expired.waivers[0]).toMatchObject({ state: 'expired', matched: 1 });
    const lastDay = evaluate([protectedRule], failing, { now: new Date('2026-05-31T23:59:59Z'), waivers: [waiver({ expires: '2026-05-31' })] });
    expect(lastDay.results[0]!.status).toBe('waived');
    const instant = evaluate([protectedRule], failing, { now, waivers: [waiver({ expires: '2026-06-01T00:00:00Z' })] });
    expect(instant.waivers[0]!.state).toBe('expired');
  });

  it('a waiver that matches nothing failing is unused; passes are never waived', () => {
    const passing = [repo('acme/legacy', { branchProtection: { protected: true } })];
    const { results, waivers } = evaluate([protectedRule], passing, { now, waivers: [waiver({})] });
    expect(results[0]!.status).toBe('pass');
    expect(results[0]!.waiver).toBeUndefined();
    expect(waivers[0]).toMatchObject({ state: 'unused', matched: 0 });
  });

  it('errors can be waived; skips cannot', () => {
    const res = evaluate(
      [protectedRule],
      [repo('acme/legacy', { gaps: { branchProtection: { reason: 'forbidden', message: 'x' } } }), repo('acme/other')],
      { now, waivers: [waiver({ resource: 'github:acme/*' })] },
    );
    expect(res.results.map((r) => r.status)).toEqual(['waived', 'skip']);
  });

  it('rule and resource globs; the first live waiver applies', () => {
    const { results, waivers } = evaluate([protectedRule], failing, {
      now,
      waivers: [waiver({ rule: 'branch.*', resource: 'github:acme/*', expires: '2026-01-01', reason: 'old' }), waiver({ rule: 'branch.*', resource: 'github:acme/*', reason: 'new' })],
    });
    expect(results.map((r) => [r.status, r.waiver?.reason])).toEqual([
      ['waived', 'new'],
      ['waived', 'new'],
    ]);
    expect(waivers.map((w) => [w.state, w.matched])).toEqual([
      ['expired', 2],
      ['active', 2],
    ]);
  });
});

describe('summarize and exitCodeFor', () => {
  const result = (status: Result['status'], severity: Result['severity']): Result => ({
    ruleId: 'r',
    policyId: 'p',
    title: 't',
    severity,
    status,
    message: 'm',
    resource: { id: 'x:y', kind: 'repository', provider: 'x', name: 'y' },
    controls: {},
  });

  it('counts each status', () => {
    expect(summarize([result('pass', 'low'), result('fail', 'high'), result('fail', 'low'), result('skip', 'low'), result('waived', 'high'), result('error', 'low')])).toEqual({
      pass: 1,
      fail: 2,
      error: 1,
      skip: 1,
      waived: 1,
    });
  });

  it('1 when a failure is at or above failOn', () => {
    expect(exitCodeFor([result('fail', 'high')], 'high', false)).toBe(1);
    expect(exitCodeFor([result('fail', 'critical')], 'high', false)).toBe(1);
    expect(exitCodeFor([result('fail', 'low')], 'low', false)).toBe(1);
    // A failure wins over user errors and incomplete evaluations.
    expect(exitCodeFor([result('error', 'critical'), result('fail', 'high')], 'high', true)).toBe(1);
  });

  it('0 when failures are below failOn, or failOn is none', () => {
    expect(exitCodeFor([result('fail', 'medium')], 'high', false)).toBe(0);
    expect(exitCodeFor([result('fail', 'critical'), result('error', 'critical')], 'none', false)).toBe(0);
    expect(exitCodeFor([], 'high', false)).toBe(0);
  });

  it('2 for user errors, or an error result at or above failOn when nothing failed', () => {
    expect(exitCodeFor([result('pass', 'high')], 'high', true)).toBe(2);
    expect(exitCodeFor([result('error', 'high')], 'high', false)).toBe(2);
    expect(exitCodeFor([result('error', 'low')], 'high', false)).toBe(0);
    expect(exitCodeFor([], 'none', true)).toBe(2);
  });

  it('skip and waived never count', () => {
    expect(exitCodeFor([result('skip', 'critical'), result('waived', 'critical')], 'low', false)).toBe(0);
  });
});

describe('ruleMeta', () => {
  it('copies the report metadata of a rule', async () => {
    const { ruleMeta } = await import('../../src/engine/index.js');
    expect(ruleMeta(rule({ id: 'x.y', assert: c.t(), remediation: 'fix it', helpUri: 'https://e.x/x.y' }))).toEqual({
      id: 'x.y',
      policyId: 'test',
      title: 'Title of x.y',
      severity: 'high',
      kind: 'repository',
      controls: { soc2: ['CC8.1'] },
      tags: [],
      remediation: 'fix it',
      helpUri: 'https://e.x/x.y',
      source: { file: 'test.yaml', line: 1, column: 1 },
    });
  });
});
