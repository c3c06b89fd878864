import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * The one base every loopback platform imitation is built on: a server on 127.0.0.1 (http, or
 * https with a given certificate for clients that refuse tokens over http) that
 * records each request, answers through the platform's handler, injects latency and faults,
 * and is strict: a request the handler does not know is recorded with its method and path,
 * answered 500, and fails the test when the fake is closed (or `assertExpected()` is called).
 */

export interface FakeRequest {
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Path and query as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Arrival time (ms epoch). */
  readonly at: number;
  /** The status answered, once the answer is written (none for a reset or a hang). */
  status?: number;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded when not a string/Buffer. */
  body?: unknown;
}

/**
 * What a platform answers: a reply, `undefined` for a request it does not know (strict
 * failure), or `'sent'` when it wrote to the response itself (streams, 304s).
 */
export type FakeHandler = (req: FakeRequest, res: ServerResponse) => FakeReply | 'sent' | undefined | Promise<FakeReply | 'sent' | undefined>;

export type FaultKind =
  /** Answer with this status (and headers/body) instead of the platform; a function body is made from the request (e.g. a link to itself). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Destroy the connection without an answer. */
  | { kind: 'reset' }
  /** Never answer (until the client gives up or the fake closes). */
  | { kind: 'hang' }
  /** Answer normally, this much later. */
  | { kind: 'delay'; ms: number };

export interface Fault {
  method?: string;
  /** Matches the path (not the query). */
  path?: string | RegExp;
  /** Any further condition on the request (its host, its credential). */
  where?: (req: FakeRequest) => boolean;
  /** How many matching requests get the fault (default: all). */
  times?: number;
  fault: FaultKind;
}

export interface LoopbackOptions {
  /** Names the platform in failure messages. */
  name: string;
  latencyMs?: number;
  /** Body of the 500 answer to an unknown request, in the platform's error shape. */
  unknownBody?: (req: FakeRequest) => unknown;
  /** How failure messages name a request (default `METHOD path?query`; a fake serving several hosts adds the host). */
  label?: (req: FakeRequest) => string;
  /** Serve https with this key and certificate (PEM) instead of http. */
  tls?: { key: string; cert: string };
}

export class LoopbackFake {
  readonly requests: FakeRequest[] = [];
  /** `METHOD path?query` of every request the handler did not know. */
  readonly unexpected: string[] = [];
  latencyMs: number;
  private readonly faults: { fault: Fault; left: number }[] = [];
  private server?: Server | TlsServer;
  private inFlight = 0;
  /** Most requests held at the same time. */
  maxInFlight = 0;

  constructor(
    private readonly options: LoopbackOptions,
    private readonly handler: FakeHandler,
  ) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  get port(): number {
    if (!this.server) throw new Error(`${this.options.name} fake: not started`);
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const listener = (req: IncomingMessage, res: ServerResponse) => this.receive(req, res);
    const { tls } = this.options;
    this.server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Adds a fault for the matching requests (latency, status, reset, hang). */
  inject(fault: Fault): this {
    this.faults.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  /** Recorded requests, optionally those whose path matches. */
  seen(path?: string | RegExp, method?: string): FakeRequest[] {
    return this.requests.filter((r) => (!method || r.method === method) && (!path || matches(path, r.path)));
  }

  /** Throws naming every unexpected request (method and path). */
  assertExpected(): void {
    if (this.unexpected.length > 0) {
      throw new Error(`${this.options.name} fake: unexpected request${this.unexpected.length > 1 ? 's' : ''}: ${this.unexpected.join(', ')}`);
    }
  }

  /** Returns and forgets the unexpected requests (for tests that provoke them on purpose). */
  takeUnexpected(): string[] {
    return this.unexpected.splice(0);
  }

  /** Closes the server; strict: throws when any request was unexpected. */
  async close(): Promise<void> {
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      this.server = undefined;
    }
    this.assertExpected();
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = req.url ?? '/';
      const parsed = new URL(raw, 'http://127.0.0.1');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: parsed.pathname,
        query: parsed.searchParams,
        url: raw,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      this.requests.push(request);
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => {
        this.inFlight -= 1;
      });
      void this.answer(request, res);
    });
  }

  private async answer(req: FakeRequest, res: ServerResponse): Promise<void> {
    await this.reply(req, res);
    if (res.headersSent) req.status = res.statusCode;
  }

  private async reply(req: FakeRequest, res: ServerResponse): Promise<void> {
    const fault = this.takeFault(req);
    const delay = this.latencyMs + (fault?.kind === 'delay' ? fault.ms : 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (fault?.kind === 'reset') return void res.socket?.destroy();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'status') return send(res, { status: fault.status, headers: fault.headers, body: typeof fault.body === 'function' ? (fault.body as (r: FakeRequest) => unknown)(req) : fault.body });
    try {
      const reply = await this.handler(req, res);
      if (reply === 'sent') return;
      if (reply === undefined) {
        this.unexpected.push(this.label(req));
        return send(res, { status: 500, body: this.options.unknownBody?.(req) ?? { message: `${this.options.name} fake: unexpected request ${req.method} ${req.path}` } });
      }
      send(res, reply);
    } catch (err) {
      this.unexpected.push(`${this.label(req)} (handler threw: ${String(err)})`);
      if (!res.headersSent) send(res, { status: 500, body: { message: 'fake crashed' } });
    }
  }

  private label(req: FakeRequest): string {
    return this.options.label?.(req) ?? `${req.method} ${req.url}`;
  }

  private takeFault(req: FakeRequest): FaultKind | undefined {
    const found = this.faults.find(({ fault, left }) => left > 0 && (!fault.method || fault.method === req.method) && (!fault.path || matches(fault.path, req.path)) && (!fault.where || fault.where(req)));
    if (!found) return undefined;
    found.left -= 1;
    return found.fault.fault;
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function send(res: ServerResponse, reply: FakeReply): void {
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
  const json = reply.body !== undefined && typeof reply.body !== 'string' && !Buffer.isBuffer(reply.body);
  res.writeHead(reply.status, { ...(json ? { 'content-type': 'application/json' } : {}), ...reply.headers });
  res.end(text);
}
