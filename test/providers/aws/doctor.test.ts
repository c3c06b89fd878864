import { beforeAll, describe, expect, it } from 'vitest';
import { implementation as awsProvider } from '../../../src/providers/aws/index.js';
import { awsEnv, awsTargets, FAKE_KEY_ID, FAKE_SECRET, isolateSdk } from '../../fakes/aws/harness.js';
import { startFakeAws, type Fault } from '../../fakes/aws/server.js';
import { acmeAccount } from '../../fakes/aws/state.js';

beforeAll(() => isolateSdk());

async function doctor(faults: Fault[] = []) {
  const fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: '123456789012' }, accounts: [acmeAccount(new Date())], faults });
  try {
    const report = await awsProvider.doctor(awsTargets({ awsRegion: ['eu-west-1'] }), awsEnv(fake.url));
    expect(fake.unexpected).toEqual([]);
    expect(JSON.stringify(report)).not.toContain(FAKE_SECRET);
    return report;
  } finally {
    await fake.close();
  }
}

describe('doctor aws', () => {
  it('names the identity and checks every action the scan calls', async () => {
    const report = await doctor();
    expect(report.identity).toBe('arn:aws:iam::123456789012:user/secpol-ci (account 123456789012)');
    expect(report.checks.every((c) => c.status === 'ok')).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual([
      'sts:GetCallerIdentity',
      'secretsmanager:ListSecrets',
      'secretsmanager:ListSecretVersionIds',
      'iam:GenerateCredentialReport',
      'iam:ListEntitiesForPolicy',
      'backup:ListBackupPlans',
      'backup:GetBackupPlan',
      'backup:ListBackupSelections',
      'backup:ListRestoreTestingPlans',
      'rds:DescribeDBInstances',
      'rds:DescribeDBClusters',
      'logs:DescribeLogGroups',
      'cloudtrail:DescribeTrails',
      's3:GetLifecycleConfiguration',
    ]);
  });

  it('a denied action is missing and named; expired credentials say how to provide them', async () => {
    const denied = await doctor([{ action: 'backup:ListBackupPlans', kind: 'denied' }]);
    expect(denied.checks.find((c) => c.name === 'backup:ListBackupPlans')).toMatchObject({ status: 'missing', detail: expect.stringContaining('denied (AccessDeniedException)') });
    const expired = await doctor([{ action: 'sts:GetCallerIdentity', kind: 'expired' }]);
    expect(expired.checks).toEqual([{ name: 'sts:GetCallerIdentity', status: 'missing', detail: expect.stringMatching(/no valid credentials \(ExpiredToken\): provide AWS credentials/) }]);
  });
});
