import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { acmeScenario } from '../../fakes/azure-devops/scenario.js';
import { startFakeAzureDevOps, type FakeAzureDevOps } from '../../fakes/azure-devops/server.js';
import { collect, PAT } from './helpers.js';

let fake: FakeAzureDevOps | undefined;
const bystanders: Server[] = [];
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  for (const s of bystanders.splice(0)) await new Promise((r) => s.close(r));
});

/** Another origin that must never be asked with or without the PAT; records what reaches it. */
async function bystander(host: string): Promise<{ origin: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.method} ${req.url} authorization=${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"count":0,"value":[]}');
  });
  bystanders.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  return { origin: `http://${host}:${(server.address() as AddressInfo).port}`, received };
}

describe('azure-devops: the PAT stays on the organization origin', () => {
  it.each(['127.0.0.1', '127.0.0.2'])('discovery (locationUrl) pointing to %s on another port is a gap, not an unauthenticated answer', async (host) => {
    const other = await bystander(host);
    fake = await startFakeAzureDevOps(acmeScenario({ projects: 1, reposPerProject: 2 }), { token: PAT, resourceAreas: 'listed', areaLocationUrl: `${other.origin}/acme/` });
    const result = await collect(fake.orgUrl);
    expect(other.received).toEqual([]);
    expect(result.resources.some((r) => r.kind === 'repository')).toBe(false);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(/projects: request to http:\/\/127\.0\.0\.\d:\d+ is outside the credential's origin/);
    expect(JSON.stringify(result)).not.toContain(PAT);
  });
});
