import { BackupClient, GetBackupPlanCommand, ListBackupPlansCommand, ListBackupSelectionsCommand, ListRestoreTestingPlansCommand } from '@aws-sdk/client-backup';
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GenerateCredentialReportCommand, IAMClient, ListEntitiesForPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketLifecycleConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { ListSecretsCommand, ListSecretVersionIdsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Redactor } from '../../shared/redact.js';
import type { DoctorCheck, DoctorReport, Env, ProviderTargets } from '../contract.js';
import { baseCredentials, HOW_TO_PROVIDE } from './credentials.js';
import { errorCode, gapFor, isCredentialFailure } from './errors.js';
import { clientConfig, defaultTuning, type AccountScope } from './scope.js';
import { envRegion, resolveTarget } from './target.js';
import { configuredEndpoint, createTransport } from './transport.js';

/**
 * `secpol doctor aws`: who the credential is (GetCallerIdentity), then one cheap read per IAM
 * action the scan calls, in the first region. Actions that need an existing resource (a
 * secret's versions, a plan's rules, a trail bucket's lifecycle) are tried on the first one
 * found and reported as not testable otherwise.
 */
export async function doctorAws(targets: ProviderTargets, env: Env, signal?: AbortSignal): Promise<DoctorReport> {
  const target = resolveTarget(targets, env);
  const region = target.regions === 'all' ? (envRegion(env) ?? 'us-east-1') : target.regions[0]!;
  const transport = createTransport(env, { signal });
  const endpoint = configuredEndpoint(env, 'STS') ?? `AWS endpoints of ${region}`;
  const checks: DoctorCheck[] = [];
  try {
    const scope: AccountScope = {
      account: '',
      credentials: baseCredentials(env, transport, region, new Redactor()),
      transport,
      env,
      now: new Date(),
      signal,
      homeRegion: region,
      tuning: defaultTuning,
    };
    const opts = { abortSignal: signal };
    const sts = new STSClient(clientConfig(scope, 'STS', region));
    let identity;
    try {
      identity = await sts.send(new GetCallerIdentityCommand({}), opts);
      checks.push({ name: 'sts:GetCallerIdentity', status: 'ok', detail: `account ${identity.Account}` });
    } catch (err) {
      const detail = isCredentialFailure(err) ? `no valid credentials (${errorCode(err)}): ${HOW_TO_PROVIDE}` : gapFor(err, { action: 'sts:GetCallerIdentity', region }).message;
      checks.push({ name: 'sts:GetCallerIdentity', status: isCredentialFailure(err) ? 'missing' : 'unreachable', detail });
      return { provider: 'aws', endpoint, checks };
    }
    const partition = identity.Arn?.split(':')[1] ?? 'aws';
    const sm = new SecretsManagerClient(clientConfig(scope, 'SECRETS_MANAGER', region));
    const iam = new IAMClient(clientConfig(scope, 'IAM', region));
    const backup = new BackupClient(clientConfig(scope, 'BACKUP', region));
    const rds = new RDSClient(clientConfig(scope, 'RDS', region));
    const logs = new CloudWatchLogsClient(clientConfig(scope, 'CLOUDWATCH_LOGS', region));
    const trail = new CloudTrailClient(clientConfig(scope, 'CLOUDTRAIL', region));
    const s3 = new S3Client({ ...clientConfig(scope, 'S3', region), followRegionRedirects: true, forcePathStyle: !!configuredEndpoint(env, 'S3') });

    const probe = async <T>(action: string, facts: string, run: () => Promise<T>, okCodes: string[] = []): Promise<T | undefined> => {
      try {
        const value = await run();
        checks.push({ name: action, status: 'ok', detail: facts });
        return value;
      } catch (err) {
        if (okCodes.includes(errorCode(err))) {
          checks.push({ name: action, status: 'ok', detail: facts });
          return undefined;
        }
        const gap = gapFor(err, { action, region });
        const status = gap.reason === 'forbidden' || gap.reason === 'unauthenticated' ? 'missing' : gap.reason === 'unreachable' || gap.reason === 'timeout' ? 'unreachable' : 'error';
        checks.push({ name: action, status, detail: `${facts}: ${gap.message}` });
        return undefined;
      }
    };
    const untestable = (action: string, facts: string, why: string) => checks.push({ name: action, status: 'ok', detail: `${facts}: not tested (${why}); needed only when they exist` });

    const secrets = await probe('secretsmanager:ListSecrets', 'secrets and their rotation settings', () => sm.send(new ListSecretsCommand({ MaxResults: 1 }), opts));
    const firstSecret = secrets?.SecretList?.[0]?.ARN;
    if (firstSecret) await probe('secretsmanager:ListSecretVersionIds', 'when each secret value was written', () => sm.send(new ListSecretVersionIdsCommand({ SecretId: firstSecret, MaxResults: 1 }), opts));
    else untestable('secretsmanager:ListSecretVersionIds', 'when each secret value was written', `no secret in ${region}`);
    await probe('iam:GenerateCredentialReport', 'access keys, console users without MFA', () => iam.send(new GenerateCredentialReportCommand({}), opts));
    await probe('iam:ListEntitiesForPolicy', 'administrators', () => iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: `arn:${partition}:iam::aws:policy/AdministratorAccess`, MaxItems: 1 }), opts));
    const plans = await probe('backup:ListBackupPlans', 'backup plans', () => backup.send(new ListBackupPlansCommand({ MaxResults: 1 }), opts));
    const planId = plans?.BackupPlansList?.[0]?.BackupPlanId;
    if (planId) {
      await probe('backup:GetBackupPlan', 'backup rules', () => backup.send(new GetBackupPlanCommand({ BackupPlanId: planId }), opts));
      await probe('backup:ListBackupSelections', 'backup plan targets', () => backup.send(new ListBackupSelectionsCommand({ BackupPlanId: planId, MaxResults: 1 }), opts));
    } else {
      untestable('backup:GetBackupPlan', 'backup rules', `no backup plan in ${region}`);
      untestable('backup:ListBackupSelections', 'backup plan targets', `no backup plan in ${region}`);
    }
    await probe('backup:ListRestoreTestingPlans', 'restore tests', () => backup.send(new ListRestoreTestingPlansCommand({ MaxResults: 1 }), opts));
    await probe('rds:DescribeDBInstances', 'RDS automated backups', () => rds.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }), opts));
    await probe('rds:DescribeDBClusters', 'RDS cluster automated backups', () => rds.send(new DescribeDBClustersCommand({ MaxRecords: 20 }), opts));
    await probe('logs:DescribeLogGroups', 'log group retention', () => logs.send(new DescribeLogGroupsCommand({ limit: 1 }), opts));
    const trails = await probe('cloudtrail:DescribeTrails', 'audit log destinations', () => trail.send(new DescribeTrailsCommand({ includeShadowTrails: true }), opts));
    const bucket = trails?.trailList?.find((t) => t.S3BucketName)?.S3BucketName;
    if (bucket) await probe('s3:GetLifecycleConfiguration', 'CloudTrail bucket retention', () => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }), opts), ['NoSuchLifecycleConfiguration']);
    else untestable('s3:GetLifecycleConfiguration', 'CloudTrail bucket retention', 'no trail delivers to S3');
    return { provider: 'aws', endpoint, identity: `${identity.Arn} (account ${identity.Account})`, checks };
  } finally {
    transport.destroy();
  }
}
