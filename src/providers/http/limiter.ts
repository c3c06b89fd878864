import pLimit, { type LimitFunction } from 'p-limit';
import { sleep } from './backoff.js';

/**
 * Requests in flight (p-limit) plus a gate that holds every new request while the server
 * asked us to wait (a 429 with Retry-After, or the rate-limit budget spent until reset).
 */
export class Limiter {
  private readonly limit: LimitFunction;
  private pausedUntil = 0;

  constructor(
    concurrency: number,
    private readonly signal?: AbortSignal,
  ) {
    this.limit = pLimit(Math.max(1, concurrency));
  }

  /** Runs `task` in a slot once the gate is open; returns the time spent held at the gate. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      await this.gate();
      return task();
    });
  }

  /** Holds every request until `until`; returns the wait it added, counted from `now` (when the answer came) so a slow event loop does not shrink it. */
  pause(until: number, now = Date.now()): number {
    const added = Math.max(0, until - Math.max(this.pausedUntil, now));
    if (until > this.pausedUntil) this.pausedUntil = until;
    return added;
  }

  private async gate(): Promise<void> {
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) await sleep(wait, this.signal);
  }
}

/** `fn` over `items` with at most `concurrency` running, results in input order. */
export function mapLimit<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(items.map((item) => limit(() => fn(item))));
}
