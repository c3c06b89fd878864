import { abortReason, backoffMs, headerLookup, remainingOf, serverWaitMs, sleep, type HeaderLookup } from './backoff.js';
import { NetworkError, networkFailureOf, OffOriginError } from './errors.js';
import { Limiter } from './limiter.js';
import { carriesCredential, safeOrigin, type CredentialOrigins } from './origin.js';
import { LinkChains, nextLink } from './pages.js';
import type { HttpEnvSettings } from './settings.js';

export interface HttpCoreOptions extends HttpEnvSettings {
  /** Provider name for debug lines. */
  name: string;
  /** Where the provider's credentials may go. */
  origins: CredentialOrigins;
  /** Requests in flight at once for the whole run. */
  concurrency: number;
  /** Further attempts after a retryable status or a dropped connection. */
  retries: number;
  /** Statuses worth another attempt (429 and 5xx the platform documents as transient). */
  retryStatuses: ReadonlySet<number>;
  /** A longer server-requested wait is not waited for: the answer stands (a rate-limited gap). */
  maxWaitMs: number;
  /** How the client library follows Link pagination (see LinkChains); default 'url'. */
  linkFollows?: 'url' | 'query';
  /** Count each attempt (default true; false when the transport counts, e.g. a request handler that also sees discovery calls). */
  countAttempts?: boolean;
  /** Hold every request while the rate-limit budget is spent (default true; off where a client plugin paces). */
  pace?: boolean;
  signal?: AbortSignal;
  debug?: (message: string) => void;
}

export interface HttpStats {
  /** Requests sent (each attempt and each followed redirect counts). */
  requests: number;
  retries: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  /** Lowest remaining rate-limit budget seen (-1: the server sent none). */
  rateLimitRemaining: number;
}

/** What `schedule` needs to know about one attempt's answer. */
export interface Answer {
  status: number;
  headers: HeaderLookup;
}

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const MAX_REDIRECTS = 5;

/**
 * The client core every provider's API traffic goes through. See index.ts for the API.
 * One instance per collect run (or doctor run): it owns the limiter and the counters.
 */
export class HttpCore {
  readonly stats: HttpStats = { requests: 0, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, rateLimitRemaining: -1 };
  readonly limiter: Limiter;
  private readonly links: LinkChains;
  private readonly debug: (message: string) => void;

  constructor(readonly options: HttpCoreOptions) {
    this.limiter = new Limiter(options.concurrency, options.signal);
    this.links = new LinkChains(options.maxPages, options.origins, options.linkFollows);
    this.debug = options.debug ?? (() => undefined);
  }

  get origins(): CredentialOrigins {
    return this.options.origins;
  }

  /**
   * Runs one logical request: each attempt in a limiter slot with a timeout signal,
   * retried (jittered back-off, or the server's Retry-After / reset) while `answerOf` says
   * its status is retryable. Network failures throw NetworkError (after retrying a dropped
   * connection); the last answer is returned as is, whatever its status.
   *
   * @param attempt sends the request; should pass `signal` on (the core also stops waiting when it fires)
   * @param answerOf status and headers of a result (undefined: nothing to judge, return it)
   * @param discard frees a result that is retried (e.g. cancels a fetch body)
   */
  async schedule<T>(
    target: string,
    attempt: (signal: AbortSignal) => Promise<T>,
    answerOf: (result: T) => Answer | undefined,
    discard?: (result: T) => Promise<void> | void,
  ): Promise<T> {
    const { retries, retryStatuses, maxWaitMs, retryBaseMs } = this.options;
    for (let n = 0; ; n++) {
      let result: T;
      let answer: Answer | undefined;
      try {
        result = await this.limiter.run(async () => {
          const r = await this.once(target, attempt);
          answer = answerOf(r);
          // Before the slot is released: the next request must already see a spent budget.
          if (answer) this.observe(answer, Date.now());
          return r;
        });
      } catch (err) {
        if (err instanceof NetworkError && err.transient && n < retries) {
          this.stats.retries++;
          this.debug(`${this.options.name}: ${err.message}; retry ${n + 1}`);
          await sleep(backoffMs(n, retryBaseMs, 30_000), this.options.signal);
          continue;
        }
        throw err;
      }
      if (!answer) return result;
      const now = Date.now();
      if (!retryStatuses.has(answer.status) || n >= retries) return result;
      const asked = serverWaitMs(answer.headers, now, answer.status === 429);
      // Application limits answer 429 with no headers: back off long enough to outlast a one-minute window.
      const wait = asked ?? backoffMs(n, answer.status === 429 ? 2 * retryBaseMs : retryBaseMs, answer.status === 429 ? 60_000 : 30_000);
      if (wait > maxWaitMs) return result;
      await discard?.(result);
      this.stats.retries++;
      if (answer.status === 429) {
        this.stats.rateLimitWaits++;
        this.debug(`${this.options.name}: 429 on ${target}, waiting ${Math.ceil(wait / 1000)} s`);
        // A 429 that names its wait is the user-wide limit: hold everything. A bare one is one endpoint's limit.
        if (asked !== undefined) {
          this.stats.rateLimitWaitMs += this.limiter.pause(now + wait, now);
          continue;
        }
        this.stats.rateLimitWaitMs += wait;
      }
      await sleep(wait, this.options.signal);
    }
  }

  /** One attempt with its own timeout, counted; network failures become NetworkError. */
  private async once<T>(target: string, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    // Cancelled: send nothing (a library that takes no signal would still send the request).
    if (this.options.signal?.aborted) throw abortReason(this.options.signal);
    if (this.options.countAttempts !== false) this.stats.requests++;
    try {
      return await untilAborted(attempt(signal), signal);
    } catch (err) {
      if (this.options.signal?.aborted) throw abortReason(this.options.signal);
      if (timeout.aborted) throw new NetworkError('timeout', target, `after ${Math.round(this.options.timeoutMs / 1000)} s`);
      const failure = networkFailureOf(err);
      if (failure) throw new NetworkError(failure.failure, target, failure.detail);
      throw err;
    }
  }

  /** Rate-limit headers of an answer that did not pass through `schedule`/`fetch`. */
  observe(answer: Answer, now = Date.now()): void {
    const remaining = remainingOf(answer.headers);
    if (remaining === undefined) return;
    this.stats.rateLimitRemaining = this.stats.rateLimitRemaining < 0 ? remaining : Math.min(this.stats.rateLimitRemaining, remaining);
    if (remaining > 0 || answer.status === 429 || this.options.pace === false) return;
    // Out of budget: hold everything until the window resets rather than collect 429s.
    const wait = serverWaitMs(answer.headers, now);
    if (wait !== undefined && wait > 0 && wait <= this.options.maxWaitMs) {
      const added = this.limiter.pause(now + wait, now);
      if (added > 0) {
        this.stats.rateLimitWaits++;
        this.stats.rateLimitWaitMs += added;
      }
    }
  }

  /**
   * A fetch for client libraries (Octokit's `request.fetch`, a gitbeaker requester, cloud
   * SDK handlers): scheduling and retries as above, credentials only to their origins,
   * redirects followed only within them, and Link / X-Next-Page pagination checked (origin,
   * repeats, page cap) before the library can follow it.
   */
  readonly fetch: FetchLike = async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    let url = new URL(request ? request.url : String(input));
    const headers = new Headers(init.headers ?? request?.headers);
    const credential = carriesCredential(headers);
    let method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    let body = init.body ?? (request ? await request.arrayBuffer() : undefined);
    if (credential) this.origins.assert(url, 'request');
    for (let hop = 0; ; hop++) {
      const sendInit: RequestInit = { ...init, method, headers, body, redirect: 'manual' };
      const res = await this.schedule(
        url.host,
        (signal) => fetch(url, { ...sendInit, signal: init.signal ? AbortSignal.any([init.signal, signal]) : signal }),
        (r) => ({ status: r.status, headers: headerLookup(r.headers) }),
        (r) => r.body?.cancel(),
      );
      const location = isRedirect(res.status) ? res.headers.get('location') : null;
      if (location === null) {
        this.checkNextPage(url, res);
        return res;
      }
      await res.body?.cancel();
      const next = new URL(location, url);
      if (credential && !this.origins.allows(next)) throw new OffOriginError(safeOrigin(next), 'redirect');
      if (hop >= MAX_REDIRECTS) throw new OffOriginError(safeOrigin(next), 'redirect');
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        headers.delete('content-type');
      }
      url = next;
    }
  };

  private checkNextPage(url: URL, res: Response): void {
    if (!res.ok) return;
    let link = res.headers.get('link');
    const page = res.headers.get('x-next-page');
    if (!nextLink(link) && page && /^\d+$/.test(page)) {
      const next = new URL(url);
      next.searchParams.set('page', page);
      link = `<${next.toString()}>; rel="next"`;
    }
    this.links.observe(url, link);
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Settles with `promise`, or rejects as soon as `signal` fires (for libraries that take no signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // An abandoned attempt still settles later; its rejection is expected, not unhandled.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
