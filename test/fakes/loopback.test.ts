import { get } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCertificate } from './azure/tls.js';
import { LoopbackFake } from './loopback.js';

const fakes: LoopbackFake[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.close().catch(() => undefined);
});

async function fake(): Promise<LoopbackFake> {
  const f = await new LoopbackFake({ name: 'test' }, (req) => (req.path === '/ok' ? { status: 200, body: { ok: true, q: req.query.get('q') } } : undefined)).start();
  fakes.push(f);
  return f;
}

describe('the loopback fake base', () => {
  it('answers through the handler and records each request', async () => {
    const f = await fake();
    const res = await fetch(`${f.url}/ok?q=1`, { headers: { 'x-probe': 'yes' } });
    expect(await res.json()).toEqual({ ok: true, q: '1' });
    expect(f.seen('/ok')).toHaveLength(1);
    expect(f.requests[0]).toMatchObject({ method: 'GET', path: '/ok', url: '/ok?q=1' });
    expect(f.requests[0]?.headers['x-probe']).toBe('yes');
  });

  it('is strict: an unknown request is answered 500 and fails close() naming method and path', async () => {
    const f = await fake();
    const res = await fetch(`${f.url}/nope?x=1`, { method: 'DELETE' });
    expect(res.status).toBe(500);
    await expect(f.close()).rejects.toThrow('test fake: unexpected request: DELETE /nope?x=1');
  });

  it('injects status faults a number of times, then answers normally', async () => {
    const f = await fake();
    f.inject({ path: '/ok', times: 1, fault: { kind: 'status', status: 503, headers: { 'retry-after': '1' } } });
    const first = await fetch(`${f.url}/ok`);
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '1']);
    expect((await fetch(`${f.url}/ok`)).status).toBe(200);
  });

  it('injects resets, hangs and latency', async () => {
    const f = await fake();
    f.inject({ path: /^\/ok$/, times: 1, fault: { kind: 'reset' } });
    await expect(fetch(`${f.url}/ok`)).rejects.toThrow();
    f.inject({ path: '/ok', times: 1, fault: { kind: 'hang' } });
    await expect(fetch(`${f.url}/ok`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    f.latencyMs = 120;
    const started = Date.now();
    expect((await fetch(`${f.url}/ok`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('limits a fault by a predicate on the request and builds its body from the request', async () => {
    const f = await fake();
    f.inject({ path: '/ok', where: (req) => req.headers['x-tenant'] === 'b', fault: { kind: 'status', status: 403, body: (req: { url: string }) => ({ denied: req.url }) } });
    expect((await fetch(`${f.url}/ok`, { headers: { 'x-tenant': 'a' } })).status).toBe(200);
    const denied = await fetch(`${f.url}/ok?q=2`, { headers: { 'x-tenant': 'b' } });
    expect([denied.status, await denied.json()]).toEqual([403, { denied: '/ok?q=2' }]);
  });

  it('serves https with the given certificate and names requests with its label', async () => {
    const certificate = await makeCertificate();
    const f = await new LoopbackFake({ name: 'tls', tls: certificate, label: (req) => `${req.method} ${req.headers.host}${req.url}` }, () => undefined).start();
    const port = f.port;
    expect(f.url).toBe(`https://127.0.0.1:${port}`);
    const status = await new Promise<number>((resolve, reject) => {
      get(`${f.url}/x`, { ca: certificate.cert }, (res) => resolve(res.resume().statusCode ?? 0)).on('error', reject);
    });
    expect(status).toBe(500);
    await expect(f.close()).rejects.toThrow(`tls fake: unexpected request: GET 127.0.0.1:${port}/x`);
  });
});
