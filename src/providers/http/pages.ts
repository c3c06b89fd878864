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
 * Page chains of a client library that follows Link itself (gitbeaker): the next URL a
 * response names is checked before the library can request it, and a chain is keyed by the
 * URL it expects next.
 */
export class LinkChains {
  private readonly chains = new Map<string, PageGuard>();

  constructor(
    private readonly maxPages: number,
    private readonly origins: CredentialOrigins,
  ) {}

  /** Call with each answered request's URL and its Link header; throws when the next page must not be followed. */
  observe(url: string, link: string | undefined | null): void {
    const guard = this.chains.get(url) ?? new PageGuard(this.maxPages, this.origins, url);
    this.chains.delete(url);
    const next = nextLink(link);
    if (next === undefined) return;
    const absolute = new URL(next, url).toString();
    guard.next(absolute);
    this.chains.set(absolute, guard);
  }
}
