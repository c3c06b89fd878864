import type { BackupPlan } from '../../model/index.js';
import type { BackupPolicy, RetentionPolicy, SchedulePolicy, SubProtectionPolicy } from './schema.js';

/**
 * Recovery Services backup policies in the model's terms (pure). VM and file-share policies
 * give `snapshot` schedules; workload (SQL / SAP HANA in a VM) policies give one schedule per
 * sub-policy (`full`, `differential`, `log`, …) and take their tiers from the full backup.
 */

type Schedule = NonNullable<BackupPlan['schedules']>[number];
type Retention = NonNullable<BackupPlan['retention']>;
type Duration = { count: number; durationType: string };

const DAYS_PER: Record<string, number> = { days: 1, weeks: 7, months: 30, years: 365 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const SUB_POLICY_TYPES: Record<string, Schedule['type']> = {
  full: 'full',
  copyonlyfull: 'full',
  differential: 'differential',
  incremental: 'incremental',
  log: 'log',
  snapshotfull: 'snapshot',
  snapshotcopyonlyfull: 'snapshot',
};

function durationDays(d: Duration | null | undefined): number | undefined {
  if (!d) return undefined;
  const per = DAYS_PER[d.durationType.toLowerCase()];
  return per === undefined ? undefined : d.count * per;
}

/** Hours between runs: the longest gap, so that "twice a week" is judged by its worst week. */
export function intervalHours(policy: SchedulePolicy): number | undefined {
  if (policy.schedulePolicyType === 'LogSchedulePolicy') return policy.scheduleFrequencyInMins ? policy.scheduleFrequencyInMins / 60 : undefined;
  const frequency = policy.scheduleRunFrequency?.toLowerCase();
  if (frequency === 'hourly') return policy.hourlySchedule?.interval ?? undefined;
  if (frequency === 'daily') return 24;
  if (frequency === 'weekly') {
    const days = [...new Set((policy.scheduleRunDays ?? policy.weeklySchedule?.scheduleRunDays ?? []).map((d) => WEEKDAYS.indexOf(d.toLowerCase())))]
      .filter((i) => i >= 0)
      .sort((a, b) => a - b);
    if (days.length === 0) return 168;
    const gaps = days.map((d, i) => (i + 1 < days.length ? days[i + 1]! - d : days[0]! + 7 - d));
    return Math.max(...gaps) * 24;
  }
  return undefined;
}

/** Daily / weekly / monthly tiers; `0` = no such tier. Simple retention is the tier of the schedule's cadence. */
export function retentionTiers(retention: RetentionPolicy | null | undefined, hours: number | undefined): Retention | undefined {
  if (!retention) return undefined;
  if (retention.retentionDuration) {
    const days = durationDays(retention.retentionDuration);
    if (days === undefined) return undefined;
    return hours !== undefined && hours > 24 ? { dailyDays: 0, weeklyWeeks: days / 7, monthlyMonths: 0 } : { dailyDays: days, weeklyWeeks: 0, monthlyMonths: 0 };
  }
  const tier = (d: Duration | null | undefined, unitDays: number) => {
    const days = durationDays(d);
    return days === undefined ? 0 : Math.round((days / unitDays) * 100) / 100;
  };
  return {
    dailyDays: tier(retention.dailySchedule?.retentionDuration, 1),
    weeklyWeeks: tier(retention.weeklySchedule?.retentionDuration, 7),
    monthlyMonths: tier(retention.monthlySchedule?.retentionDuration, 30),
  };
}

function scheduleOf(type: Schedule['type'], name: string | undefined, schedule: SchedulePolicy | null | undefined, retention: RetentionPolicy | null | undefined): Schedule | undefined {
  if (!schedule) return undefined;
  const hours = intervalHours(schedule);
  if (hours === undefined) return undefined;
  const out: Schedule = { type, intervalHours: hours };
  if (name) out.name = name;
  const tiers = retentionTiers(retention, hours);
  const days = retention?.retentionDuration ? durationDays(retention.retentionDuration) : tiers ? (hours <= 24 ? tiers.dailyDays : (tiers.weeklyWeeks ?? 0) * 7) : undefined;
  if (days !== undefined && days !== null) out.retentionDays = days;
  return out;
}

export interface MappedPolicy {
  schedules: Schedule[];
  retention?: Retention;
  /** Why schedules could not be read (an unknown schedule kind), when none were. */
  problem?: string;
}

export function mapBackupPolicy(policy: BackupPolicy): MappedPolicy {
  const p = policy.properties;
  const subs: SubProtectionPolicy[] = p.subProtectionPolicy ?? [];
  if (subs.length > 0) {
    const schedules = subs.flatMap((sub) => {
      const type = SUB_POLICY_TYPES[sub.policyType.toLowerCase()];
      const s = type ? scheduleOf(type, sub.policyType, sub.schedulePolicy, sub.retentionPolicy) : undefined;
      return s ? [s] : [];
    });
    const full = subs.find((s) => s.policyType.toLowerCase() === 'full') ?? subs.find((s) => SUB_POLICY_TYPES[s.policyType.toLowerCase()] === 'snapshot');
    const retention = full ? retentionTiers(full.retentionPolicy, full.schedulePolicy ? intervalHours(full.schedulePolicy) : undefined) : undefined;
    return { schedules, ...(retention ? { retention } : {}), ...(schedules.length === 0 ? { problem: `no schedule of a known kind in ${subs.map((s) => s.policyType).join(', ')}` } : {}) };
  }
  const schedule = scheduleOf('snapshot', undefined, p.schedulePolicy, p.retentionPolicy);
  const retention = retentionTiers(p.retentionPolicy, p.schedulePolicy ? intervalHours(p.schedulePolicy) : undefined);
  return {
    schedules: schedule ? [schedule] : [],
    ...(retention ? { retention } : {}),
    ...(schedule ? {} : { problem: `schedule ${p.schedulePolicy?.schedulePolicyType ?? '(none)'} ${p.schedulePolicy?.scheduleRunFrequency ?? ''} is not a known kind`.trim() }),
  };
}
