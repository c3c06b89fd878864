import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  errorMessage
} from "./chunk-6HNUAN2P.js";

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value) {
    this.value = value;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value) {
    const node = new Node(value);
    if (this.#head) {
      this.#tail.next = node;
      this.#tail = node;
    } else {
      this.#head = node;
      this.#tail = node;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run = async (function_, resolve, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run.bind(void 0, function_, resolve, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
    enqueue(function_, resolve, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value, index) => {
            const promise = generator(function_, value, index);
            promises.push(promise);
            return promise;
          });
        } catch (error) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

// src/providers/http/backoff.ts
function headerLookup(headers) {
  if (!headers) return () => void 0;
  if (headers instanceof Headers) return (name) => headers.get(name) ?? void 0;
  const lower = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(headers)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== void 0 && value !== null) lower.set(k.toLowerCase(), String(value));
  }
  return (name) => lower.get(name.toLowerCase());
}
function serverWaitMs(get, now = Date.now(), limited = true) {
  const retryAfter = get("retry-after") ?? get("x-ratelimit-delay");
  if (retryAfter) {
    const trimmed = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1e3;
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  if (!limited) return void 0;
  const resetTime = Date.parse(get("ratelimit-resettime") ?? "");
  if (!Number.isNaN(resetTime)) return Math.max(0, resetTime - now);
  return resetWaitMs(get, now);
}
function resetWaitMs(get, now = Date.now()) {
  const raw = get("ratelimit-reset") ?? get("x-ratelimit-reset");
  const reset = Number(raw);
  if (!raw || !Number.isFinite(reset) || reset < 0) return void 0;
  return reset > 1e9 ? Math.max(0, reset * 1e3 - now) : reset * 1e3;
}
function remainingOf(get) {
  const raw = get("ratelimit-remaining") ?? get("x-ratelimit-remaining");
  if (raw === void 0 || raw.trim() === "") return void 0;
  const n = Number(raw);
  return Number.isFinite(n) ? n : void 0;
}
function backoffMs(attempt, baseMs, capMs, random = Math.random) {
  const step = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(step + random() * (step / 4));
}
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
function abortReason(signal) {
  if (signal.reason instanceof Error) return signal.reason;
  const err = new Error("collection cancelled");
  err.name = "AbortError";
  return err;
}

// src/providers/http/limiter.ts
var Limiter = class {
  constructor(concurrency, signal) {
    this.signal = signal;
    this.limit = pLimit(Math.max(1, concurrency));
  }
  signal;
  limit;
  pausedUntil = 0;
  /** Runs `task` in a slot once the gate is open; returns the time spent held at the gate. */
  run(task) {
    return this.limit(async () => {
      await this.gate();
      return task();
    });
  }
  /** Holds every request until `until`; returns the wait it added, counted from `now` (when the answer came) so a slow event loop does not shrink it. */
  pause(until, now = Date.now()) {
    const added = Math.max(0, until - Math.max(this.pausedUntil, now));
    if (until > this.pausedUntil) this.pausedUntil = until;
    return added;
  }
  async gate() {
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) await sleep(wait, this.signal);
  }
};
function mapLimit(items, concurrency, fn) {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(items.map((item) => limit(() => fn(item))));
}

// src/providers/http/errors.ts
var NetworkError = class extends Error {
  constructor(failure, target, detail) {
    super(`${describe(failure, target)}${detail ? ` (${detail})` : ""}`);
    this.failure = failure;
    this.target = target;
    this.name = "NetworkError";
  }
  failure;
  target;
  /** A dropped connection may work on a second try; a refused port, a missing host or a bad certificate will not. */
  get transient() {
    return this.failure === "reset";
  }
};
function describe(failure, target) {
  switch (failure) {
    case "dns":
      return `cannot resolve ${target} (DNS lookup failed)`;
    case "refused":
      return `connection to ${target} refused`;
    case "tls":
      return `TLS handshake with ${target} failed`;
    case "timeout":
      return `no answer from ${target} in time (timeout)`;
    case "reset":
      return `connection to ${target} dropped`;
    case "unreachable":
      return `cannot reach ${target}`;
  }
}
var OffOriginError = class extends Error {
  constructor(origin, why) {
    const what = why === "redirect" ? "redirect" : why === "next-page" ? "pagination link" : "request";
    super(`${what} to ${origin} is outside the credential's origin; not followed`);
    this.origin = origin;
    this.why = why;
    this.name = "OffOriginError";
  }
  origin;
  why;
};
var PagingError = class extends Error {
  constructor(why, maxPages) {
    super(why === "loop" ? "pagination repeats a page already read; list not trusted" : `more than ${maxPages} pages; list not read to the end`);
    this.why = why;
    this.name = "PagingError";
  }
  why;
};
var CODES = {
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_NONAME: "dns",
  EAI_FAIL: "dns",
  ECONNREFUSED: "refused",
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  ESOCKETTIMEDOUT: "timeout",
  ECONNRESET: "reset",
  EPIPE: "reset",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  EADDRNOTAVAIL: "unreachable"
};
function networkFailureOf(err) {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause, depth++) {
    const { code, name, message } = e;
    if (typeof code === "string") {
      if (CODES[code]) return { failure: CODES[code], detail: code };
      if (/^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code) || /SSL|TLS/.test(code)) return { failure: "tls", detail: code };
    }
    if (name === "TimeoutError") return { failure: "timeout", detail: "timeout" };
    if (typeof message === "string" && /certificate|ssl|tls/i.test(message) && depth > 0) return { failure: "tls", detail: message.split("\n")[0].slice(0, 120) };
  }
  return void 0;
}
function findCause(err, type) {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause, depth++) {
    if (e instanceof type) return e;
  }
  return void 0;
}

// src/providers/http/pages.ts
var DEFAULT_MAX_PAGES = 1e3;
var PageGuard = class {
  constructor(maxPages, origins, first) {
    this.maxPages = maxPages;
    this.origins = origins;
    if (first !== void 0) this.seen.add(first);
  }
  maxPages;
  origins;
  seen = /* @__PURE__ */ new Set();
  pages = 1;
  /** Checks the next page's URL or continuation token before it is requested. */
  next(key, options = { url: true }) {
    if (options.url !== false) this.origins?.assert(key, "next-page");
    if (this.seen.has(key)) throw new PagingError("loop", this.maxPages);
    if (this.pages >= this.maxPages) throw new PagingError("cap", this.maxPages);
    this.seen.add(key);
    this.pages++;
  }
};
function nextLink(link) {
  if (!link) return void 0;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^<>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/.test(m[2])) return m[1];
  }
  return void 0;
}
var LinkChains = class {
  constructor(maxPages, origins, follows = "url") {
    this.maxPages = maxPages;
    this.origins = origins;
    this.follows = follows;
  }
  maxPages;
  origins;
  follows;
  chains = /* @__PURE__ */ new Map();
  /** Call with each answered request's URL and its Link header; throws when the next page must not be followed. */
  observe(url, link) {
    const key = pageKey(url);
    const guard = this.chains.get(key) ?? new PageGuard(this.maxPages, this.origins, key);
    this.chains.delete(key);
    const next = nextLink(link);
    if (next === void 0) return;
    const absolute = new URL(next, url);
    if (this.follows === "url") this.origins.assert(absolute, "next-page");
    const request = this.follows === "url" ? absolute : new URL(`${url.origin}${url.pathname}${absolute.search}`);
    const nextKey = pageKey(request);
    guard.next(nextKey, { url: false });
    this.chains.set(nextKey, guard);
  }
};
function pageKey(url) {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => a === b ? x < y ? -1 : x > y ? 1 : 0 : a < b ? -1 : 1);
  return `${url.origin}${url.pathname}?${new URLSearchParams(params).toString()}`;
}

// src/providers/http/settings.ts
function httpSettings(env) {
  return {
    retryBaseMs: nonNegative(env.SECPOL_HTTP_RETRY_BASE_MS) ?? 1e3,
    timeoutMs: positive(env.SECPOL_HTTP_TIMEOUT_MS) ?? 6e4,
    maxPages: positive(env.SECPOL_HTTP_MAX_PAGES) ?? DEFAULT_MAX_PAGES
  };
}
function nonNegative(raw) {
  if (raw === void 0 || raw.trim() === "") return void 0;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : void 0;
}
function positive(raw) {
  const n = nonNegative(raw);
  return n !== void 0 && n > 0 ? Math.floor(n) : void 0;
}

// src/providers/http/origin.ts
var CredentialOrigins = class {
  /**
   * @param configured the URL(s) the user configured (only their origin counts)
   * @param documentedHosts host names (or patterns) the platform documents as its own API
   *   hosts; they are trusted on https and the default port only
   */
  constructor(configured, documentedHosts = []) {
    this.documentedHosts = documentedHosts;
    for (const url of Array.isArray(configured) ? configured : [configured]) this.exact.add(originOf(url));
  }
  documentedHosts;
  exact = /* @__PURE__ */ new Set();
  /** The configured origins, for messages. */
  get origins() {
    return [...this.exact];
  }
  allows(url) {
    let u;
    try {
      u = typeof url === "string" ? new URL(url) : url;
    } catch {
      return false;
    }
    if (u.username || u.password) return false;
    if (this.exact.has(u.origin)) return true;
    if (u.protocol !== "https:" || u.port !== "") return false;
    const host = u.hostname.toLowerCase();
    return this.documentedHosts.some((h) => typeof h === "string" ? h === host : h.test(host));
  }
  /** Throws OffOriginError unless `url` may receive the credential. */
  assert(url, why = "request") {
    if (!this.allows(url)) throw new OffOriginError(safeOrigin(url), why);
  }
};
function originOf(url) {
  return (typeof url === "string" ? new URL(url) : url).origin;
}
function safeOrigin(url) {
  try {
    return originOf(url);
  } catch {
    return "(unparsable URL)";
  }
}
var CREDENTIAL_HEADERS = ["authorization", "private-token", "job-token", "x-api-key", "x-amz-security-token", "cookie"];
function carriesCredential(headers) {
  if (!headers) return false;
  const names = headers instanceof Headers ? [...headers.keys()] : Array.isArray(headers) ? headers.map(([k]) => k) : Object.keys(headers);
  return names.some((n) => CREDENTIAL_HEADERS.includes(n.toLowerCase()));
}

// src/providers/http/core.ts
var MAX_REDIRECTS = 5;
var HttpCore = class {
  constructor(options) {
    this.options = options;
    this.limiter = new Limiter(options.concurrency, options.signal);
    this.links = new LinkChains(options.maxPages, options.origins, options.linkFollows);
    this.debug = options.debug ?? (() => void 0);
  }
  options;
  stats = { requests: 0, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, rateLimitRemaining: -1 };
  limiter;
  links;
  debug;
  get origins() {
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
  async schedule(target, attempt, answerOf, discard) {
    const { retries, retryStatuses, maxWaitMs, retryBaseMs } = this.options;
    for (let n = 0; ; n++) {
      let result;
      let answer;
      try {
        result = await this.limiter.run(async () => {
          const r = await this.once(target, attempt);
          answer = answerOf(r);
          if (answer) this.observe(answer, Date.now());
          return r;
        });
      } catch (err) {
        if (err instanceof NetworkError && err.transient && n < retries) {
          this.stats.retries++;
          this.debug(`${this.options.name}: ${err.message}; retry ${n + 1}`);
          await sleep(backoffMs(n, retryBaseMs, 3e4), this.options.signal);
          continue;
        }
        throw err;
      }
      if (!answer) return result;
      const now = Date.now();
      if (!retryStatuses.has(answer.status) || n >= retries) return result;
      const asked = serverWaitMs(answer.headers, now, answer.status === 429);
      const wait = asked ?? backoffMs(n, answer.status === 429 ? 2 * retryBaseMs : retryBaseMs, answer.status === 429 ? 6e4 : 3e4);
      if (wait > maxWaitMs) return result;
      await discard?.(result);
      this.stats.retries++;
      if (answer.status === 429) {
        this.stats.rateLimitWaits++;
        this.debug(`${this.options.name}: 429 on ${target}, waiting ${Math.ceil(wait / 1e3)} s`);
        if (asked !== void 0) {
          this.stats.rateLimitWaitMs += this.limiter.pause(now + wait, now);
          continue;
        }
        this.stats.rateLimitWaitMs += wait;
      }
      await sleep(wait, this.options.signal);
    }
  }
  /** One attempt with its own timeout, counted; network failures become NetworkError. */
  async once(target, attempt) {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    if (this.options.signal?.aborted) throw abortReason(this.options.signal);
    if (this.options.countAttempts !== false) this.stats.requests++;
    try {
      return await untilAborted(attempt(signal), signal);
    } catch (err) {
      if (this.options.signal?.aborted) throw abortReason(this.options.signal);
      if (timeout.aborted) throw new NetworkError("timeout", target, `after ${Math.round(this.options.timeoutMs / 1e3)} s`);
      const failure = networkFailureOf(err);
      if (failure) throw new NetworkError(failure.failure, target, failure.detail);
      throw err;
    }
  }
  /** Rate-limit headers of an answer that did not pass through `schedule`/`fetch`. */
  observe(answer, now = Date.now()) {
    const remaining = remainingOf(answer.headers);
    if (remaining === void 0) return;
    this.stats.rateLimitRemaining = this.stats.rateLimitRemaining < 0 ? remaining : Math.min(this.stats.rateLimitRemaining, remaining);
    if (remaining > 0 || answer.status === 429 || this.options.pace === false) return;
    const wait = serverWaitMs(answer.headers, now);
    if (wait !== void 0 && wait > 0 && wait <= this.options.maxWaitMs) {
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
  fetch = async (input, init = {}) => {
    const request = input instanceof Request ? input : void 0;
    let url = new URL(request ? request.url : String(input));
    const headers = new Headers(init.headers ?? request?.headers);
    const credential = carriesCredential(headers);
    let method = (init.method ?? request?.method ?? "GET").toUpperCase();
    let body = init.body ?? (request ? await request.arrayBuffer() : void 0);
    if (credential) this.origins.assert(url, "request");
    for (let hop = 0; ; hop++) {
      const sendInit = { ...init, method, headers, body, redirect: "manual" };
      const res = await this.schedule(
        url.host,
        (signal) => fetch(url, { ...sendInit, signal: init.signal ? AbortSignal.any([init.signal, signal]) : signal }),
        (r) => ({ status: r.status, headers: headerLookup(r.headers) }),
        (r) => r.body?.cancel()
      );
      const location = isRedirect(res.status) ? res.headers.get("location") : null;
      if (location === null) {
        this.checkNextPage(url, res);
        return res;
      }
      await res.body?.cancel();
      const next = new URL(location, url);
      if (credential && !this.origins.allows(next)) throw new OffOriginError(safeOrigin(next), "redirect");
      if (hop >= MAX_REDIRECTS) throw new OffOriginError(safeOrigin(next), "redirect");
      if (res.status === 303 || (res.status === 301 || res.status === 302) && method === "POST") {
        method = "GET";
        body = void 0;
        headers.delete("content-type");
      }
      url = next;
    }
  };
  checkNextPage(url, res) {
    if (!res.ok) return;
    let link = res.headers.get("link");
    const page = res.headers.get("x-next-page");
    if (!nextLink(link) && page && /^\d+$/.test(page)) {
      const next = new URL(url);
      next.searchParams.set("page", page);
      link = `<${next.toString()}>; rel="next"`;
    }
    this.links.observe(url, link);
  }
};
function isRedirect(status) {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
function untilAborted(promise, signal) {
  promise.catch(() => void 0);
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    );
  });
}

// src/providers/http/failure.ts
function gapFromStatus(status, message, options = {}) {
  const reason = reasonForStatus(status);
  const gap = { reason, message };
  if (reason === "forbidden" || reason === "not-found") gap.outcome = options.explicit ? "error" : "skip";
  return gap;
}
function reasonForStatus(status) {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 408 || status === 504) return "timeout";
  if (status === 429) return "rate-limited";
  return "error";
}
function gapFromError(err, what) {
  const network = findCause(err, NetworkError);
  if (network) return { reason: network.failure === "timeout" ? "timeout" : "unreachable", message: `${what}: ${network.message}` };
  const offOrigin = findCause(err, OffOriginError) ?? findCause(err, PagingError);
  if (offOrigin) return { reason: "malformed", message: `${what}: ${offOrigin.message}` };
  const raw = networkFailureOf(err);
  if (raw) return { reason: raw.failure === "timeout" ? "timeout" : "unreachable", message: `${what}: network failure (${raw.detail})` };
  const msg = errorMessage(err);
  if (err && typeof err === "object" && "name" in err && err.name === "ZodError") {
    return { reason: "malformed", message: `${what}: response failed validation` };
  }
  if (/timeout|timed out|ETIMEDOUT|AbortError/i.test(msg)) return { reason: "timeout", message: `${what}: timed out` };
  if (/Unexpected end of JSON|JSON/i.test(msg)) return { reason: "malformed", message: `${what}: malformed response` };
  return { reason: "error", message: `${what}: ${msg.split("\n")[0]}` };
}
function isConnectionFailure(err) {
  return findCause(err, NetworkError) !== void 0 || networkFailureOf(err) !== void 0;
}

// src/providers/http/window-budget.ts
var WindowBudget = class {
  constructor(limit, windowMs = 6e4, now = Date.now, wait = sleep) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.wait = wait;
  }
  limit;
  windowMs;
  now;
  wait;
  starts = /* @__PURE__ */ new Map();
  /** Total time requests were held. */
  waitedMs = 0;
  /** Waits until a request under `key` may start; returns how long it waited. */
  async take(key, signal) {
    const now = this.now();
    let starts = this.starts.get(key);
    if (!starts) this.starts.set(key, starts = []);
    let expired = 0;
    while (expired < starts.length && starts[expired] <= now - this.windowMs) expired++;
    if (expired > 0) starts.splice(0, expired);
    const at = starts.length < this.limit ? now : Math.max(now, starts[starts.length - this.limit] + this.windowMs);
    starts.push(at);
    if (at <= now) return 0;
    this.waitedMs += at - now;
    await this.wait(at - now, signal);
    return at - now;
  }
};

export {
  headerLookup,
  NetworkError,
  OffOriginError,
  PagingError,
  findCause,
  Limiter,
  mapLimit,
  CredentialOrigins,
  DEFAULT_MAX_PAGES,
  PageGuard,
  nextLink,
  HttpCore,
  gapFromStatus,
  gapFromError,
  isConnectionFailure,
  httpSettings,
  WindowBudget
};
