import { z } from 'zod';
import { CredentialOrigins, PageGuard } from '../http/index.js';
import type { TokenTransport } from './transport.js';

/**
 * A thin typed JSON client over one TokenTransport (ARM or Graph): GET with a pinned
 * api-version, `{value, nextLink}` / `@odata.nextLink` paging with a page cap and loop
 * detection, every body validated with zod.
 */

/** An HTTP answer other than 2xx, with the service's error code (never the request's headers). */
export class AzureHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    what: string,
  ) {
    super(`${what}: HTTP ${status}${code ? ` ${code}` : ''}`);
    this.name = 'AzureHttpError';
  }
}

/** The response body was not what the API documents. */
export class MalformedResponseError extends Error {
  constructor(what: string, why: string) {
    super(`${what}: ${why}`);
    this.name = 'MalformedResponseError';
  }
}

const ErrorBody = z.object({ error: z.object({ code: z.string().optional() }).optional() });

const Page = z.object({
  value: z.array(z.unknown()),
  nextLink: z.string().nullish(),
  '@odata.nextLink': z.string().nullish(),
});

export interface ListOptions {
  /** Most pages followed (default: the core's `SECPOL_HTTP_MAX_PAGES`). */
  maxPages?: number;
}

export class JsonApi {
  constructor(
    private readonly transport: TokenTransport,
    private readonly signal?: AbortSignal,
  ) {}

  get origin(): string {
    return this.transport.origin;
  }

  url(path: string, query: Record<string, string>): string {
    const url = new URL(path, this.transport.origin);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url.toString();
  }

  async get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>, what: string): Promise<T> {
    return this.parse(await this.fetchJson(this.url(path, query), what), schema, what);
  }

  async list<T>(path: string, query: Record<string, string>, item: z.ZodType<T>, what: string, options: ListOptions = {}): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = this.url(path, query);
    // A next page must stay on this API's origin, never repeat, and the list must end within the cap.
    const guard = new PageGuard(options.maxPages ?? this.transport.http.maxPages, new CredentialOrigins(this.transport.origin), next);
    while (next) {
      const page: z.infer<typeof Page> = this.parse(await this.fetchJson(next, what), Page, what);
      for (const element of page.value) out.push(this.parse(element, item, what));
      next = page.nextLink ?? page['@odata.nextLink'] ?? undefined;
      if (next) guard.next(next);
    }
    return out;
  }

  private async fetchJson(url: string, what: string): Promise<unknown> {
    const response = await this.transport.get(url, this.signal);
    let body: unknown;
    try {
      body = response.body === '' ? undefined : JSON.parse(response.body);
    } catch {
      if (response.status < 300) throw new MalformedResponseError(what, 'response is not JSON');
    }
    if (response.status < 200 || response.status >= 300) {
      const parsed = ErrorBody.safeParse(body);
      throw new AzureHttpError(response.status, parsed.success ? parsed.data.error?.code : undefined, what);
    }
    return body;
  }

  private parse<T>(data: unknown, schema: z.ZodType<T>, what: string): T {
    const result = schema.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new MalformedResponseError(what, `unexpected response (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`);
    }
    return result.data;
  }
}
