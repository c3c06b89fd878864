import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resource } from '../../../src/model/index.js';
import type { CollectResult } from '../../../src/providers/types.js';
import { createAwsAdapter } from '../../../src/providers/aws/index.js';
import { startFakeAws, type FakeAws } from '../../fakes/aws/server.js';
import { acmeAccount } from '../../fakes/aws/state.js';
import { awsEnv, awsTargets, collectContext, FAKE_KEY_ID, FAKE_SECRET, isolateSdk, testTuning } from '../../fakes/aws/harness.js';

const now = new Date('2026-11-20T12:00:00Z');
const ACCOUNT = '123456789012';
let fake: FakeAws;
let result: CollectResult;

function byId(id: string) {
  const found = result.resources.find((r) => r.id === id);
  if (!found) throw new Error(`no resource ${id}`);
  return found as Record<string, unknown>;
}

beforeAll(async () => {
  isolateSdk();
  // Two items a page: every list call has to follow its continuation tokens.
  fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: ACCOUNT }, accounts: [acmeAccount(now)], pageSize: 2 });
  const env = awsEnv(fake.url);
  const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1', 'us-east-1'] }), env, { tuning: testTuning });
  result = await adapter.collect(collectContext(env, now));
});
afterAll(() => fake.close());

describe('aws provider: what it collects', () => {
  it('produces valid resources, no diagnostics, and only expected requests to the loopback endpoint', () => {
    for (const r of result.resources) expect(() => Resource.parse(r)).not.toThrow();
    expect(result.diagnostics).toEqual([]);
    expect(fake.unexpected).toEqual([]);
    expect(new Set(fake.requests.map((r) => r.host))).toEqual(new Set([new URL(fake.url).host]));
    expect(fake.requests.some((r) => r.paged)).toBe(true);
    expect(result.stats.requests).toBe(fake.requests.length);
  });

  it('signs regional calls for their region and global ones for the first region', () => {
    const regionsOf = (service: string) => new Set(fake.requests.filter((r) => r.service === service).map((r) => r.region));
    expect(regionsOf('secretsmanager')).toEqual(new Set(['eu-west-1', 'us-east-1']));
    expect(regionsOf('logs')).toEqual(new Set(['eu-west-1', 'us-east-1']));
    expect(regionsOf('iam')).toEqual(new Set(['eu-west-1']));
  });

  it('dates a secret by its AWSCURRENT version, not LastChangedDate, and skips deleted secrets', () => {
    const stripe = byId(`aws:${ACCOUNT}/eu-west-1/secretsmanager/prod/stripe-api-key`);
    expect(stripe).toMatchObject({ store: 'aws-secrets-manager', rotationEnabled: false, rotationIntervalDays: null, lastRotatedAt: '2026-05-04T12:00:00.000Z' });
    expect(byId(`aws:${ACCOUNT}/eu-west-1/secretsmanager/prod/db-password`)).toMatchObject({ rotationEnabled: true, rotationIntervalDays: 30, lastRotatedAt: '2026-11-10T12:00:00.000Z' });
    expect(byId(`aws:${ACCOUNT}/eu-west-1/secretsmanager/prod/signing-cert`)).toMatchObject({ rotationEnabled: true, rotationIntervalDays: 10 });
    expect(result.resources.some((r) => r.name === 'old/removed')).toBe(false);
    expect(byId(`aws:${ACCOUNT}/us-east-1/secretsmanager/ci/deploy-token`).scope).toBe('us-east-1');
  });

  it('turns active access keys of the credential report into secrets, inactive ones not', () => {
    const keys = result.resources.filter((r) => r.kind === 'secret' && r.store === 'aws-iam-access-key').map((r) => r.id);
    expect(keys.sort()).toEqual([`aws:${ACCOUNT}/iam/user/alice/access-key-1`, `aws:${ACCOUNT}/iam/user/bob/access-key-2`, `aws:${ACCOUNT}/iam/user/deploy-bot/access-key-1`]);
    expect(byId(`aws:${ACCOUNT}/iam/user/alice/access-key-1`)).toMatchObject({ createdAt: '2026-05-04T12:00:00.000Z', lastRotatedAt: null, lastUsedAt: '2026-11-19T12:00:00.000Z' });
  });

  it('reports console users and the root user without MFA, admins once, and mfaRequired as unsupported', () => {
    const org = byId(`aws:${ACCOUNT}`);
    expect(org.membersWithoutMfa).toEqual(['root', 'bob']);
    expect(org.admins).toEqual(['alice', 'carol', 'role/OrganizationAccountAccessRole']);
    expect(org.adminCount).toBe(3);
    expect(org.mfaRequired).toBeUndefined();
    expect((org.gaps as Record<string, { reason: string }>).mfaRequired!.reason).toBe('unsupported');
  });

  it('maps backup rules to schedules and tiers, ignores deleted plans, and dates the last validated restore test', () => {
    const gfs = byId(`aws:${ACCOUNT}/eu-west-1/backup/plan/gfs`);
    expect((gfs.schedules as { intervalHours: number }[]).map((s) => s.intervalHours)).toEqual([6, 24, 168, 744]);
    // 400 days / 30.44 = 13.14 months; 35 days / 7 = 5 weeks.
    expect(gfs.retention).toEqual({ dailyDays: 35, weeklyWeeks: 5, monthlyMonths: 13.14 });
    expect(gfs.target).toBe('selections: prod-databases');
    // The newer job failed validation and another failed outright: the 12-day-old one counts.
    expect(gfs.lastRestoreTestAt).toBe('2026-11-08T12:00:00.000Z');
    expect(byId(`aws:${ACCOUNT}/eu-west-1/backup/plan/weekly-only`).retention).toEqual({ dailyDays: 0, weeklyWeeks: 2, monthlyMonths: 0 });
    expect(result.resources.some((r) => r.id.endsWith('/backup/plan/gone'))).toBe(false);
  });

  it('gives RDS a daily tier only, 0 without backups, and cluster members no resource of their own', () => {
    expect(byId(`aws:${ACCOUNT}/eu-west-1/rds/db/orders-db`)).toMatchObject({ retention: { dailyDays: 7, weeklyWeeks: 0, monthlyMonths: 0 } });
    expect(byId(`aws:${ACCOUNT}/eu-west-1/rds/db/scratch-db`)).toMatchObject({ schedules: [], retention: { dailyDays: 0 } });
    expect(byId(`aws:${ACCOUNT}/eu-west-1/rds/cluster/aurora`)).toMatchObject({ retention: { dailyDays: 14 } });
    expect(result.resources.some((r) => r.id.endsWith('/rds/db/aurora-1'))).toBe(false);
  });

  it('categorises log groups and reads the trail bucket retention for the trail prefix, once per multi-region trail', () => {
    const category = (id: string) => byId(`aws:${ACCOUNT}/${id}`).category;
    expect(category('eu-west-1/logs/log-group//aws/lambda/orders')).toBe('application');
    expect(category('eu-west-1/logs/log-group/org-trail-logs')).toBe('audit');
    expect(category('eu-west-1/logs/log-group//aws/vpc/flowlogs')).toBe('access');
    expect(category('eu-west-1/logs/log-group/misc')).toBe('other');
    expect(category('us-east-1/logs/log-group//aws/apprunner/api/application')).toBe('application');
    expect(byId(`aws:${ACCOUNT}/eu-west-1/logs/log-group//aws/lambda/legacy`).retentionDays).toBeNull();
    // expire-audit (400, prefix audit/) beats expire-all (2000); disabled, tagged and elb/ rules do not apply.
    expect(byId(`aws:${ACCOUNT}/s3/bucket/acme-trail-logs`)).toMatchObject({ category: 'audit', retentionDays: 400 });
    expect(fake.requests.filter((r) => r.service === 's3')).toHaveLength(1);
  });

  it('never puts the credential in resources or stats', () => {
    const text = JSON.stringify(result);
    expect(text).not.toContain(FAKE_SECRET);
    expect(text).not.toContain(FAKE_KEY_ID);
  });
});
