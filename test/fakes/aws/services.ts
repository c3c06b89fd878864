import type { FakeAccount, FakeAccessKey, FakeRegion } from './state.js';
import { emptyRegion } from './state.js';
import { epoch, jsonReply, queryReply, restReply, s3Reply, xml, xmlEscape, type Reply } from './wire.js';

/** One decoded request, as the service handlers see it. */
export interface Call {
  account: FakeAccount;
  region: string;
  service: string;
  operation: string;
  url: URL;
  json: Record<string, unknown>;
  form?: URLSearchParams;
  /** Largest page the server returns. */
  pageSize: number;
  issueKeys(roleArn: string): { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } | undefined;
}

/** `undefined` = not imitated (recorded as unexpected). */
export type Handled = Reply | undefined;

/** Opaque continuation tokens: the offset, wrapped so a client cannot mistake them for numbers. */
function page<T>(call: Call, items: T[], token: unknown, requested: unknown): { items: T[]; next?: string } {
  const decoded = typeof token === 'string' && token ? Number(Buffer.from(token, 'base64url').toString().replace('offset:', '')) : 0;
  // A token the server never issued (the `loop` fault's) restarts the list, as a confused service would.
  const offset = Number.isInteger(decoded) ? decoded : 0;
  const size = Math.min(Number(requested) || call.pageSize, call.pageSize);
  const next = offset + size < items.length ? Buffer.from(`offset:${offset + size}`).toString('base64url') : undefined;
  return { items: items.slice(offset, offset + size), next };
}

function region(call: Call): FakeRegion {
  return call.account.regions[call.region] ?? emptyRegion();
}

function arn(call: Call, service: string, path: string, regional = true): string {
  return `arn:aws:${service}:${regional ? call.region : ''}:${call.account.id}:${path}`;
}

const secretIndexes = new WeakMap<FakeRegion, Map<string, FakeRegion['secrets'][number]>>();

/** Secrets by name and by ARN (the SDK passes back the ARN ListSecrets gave). */
function secretIndex(call: Call, r: FakeRegion) {
  let index = secretIndexes.get(r);
  if (!index) {
    index = new Map(r.secrets.flatMap((x) => [[x.name, x] as const, [arn(call, 'secretsmanager', `secret:${x.name}-AbCdEf`), x] as const]));
    secretIndexes.set(r, index);
  }
  return index;
}

// ---- awsJson1_1: Secrets Manager, CloudWatch Logs, CloudTrail ----

export function handleJson(call: Call): Handled {
  const r = region(call);
  const j = call.json;
  switch (`${call.service}:${call.operation}`) {
    case 'secretsmanager:ListSecrets': {
      const live = r.secrets.filter((s) => !s.deleted || j.IncludePlannedDeletion);
      const p = page(call, live, j.NextToken, j.MaxResults);
      return jsonReply({
        SecretList: p.items.map((s) => ({
          ARN: arn(call, 'secretsmanager', `secret:${s.name}-AbCdEf`),
          Name: s.name,
          CreatedDate: epoch(s.created),
          LastChangedDate: epoch(s.lastChanged ?? s.currentValue ?? s.created),
          ...(s.deleted ? { DeletedDate: epoch(s.deleted) } : {}),
          ...(s.rotation
            ? {
                RotationEnabled: true,
                RotationLambdaARN: arn(call, 'lambda', 'function:rotate'),
                RotationRules: s.rotation.afterDays ? { AutomaticallyAfterDays: s.rotation.afterDays } : { ScheduleExpression: s.rotation.schedule },
                ...(s.rotation.lastRotated ? { LastRotatedDate: epoch(s.rotation.lastRotated) } : {}),
              }
            : {}),
          SecretVersionsToStages: s.currentValue ? { v0: ['AWSCURRENT'] } : {},
        })),
        ...(p.next ? { NextToken: p.next } : {}),
      });
    }
    case 'secretsmanager:ListSecretVersionIds': {
      const id = String(j.SecretId);
      const s = secretIndex(call, r).get(id);
      if (!s) return { status: 400, body: JSON.stringify({ __type: 'ResourceNotFoundException', message: 'not found' }), headers: { 'content-type': 'application/x-amz-json-1.1' } };
      const versions = [
        ...(s.currentValue ? [{ VersionId: 'v0', VersionStages: ['AWSCURRENT'], CreatedDate: epoch(s.currentValue) }] : []),
        ...(s.previousValues ?? []).map((d, i) => ({ VersionId: `v${i + 1}`, VersionStages: i === 0 ? ['AWSPREVIOUS'] : [], CreatedDate: epoch(d) })),
      ];
      const p = page(call, versions, j.NextToken, j.MaxResults);
      return jsonReply({ ARN: id, Name: s.name, Versions: p.items, ...(p.next ? { NextToken: p.next } : {}) });
    }
    case 'logs:DescribeLogGroups': {
      const p = page(call, r.logGroups, j.nextToken, Math.min(Number(j.limit) || 50, 50));
      return jsonReply({
        logGroups: p.items.map((g) => ({
          logGroupName: g.name,
          creationTime: 1_700_000_000_000,
          ...(g.retentionDays ? { retentionInDays: g.retentionDays } : {}),
          metricFilterCount: 0,
          arn: arn(call, 'logs', `log-group:${g.name}:*`),
          logGroupArn: arn(call, 'logs', `log-group:${g.name}`),
          storedBytes: 1024,
        })),
        ...(p.next ? { nextToken: p.next } : {}),
      });
    }
    case 'cloudtrail:DescribeTrails': {
      const trails = Object.entries(call.account.regions).flatMap(([home, reg]) =>
        reg.trails.filter((t) => home === call.region || (t.multiRegion && j.includeShadowTrails !== false)).map((t) => ({ t, home })),
      );
      return jsonReply({
        trailList: trails.map(({ t, home }) => ({
          Name: t.name,
          TrailARN: `arn:aws:cloudtrail:${home}:${call.account.id}:trail/${t.name}`,
          HomeRegion: home,
          IsMultiRegionTrail: t.multiRegion,
          IsOrganizationTrail: false,
          S3BucketName: t.bucket,
          ...(t.prefix ? { S3KeyPrefix: t.prefix } : {}),
          ...(t.logGroup ? { CloudWatchLogsLogGroupArn: `arn:aws:logs:${home}:${call.account.id}:log-group:${t.logGroup}:*` } : {}),
          LogFileValidationEnabled: true,
        })),
      });
    }
  }
  return undefined;
}

// ---- awsQuery: STS, IAM, RDS ----

export function handleQuery(call: Call): Handled {
  const f = call.form!;
  const a = call.account;
  switch (`${call.service}:${call.operation}`) {
    case 'sts:GetCallerIdentity':
      return queryReply('sts', 'GetCallerIdentity', { Arn: `arn:aws:iam::${a.id}:${a.callerPath}`, UserId: 'AIDAFAKEUSERID', Account: a.id });
    case 'sts:AssumeRole': {
      const creds = call.issueKeys(f.get('RoleArn') ?? '');
      if (!creds) return undefined;
      return queryReply('sts', 'AssumeRole', {
        Credentials: { ...creds, Expiration: new Date(Date.now() + 3_600_000) },
        AssumedRoleUser: { AssumedRoleId: `AROAFAKE:${f.get('RoleSessionName')}`, Arn: `${f.get('RoleArn')}/${f.get('RoleSessionName')}` },
      });
    }
    case 'iam:GenerateCredentialReport': {
      const left = a.reportGenerationPolls ?? 0;
      if (left > 0) a.reportGenerationPolls = left - 1;
      return queryReply('iam', 'GenerateCredentialReport', { State: left > 0 ? 'STARTED' : 'COMPLETE', Description: 'fake' });
    }
    case 'iam:GetCredentialReport':
      return queryReply('iam', 'GetCredentialReport', { Content: Buffer.from(credentialReportCsv(a)).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: new Date() });
    case 'iam:ListEntitiesForPolicy': {
      const entities = [
        ...a.admins.users.map((u) => ({ kind: 'user', name: u })),
        ...Object.keys(a.admins.groups).map((g) => ({ kind: 'group', name: g })),
        ...a.admins.roles.map((r) => ({ kind: 'role', name: r })),
      ];
      const p = page(call, entities, f.get('Marker'), f.get('MaxItems'));
      return queryReply('iam', 'ListEntitiesForPolicy', {
        PolicyGroups: p.items.filter((e) => e.kind === 'group').map((e) => ({ GroupName: e.name, GroupId: `AGPA${e.name}` })),
        PolicyUsers: p.items.filter((e) => e.kind === 'user').map((e) => ({ UserName: e.name, UserId: `AIDA${e.name}` })),
        PolicyRoles: p.items.filter((e) => e.kind === 'role').map((e) => ({ RoleName: e.name, RoleId: `AROA${e.name}` })),
        IsTruncated: !!p.next,
        ...(p.next ? { Marker: p.next } : {}),
      });
    }
    case 'iam:GetGroup': {
      const name = f.get('GroupName') ?? '';
      const members = a.admins.groups[name];
      if (!members) return undefined;
      const p = page(call, members, f.get('Marker'), f.get('MaxItems'));
      return queryReply('iam', 'GetGroup', {
        Group: { Path: '/', GroupName: name, GroupId: `AGPA${name}`, Arn: `arn:aws:iam::${a.id}:group/${name}`, CreateDate: new Date('2024-01-01T00:00:00Z') },
        Users: p.items.map((u) => ({ Path: '/', UserName: u, UserId: `AIDA${u}`, Arn: `arn:aws:iam::${a.id}:user/${u}`, CreateDate: new Date('2024-01-01T00:00:00Z') })),
        IsTruncated: !!p.next,
        ...(p.next ? { Marker: p.next } : {}),
      });
    }
    case 'rds:DescribeDBInstances': {
      const p = page(call, region(call).dbInstances, f.get('Marker'), f.get('MaxRecords'));
      return queryReply('rds', 'DescribeDBInstances', {
        'DBInstances|DBInstance': p.items.map((d) => ({
          DBInstanceIdentifier: d.id,
          Engine: d.engine,
          BackupRetentionPeriod: d.retentionDays,
          PreferredBackupWindow: '03:00-03:30',
          DBClusterIdentifier: d.cluster,
        })),
        Marker: p.next,
      });
    }
    case 'rds:DescribeDBClusters': {
      const p = page(call, region(call).dbClusters, f.get('Marker'), f.get('MaxRecords'));
      return queryReply('rds', 'DescribeDBClusters', {
        'DBClusters|DBCluster': p.items.map((d) => ({ DBClusterIdentifier: d.id, Engine: d.engine, BackupRetentionPeriod: d.retentionDays, PreferredBackupWindow: '02:00-02:30' })),
        Marker: p.next,
      });
    }
  }
  return undefined;
}

function credentialReportCsv(a: FakeAccount): string {
  const header =
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const key = (k: FakeAccessKey | undefined) =>
    k ? [String(k.active), iso(k.created), k.lastUsed ? iso(k.lastUsed.at) : 'N/A', k.lastUsed?.region ?? 'N/A', k.lastUsed?.service ?? 'N/A'] : ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const root = ['<root_account>', `arn:aws:iam::${a.id}:root`, '2019-01-01T00:00:00+00:00', 'not_supported', 'no_information', 'not_supported', 'not_supported', String(a.rootMfa), ...key(a.rootKeys?.[0]), ...key(a.rootKeys?.[1]), 'false', 'N/A', 'false', 'N/A'];
  const rows = a.users.map((u) => [
    u.name,
    `arn:aws:iam::${a.id}:user/${u.name}`,
    iso(u.created),
    String(u.password),
    u.password ? iso(u.created) : 'N/A',
    u.password ? iso(u.created) : 'N/A',
    'N/A',
    String(u.mfa),
    ...key(u.keys[0]),
    ...key(u.keys[1]),
    'false',
    'N/A',
    'false',
    'N/A',
  ]);
  return [header, root.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

// ---- restJson1: AWS Backup, Account ----

export function handleRest(call: Call): Handled {
  const r = region(call);
  const q = call.url.searchParams;
  const planPath = /^\/backup\/plans\/([^/]+)/.exec(call.url.pathname);
  switch (`${call.service}:${call.operation}`) {
    case 'backup:ListBackupPlans': {
      const plans = r.backupPlans.filter((p) => !p.deleted || q.get('includeDeleted') === 'true');
      const p = page(call, plans, q.get('nextToken'), q.get('maxResults'));
      return restReply({
        BackupPlansList: p.items.map((plan) => ({
          BackupPlanArn: arn(call, 'backup', `backup-plan:${plan.id}`),
          BackupPlanId: plan.id,
          BackupPlanName: plan.name,
          VersionId: `${plan.id}-v1`,
          CreationDate: 1_700_000_000.5,
          ...(plan.deleted ? { DeletionDate: epoch(plan.deleted) } : {}),
        })),
        ...(p.next ? { NextToken: p.next } : {}),
      });
    }
    case 'backup:GetBackupPlan': {
      const plan = r.backupPlans.find((p) => p.id === decodeURIComponent(planPath![1]!));
      if (!plan) return undefined;
      return restReply({
        BackupPlanId: plan.id,
        BackupPlanArn: arn(call, 'backup', `backup-plan:${plan.id}`),
        VersionId: `${plan.id}-v1`,
        CreationDate: 1_700_000_000.5,
        BackupPlan: {
          BackupPlanName: plan.name,
          Rules: plan.rules.map((rule, i) => ({
            RuleName: rule.name,
            TargetBackupVaultName: 'Default',
            ...(rule.schedule ? { ScheduleExpression: rule.schedule, ScheduleExpressionTimezone: 'Etc/UTC' } : {}),
            StartWindowMinutes: 60,
            CompletionWindowMinutes: 180,
            ...(rule.deleteAfterDays ? { Lifecycle: { DeleteAfterDays: rule.deleteAfterDays } } : {}),
            ...(rule.continuous ? { EnableContinuousBackup: true } : {}),
            RuleId: `r${i}`,
          })),
        },
      });
    }
    case 'backup:ListBackupSelections': {
      const plan = r.backupPlans.find((p) => p.id === decodeURIComponent(planPath![1]!));
      if (!plan) return undefined;
      const p = page(call, plan.selections, q.get('nextToken'), q.get('maxResults'));
      return restReply({
        BackupSelectionsList: p.items.map((name, i) => ({ SelectionId: `sel-${i}`, SelectionName: name, BackupPlanId: plan.id, IamRoleArn: `arn:aws:iam::${call.account.id}:role/backup`, CreationDate: 1_700_000_000 })),
        ...(p.next ? { NextToken: p.next } : {}),
      });
    }
    case 'backup:ListRestoreTestingPlans': {
      const p = page(call, r.restoreTestingPlans, q.get('NextToken'), q.get('MaxResults'));
      return restReply({
        RestoreTestingPlans: p.items.map((t) => ({
          RestoreTestingPlanName: t.name,
          RestoreTestingPlanArn: arn(call, 'backup', `restore-testing-plan:${t.name}-abc`),
          ScheduleExpression: 'cron(0 1 ? * SUN *)',
          CreationTime: 1_700_000_000,
        })),
        ...(p.next ? { NextToken: p.next } : {}),
      });
    }
    case 'backup:ListRestoreJobs': {
      const planArn = q.get('restoreTestingPlanArn');
      const status = q.get('status');
      const jobs = r.restoreTestingPlans
        .filter((t) => !planArn || planArn === arn(call, 'backup', `restore-testing-plan:${t.name}-abc`))
        .flatMap((t) => t.jobs.map((job) => ({ t, job })))
        .filter(({ job }) => !status || job.status === status);
      const p = page(call, jobs, q.get('nextToken'), q.get('maxResults'));
      return restReply({
        RestoreJobs: p.items.map(({ t, job }, i) => ({
          AccountId: call.account.id,
          RestoreJobId: `job-${t.name}-${i}`,
          Status: job.status,
          CreationDate: epoch(job.completed) - 3600,
          CompletionDate: epoch(job.completed),
          ResourceType: 'RDS',
          CreatedBy: { RestoreTestingPlanArn: arn(call, 'backup', `restore-testing-plan:${t.name}-abc`) },
          ...(job.validation ? { ValidationStatus: job.validation } : {}),
        })),
        ...(p.next ? { NextToken: p.next } : {}),
      });
    }
    case 'account:ListRegions': {
      const enabled = Object.keys(call.account.regions);
      const p = page(call, enabled, call.json.NextToken, call.json.MaxResults);
      return restReply({ Regions: p.items.map((name) => ({ RegionName: name, RegionOptStatus: 'ENABLED_BY_DEFAULT' })), ...(p.next ? { NextToken: p.next } : {}) });
    }
  }
  return undefined;
}

// ---- S3 (path style) ----

export function handleS3(call: Call): Handled {
  const bucket = decodeURIComponent(call.url.pathname.split('/')[1] ?? '');
  if (!call.url.searchParams.has('lifecycle') || !(bucket in call.account.buckets)) return undefined;
  const rules = call.account.buckets[bucket];
  if (!rules) {
    return { status: 404, body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist</Message><BucketName>${xmlEscape(bucket)}</BucketName></Error>`, headers: { 'content-type': 'application/xml' } };
  }
  const body = rules
    .map((rule) => {
      const filter = rule.tag ? { Tag: { Key: rule.tag.key, Value: rule.tag.value } } : { Prefix: rule.prefix ?? '' };
      return `<Rule>${xml({ ID: rule.id, Filter: filter, Status: rule.enabled ? 'Enabled' : 'Disabled', ...(rule.expirationDays ? { Expiration: { Days: rule.expirationDays } } : {}) })}</Rule>`;
    })
    .join('');
  return s3Reply(`<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${body}</LifecycleConfiguration>`);
}
