import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeScenario } from '../fakes/azure-devops/scenario.js';
import { startFakeAzureDevOps, type FakeAzureDevOps } from '../fakes/azure-devops/server.js';
import { secpolAsync, tempDir } from '../helpers/cli.js';
import { expectMergeEqualsWhole, expectPartition, scanWholeAndShards, type ShardedScans } from '../helpers/shards.js';
import { PAT } from '../providers/azure-devops/helpers.js';

/**
 * `check --ado-org --shard i/n` then `merge`, through the CLI against the Azure DevOps
 * imitation: two projects of six repositories (the first with variable groups, service
 * connections, environments and a classic pipeline) split in three shards.
 */
const SHARDS = 3;

let fake: FakeAzureDevOps;
let dir: string;
let scans: ShardedScans;

interface Report {
  results: { resource: { id: string; kind: string } }[];
}

beforeAll(async () => {
  fake = await startFakeAzureDevOps(acmeScenario({ projects: 2, reposPerProject: 6 }), { token: PAT });
  dir = tempDir('secpol-e2e-ado-shards-');
  const env = { AZURE_DEVOPS_TOKEN: PAT, SECPOL_NOW: '2026-11-26T12:00:00Z', SECPOL_CACHE_DIR: join(dir, 'cache') };
  const scan = (extra: string[]) => secpolAsync(['check', '--ado-org', fake.orgUrl, ...extra], { cwd: dir, env });
  scans = await scanWholeAndShards(scan, SHARDS, () => fake.requests.length);
}, 180_000);

afterAll(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('check --ado-org --shard i/n and merge', () => {
  it('splits the repositories between the shards, with the organization and project-level resources in shard 1', () => {
    expect(scans.whole.status, scans.whole.stderr).toBe(1);
    expect(fake.unexpected).toEqual([]);
    const results = (JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8')) as Report).results;
    const orgLevel = [...new Set(results.filter((r) => ['organization', 'secret', 'token', 'environment'].includes(r.resource.kind)).map((r) => r.resource.id))];
    expect(orgLevel).toContain('azure-devops:acme');
    expect(orgLevel.some((id) => id.startsWith('azure-devops:acme/web/'))).toBe(true);
    expectPartition(dir, scans, orgLevel);
  });

  it('merges into the unsharded report, byte for byte once timestamps and request counters are set aside', () => {
    expectMergeEqualsWhole(dir, scans);
  });
});
