/** Waiting: Retry-After and rate-limit headers, jittered exponential back-off, abortable sleep. */

/** Reads one response header, whatever shape the client library keeps headers in. */
export type HeaderLookup = (name: string) => string | undefined;

export function headerLookup(headers: Headers | Record<string, unknown> | undefined): HeaderLookup {
  if (!headers) return () => undefined;
  if (headers instanceof Headers) return (name) => headers.get(name) ?? undefined;
  const lower = new Map<string, string>();
  for (const [k, v] of Object.entries(headers)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== null) lower.set(k.toLowerCase(), String(value));
  }
  return (name) => lower.get(name.toLowerCase());
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` (seconds or an HTTP date),
 * Azure DevOps' `X-RateLimit-Delay`, GitLab's `RateLimit-ResetTime` (a date), or a reset
 * time (`RateLimit-Reset` / `X-RateLimit-Reset`: epoch seconds, or seconds from now when small).
 */
export function serverWaitMs(get: HeaderLookup, now = Date.now()): number | undefined {
  const retryAfter = get('retry-after') ?? get('x-ratelimit-delay');
  if (retryAfter) {
    const trimmed = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const resetTime = Date.parse(get('ratelimit-resettime') ?? '');
  if (!Number.isNaN(resetTime)) return Math.max(0, resetTime - now);
  return resetWaitMs(get, now);
}

/** Time until the rate-limit window resets, when the headers say. */
export function resetWaitMs(get: HeaderLookup, now = Date.now()): number | undefined {
  const raw = get('ratelimit-reset') ?? get('x-ratelimit-reset');
  const reset = Number(raw);
  if (!raw || !Number.isFinite(reset) || reset < 0) return undefined;
  // Epoch seconds (GitHub, GitLab, Azure DevOps) or, per the IETF draft, seconds from now.
  return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
}

/** The requests left in the window, when the headers say. */
export function remainingOf(get: HeaderLookup): number | undefined {
  const raw = get('ratelimit-remaining') ?? get('x-ratelimit-remaining');
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Exponential back-off with "equal jitter": between half and all of `base * 2^attempt`
 * (capped), so that retries of many requests spread out but never come back too early.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortReason(signal: AbortSignal): Error {
  if (signal.reason instanceof Error) return signal.reason;
  const err = new Error('collection cancelled');
  err.name = 'AbortError';
  return err;
}
