import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Gap, Resource } from '../../model/index.js';
import type { Env } from '../contract.js';
import { gapFor, isRegionDisabledError, RegionDisabled, type CallSite } from './errors.js';
import { DEFAULT_MAX_PAGES, gapFromError, PageGuard } from '../http/index.js';
import { configuredEndpoint, type AwsService, type Transport } from './transport.js';

/** What every collector needs for one account: who, through what, when. */
export interface AccountScope {
  readonly account: string;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly transport: Transport;
  readonly env: Env;
  readonly now: Date;
  readonly signal?: AbortSignal;
  /** The region global services (IAM, STS) are signed for. */
  readonly homeRegion: string;
  readonly tuning: Tuning;
}

export interface RegionScope extends AccountScope {
  readonly region: string;
}

export interface Tuning {
  /** Wait between credential report polls. */
  readonly reportPollMs: number;
  /** Give up waiting for the credential report after this long. */
  readonly reportWaitMs: number;
  /** Page cap per list call (`SECPOL_HTTP_MAX_PAGES`). */
  readonly maxPages: number;
}

export const defaultTuning: Tuning = { reportPollMs: 1500, reportWaitMs: 60_000, maxPages: DEFAULT_MAX_PAGES };

/** Common client options: region, credentials, our request handler, the configured endpoint. */
export function clientConfig(scope: AccountScope, service: AwsService, region: string) {
  const endpoint = configuredEndpoint(scope.env, service);
  return {
    region,
    credentials: scope.credentials,
    requestHandler: scope.transport.handler(service),
    ...(endpoint ? { endpoint } : {}),
  };
}

export const PROVIDER = 'aws';

export function accountId(account: string): string {
  return `aws:${account}`;
}

export function regionalId(scope: RegionScope, path: string): string {
  return `aws:${scope.account}/${scope.region}/${path}`;
}

export function globalId(scope: AccountScope, path: string): string {
  return `aws:${scope.account}/${path}`;
}

export type Call<T> = { ok: true; value: T } | { ok: false; gap: Gap };

/** One SDK call -> value or gap; a disabled opt-in region is thrown so the region is skipped once. */
export async function call<T>(site: CallSite, run: () => Promise<T>): Promise<Call<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (site.region !== 'global' && isRegionDisabledError(err)) throw new RegionDisabled(site.region);
    return { ok: false, gap: gapFor(err, site) };
  }
}

export interface Listed<T> {
  items: T[];
  /** Set when a page could not be read: the items before it are kept, the rest are unknown. */
  gap?: Gap;
}

/**
 * Drains an SDK paginator. A failing page ends the list with a gap; the shared page guard
 * refuses a repeated continuation token or a list longer than the page cap.
 */
export async function listAll<P, T>(site: CallSite, pages: AsyncIterable<P>, itemsOf: (page: P) => T[] | undefined, maxPages: number): Promise<Listed<T>> {
  const items: T[] = [];
  const guard = new PageGuard(maxPages);
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    const next = await call(site, () => iterator.next());
    if (!next.ok) return { items, gap: next.gap };
    if (next.value.done) return { items };
    items.push(...(itemsOf(next.value.value) ?? []));
    const token = continuationOf(next.value.value);
    if (token === undefined) continue;
    try {
      guard.next(token, { url: false });
    } catch (err) {
      return { items, gap: gapFromError(err, `${site.action} in ${site.region}`) };
    }
  }
}

/** The continuation token of a page, whichever name the service gives it. */
function continuationOf(page: unknown): string | undefined {
  const p = page as { NextToken?: string; nextToken?: string; Marker?: string; IsTruncated?: boolean };
  return p.NextToken || p.nextToken || (p.IsTruncated !== false ? p.Marker : undefined) || undefined;
}

/** The resource that stands for a list that could not be read (fully): its gap is on every fact. */
export function unreadable<R extends Resource>(resource: R, gap: Gap): R {
  return { ...resource, gaps: { '*': gap } };
}
