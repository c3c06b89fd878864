import { sleep } from './backoff.js';

/**
 * At most `limit` request starts per key in any window (GitHub: 900 a minute per REST
 * endpoint). Each request reserves a start time: at once while the window holds fewer than
 * `limit` starts, otherwise one window after the start `limit` places back. Reservations are in
 * order, so no window ever holds more than `limit` starts and waiters never race each other.
 */
export class WindowBudget {
  private readonly starts = new Map<string, number[]>();
  /** Total time requests were held. */
  waitedMs = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void> = sleep,
  ) {}

  /** Waits until a request under `key` may start; returns how long it waited. */
  async take(key: string, signal?: AbortSignal): Promise<number> {
    const now = this.now();
    let starts = this.starts.get(key);
    if (!starts) this.starts.set(key, (starts = []));
    let expired = 0;
    while (expired < starts.length && starts[expired]! <= now - this.windowMs) expired++;
    if (expired > 0) starts.splice(0, expired);
    const at = starts.length < this.limit ? now : Math.max(now, starts[starts.length - this.limit]! + this.windowMs);
    starts.push(at);
    if (at <= now) return 0;
    this.waitedMs += at - now;
    await this.wait(at - now, signal);
    return at - now;
  }
}
