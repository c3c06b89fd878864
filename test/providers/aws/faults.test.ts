import { beforeAll, describe, expect, it } from 'vitest';
import type { Gap } from '../../../src/model/index.js';
import { createAwsAdapter } from '../../../src/providers/aws/index.js';
import type { CollectResult } from '../../../src/providers/types.js';
import { awsEnv, awsTargets, collectContext, FAKE_KEY_ID, FAKE_SECRET, isolateSdk, testTuning } from '../../fakes/aws/harness.js';
import { startFakeAws, type Fault, type FakeAws } from '../../fakes/aws/server.js';
import { acmeAccount, type FakeAccount } from '../../fakes/aws/state.js';

const now = new Date('2026-11-20T12:00:00Z');
const ACCOUNT = '123456789012';

beforeAll(() => isolateSdk());

async function scan(
  faults: Fault[],
  options: { account?: FakeAccount; regions?: string[]; env?: Record<string, string>; roles?: Record<string, string>; accounts?: FakeAccount[]; targets?: Record<string, unknown> } = {},
): Promise<{ result: CollectResult; fake: FakeAws }> {
  const accounts = options.accounts ?? [options.account ?? acmeAccount(now)];
  const fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: ACCOUNT }, accounts, faults, roles: options.roles, pageSize: 2 });
  try {
    const env = { ...awsEnv(fake.url), ...options.env };
    const adapter = createAwsAdapter(awsTargets({ awsRegion: options.regions ?? ['eu-west-1'], ...options.targets }), env, { tuning: testTuning });
    const result = await adapter.collect(collectContext(env, now));
    expect(fake.unexpected).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(FAKE_SECRET);
    return { result, fake };
  } finally {
    await fake.close();
  }
}

function gapOf(result: CollectResult, id: string, field: string): Gap {
  const resource = result.resources.find((r) => r.id === id);
  const gap = resource?.gaps?.[field];
  if (!gap) throw new Error(`no gap ${field} on ${id}: ${JSON.stringify(resource)}`);
  return gap;
}

describe('aws provider: every unreadable fact is a gap naming the action, region and reason', () => {
  it('a denied list leaves one resource standing for the unreadable list', async () => {
    const { result } = await scan([{ action: 'secretsmanager:ListSecrets', kind: 'denied' }]);
    const gap = gapOf(result, `aws:${ACCOUNT}/eu-west-1/secretsmanager`, '*');
    expect(gap.reason).toBe('forbidden');
    expect(gap.message).toContain('secretsmanager:ListSecrets in eu-west-1');
    expect(result.resources.filter((r) => r.kind === 'secret' && r.store === 'aws-secrets-manager')).toHaveLength(1);
  });

  it('a list failing on its second page keeps the first page and marks the rest unknown', async () => {
    const { result } = await scan([{ action: 'logs:DescribeLogGroups', kind: '500', continuationOnly: true }]);
    expect(result.resources.filter((r) => r.kind === 'log-store' && r.id.includes('/log-group/'))).toHaveLength(2);
    expect(gapOf(result, `aws:${ACCOUNT}/eu-west-1/logs/log-groups`, '*')).toMatchObject({ reason: 'error', message: expect.stringContaining('logs:DescribeLogGroups in eu-west-1') });
  });

  it('a list whose continuation token repeats is refused, not read forever or cut silently', async () => {
    const { result } = await scan([{ action: 'logs:DescribeLogGroups', kind: 'loop' }]);
    expect(gapOf(result, `aws:${ACCOUNT}/eu-west-1/logs/log-groups`, '*')).toMatchObject({ reason: 'malformed', message: expect.stringContaining('logs:DescribeLogGroups in eu-west-1') });
  });

  it('a denied per-secret call leaves lastRotatedAt as a gap, the other facts collected', async () => {
    const { result } = await scan([{ action: 'secretsmanager:ListSecretVersionIds', kind: 'denied' }]);
    const id = `aws:${ACCOUNT}/eu-west-1/secretsmanager/prod/db-password`;
    expect(gapOf(result, id, 'lastRotatedAt')).toMatchObject({ reason: 'forbidden', message: expect.stringContaining('secretsmanager:ListSecretVersionIds in eu-west-1') });
    const secret = result.resources.find((r) => r.id === id) as Record<string, unknown>;
    expect(secret.lastRotatedAt).toBeUndefined();
    expect(secret.rotationEnabled).toBe(true);
  });

  it('persistent throttling is retried by the SDK (standard mode: 3 attempts), then becomes rate-limited', async () => {
    const { result, fake } = await scan([{ action: 'backup:ListRestoreTestingPlans', kind: 'throttle' }]);
    expect(gapOf(result, `aws:${ACCOUNT}/eu-west-1/backup/plan/gfs`, 'lastRestoreTestAt')).toEqual({
      reason: 'rate-limited',
      message: 'backup:ListRestoreTestingPlans in eu-west-1: throttled (TooManyRequestsException) after 3 attempts',
    });
    expect(fake.requests.filter((r) => r.action === 'backup:ListRestoreTestingPlans')).toHaveLength(3);
  });

  it('one throttle then success loses nothing', async () => {
    const { result } = await scan([{ action: 'secretsmanager:ListSecrets', kind: 'throttle', times: 1 }]);
    expect(result.resources.filter((r) => r.kind === 'secret' && r.store === 'aws-secrets-manager')).toHaveLength(3);
    expect(result.resources.every((r) => !r.gaps?.['*'])).toBe(true);
  });

  it('a truncated body is malformed, not an empty list', async () => {
    const { result } = await scan([{ action: 'backup:GetBackupPlan', kind: 'truncated' }]);
    const gfs = `aws:${ACCOUNT}/eu-west-1/backup/plan/gfs`;
    expect(gapOf(result, gfs, 'schedules')).toMatchObject({ reason: 'malformed', message: expect.stringContaining('backup:GetBackupPlan in eu-west-1') });
    expect(gapOf(result, gfs, 'retention').reason).toBe('malformed');
  });

  it('a denied credential report leaves MFA and access keys unknown; admins still read', async () => {
    const { result } = await scan([
      { action: 'iam:GenerateCredentialReport', kind: 'denied' },
      { action: 'iam:GetCredentialReport', kind: 'denied' },
    ]);
    const gap = gapOf(result, `aws:${ACCOUNT}`, 'membersWithoutMfa');
    expect(gap.reason).toBe('forbidden');
    expect(gap.message).toContain('iam:GenerateCredentialReport in global');
    expect(gap.message).toContain('iam:GetCredentialReport in global');
    expect(gapOf(result, `aws:${ACCOUNT}/iam/access-keys`, '*').reason).toBe('forbidden');
    expect(result.resources.find((r) => r.id === `aws:${ACCOUNT}`)).toMatchObject({ adminCount: 3 });
  });

  it('waits for a credential report that is still being generated', async () => {
    const account = { ...acmeAccount(now), reportGenerationPolls: 2 };
    const { result, fake } = await scan([], { account });
    expect(fake.requests.filter((r) => r.action === 'iam:GenerateCredentialReport')).toHaveLength(3);
    expect(result.resources.find((r) => r.id === `aws:${ACCOUNT}`)).toMatchObject({ membersWithoutMfa: ['root', 'bob'] });
  });

  it('denied admin listing and trail bucket lifecycle name their actions', async () => {
    const { result } = await scan([
      { action: 'iam:ListEntitiesForPolicy', kind: 'denied' },
      { action: 's3:GetBucketLifecycleConfiguration', kind: 'denied' },
    ]);
    expect(gapOf(result, `aws:${ACCOUNT}`, 'adminCount').message).toContain('iam:ListEntitiesForPolicy in global');
    expect(gapOf(result, `aws:${ACCOUNT}/s3/bucket/acme-trail-logs`, 'retentionDays')).toMatchObject({ reason: 'forbidden', message: expect.stringContaining('s3:GetLifecycleConfiguration') });
  });

  it('unreadable trails leave the region audit logs unknown instead of calling every log group other', async () => {
    const { result } = await scan([{ action: 'cloudtrail:DescribeTrails', kind: 'denied' }]);
    expect(gapOf(result, `aws:${ACCOUNT}/eu-west-1/cloudtrail/trails`, '*')).toMatchObject({ reason: 'forbidden', message: expect.stringContaining('cloudtrail:DescribeTrails in eu-west-1') });
  });

  it('a token that expires mid-scan is unauthenticated on what it touched', async () => {
    const { result } = await scan([{ action: 'rds:DescribeDBInstances', kind: 'expired' }]);
    expect(gapOf(result, `aws:${ACCOUNT}/eu-west-1/rds/instances`, '*')).toMatchObject({ reason: 'unauthenticated', message: expect.stringContaining('rds:DescribeDBInstances in eu-west-1') });
  });

  it('expired credentials stop the account with one line naming how to provide them', async () => {
    const { result, fake } = await scan([{ action: 'sts:GetCallerIdentity', kind: 'expired' }]);
    expect(result.resources).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(/no valid credentials \(ExpiredToken\).*AWS_ACCESS_KEY_ID.*AWS_PROFILE.*AWS_WEB_IDENTITY_TOKEN_FILE/);
    expect(fake.requests).toHaveLength(1);
  });

  it('missing credentials fail fast without touching the instance metadata address', async () => {
    const fake = await startFakeAws({ keys: {}, accounts: [acmeAccount(now)] });
    try {
      const env = { AWS_ENDPOINT_URL: fake.url, AWS_REGION: 'eu-west-1' };
      const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1'] }), env, { tuning: testTuning });
      const result = await adapter.collect(collectContext(env, now));
      expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/no valid credentials \(CredentialsProviderError\): provide AWS credentials/)]);
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('an opt-in region that is not enabled is reported once and skipped', async () => {
    const account = { ...acmeAccount(now), disabledRegions: ['ap-east-1'] };
    const { result } = await scan([], { account, regions: ['eu-west-1', 'ap-east-1'] });
    expect(result.diagnostics).toEqual([{ severity: 'warning', message: `aws (${ACCOUNT}): region ap-east-1 is not enabled for this account; skipped` }]);
    expect(result.resources.some((r) => r.id.includes('/ap-east-1/'))).toBe(false);
    expect(result.resources.some((r) => r.id.includes('/eu-west-1/secretsmanager/'))).toBe(true);
  });

  it('--aws-region all scans the regions the account has enabled', async () => {
    const { fake } = await scan([], { regions: ['all'] });
    expect(fake.requests.filter((r) => r.action === 'account:ListRegions').length).toBeGreaterThan(0);
    expect(new Set(fake.requests.filter((r) => r.service === 'secretsmanager').map((r) => r.region))).toEqual(new Set(['eu-west-1', 'us-east-1']));
  });

  it('--aws-role-arn scans each assumed account with its own keys', async () => {
    const other = acmeAccount(now, '210987654321');
    const role = `arn:aws:iam::210987654321:role/secpol-audit`;
    const { result, fake } = await scan([], { accounts: [acmeAccount(now), other], roles: { [role]: '210987654321' }, targets: { awsRoleArn: [role] } });
    expect(result.diagnostics).toEqual([]);
    expect(result.resources.find((r) => r.kind === 'organization')?.id).toBe('aws:210987654321');
    expect(fake.requests.filter((r) => r.action === 'sts:AssumeRole')).toHaveLength(1);
    // Only AssumeRole is signed with the base key; the scan uses the role's keys.
    expect(fake.requests.filter((r) => r.accessKeyId === FAKE_KEY_ID).map((r) => r.action)).toEqual(['sts:AssumeRole']);
  });
});

describe('aws provider: cancellation', () => {
  it('stops sending requests once the run is cancelled', async () => {
    const fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: ACCOUNT }, accounts: [acmeAccount(now)], latencyMs: 30, pageSize: 1 });
    try {
      const env = awsEnv(fake.url);
      const controller = new AbortController();
      const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1', 'us-east-1'] }), env, { tuning: testTuning });
      const ctx = { ...collectContext(env, now), signal: controller.signal };
      setTimeout(() => controller.abort(new Error('cancelled by test')), 100);
      await expect(adapter.collect(ctx)).rejects.toThrow('cancelled by test');
      // Requests already on the wire are recorded once their latency has passed.
      await new Promise((r) => setTimeout(r, 100));
      const sent = fake.requests.length;
      await new Promise((r) => setTimeout(r, 200));
      expect(fake.requests.length).toBe(sent);
      expect(sent).toBeLessThan(30);
    } finally {
      await fake.close();
    }
  });
});
