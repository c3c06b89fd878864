import { z } from 'zod';

/**
 * Why a fact is missing. Unknown is never false: a field a provider could not collect is
 * left absent and recorded here, and any condition that touches it yields skip or error.
 */
export const gapReasons = [
  'unsupported', // the platform or plan does not offer this data -> skip
  'not-applicable', // the data does not exist for this resource by nature -> skip
  'forbidden', // the credentials lack a permission or scope -> skip or error
  'unauthenticated',
  'not-found',
  'rate-limited',
  'unreachable', // DNS, connection refused, TLS: the API could not be reached
  'timeout',
  'malformed', // the response or file failed validation
  'error',
] as const;
export const GapReason = z.enum(gapReasons);
export type GapReason = z.infer<typeof GapReason>;

export const Gap = z.strictObject({
  reason: GapReason,
  /** One line for humans; names the missing permission or scope when it is known. */
  message: z.string(),
  /** Overrides the default outcome of the reason (skip for unsupported/not-applicable, error otherwise). */
  outcome: z.enum(['skip', 'error']).optional(),
});
export type Gap = z.infer<typeof Gap>;

/** Keyed by the dotted field path that could not be collected ("branchProtection", "webhooks", "*" for the whole resource). */
export const Gaps = z.record(z.string(), Gap);
export type Gaps = z.infer<typeof Gaps>;

export function gapOutcome(gap: Gap): 'skip' | 'error' {
  if (gap.outcome) return gap.outcome;
  return gap.reason === 'unsupported' || gap.reason === 'not-applicable' ? 'skip' : 'error';
}
