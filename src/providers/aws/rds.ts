import { paginateDescribeDBClusters, paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import type { BackupPlan, Gap } from '../../model/index.js';
import { listAll, clientConfig, PROVIDER, regionalId, unreadable, type RegionScope } from './scope.js';

/**
 * RDS automated backups -> `backup-plan`: a daily snapshot plus continuous log backup,
 * `BackupRetentionPeriod` as the daily tier (0 = no automated backups). Aurora and Multi-AZ
 * DB clusters hold the retention on the cluster, so their member instances are not repeated.
 */

const LOG_INTERVAL_HOURS = 5 / 60;
const RESTORE_TEST: Gap = {
  reason: 'unsupported',
  message: 'RDS keeps no record of restore tests of automated backups; test restores with an AWS Backup restore testing plan',
};

interface Database {
  kind: 'db' | 'cluster';
  id: string;
  retentionDays: number;
  window?: string;
  engine?: string;
}

export async function collectRds(scope: RegionScope): Promise<BackupPlan[]> {
  const client = new RDSClient(clientConfig(scope, 'RDS', scope.region));
  const opts = { abortSignal: scope.signal };
  const [instances, clusters] = await Promise.all([
    listAll(
      { action: 'rds:DescribeDBInstances', region: scope.region },
      paginateDescribeDBInstances({ client, pageSize: 100 }, {}, opts),
      (p) => p.DBInstances,
      scope.tuning.maxPages,
    ),
    listAll(
      { action: 'rds:DescribeDBClusters', region: scope.region },
      paginateDescribeDBClusters({ client, pageSize: 100 }, {}, opts),
      (p) => p.DBClusters,
      scope.tuning.maxPages,
    ),
  ]);
  const databases: Database[] = [
    ...instances.items
      .filter((db) => db.DBInstanceIdentifier && !db.DBClusterIdentifier)
      .map((db): Database => ({ kind: 'db', id: db.DBInstanceIdentifier!, retentionDays: db.BackupRetentionPeriod ?? 0, window: db.PreferredBackupWindow, engine: db.Engine })),
    ...clusters.items
      .filter((c) => c.DBClusterIdentifier)
      .map((c): Database => ({ kind: 'cluster', id: c.DBClusterIdentifier!, retentionDays: c.BackupRetentionPeriod ?? 0, window: c.PreferredBackupWindow, engine: c.Engine })),
  ];
  const out = databases.map((db) => planOf(scope, db));
  for (const [listed, what] of [
    [instances, 'instances'],
    [clusters, 'clusters'],
  ] as const) {
    if (listed.gap) out.push(unreadable<BackupPlan>({ id: regionalId(scope, `rds/${what}`), kind: 'backup-plan', provider: PROVIDER, name: `RDS DB ${what} in ${scope.region}` }, listed.gap));
  }
  return out;
}

function planOf(scope: RegionScope, db: Database): BackupPlan {
  const days = db.retentionDays;
  const schedules: NonNullable<BackupPlan['schedules']> =
    days > 0
      ? [
          { name: `automated snapshot${db.window ? ` (window ${db.window} UTC)` : ''}`, type: 'snapshot', intervalHours: 24, retentionDays: days },
          { name: 'transaction log backup (point-in-time recovery)', type: 'log', intervalHours: LOG_INTERVAL_HOURS, retentionDays: days },
        ]
      : [];
  return {
    id: regionalId(scope, `rds/${db.kind}/${db.id}`),
    kind: 'backup-plan',
    provider: PROVIDER,
    name: `RDS ${db.kind === 'db' ? 'instance' : 'cluster'} ${db.id} (${scope.region})`,
    target: `${db.kind === 'db' ? 'DB instance' : 'DB cluster'} ${db.id}${db.engine ? ` (${db.engine})` : ''}`,
    schedules,
    retention: { dailyDays: days, weeklyWeeks: 0, monthlyMonths: 0 },
    gaps: { lastRestoreTestAt: RESTORE_TEST },
  };
}
