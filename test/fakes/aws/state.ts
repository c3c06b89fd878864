/**
 * What the loopback AWS imitation holds: accounts with IAM users, trail buckets and regions
 * of secrets, log groups, backup plans, restore tests, RDS databases and trails.
 */

export interface FakeSecret {
  name: string;
  created: Date;
  /** When the AWSCURRENT value was written; absent = the secret holds no value. */
  currentValue?: Date;
  /** Older versions (AWSPREVIOUS and unlabelled). */
  previousValues?: Date[];
  lastChanged?: Date;
  rotation?: { afterDays?: number; schedule?: string; lastRotated?: Date };
  deleted?: Date;
}

export interface FakeLogGroup {
  name: string;
  retentionDays?: number;
}

export interface FakeBackupRule {
  name: string;
  schedule?: string;
  deleteAfterDays?: number;
  continuous?: boolean;
}

export interface FakeBackupPlan {
  id: string;
  name: string;
  rules: FakeBackupRule[];
  selections: string[];
  deleted?: Date;
}

export interface FakeRestoreJob {
  completed: Date;
  status: 'COMPLETED' | 'FAILED' | 'ABORTED';
  validation?: 'SUCCESSFUL' | 'FAILED' | 'TIMED_OUT' | 'VALIDATING';
}

export interface FakeRestoreTestingPlan {
  name: string;
  jobs: FakeRestoreJob[];
}

export interface FakeDatabase {
  id: string;
  retentionDays: number;
  engine?: string;
  /** Instances that belong to a cluster. */
  cluster?: string;
}

export interface FakeTrail {
  name: string;
  multiRegion: boolean;
  bucket?: string;
  prefix?: string;
  /** Log group name in the trail's home region. */
  logGroup?: string;
}

export interface FakeRegion {
  secrets: FakeSecret[];
  logGroups: FakeLogGroup[];
  backupPlans: FakeBackupPlan[];
  restoreTestingPlans: FakeRestoreTestingPlan[];
  dbInstances: FakeDatabase[];
  dbClusters: FakeDatabase[];
  trails: FakeTrail[];
}

export interface FakeAccessKey {
  active: boolean;
  created: Date;
  lastUsed?: { at: Date; service: string; region: string };
}

export interface FakeUser {
  name: string;
  created: Date;
  /** Console password. */
  password: boolean;
  mfa: boolean;
  keys: FakeAccessKey[];
}

export interface FakeLifecycleRule {
  id: string;
  enabled: boolean;
  prefix?: string;
  expirationDays?: number;
  tag?: { key: string; value: string };
}

export interface FakeAccount {
  id: string;
  /** Caller name in GetCallerIdentity (`user/ci` or `assumed-role/...`). */
  callerPath: string;
  rootMfa: boolean;
  rootKeys?: FakeAccessKey[];
  users: FakeUser[];
  admins: { users: string[]; groups: Record<string, string[]>; roles: string[] };
  /** Bucket -> lifecycle rules; `null` = no lifecycle configuration. */
  buckets: Record<string, FakeLifecycleRule[] | null>;
  regions: Record<string, FakeRegion>;
  /** Opt-in regions not enabled: requests signed for them are refused as AWS does. */
  disabledRegions?: string[];
  /** GenerateCredentialReport answers STARTED this many times before COMPLETE. */
  reportGenerationPolls?: number;
}

export function emptyRegion(): FakeRegion {
  return { secrets: [], logGroups: [], backupPlans: [], restoreTestingPlans: [], dbInstances: [], dbClusters: [], trails: [] };
}

const DAY = 86_400_000;

/** A date `days` before `now`. */
export function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

/**
 * A realistic account for the seeds' rules: secrets young and old (with and without rotation),
 * IAM users with and without MFA and keys, admins through a group, backup plans that meet and
 * miss the tiers, RDS with and without backups, application and audit logs.
 */
export function acmeAccount(now: Date, id = '123456789012'): FakeAccount {
  const eu = emptyRegion();
  eu.secrets = [
    { name: 'prod/db-password', created: daysAgo(now, 400), currentValue: daysAgo(now, 10), previousValues: [daysAgo(now, 40)], rotation: { afterDays: 30, lastRotated: daysAgo(now, 10) } },
    { name: 'prod/stripe-api-key', created: daysAgo(now, 300), currentValue: daysAgo(now, 200), lastChanged: daysAgo(now, 1) },
    { name: 'prod/signing-cert', created: daysAgo(now, 60), currentValue: daysAgo(now, 60), rotation: { schedule: 'rate(10 days)' } },
    { name: 'old/removed', created: daysAgo(now, 500), currentValue: daysAgo(now, 500), deleted: daysAgo(now, 2) },
  ];
  eu.logGroups = [
    { name: '/aws/lambda/orders', retentionDays: 30 },
    { name: '/aws/lambda/legacy' },
    { name: '/ecs/web', retentionDays: 7 },
    { name: 'org-trail-logs', retentionDays: 400 },
    { name: '/aws/vpc/flowlogs', retentionDays: 90 },
    { name: 'misc', retentionDays: 5 },
  ];
  eu.backupPlans = [
    {
      id: 'plan-gfs',
      name: 'gfs',
      rules: [
        { name: 'every6h', schedule: 'cron(0 */6 * * ? *)', deleteAfterDays: 7 },
        { name: 'daily', schedule: 'cron(0 5 ? * * *)', deleteAfterDays: 35 },
        { name: 'weekly', schedule: 'cron(0 5 ? * SUN *)', deleteAfterDays: 35 },
        { name: 'monthly', schedule: 'cron(0 5 1 * ? *)', deleteAfterDays: 400, continuous: false },
      ],
      selections: ['prod-databases'],
    },
    { id: 'plan-weekly-only', name: 'weekly-only', rules: [{ name: 'weekly', schedule: 'cron(0 3 ? * MON *)', deleteAfterDays: 14 }], selections: [] },
    { id: 'plan-gone', name: 'gone', rules: [], selections: [], deleted: daysAgo(now, 3) },
  ];
  eu.restoreTestingPlans = [
    {
      name: 'monthly-restore',
      jobs: [
        { completed: daysAgo(now, 5), status: 'COMPLETED', validation: 'FAILED' },
        { completed: daysAgo(now, 12), status: 'COMPLETED', validation: 'SUCCESSFUL' },
        { completed: daysAgo(now, 2), status: 'FAILED' },
      ],
    },
  ];
  eu.dbInstances = [
    { id: 'orders-db', retentionDays: 7, engine: 'postgres' },
    { id: 'scratch-db', retentionDays: 0, engine: 'mysql' },
    { id: 'aurora-1', retentionDays: 1, engine: 'aurora-postgresql', cluster: 'aurora' },
  ];
  eu.dbClusters = [{ id: 'aurora', retentionDays: 14, engine: 'aurora-postgresql' }];
  eu.trails = [{ name: 'org-trail', multiRegion: true, bucket: 'acme-trail-logs', prefix: 'audit', logGroup: 'org-trail-logs' }];
  const us = emptyRegion();
  us.secrets = [{ name: 'ci/deploy-token', created: daysAgo(now, 20), currentValue: daysAgo(now, 20) }];
  us.logGroups = [{ name: '/aws/apprunner/api/application', retentionDays: 14 }];
  return {
    id,
    callerPath: 'user/secpol-ci',
    rootMfa: false,
    users: [
      { name: 'alice', created: daysAgo(now, 900), password: true, mfa: true, keys: [{ active: true, created: daysAgo(now, 200), lastUsed: { at: daysAgo(now, 1), service: 's3', region: 'eu-west-1' } }] },
      { name: 'bob', created: daysAgo(now, 800), password: true, mfa: false, keys: [{ active: false, created: daysAgo(now, 700) }, { active: true, created: daysAgo(now, 20) }] },
      { name: 'deploy-bot', created: daysAgo(now, 100), password: false, mfa: false, keys: [{ active: true, created: daysAgo(now, 95) }] },
      { name: 'carol', created: daysAgo(now, 50), password: true, mfa: true, keys: [] },
    ],
    admins: { users: ['alice'], groups: { Admins: ['alice', 'carol'] }, roles: ['OrganizationAccountAccessRole'] },
    buckets: {
      'acme-trail-logs': [
        { id: 'expire-all', enabled: true, expirationDays: 2000 },
        { id: 'expire-audit', enabled: true, prefix: 'audit/', expirationDays: 400 },
        { id: 'disabled', enabled: false, expirationDays: 30 },
        { id: 'tagged', enabled: true, tag: { key: 'tmp', value: 'yes' }, expirationDays: 1 },
        { id: 'other-prefix', enabled: true, prefix: 'elb/', expirationDays: 10 },
      ],
    },
    regions: { 'eu-west-1': eu, 'us-east-1': us },
  };
}

/** A large account for the benchmark: `regions` regions sharing the given totals evenly. */
export function scaledAccount(now: Date, sizes: { regions: string[]; secrets: number; logGroups: number; backupPlans: number; users: number }, id = '123456789012'): FakeAccount {
  const base = acmeAccount(now, id);
  const per = (total: number) => Math.ceil(total / sizes.regions.length);
  const regions: Record<string, FakeRegion> = {};
  sizes.regions.forEach((name, r) => {
    const region = emptyRegion();
    region.secrets = Array.from({ length: per(sizes.secrets) }, (_, i) => ({
      name: `app-${r}/secret-${i}`,
      created: daysAgo(now, 100 + (i % 300)),
      currentValue: daysAgo(now, i % 120),
      ...(i % 3 === 0 ? { rotation: { afterDays: 30 } } : {}),
    }));
    region.logGroups = Array.from({ length: per(sizes.logGroups) }, (_, i) => ({ name: i % 2 ? `/aws/lambda/fn-${i}` : `/custom/group-${i}`, ...(i % 5 ? { retentionDays: 30 } : {}) }));
    region.backupPlans = Array.from({ length: per(sizes.backupPlans) }, (_, i) => ({
      id: `plan-${r}-${i}`,
      name: `plan-${i}`,
      rules: [
        { name: 'daily', schedule: 'cron(0 5 ? * * *)', deleteAfterDays: 35 },
        { name: 'monthly', schedule: 'cron(0 5 1 * ? *)', deleteAfterDays: 400 },
      ],
      selections: ['all-databases'],
    }));
    region.restoreTestingPlans = [{ name: 'monthly', jobs: [{ completed: daysAgo(now, 3), status: 'COMPLETED', validation: 'SUCCESSFUL' }] }];
    region.dbInstances = [{ id: `db-${r}`, retentionDays: 7, engine: 'postgres' }];
    region.trails = r === 0 ? [{ name: 'org-trail', multiRegion: true, bucket: 'acme-trail-logs', prefix: 'audit', logGroup: '/custom/group-0' }] : [];
    regions[name] = region;
  });
  const users = Array.from({ length: sizes.users }, (_, i) => ({
    name: `user-${i}`,
    created: daysAgo(now, 400),
    password: i % 2 === 0,
    mfa: i % 4 !== 0,
    keys: [{ active: true, created: daysAgo(now, i * 3) }],
  }));
  return { ...base, users, regions };
}
