import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface Bystander {
  origin: string;
  /** `METHOD path` plus the credential headers of every request that reached it. */
  received: string[];
}

/**
 * Another origin on loopback that must never be contacted by a provider (a hostile
 * pagination link, redirect or discovery answer points there). Closed after each test.
 */
export function bystanders(): (host: string) => Promise<Bystander> {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });
  return async (host) => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(`${req.method} ${req.url} authorization=${req.headers.authorization ?? ''} private-token=${String(req.headers['private-token'] ?? '')}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, host, r));
    return { origin: `http://${host}:${(server.address() as AddressInfo).port}`, received };
  };
}
