import type { Resource } from '../model/index.js';

/**
 * Fields that date something that already happened. A value in the future is not a fact but
 * bad data (a typo, a wrong clock, a forged snapshot), and `within 90d` of it would pass:
 * such a value is removed and recorded as a `malformed` gap, so rules that need it give error.
 */
const PAST_DATES = ['createdAt', 'lastRotatedAt', 'lastUsedAt', 'lastRestoreTestAt'] as const;

/** Allowance for clocks that disagree: 5 minutes for a timestamp, a day for a plain date (time zones). */
const SKEW_MS = 5 * 60_000;
const DATE_SKEW_MS = 86_400_000;

export function withoutFutureDates(resource: Resource, now: Date): Resource {
  let out: Resource | undefined;
  for (const field of PAST_DATES) {
    const value = (resource as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    const at = Date.parse(value);
    const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (Number.isNaN(at) || at <= now.getTime() + (plainDate ? DATE_SKEW_MS : SKEW_MS)) continue;
    out ??= { ...resource, gaps: { ...resource.gaps } };
    delete (out as Record<string, unknown>)[field];
    out.gaps![field] = { reason: 'malformed', message: `${field} ${value} is in the future (the run's clock is ${now.toISOString()}): not a valid date`, outcome: 'error' };
  }
  return out ?? resource;
}
