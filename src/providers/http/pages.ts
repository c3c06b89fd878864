import { PagingError } from './errors.js';
import type { CredentialOrigins } from './origin.js';

/** Pages of one list, default cap: generous (100,000 items at 100 a page); `SECPOL_HTTP_MAX_PAGES` changes it. */
export const DEFAULT_MAX_PAGES = 1000;

/**
 * Guards one paginated list: a next page must be on the credential's origin, must not
 * repeat a page already read, and the list must end within `maxPages`. Breaking a rule
 * throws (OffOriginError, PagingError): a list is read whole or not trusted at all.
 */
export class PageGuard {
  private readonly seen = new Set<string>();
  private pages = 1;

  constructor(
    private readonly maxPages: number,
    private readonly origins?: CredentialOrigins,
    first?: string,
  ) {
    if (first !== undefined) this.seen.add(first);
  }

  /** Checks the next page's URL or continuation token before it is requested. */
  next(key: string, options: { url?: boolean } = { url: true }): void {
    if (options.url !== false) this.origins?.assert(key, 'next-page');
    if (this.seen.has(key)) throw new PagingError('loop', this.maxPages);
    if (this.pages >= this.maxPages) throw new PagingError('cap', this.maxPages);
    this.seen.add(key);
    this.pages++;
  }
}

/** The `rel="next"` target of a Link header. */
export function nextLink(link: string | undefined | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^<>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/.test(m[2]!)) return m[1];
  }
  return undefined;
}

/**
 * Page chains of a client library that follows pagination itself: the next page a response
 * names is checked (origin, repeats, cap) before the library can request it. A chain is
 * keyed by the request the library will send next: the link's URL (`follows: 'url'`,
 * Octokit), or the same endpoint with the link's query (`follows: 'query'`, gitbeaker).
 */
export class LinkChains {
  private readonly chains = new Map<string, PageGuard>();

  constructor(
    private readonly maxPages: number,
    private readonly origins: CredentialOrigins,
    private readonly follows: 'url' | 'query' = 'url',
  ) {}

  /** Call with each answered request's URL and its Link header; throws when the next page must not be followed. */
  observe(url: URL, link: string | undefined | null): void {
    const key = pageKey(url);
    const guard = this.chains.get(key) ?? new PageGuard(this.maxPages, this.origins, key);
    this.chains.delete(key);
    const next = nextLink(link);
    if (next === undefined) return;
    const absolute = new URL(next, url);
    // In 'query' mode the link's origin is never contacted (GitLab names its external_url there).
    if (this.follows === 'url') this.origins.assert(absolute, 'next-page');
    const request = this.follows === 'url' ? absolute : new URL(`${url.origin}${url.pathname}${absolute.search}`);
    const nextKey = pageKey(request);
    guard.next(nextKey, { url: false });
    this.chains.set(nextKey, guard);
  }
}

/** A request's identity for loop detection: the same parameters in any order are the same page. */
function pageKey(url: URL): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return `${url.origin}${url.pathname}?${new URLSearchParams(params).toString()}`;
}
