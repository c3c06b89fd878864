/**
 * AWS schedule expressions (AWS Backup rules, Secrets Manager rotation, restore testing) ->
 * the longest interval between two runs, in hours. `rate(N unit)` is exact; `cron(...)` uses
 * the six-field AWS syntax (minutes hours day-of-month month day-of-week year, one of the
 * two day fields `?`) with `* ? , - / L W #` and month/day names. The longest gap is what a
 * "backups at least every N hours" rule must see: `cron(0 5,17 ? * MON-FRI *)` runs twice a
 * day on weekdays but leaves 60 h over the weekend.
 */

export type ScheduleResult = { intervalHours: number } | { error: string };

const RATE = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i;
const CRON = /^cron\((.*)\)$/i;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** Years simulated from the start year: covers leap days and day-of-week/day-of-month alignments. */
const SIMULATED_YEARS = 5;
const DAY_MS = 86_400_000;

export function scheduleIntervalHours(expression: string, startYear = new Date().getUTCFullYear()): ScheduleResult {
  const text = expression.trim();
  const rate = RATE.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    if (n <= 0) return { error: `${text}: the rate must be positive` };
    const unit = rate[2]!.toLowerCase();
    const hours = unit.startsWith('minute') ? n / 60 : unit.startsWith('hour') ? n : n * 24;
    return { intervalHours: hours };
  }
  const cron = CRON.exec(text);
  if (!cron) return { error: `${text}: not a rate() or cron() expression` };
  try {
    return cronInterval(cron[1]!.trim().split(/\s+/), startYear);
  } catch (err) {
    return { error: `${text}: ${(err as Error).message}` };
  }
}

function cronInterval(fields: string[], startYear: number): ScheduleResult {
  if (fields.length !== 6) throw new Error(`expected 6 fields, found ${fields.length}`);
  const [minF, hourF, domF, monthF, dowF, yearF] = fields as [string, string, string, string, string, string];
  const minutes = parseSet(minF, 0, 59);
  const hours = parseSet(hourF, 0, 23);
  const months = parseSet(monthF, 1, 12, MONTHS, 1);
  const years = yearF === '*' || yearF === '?' ? undefined : parseSet(yearF, 1970, 2199);
  if (domF !== '?' && dowF !== '?') throw new Error('one of day-of-month and day-of-week must be ?');
  const dayMatches = domF === '?' ? weekdayMatcher(dowF) : monthDayMatcher(domF);

  const timesOfDay = [...hours].sort((a, b) => a - b).flatMap((h) => [...minutes].sort((a, b) => a - b).map((m) => h * 60 + m));
  if (timesOfDay.length === 0) throw new Error('no time of day matches');
  const days: number[] = [];
  const start = Date.UTC(startYear, 0, 1);
  const end = Date.UTC(startYear + SIMULATED_YEARS, 0, 1);
  for (let t = start; t < end; t += DAY_MS) {
    const d = new Date(t);
    if (years && !years.has(d.getUTCFullYear())) continue;
    if (!months.has(d.getUTCMonth() + 1)) continue;
    if (dayMatches(d)) days.push(t / DAY_MS);
  }
  if (days.length === 0 || (days.length === 1 && timesOfDay.length === 1)) {
    return { error: 'runs at most once, not on a repeating schedule' };
  }
  let longest = 0;
  for (let i = 1; i < timesOfDay.length; i++) longest = Math.max(longest, timesOfDay[i]! - timesOfDay[i - 1]!);
  const first = timesOfDay[0]!;
  const last = timesOfDay[timesOfDay.length - 1]!;
  for (let i = 1; i < days.length; i++) longest = Math.max(longest, (days[i]! - days[i - 1]!) * 1440 - last + first);
  // A schedule limited to some years ends; within its years the gaps above are the answer.
  return { intervalHours: longest / 60 };
}

/** `*`, `?`, `5`, `1-5`, `*\/6`, `10/15`, `1-20/5`, `MON-FRI`, lists of those. */
function parseSet(field: string, min: number, max: number, names?: string[], nameBase = 0): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [rangePart, stepPart] = part.split('/') as [string, string | undefined];
    const step = stepPart === undefined ? 1 : toInt(stepPart, 1, max - min + 1);
    let lo: number;
    let hi: number;
    if (rangePart === '*' || rangePart === '?') {
      lo = min;
      hi = max;
    } else if (rangePart.includes('-')) {
      const [a, b] = rangePart.split('-') as [string, string];
      lo = value(a, min, max, names, nameBase);
      hi = value(b, min, max, names, nameBase);
    } else {
      lo = value(rangePart, min, max, names, nameBase);
      hi = stepPart === undefined ? lo : max;
    }
    if (lo > hi) throw new Error(`range ${rangePart} runs backwards`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function value(token: string, min: number, max: number, names: string[] | undefined, nameBase: number): number {
  const byName = names?.indexOf(token.toUpperCase()) ?? -1;
  if (byName >= 0) return byName + nameBase;
  return toInt(token, min, max);
}

function toInt(token: string, min: number, max: number): number {
  if (!/^\d+$/.test(token)) throw new Error(`'${token}' is not a number`);
  const n = Number(token);
  if (n < min || n > max) throw new Error(`${n} is outside ${min}-${max}`);
  return n;
}

function daysInMonth(d: Date): number {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Day-of-month field: numbers/ranges/steps, `L` (last day), `L-3`, `15W` (nearest weekday), `LW`. */
function monthDayMatcher(field: string): (d: Date) => boolean {
  const last = /^L(?:-(\d+))?$/i.exec(field);
  if (last) {
    const offset = last[1] ? toInt(last[1], 0, 30) : 0;
    return (d) => d.getUTCDate() === daysInMonth(d) - offset;
  }
  const weekday = /^(\d+|L)W$/i.exec(field);
  if (weekday) {
    return (d) => {
      const target = weekday[1]!.toUpperCase() === 'L' ? daysInMonth(d) : toInt(weekday[1]!, 1, 31);
      return nearestWeekday(d, target) === d.getUTCDate();
    };
  }
  const set = parseSet(field, 1, 31);
  return (d) => set.has(d.getUTCDate());
}

function nearestWeekday(d: Date, target: number): number | undefined {
  const dim = daysInMonth(d);
  if (target > dim) return undefined;
  const dow = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), target)).getUTCDay();
  if (dow === 6) return target === 1 ? 3 : target - 1; // Saturday -> Friday (or Monday the 3rd)
  if (dow === 0) return target === dim ? target - 2 : target + 1; // Sunday -> Monday (or Friday)
  return target;
}

/** Day-of-week field (1 = SUN ... 7 = SAT): sets, `6L` (last Friday), `2#1` (first Monday). */
function weekdayMatcher(field: string): (d: Date) => boolean {
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth) {
    const dow = value(nth[1]!, 1, 7, WEEKDAYS, 1) - 1;
    const n = Number(nth[2]);
    return (d) => d.getUTCDay() === dow && Math.ceil(d.getUTCDate() / 7) === n;
  }
  const lastOf = /^(\w+)L$/i.exec(field);
  if (lastOf && field.toUpperCase() !== 'L') {
    const dow = value(lastOf[1]!, 1, 7, WEEKDAYS, 1) - 1;
    return (d) => d.getUTCDay() === dow && d.getUTCDate() + 7 > daysInMonth(d);
  }
  if (field.toUpperCase() === 'L') return (d) => d.getUTCDay() === 6;
  const set = parseSet(field, 1, 7, WEEKDAYS, 1);
  return (d) => set.has(d.getUTCDay() + 1);
}
