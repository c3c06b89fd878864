import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CredentialOrigins,
  gapFromError,
  HttpCore,
  httpSettings,
  mapLimit,
  NetworkError,
  nextLink,
  OffOriginError,
  PagingError,
  type HttpCoreOptions,
} from '../../../src/providers/http/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;
interface Loopback {
  origin: string;
  seen: { path: string; authorization?: string; privateToken?: string }[];
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: Handler, host = '127.0.0.1'): Promise<Loopback> {
  const box: Loopback = { origin: '', seen: [] };
  const server = createServer((req, res) => {
    box.seen.push({ path: req.url ?? '', authorization: req.headers.authorization, privateToken: req.headers['private-token'] as string | undefined });
    handler(req, res, box.origin);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  box.origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return box;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function core(origin: string, extra: Partial<HttpCoreOptions> = {}): HttpCore {
  return new HttpCore({
    ...httpSettings({ SECPOL_HTTP_RETRY_BASE_MS: '5' }),
    name: 'test',
    origins: new CredentialOrigins(origin),
    concurrency: 4,
    retries: 3,
    retryStatuses: new Set([429, 502, 503]),
    maxWaitMs: 5_000,
    ...extra,
  });
}

const TOKEN = ['tok', 'en', '-', 'x'.repeat(24)].join('');

describe('credential origins', () => {
  it('compares scheme, host and port; documented hosts only on https and the default port', () => {
    const origins = new CredentialOrigins('http://127.0.0.1:8080/api/v4', [/(^|\.)dev\.azure\.com$/]);
    expect(origins.allows('http://127.0.0.1:8080/x')).toBe(true);
    expect(origins.allows('http://127.0.0.1:8081/x')).toBe(false);
    expect(origins.allows('https://127.0.0.1:8080/x')).toBe(false);
    expect(origins.allows('http://127.0.0.2:8080/x')).toBe(false);
    expect(origins.allows('http://user:pw@127.0.0.1:8080/x')).toBe(false);
    expect(origins.allows('https://vssps.dev.azure.com/x')).toBe(true);
    expect(origins.allows('https://vssps.dev.azure.com:444/x')).toBe(false);
    expect(origins.allows('http://vssps.dev.azure.com/x')).toBe(false);
    expect(origins.allows('https://dev.azure.com.evil.example/x')).toBe(false);
  });

  it('parses Link rel="next" among other relations', () => {
    expect(nextLink('<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel="next"')).toBe('https://a/x?page=3');
    expect(nextLink('<https://a/x?page=1>; rel="last"')).toBeUndefined();
  });
});

describe('HttpCore.fetch', () => {
  it('refuses a credential-bearing request to another port of the same host, sending nothing', async () => {
    const api = await serve((_q, res) => json(res, 200, {}));
    const other = await serve((_q, res) => json(res, 200, {}));
    const http = core(api.origin);
    await expect(http.fetch(`${other.origin}/x`, { headers: { authorization: `token ${TOKEN}` } })).rejects.toBeInstanceOf(OffOriginError);
    expect(other.seen).toHaveLength(0);
  });

  it('follows a redirect within the origin but never one off it with PRIVATE-TOKEN', async () => {
    const other = await serve((_q, res) => json(res, 200, { stolen: true }));
    const api = await serve((req, res, origin) => {
      if (req.url === '/same') return res.writeHead(302, { location: `${origin}/final` }).end();
      if (req.url === '/away') return res.writeHead(302, { location: `${other.origin}/steal` }).end();
      json(res, 200, { ok: true });
    });
    const http = core(api.origin);
    const headers = { 'private-token': TOKEN };
    const res = await http.fetch(`${api.origin}/same`, { headers });
    expect(await res.json()).toEqual({ ok: true });
    const err = await http.fetch(`${api.origin}/away`, { headers }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OffOriginError);
    expect(gapFromError(err, 'projects').reason).toBe('malformed');
    expect(other.seen).toHaveLength(0);
  });

  it('refuses a Link rel="next" to another origin before the client can follow it', async () => {
    const api = await serve((_q, res) => json(res, 200, [1], { link: '<http://127.0.0.2:9/steal?page=2>; rel="next"' }));
    const err = await core(api.origin).fetch(`${api.origin}/list`, { headers: { authorization: `token ${TOKEN}` } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OffOriginError);
    expect(String(err)).not.toContain('steal');
  });

  it('stops on a repeated next page and on the page cap', async () => {
    const api = await serve((req, res, origin) => {
      const page = Number(new URL(req.url!, origin).searchParams.get('page') ?? '1');
      if (req.url!.startsWith('/loop')) return json(res, 200, [page], { link: `<${origin}/loop?page=2>; rel="next"` });
      json(res, 200, [page], { 'x-next-page': String(page + 1) });
    });
    const http = core(api.origin, { maxPages: 3 });
    await http.fetch(`${api.origin}/loop?page=1`);
    await expect(http.fetch(`${api.origin}/loop?page=2`)).rejects.toBeInstanceOf(PagingError);
    await http.fetch(`${api.origin}/endless?page=1`);
    await http.fetch(`${api.origin}/endless?page=2`);
    const err = await http.fetch(`${api.origin}/endless?page=3`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PagingError);
    expect(String(err)).toMatch(/more than 3 pages/);
  });

  it('retries 5xx with back-off and waits out Retry-After, counting every attempt', async () => {
    let calls = 0;
    const api = await serve((_q, res) => {
      calls++;
      if (calls === 1) return json(res, 503, {});
      if (calls === 2) return json(res, 429, {}, { 'retry-after': '0' });
      json(res, 200, { ok: true });
    });
    const http = core(api.origin);
    const res = await http.fetch(`${api.origin}/x`);
    expect(res.status).toBe(200);
    expect(http.stats).toMatchObject({ requests: 3, retries: 2, rateLimitWaits: 1 });
  });

  it('gives up on a Retry-After longer than the longest wait, leaving the 429 to become a rate-limited gap', async () => {
    const api = await serve((_q, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const http = core(api.origin);
    expect((await http.fetch(`${api.origin}/x`)).status).toBe(429);
    expect(http.stats.requests).toBe(1);
  });

  it('holds at most `concurrency` requests in flight', async () => {
    let active = 0;
    let peak = 0;
    const api = await serve((_q, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        json(res, 200, {});
      }, 20);
    });
    const http = core(api.origin, { concurrency: 3 });
    await mapLimit(Array.from({ length: 12 }, (_, i) => i), 12, async (i) => (await http.fetch(`${api.origin}/${i}`)).text());
    expect(peak).toBe(3);
  });
});

describe('network failures say what happened, at once', () => {
  it('names a refused connection without retrying it', async () => {
    const api = await serve((_q, res) => json(res, 200, {}));
    const port = new URL(api.origin).port;
    servers.splice(0).forEach((s) => s.close());
    const http = core(`http://127.0.0.1:${port}`);
    const err = await http.fetch(`http://127.0.0.1:${port}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).failure).toBe('refused');
    expect(http.stats.requests).toBe(1);
    expect(gapFromError(err, 'repositories')).toMatchObject({ reason: 'unreachable', message: expect.stringMatching(/refused/) });
  });

  it('names a DNS failure for a .invalid host', async () => {
    const http = core('http://secpol-test.invalid');
    const err = await http.fetch('http://secpol-test.invalid/x').catch((e: unknown) => e);
    expect((err as NetworkError).failure).toBe('dns');
    expect(gapFromError(err, 'x').message).toMatch(/cannot resolve secpol-test\.invalid/);
  });

  it('times out a silent server per attempt', async () => {
    const api = await serve(() => undefined);
    const http = core(api.origin, { timeoutMs: 100 });
    const err = await http.fetch(`${api.origin}/x`).catch((e: unknown) => e);
    expect((err as NetworkError).failure).toBe('timeout');
    expect(gapFromError(err, 'x').reason).toBe('timeout');
  });

  it('stops waiting when the run is cancelled', async () => {
    const api = await serve(() => undefined);
    const controller = new AbortController();
    const http = core(api.origin, { signal: controller.signal });
    const pending = http.fetch(`${api.origin}/x`);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow();
    expect(http.stats.requests).toBe(1);
  });
});
