import type { Gap, GapReason } from '../model/index.js';
import { errorMessage } from '../shared/errors.js';

/**
 * One place that turns HTTP/SDK failures into gap reasons, so that every provider fails
 * closed the same way. Messages are built from status and headers only, never from
 * request options (which hold tokens).
 */
export function gapFromStatus(status: number, message: string, options: { explicit?: boolean } = {}): Gap {
  const reason = reasonForStatus(status);
  const gap: Gap = { reason, message };
  // Missing access is an error when the user asked for that data explicitly, a skip otherwise.
  if (reason === 'forbidden' || reason === 'not-found') gap.outcome = options.explicit ? 'error' : 'skip';
  return gap;
}

export function reasonForStatus(status: number): GapReason {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate-limited';
  return 'error';
}

/** Classifies a thrown error (network, abort, zod) when there is no HTTP status. */
export function gapFromError(err: unknown, what: string): Gap {
  const msg = errorMessage(err);
  if (err && typeof err === 'object' && 'name' in err && (err as { name: string }).name === 'ZodError') {
    return { reason: 'malformed', message: `${what}: response failed validation` };
  }
  if (/timeout|timed out|ETIMEDOUT|AbortError/i.test(msg)) return { reason: 'timeout', message: `${what}: timed out` };
  if (/Unexpected end of JSON|JSON/i.test(msg)) return { reason: 'malformed', message: `${what}: malformed response` };
  return { reason: 'error', message: `${what}: ${msg.split('\n')[0]}` };
}
