/**
 * The HTTP layer every provider's API traffic goes through (GitHub, GitLab, Azure DevOps,
 * and the cloud providers). One `HttpCore` per run owns:
 *  - credential origins: `CredentialOrigins` decides, in one place, that a credential goes
 *    only to the exact origin (scheme, host, port) it was configured for or to the
 *    provider's documented API hosts (https, default port). Off-origin requests, redirects
 *    and pagination links are refused (OffOriginError -> a `malformed` gap), never sent;
 *  - one concurrency limiter (p-limit) with a rate-limit gate, bounded retries with jittered
 *    back-off (`SECPOL_HTTP_RETRY_BASE_MS`), Retry-After / RateLimit-* / X-RateLimit-* headers;
 *  - a timeout per attempt (`SECPOL_HTTP_TIMEOUT_MS`), cancellation by the run's AbortSignal;
 *  - page caps (`SECPOL_HTTP_MAX_PAGES`) and loop detection for Link / X-Next-Page lists
 *    (`PageGuard` for lists a provider pages itself, e.g. by continuation token);
 *  - request counters (`core.stats`) for the report's `stats`;
 *  - failure classification (failure.ts): HTTP status or thrown error -> Gap, with network
 *    failures named (`unreachable`: DNS, refused, TLS; `timeout`) within seconds.
 *
 * How a client library plugs in:
 *  - fetch-based (Octokit `request.fetch`, a gitbeaker `requesterFn`, any SDK that takes a
 *    fetch): pass `core.fetch`.
 *  - anything else (azure-devops-node-api / typed-rest-client, an AWS SDK `requestHandler`,
 *    an @azure/core-rest-pipeline policy): wrap each call in
 *    `core.schedule(host, (signal) => send(signal), (res) => ({ status, headers: headerLookup(res.headers) }))`
 *    and check every URL before credentials are attached with `core.origins.assert(url)`
 *    (throws OffOriginError). E.g. a pipeline policy:
 *      { name: 'secpol-http', sendRequest: (req, next) => { origins.assert(req.url);
 *        return core.schedule(new URL(req.url).host, () => next(req), (r) => ({ status: r.status, headers: (n) => r.headers.get(n) })); } }
 *  - turn failures into gaps with `gapFromStatus` / `gapFromError` (never build messages
 *    from request options: they hold credentials).
 */
export { backoffMs, headerLookup, remainingOf, serverWaitMs, sleep, type HeaderLookup } from './backoff.js';
export { HttpCore, type Answer, type FetchLike, type HttpCoreOptions, type HttpStats } from './core.js';
export { findCause, NetworkError, networkFailureOf, OffOriginError, PagingError, type NetworkFailure } from './errors.js';
export { gapFromError, gapFromStatus, isConnectionFailure, reasonForStatus } from './failure.js';
export type { Fetched } from './fetched.js';
export { Limiter, mapLimit } from './limiter.js';
export { carriesCredential, CredentialOrigins, originOf, safeOrigin } from './origin.js';
export { DEFAULT_MAX_PAGES, LinkChains, nextLink, PageGuard } from './pages.js';
export { httpSettings, type HttpEnvSettings } from './settings.js';
export { WindowBudget } from './window-budget.js';
