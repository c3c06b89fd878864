import type { Gap, GapReason } from '../../model/index.js';
import { errorMessage } from '../../shared/errors.js';
import { findCause, NetworkError, networkFailureOf, OffOriginError, PagingError } from './errors.js';

/**
 * The one place that turns HTTP/SDK failures into gap reasons, so that every provider fails
 * closed the same way. Messages are built from status, headers and our own errors only,
 * never from request options (which hold tokens).
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

/** Classifies a thrown error (network, abort, refused origin, paging, zod) when there is no HTTP status. */
export function gapFromError(err: unknown, what: string): Gap {
  const network = findCause(err, NetworkError);
  if (network) return { reason: network.failure === 'timeout' ? 'timeout' : 'unreachable', message: `${what}: ${network.message}` };
  const offOrigin = findCause(err, OffOriginError) ?? findCause(err, PagingError);
  if (offOrigin) return { reason: 'malformed', message: `${what}: ${offOrigin.message}` };
  const raw = networkFailureOf(err);
  if (raw) return { reason: raw.failure === 'timeout' ? 'timeout' : 'unreachable', message: `${what}: network failure (${raw.detail})` };
  const msg = errorMessage(err);
  if (err && typeof err === 'object' && 'name' in err && (err as { name: string }).name === 'ZodError') {
    return { reason: 'malformed', message: `${what}: response failed validation` };
  }
  if (/timeout|timed out|ETIMEDOUT|AbortError/i.test(msg)) return { reason: 'timeout', message: `${what}: timed out` };
  if (/Unexpected end of JSON|JSON/i.test(msg)) return { reason: 'malformed', message: `${what}: malformed response` };
  return { reason: 'error', message: `${what}: ${msg.split('\n')[0]}` };
}

/** True when the failure is the network (or a refused origin), not an HTTP answer: callers stop instead of guessing. */
export function isConnectionFailure(err: unknown): boolean {
  return findCause(err, NetworkError) !== undefined || networkFailureOf(err) !== undefined;
}
