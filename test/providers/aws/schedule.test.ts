import { describe, expect, it } from 'vitest';
import { retentionTiers } from '../../../src/providers/aws/backup-tiers.js';
import { scheduleIntervalHours } from '../../../src/providers/aws/schedule.js';

const hours = (expr: string) => {
  const r = scheduleIntervalHours(expr, 2026);
  if ('error' in r) throw new Error(r.error);
  return r.intervalHours;
};

describe('AWS schedule expressions -> longest interval in hours', () => {
  it.each([
    ['rate(1 hour)', 1],
    ['rate(12 hours)', 12],
    ['rate(1 day)', 24],
    ['rate(7 days)', 168],
    ['rate(30 minutes)', 0.5],
    ['cron(0 */6 * * ? *)', 6],
    ['cron(0 5 ? * * *)', 24],
    ['cron(0 5,17 ? * * *)', 12],
    ['cron(30 1 ? * SUN *)', 168],
    ['cron(0 5 ? * 1 *)', 168],
    ['cron(0 0/8 * * ? *)', 8],
    ['cron(15 2-5 ? * MON-FRI *)', 72 - 3],
    ['cron(0 5 1 * ? *)', 31 * 24],
    ['cron(0 5 L * ? *)', 31 * 24],
    ['cron(0 5 ? * 2#1 *)', 35 * 24],
    ['cron(0 5 ? * 6L *)', 35 * 24],
    ['cron(0 5 1 JAN,JUL ? *)', 184 * 24],
    // 15 Aug 2026 is a Saturday (runs Fri 14th), 15 Sep a Tuesday: 32 days.
    ['cron(0 12 15W * ? *)', 24 * 32],
  ])('%s -> %s h', (expr, expected) => {
    expect(hours(expr)).toBe(expected);
  });

  it('weekday-only schedules report the weekend gap', () => {
    expect(hours('cron(0 5,17 ? * MON-FRI *)')).toBe(60);
  });

  it('a yearly schedule is 365 or 366 days apart', () => {
    expect(hours('cron(0 0 1 1 ? *)')).toBe(366 * 24);
  });

  it.each([
    ['cron(0 5 * * * *)', /day-of-month and day-of-week/],
    ['cron(0 5 ? * *)', /expected 6 fields/],
    ['cron(61 5 ? * * *)', /outside 0-59/],
    ['cron(0 5 ? FOO * *)', /not a number/],
    ['cron(0 5 1 1 ? 2026)', /at most once/],
    ['rate(0 days)', /positive/],
    ['at(2026-01-01T00:00:00)', /not a rate\(\) or cron\(\)/],
  ])('%s is refused', (expr, message) => {
    const r = scheduleIntervalHours(expr, 2026);
    expect('error' in r && r.error).toMatch(message);
  });
});

describe('backup rules -> retention tiers', () => {
  it('fills tiers by interval and converts without rounding up', () => {
    expect(
      retentionTiers([
        { intervalHours: 6, retentionDays: 7 },
        { intervalHours: 24, retentionDays: 35 },
        { intervalHours: 168, retentionDays: 27 },
        { intervalHours: 744, retentionDays: 395 },
      ]),
    ).toEqual({ dailyDays: 35, weeklyWeeks: 3.85, monthlyMonths: 12.97 });
  });

  it('the day counts the backup.retention remediation gives meet its default tiers', () => {
    expect(retentionTiers([{ intervalHours: 24, retentionDays: 7 }, { intervalHours: 168, retentionDays: 28 }, { intervalHours: 744, retentionDays: 396 }])).toEqual({
      dailyDays: 7,
      weeklyWeeks: 4,
      monthlyMonths: 13,
    });
  });

  it('a missing tier is 0 and a rule that never deletes keeps its tier forever', () => {
    expect(retentionTiers([{ intervalHours: 24, retentionDays: null }])).toEqual({ dailyDays: null, weeklyWeeks: 0, monthlyMonths: 0 });
    expect(retentionTiers([])).toEqual({ dailyDays: 0, weeklyWeeks: 0, monthlyMonths: 0 });
  });

  it('25 hours is weekly, 7 days and 1 hour monthly', () => {
    expect(retentionTiers([{ intervalHours: 25, retentionDays: 28 }, { intervalHours: 169, retentionDays: 61 }])).toEqual({ dailyDays: 0, weeklyWeeks: 4, monthlyMonths: 2 });
  });
});
