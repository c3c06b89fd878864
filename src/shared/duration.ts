const UNIT_MS = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  // Calendar-agnostic: a month is 30 days and a year 365, as retention policies usually mean.
  mo: 30 * 86_400_000,
  y: 365 * 86_400_000,
} as const;

const DURATION = /^(\d{1,9})(s|m|h|d|w|mo|y)$/;

/** Parses `90d`, `6h`, `2w`, `13mo`, `1y` into milliseconds; returns undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

export function formatDuration(ms: number): string {
  const days = ms / UNIT_MS.d;
  if (days >= 1 && Number.isInteger(days)) return `${days}d`;
  const hours = ms / UNIT_MS.h;
  if (Number.isInteger(hours)) return `${hours}h`;
  return `${Math.round(ms / 1000)}s`;
}

/** Parses an ISO timestamp or date; undefined when it is not one. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
