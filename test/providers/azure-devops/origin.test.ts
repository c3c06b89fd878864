import { afterEach, describe, expect, it } from 'vitest';
import { acmeScenario } from '../../fakes/azure-devops/scenario.js';
import { startFakeAzureDevOps, type FakeAzureDevOps } from '../../fakes/azure-devops/server.js';
import { collect, PAT } from './helpers.js';
import { bystanders } from '../../helpers/bystander.js';

let fake: FakeAzureDevOps | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const bystander = bystanders();

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
