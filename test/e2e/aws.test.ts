import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_SCHEMA, Snapshot } from '../../src/model/index.js';
import { createAwsAdapter } from '../../src/providers/aws/index.js';
import type { CollectResult } from '../../src/providers/types.js';
import { awsEnv, awsTargets, collectContext, FAKE_KEY_ID, FAKE_SECRET, isolateSdk, testTuning } from '../fakes/aws/harness.js';
import { startFakeAws, type FakeAws } from '../fakes/aws/server.js';
import { acmeAccount } from '../fakes/aws/state.js';
import { secpolAsync, tempDir } from '../helpers/cli.js';

/**
 * The built-in rules on what the AWS provider collects from the imitation: collected in
 * process, written as a snapshot, evaluated by the real CLI (`check --state`), so the
 * snapshot round-trips and every seed rule sees real-shaped data.
 */
const NOW = '2026-11-20T12:00:00Z';
const A = 'aws:123456789012';
let fake: FakeAws;
let collected: CollectResult;
let results: { ruleId: string; status: string; resource: { id: string } }[];
let snapshotFile: string;

beforeAll(async () => {
  isolateSdk();
  fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: '123456789012' }, accounts: [acmeAccount(new Date(NOW))], pageSize: 3 });
  const env = awsEnv(fake.url);
  const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1', 'us-east-1'] }), env, { tuning: testTuning });
  collected = await adapter.collect(collectContext(env, new Date(NOW)));
  snapshotFile = join(tempDir('secpol-aws-e2e-'), 'aws.json');
  const snapshot = { schema: SNAPSHOT_SCHEMA, collectedAt: NOW, sources: [{ provider: 'aws', target: adapter.target, collectedAt: NOW }], resources: collected.resources };
  writeFileSync(snapshotFile, JSON.stringify(snapshot, null, 2));
  const run = await secpolAsync(['check', '--state', snapshotFile, '--format', 'json', '--fail-on', 'none'], { cwd: tempDir(), env: { SECPOL_NOW: NOW } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  results = (JSON.parse(run.stdout) as { results: typeof results }).results;
});
afterAll(() => fake.close());

function status(ruleId: string, id: string): string | undefined {
  return results.find((r) => r.ruleId === ruleId && r.resource.id === id)?.status;
}

describe('e2e: the seed rules on the AWS imitation', () => {
  it('the collected state is a valid snapshot without credentials', () => {
    expect(Snapshot.safeParse({ schema: SNAPSHOT_SCHEMA, resources: collected.resources }).success).toBe(true);
    expect(JSON.stringify(collected)).not.toContain(FAKE_SECRET);
  });

  it('rotation ages of Secrets Manager secrets and access keys', () => {
    expect(status('secrets.rotation-age', `${A}/eu-west-1/secretsmanager/prod/stripe-api-key`)).toBe('fail'); // 200 days, API key
    expect(status('secrets.rotation-age', `${A}/eu-west-1/secretsmanager/prod/db-password`)).toBe('pass'); // 10 days
    expect(status('secrets.rotation-age', `${A}/us-east-1/secretsmanager/ci/deploy-token`)).toBe('pass'); // 20 days, token: 30-day limit
    expect(status('secrets.rotation-age', `${A}/iam/user/alice/access-key-1`)).toBe('fail'); // 200 days
    expect(status('secrets.rotation-age', `${A}/iam/user/bob/access-key-2`)).toBe('pass'); // 20 days
    expect(status('secrets.rotation-enabled', `${A}/eu-west-1/secretsmanager/prod/stripe-api-key`)).toBe('fail');
    expect(status('secrets.rotation-enabled', `${A}/eu-west-1/secretsmanager/prod/db-password`)).toBe('pass');
    expect(status('secrets.rotation-enabled', `${A}/iam/user/alice/access-key-1`)).toBe('skip');
  });

  it('console users without MFA, administrators, and MFA enforcement as a stated skip', () => {
    expect(status('org.members-without-mfa', A)).toBe('fail');
    expect(status('org.admin-count', A)).toBe('pass');
    expect(status('org.mfa-required', A)).toBe('skip');
  });

  it('backup schedule, tiers and restore tests', () => {
    const gfs = `${A}/eu-west-1/backup/plan/gfs`;
    const weekly = `${A}/eu-west-1/backup/plan/weekly-only`;
    expect(status('backup.schedule-frequency', gfs)).toBe('pass');
    expect(status('backup.schedule-frequency', weekly)).toBe('fail');
    expect(status('backup.full-weekly', gfs)).toBe('pass');
    expect(status('backup.retention', gfs)).toBe('pass');
    expect(status('backup.retention', weekly)).toBe('fail');
    expect(status('backup.restore-tested', gfs)).toBe('pass');
    expect(status('backup.retention', `${A}/eu-west-1/rds/db/orders-db`)).toBe('fail'); // daily only
    expect(status('backup.restore-tested', `${A}/eu-west-1/rds/db/orders-db`)).toBe('skip');
  });

  it('application and audit log retention', () => {
    expect(status('logging.retention-range', `${A}/eu-west-1/logs/log-group//aws/lambda/orders`)).toBe('pass');
    expect(status('logging.retention-range', `${A}/eu-west-1/logs/log-group//aws/lambda/legacy`)).toBe('fail'); // kept forever
    expect(status('logging.retention-range', `${A}/eu-west-1/logs/log-group//ecs/web`)).toBe('fail'); // 7 days
    expect(status('logging.audit-retention', `${A}/eu-west-1/logs/log-group/org-trail-logs`)).toBe('pass');
    expect(status('logging.audit-retention', `${A}/s3/bucket/acme-trail-logs`)).toBe('pass');
    expect(status('logging.retention-range', `${A}/eu-west-1/logs/log-group/misc`)).toBe('skip'); // category other
  });
});

describe('e2e: nothing unreadable passes', () => {
  it('with every read denied, no AWS result is a pass', async () => {
    const actions = [
      'secretsmanager:ListSecrets',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'iam:ListEntitiesForPolicy',
      'backup:ListBackupPlans',
      'rds:DescribeDBInstances',
      'rds:DescribeDBClusters',
      'logs:DescribeLogGroups',
      'cloudtrail:DescribeTrails',
    ];
    const denied = await startFakeAws({
      keys: { [FAKE_KEY_ID]: '123456789012' },
      accounts: [acmeAccount(new Date(NOW))],
      faults: actions.map((action) => ({ action, kind: 'denied' as const })),
    });
    try {
      const env = awsEnv(denied.url);
      const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1'] }), env, { tuning: testTuning });
      const state = await adapter.collect(collectContext(env, new Date(NOW)));
      expect(denied.unexpected).toEqual([]);
      const file = join(tempDir('secpol-aws-e2e-'), 'denied.json');
      writeFileSync(file, JSON.stringify({ schema: SNAPSHOT_SCHEMA, resources: state.resources }));
      const run = await secpolAsync(['check', '--state', file, '--format', 'json', '--fail-on', 'none'], { cwd: tempDir(), env: { SECPOL_NOW: NOW } });
      const verdicts = (JSON.parse(run.stdout) as { results: { status: string; ruleId: string }[] }).results;
      expect(verdicts.length).toBeGreaterThan(0);
      expect(verdicts.filter((r) => r.status === 'pass')).toEqual([]);
      expect(verdicts.filter((r) => r.status === 'error').map((r) => r.ruleId)).toEqual(expect.arrayContaining(['secrets.rotation-age', 'org.members-without-mfa', 'backup.retention', 'logging.audit-retention']));
    } finally {
      await denied.close();
    }
  });
});

describe('e2e: secpol check --provider aws', () => {
  const cliEnv = (url: string) => ({ ...awsEnv(url), HOME: tempDir('secpol-aws-home-'), SECPOL_NOW: NOW });

  it('collects from the imitation and reports the seed rules; snapshot round-trips', async () => {
    const cwd = tempDir();
    const checked = await secpolAsync(['check', '--provider', 'aws', '--aws-region', 'eu-west-1', 'us-east-1', '--format', 'json', '--fail-on', 'none'], { cwd, env: cliEnv(fake.url) });
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    const direct = (JSON.parse(checked.stdout) as { results: typeof results }).results;
    const key = (r: (typeof results)[number]) => `${r.ruleId} ${r.resource.id} ${r.status}`;
    // The same verdicts as the in-process collection above.
    expect(direct.map(key).sort()).toEqual(results.map(key).sort());
    expect(checked.stdout).not.toContain(FAKE_SECRET);

    const state = join(cwd, 'state.json');
    const snap = await secpolAsync(['snapshot', '--provider', 'aws', '--aws-region', 'eu-west-1', 'us-east-1', '-o', state], { cwd, env: cliEnv(fake.url) });
    expect(snap.status).toBe(0);
    const replay = await secpolAsync(['check', '--state', state, '--format', 'json', '--fail-on', 'none'], { cwd, env: { SECPOL_NOW: NOW } });
    expect((JSON.parse(replay.stdout) as { results: typeof results }).results.map(key).sort()).toEqual(direct.map(key).sort());
  });

  it('secpol.yaml targets.aws selects the provider; missing credentials are one line, exit 2', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'secpol.yaml'), 'targets:\n  aws:\n    regions: [eu-west-1]\n');
    const env = { AWS_ENDPOINT_URL: fake.url, AWS_EC2_METADATA_DISABLED: 'true', HOME: tempDir('secpol-aws-home-'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const run = await secpolAsync(['check', '--format', 'json'], { cwd, env });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no valid credentials \(CredentialsProviderError\): provide AWS credentials/)]);
  });
});
