import type { BackupPlan } from '../../model/index.js';

/**
 * Backup rules -> the daily/weekly/monthly retention tiers of the model, by each rule's
 * interval: at most 24 h fills the daily tier (days), at most 7 days the weekly tier
 * (weeks = days / 7), longer the monthly tier (months = days / 30.44). Values are never
 * rounded up (a 395-day monthly copy is 12.97 months). A tier no rule fills is 0; a rule that
 * never deletes (`null`) keeps its tier forever; several rules in one tier keep the longest.
 */

export interface RuleRetention {
  intervalHours: number;
  /** `null` = kept forever. */
  retentionDays: number | null;
}

const DAYS_PER_MONTH = 30.44;

export function retentionTiers(rules: readonly RuleRetention[]): NonNullable<BackupPlan['retention']> {
  const tiers: { daily: (number | null)[]; weekly: (number | null)[]; monthly: (number | null)[] } = { daily: [], weekly: [], monthly: [] };
  for (const rule of rules) {
    if (rule.intervalHours <= 24) tiers.daily.push(rule.retentionDays);
    else if (rule.intervalHours <= 168) tiers.weekly.push(rule.retentionDays === null ? null : rule.retentionDays / 7);
    else tiers.monthly.push(rule.retentionDays === null ? null : rule.retentionDays / DAYS_PER_MONTH);
  }
  return { dailyDays: longest(tiers.daily), weeklyWeeks: longest(tiers.weekly), monthlyMonths: longest(tiers.monthly) };
}

function longest(values: (number | null)[]): number | null {
  if (values.length === 0) return 0;
  if (values.includes(null)) return null;
  return floor2(Math.max(...(values as number[])));
}

/** Two decimals, rounded down. */
export function floor2(n: number): number {
  return Math.floor(n * 100 + 1e-9) / 100;
}
