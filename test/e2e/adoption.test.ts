import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo } from '../fakes/github/model.js';
import { secpol, secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';
import { expectMergeEqualsWhole, expectPartition, scanWholeAndShards, type ShardedScans } from '../helpers/shards.js';
import { ADMIN_TOKEN, FakeGithub, standardState } from '../providers/github/helpers.js';

/**
 * Adoption at scale through the CLI: an org scan split in shards and merged back equals the
 * unsharded scan; a baseline gates only new failures; diff tells two runs apart.
 */
const NOW = '2026-11-26T12:00:00Z';
const SHARDS = 3;

let fake: FakeGithub;
let dir: string;
let env: Record<string, string>;
let whole: CliRun;
let scans: ShardedScans;

beforeAll(async () => {
  const state = standardState();
  for (let i = 0; i < 12; i++) state.repos.push(makeRepo('acme', `svc-${i}`, i % 2 ? { visibility: 'public' } : {}));
  fake = await new FakeGithub(state).start();
  dir = tempDir('secpol-e2e-adoption-');
  env = { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: ADMIN_TOKEN, SECPOL_HTTP_RETRY_BASE_MS: '5', SECPOL_NOW: NOW };
  const scan = (extra: string[]) => secpolAsync(['check', '--github-org', 'acme', '--no-cache', ...extra], { cwd: dir, env });
  scans = await scanWholeAndShards(scan, SHARDS, () => fake.log.length);
  whole = scans.whole;
}, 180_000);

afterAll(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('check --shard i/n and merge', () => {
  it('splits the repositories between the shards, each making only part of the requests', () => {
    expect(whole.status).toBe(1);
    expectPartition(dir, scans, ['github:acme']);
  });

  it('merges into the unsharded report, byte for byte once timestamps and request counters are set aside', () => {
    expectMergeEqualsWhole(dir, scans);
  });

  it('refuses a missing shard, a repeated one, a different clock or policy set, and a report that is no shard', () => {
    const two = secpol(['merge', 'shard-1.json', 'shard-2.json'], { cwd: dir });
    expect(two.status).toBe(2);
    expect(two.stderr).toContain(`shard 3/${SHARDS} missing`);
    expect(secpol(['merge', 'shard-1.json', 'shard-1.json', 'shard-2.json', 'shard-3.json'], { cwd: dir }).stderr).toContain('given twice');
    const moved = JSON.parse(readFileSync(join(dir, 'shard-2.json'), 'utf8')) as { shard: { clock: string; policySet: string } };
    writeFileSync(join(dir, 'clock.json'), JSON.stringify({ ...moved, shard: { ...moved.shard, clock: '2026-11-27T00:00:00.000Z' } }));
    expect(secpol(['merge', 'shard-1.json', 'clock.json', 'shard-3.json'], { cwd: dir }).stderr).toContain('SECPOL_NOW');
    writeFileSync(join(dir, 'policies.json'), JSON.stringify({ ...moved, shard: { ...moved.shard, policySet: 'x' } }));
    expect(secpol(['merge', 'shard-1.json', 'policies.json', 'shard-3.json'], { cwd: dir }).stderr).toContain('different policy set');
    const notShard = secpol(['merge', 'whole.json'], { cwd: dir });
    expect(notShard.status).toBe(2);
    expect(notShard.stderr).toContain('not a shard report');
  });

  it('rejects a malformed --shard', () => {
    const bad = secpol(['check', '--github-org', 'acme', '--shard', '4/3'], { cwd: dir, env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--shard must be i/n');
  });
});

describe('baseline and diff', () => {
  it('gates only new failures: existing ones keep exit 0, a new one fails, waivers win, fixed entries are listed', () => {
    const created = secpol(['baseline', 'create', '--from', 'whole.json', '-o', 'base.json'], { cwd: dir });
    expect(created.status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { entries: { fingerprint: string; ruleId: string; resourceId: string }[] };
    expect(baseline.entries.length).toBeGreaterThan(0);

    const report = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8')) as { results: { status: string; ruleId: string; resource: { id: string } }[] };
    const failing = report.results.filter((r) => r.status === 'fail');
    // Drop one entry: that failure is new again. Add one that matches nothing: it is fixed.
    const dropped = baseline.entries[0]!;
    const pruned = { ...baseline, entries: [...baseline.entries.slice(1), { fingerprint: `${'0'.repeat(32)}:1`, ruleId: 'repo.security-policy', resourceId: 'github:acme/gone' }] };
    writeFileSync(join(dir, 'pruned.json'), JSON.stringify(pruned));
    return Promise.all([
      secpolAsync(['check', '--github-org', 'acme', '--baseline', 'base.json', '--format', 'json', '--fail-on', 'low'], { cwd: dir, env }),
      secpolAsync(['check', '--github-org', 'acme', '--baseline', 'pruned.json', '--format', 'json', '--format', 'sarif=pruned.sarif', '--fail-on', 'low'], { cwd: dir, env }),
    ]).then(([all, one]) => {
      const a = JSON.parse(all.stdout) as { baseline: { existing: number; new: number; fixed: unknown[] }; results: { status: string; baseline?: string }[] };
      expect(a.baseline).toMatchObject({ existing: failing.length, new: 0, fixed: [] });
      expect(a.results.filter((r) => r.status === 'fail').every((r) => r.baseline === 'existing')).toBe(true);
      expect(all.status === 0 || all.status === 2).toBe(true); // only errors can still fail it
      const o = JSON.parse(one.stdout) as { baseline: { existing: number; new: number; fixed: { resourceId: string }[] }; results: { ruleId: string; status: string; baseline?: string; resource: { id: string } }[] };
      expect(one.status).toBe(1);
      expect(o.baseline.new).toBe(1);
      expect(o.baseline.fixed.map((f) => f.resourceId)).toEqual(['github:acme/gone']);
      const fresh = o.results.find((r) => r.baseline === 'new')!;
      expect([fresh.ruleId, fresh.resource.id]).toEqual([dropped.ruleId, dropped.resourceId]);
      // The default SARIF holds only the new failure(s), marked new.
      const sarif = JSON.parse(readFileSync(join(dir, 'pruned.sarif'), 'utf8')) as { runs: { results: { ruleId: string; baselineState?: string }[] }[] };
      expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
      expect(sarif.runs[0]!.results.every((r) => r.ruleId === dropped.ruleId && r.baselineState === 'new')).toBe(true);
    });
  }, 120_000);

  it('warns about a baseline older than its max age (config baseline:)', () => {
    writeFileSync(join(dir, 'secpol.yaml'), 'baseline:\n  file: base.json\n  maxAge: 1d\n');
    const old = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ ...old, createdAt: '2026-01-01T00:00:00Z' }));
    const run = secpol(['check', '--state', join(dir, 'whole.json'), '--format', 'json'], { cwd: dir, env: { SECPOL_NOW: NOW } });
    rmSync(join(dir, 'secpol.yaml'));
    expect(run.stderr).toMatch(/base\.json: warning: baseline is 329 days old \(older than 1d\)/);
  });

  it('diff lists newly failing and newly passing results per rule and control, exit 1 on a new failure', () => {
    const report = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8')) as { results: { status: string; severity: string; message: string }[] };
    const target = report.results.find((r) => r.status === 'pass' && r.severity === 'high')!;
    const healed = report.results.find((r) => r.status === 'fail')!;
    const later = {
      ...report,
      results: report.results.map((r) => (r === target ? { ...r, status: 'fail', message: 'now failing' } : r === healed ? { ...r, status: 'pass' } : r)),
    };
    writeFileSync(join(dir, 'later.json'), JSON.stringify(later));
    const text = secpol(['diff', 'whole.json', 'later.json'], { cwd: dir });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('1 newly failing, 1 newly passing, 0 new errors; 0 resources added, 0 removed');
    const json = JSON.parse(secpol(['diff', 'whole.json', 'later.json', '--format', 'json'], { cwd: dir }).stdout) as { newlyFailing: { message: string }[]; byRule: unknown[]; byControl: unknown[] };
    expect(json.newlyFailing.map((c) => c.message)).toEqual(['now failing']);
    expect(json.byRule.length).toBeGreaterThan(0);
    const md = secpol(['diff', 'later.json', 'whole.json', '--format', 'markdown'], { cwd: dir });
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('### Newly passing (1)');
    expect(secpol(['diff', 'whole.json', 'whole.json'], { cwd: dir }).status).toBe(0);
    const bad = secpol(['diff', 'whole.json', 'missing.json'], { cwd: dir });
    expect(bad.status).toBe(2);
  });
});
