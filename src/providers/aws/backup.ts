import {
  BackupClient,
  GetBackupPlanCommand,
  paginateListBackupPlans,
  paginateListBackupSelections,
  paginateListRestoreJobs,
  paginateListRestoreTestingPlans,
  type BackupPlansListMember,
  type BackupRule,
} from '@aws-sdk/client-backup';
import type { BackupPlan, Gap } from '../../model/index.js';
import { retentionTiers } from './backup-tiers.js';
import { scheduleIntervalHours } from './schedule.js';
import { call, clientConfig, listAll, PROVIDER, regionalId, unreadable, type Call, type RegionScope } from './scope.js';

/**
 * AWS Backup -> `backup-plan`: one per live plan (deleted plans are not resources), its rules
 * as schedules and retention tiers, its selections as the target, and the newest completed,
 * validated restore job of the region's restore testing plans as `lastRestoreTestAt`.
 */

/** What AWS Backup runs when a rule has no schedule expression. */
const DEFAULT_SCHEDULE = 'cron(0 5 ? * * *)';
/** Continuous backup (point-in-time recovery) ships changes about every five minutes. */
const CONTINUOUS_INTERVAL_HOURS = 5 / 60;

type Schedule = NonNullable<BackupPlan['schedules']>[number];

export async function collectBackupPlans(scope: RegionScope): Promise<BackupPlan[]> {
  const client = new BackupClient(clientConfig(scope, 'BACKUP', scope.region));
  const opts = { abortSignal: scope.signal };
  const site = (action: string) => ({ action, region: scope.region });
  const [listed, restoreTest] = await Promise.all([
    listAll(site('backup:ListBackupPlans'), paginateListBackupPlans({ client, pageSize: 1000 }, { IncludeDeleted: false }, opts), (p) => p.BackupPlansList, scope.tuning.maxPages),
    lastRestoreTest(scope, client),
  ]);
  const live = listed.items.filter((p) => p.BackupPlanId && p.BackupPlanName && !p.DeletionDate);
  const out = await Promise.all(
    live.map(async (summary) => {
      const [plan, target] = await Promise.all([planBody(scope, client, summary), planTarget(scope, client, summary.BackupPlanId!)]);
      return planResource(scope, summary, plan, target, restoreTest);
    }),
  );
  if (listed.gap) {
    out.push(unreadable<BackupPlan>({ id: regionalId(scope, 'backup/plans'), kind: 'backup-plan', provider: PROVIDER, name: `AWS Backup plans in ${scope.region}` }, listed.gap));
  }
  return out;
}

function planBody(scope: RegionScope, client: BackupClient, summary: BackupPlansListMember) {
  return call({ action: 'backup:GetBackupPlan', region: scope.region }, () =>
    client.send(new GetBackupPlanCommand({ BackupPlanId: summary.BackupPlanId, VersionId: summary.VersionId }), { abortSignal: scope.signal }),
  );
}

/** The plan's selections by name: what the plan protects. */
async function planTarget(scope: RegionScope, client: BackupClient, planId: string): Promise<Call<string>> {
  const listed = await listAll(
    { action: 'backup:ListBackupSelections', region: scope.region },
    paginateListBackupSelections({ client, pageSize: 1000 }, { BackupPlanId: planId }, { abortSignal: scope.signal }),
    (p) => p.BackupSelectionsList,
    scope.tuning.maxPages,
  );
  if (listed.gap) return { ok: false, gap: listed.gap };
  const names = listed.items.map((s) => s.SelectionName ?? s.SelectionId ?? '?');
  return { ok: true, value: names.length ? `selections: ${names.join(', ')}` : 'no resources selected' };
}

function planResource(
  scope: RegionScope,
  summary: BackupPlansListMember,
  body: Awaited<ReturnType<typeof planBody>>,
  target: Call<string>,
  restoreTest: Call<string | null>,
): BackupPlan {
  const name = summary.BackupPlanName!;
  const plan: BackupPlan = {
    id: regionalId(scope, `backup/plan/${name}`),
    kind: 'backup-plan',
    provider: PROVIDER,
    name: `${name} (${scope.region})`,
    url: `https://${scope.region}.console.aws.amazon.com/backup/home?region=${scope.region}#/backupplan/details/${summary.BackupPlanId}`,
  };
  const gaps: Record<string, Gap> = {};
  if (target.ok) plan.target = target.value;
  else gaps.target = target.gap;
  if (restoreTest.ok) plan.lastRestoreTestAt = restoreTest.value;
  else gaps.lastRestoreTestAt = restoreTest.gap;
  if (!body.ok) {
    gaps.schedules = body.gap;
    gaps.retention = body.gap;
  } else {
    const rules = body.value.BackupPlan?.Rules ?? [];
    const mapped = rules.map((rule) => ruleSchedules(rule));
    const bad = mapped.find((m) => 'error' in m);
    if (bad && 'error' in bad) {
      const gap: Gap = { reason: 'malformed', message: `backup:GetBackupPlan in ${scope.region}: ${bad.error}` };
      gaps.schedules = gap;
      gaps.retention = gap;
    } else {
      const schedules = mapped.flatMap((m) => ('schedules' in m ? m.schedules : []));
      plan.schedules = schedules;
      plan.retention = retentionTiers(schedules.filter((s) => s.type === 'snapshot').map((s) => ({ intervalHours: s.intervalHours, retentionDays: s.retentionDays ?? null })));
    }
  }
  if (Object.keys(gaps).length) plan.gaps = gaps;
  return plan;
}

function ruleSchedules(rule: BackupRule): { schedules: Schedule[] } | { error: string } {
  const cron = rule.ScheduleExpression || DEFAULT_SCHEDULE;
  const interval = scheduleIntervalHours(cron);
  if ('error' in interval) return { error: `rule ${rule.RuleName ?? '?'}: ${interval.error}` };
  const retentionDays = rule.Lifecycle?.DeleteAfterDays ?? null;
  const schedules: Schedule[] = [{ name: rule.RuleName, type: 'snapshot', intervalHours: interval.intervalHours, cron, retentionDays }];
  if (rule.EnableContinuousBackup) schedules.push({ name: `${rule.RuleName ?? 'rule'} (continuous)`, type: 'log', intervalHours: CONTINUOUS_INTERVAL_HOURS, retentionDays });
  return { schedules };
}

/**
 * The newest restore job of the region's restore testing plans with status COMPLETED and no
 * failed validation; `null` when there is none (no testing plan, or none completed).
 */
async function lastRestoreTest(scope: RegionScope, client: BackupClient): Promise<Call<string | null>> {
  const opts = { abortSignal: scope.signal };
  const plans = await listAll(
    { action: 'backup:ListRestoreTestingPlans', region: scope.region },
    paginateListRestoreTestingPlans({ client, pageSize: 1000 }, {}, opts),
    (p) => p.RestoreTestingPlans,
    scope.tuning.maxPages,
  );
  if (plans.gap) return { ok: false, gap: plans.gap };
  let newest: Date | undefined;
  for (const plan of plans.items) {
    const jobs = await listAll(
      { action: 'backup:ListRestoreJobs', region: scope.region },
      paginateListRestoreJobs({ client, pageSize: 1000 }, { ByRestoreTestingPlanArn: plan.RestoreTestingPlanArn, ByStatus: 'COMPLETED' }, opts),
      (p) => p.RestoreJobs,
      scope.tuning.maxPages,
    );
    if (jobs.gap) return { ok: false, gap: jobs.gap };
    for (const job of jobs.items) {
      if (job.Status !== 'COMPLETED' || job.ValidationStatus === 'FAILED' || job.ValidationStatus === 'TIMED_OUT') continue;
      const at = job.CompletionDate ?? job.CreationDate;
      if (at && (!newest || at > newest)) newest = at;
    }
  }
  return { ok: true, value: newest ? newest.toISOString() : null };
}
