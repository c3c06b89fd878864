import { sleep } from '../http/index.js';

/**
 * GitHub's secondary limit of points per minute for one REST endpoint (900 on github.com; a GET
 * costs 1). An org scan asks every repository's hooks and Actions secrets: past 900
 * repositories a fast scan would collect `retry-after` answers, and repeated ones can get a
 * token blocked. So requests to one endpoint are spaced to stay within the budget instead.
 *
 * Each request reserves a start time: at once while the last minute holds fewer than `limit`
 * starts, otherwise one minute after the start `limit` places back. Reservations are in order,
 * so no 60 s window ever holds more than `limit` starts and waiters never race each other.
 */
export class EndpointBudget {
  private readonly starts = new Map<string, number[]>();
  /** Total time requests were held, for stats and the debug log. */
  waitedMs = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void> = sleep,
  ) {}

  /** Waits until a request to `endpoint` may start; returns how long it waited. */
  async take(endpoint: string, signal?: AbortSignal): Promise<number> {
    const now = this.now();
    let starts = this.starts.get(endpoint);
    if (!starts) this.starts.set(endpoint, (starts = []));
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

/**
 * The endpoint a request counts against: Octokit's route template when it has one
 * (`/repos/{owner}/{repo}/hooks`), else the path of the URL (a `Link` page), without the query.
 */
export function endpointOf(method: string, url: string): string {
  const path = url.startsWith('http') ? new URL(url).pathname : url.split('?')[0]!;
  return `${method.toUpperCase()} ${path}`;
}
