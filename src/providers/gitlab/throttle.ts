/**
 * Request pacing shared by every gitbeaker resource of one adapter run: a bound on requests
 * in flight and a gate that holds new requests while GitLab asks us to wait (429 with
 * Retry-After, or RateLimit-Remaining exhausted until RateLimit-Reset).
 */
export class Throttle {
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];
  private pauseUntil = 0;

  constructor(
    private readonly maxConcurrency: number,
    private readonly signal?: AbortSignal,
  ) {}

  /** Waits for the gate and a free slot; the returned function releases the slot. */
  async acquire(): Promise<() => void> {
    await this.waitForGate();
    if (this.inFlight >= this.maxConcurrency) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.inFlight += 1;
    }
    // A 429 may have closed the gate while this request queued for a slot.
    await this.waitForGate();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.inFlight -= 1;
    };
  }

  /** Holds every request until `until` (epoch ms); returns the added wait in ms. */
  pause(until: number): number {
    const added = Math.max(0, until - Math.max(this.pauseUntil, Date.now()));
    if (until > this.pauseUntil) this.pauseUntil = until;
    return added;
  }

  private async waitForGate(): Promise<void> {
    for (;;) {
      const wait = this.pauseUntil - Date.now();
      if (wait <= 0) return;
      await sleep(wait, this.signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Seconds (`Retry-After: 30`) or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
