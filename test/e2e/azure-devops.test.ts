import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeScenario } from '../fakes/azure-devops/scenario.js';
import { startFakeAzureDevOps, type FakeAzureDevOps } from '../fakes/azure-devops/server.js';
import { expectOfflineReplay, expectRejectedToken } from '../helpers/remote-e2e.js';
import { secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';
import { PAT } from '../providers/azure-devops/helpers.js';

/**
 * `secpol check --ado-org` end to end: the bundled CLI in a child process against the Azure
 * DevOps imitation (test/fakes/azure-devops) in this process. The provider tests'
 * organization cut to one project (`web`) of five repositories: api and svc-001 carry an
 * enforced minimum-reviewers policy on main, svc-002 a disabled one, svc-003 non-blocking
 * ones, svc-004 one on another branch.
 */
const BAD_TOKEN = 'r3vokedpat'.repeat(5) + 'xy'; // 52 characters: sent as a PAT, like the real one

/** Values the scenario's pipeline variables and service hooks hold: none may reach any output. */
const PLANTED = ['hunter2-plaintext', 'do-not-leak'];
const SECRETS = [PAT, ...PLANTED];

interface Report {
  summary: Record<string, number>;
  results: { ruleId: string; status: string; message: string; resource: { id: string; provider: string } }[];
}

let fake: FakeAzureDevOps;
let dir: string;
let env: Record<string, string>;
let check: CliRun;
let pipelineEnv: CliRun;
let doctor: CliRun;
let rejected: CliRun;
let snapshot: CliRun;
let replay: CliRun;

const branchProtected = (run: CliRun): Record<string, string> =>
  Object.fromEntries(
    (JSON.parse(run.stdout) as Report).results.filter((r) => r.ruleId === 'branch.protected').map((r) => [r.resource.id, r.status]),
  );

beforeAll(async () => {
  fake = await startFakeAzureDevOps(acmeScenario({ projects: 1, reposPerProject: 5 }), { token: PAT });
  dir = tempDir('secpol-e2e-ado-');
  env = { SECPOL_CACHE_DIR: join(dir, 'cache'), SECPOL_NOW: '2026-11-26T12:00:00Z' };
  [check, pipelineEnv, doctor, rejected, snapshot] = await Promise.all([
    secpolAsync(['check', '--ado-org', fake.orgUrl, '--format', 'json'], { cwd: dir, env: { ...env, AZURE_DEVOPS_TOKEN: PAT } }),
    // Inside an Azure Pipelines job: the organization from SYSTEM_COLLECTIONURI, the job's token.
    secpolAsync(['check', '--ado-project', 'web', '--format', 'json'], { cwd: dir, env: { ...env, SYSTEM_COLLECTIONURI: `${fake.orgUrl}/`, SYSTEM_ACCESSTOKEN: PAT } }),
    secpolAsync(['doctor', 'azure-devops'], { cwd: dir, env: { ...env, SYSTEM_COLLECTIONURI: fake.orgUrl, AZURE_DEVOPS_EXT_PAT: PAT } }),
    secpolAsync(['check', '--ado-org', fake.orgUrl, '--format', 'json'], { cwd: dir, env: { ...env, AZURE_DEVOPS_TOKEN: BAD_TOKEN } }),
    secpolAsync(['snapshot', '--ado-org', fake.orgUrl, '-o', 'state.json'], { cwd: dir, env: { ...env, AZURE_DEVOPS_TOKEN: PAT } }),
  ]);
  // Offline, with no token: the snapshot alone.
  replay = await secpolAsync(['check', '--state', 'state.json', '--format', 'json'], { cwd: dir, env });
}, 120_000);


afterAll(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('secpol check --ado-org <url> against the Azure DevOps imitation', () => {
  it('exits 1 with no request the imitation does not know', () => {
    expect(check.status, check.stderr).toBe(1);
    expect(fake.unexpected).toEqual([]);
    const report = JSON.parse(check.stdout) as Report;
    expect(report.results.every((r) => r.resource.provider === 'azure-devops')).toBe(true);
  });

  it('passes branch.protected only where an enforced policy covers the default branch', () => {
    expect(branchProtected(check)).toEqual({
      'azure-devops:acme/web/api': 'pass',
      'azure-devops:acme/web/svc-001': 'pass',
      'azure-devops:acme/web/svc-002': 'fail', // the policy is disabled
      'azure-devops:acme/web/svc-003': 'fail', // not blocking
      'azure-devops:acme/web/svc-004': 'fail', // scoped to refs/heads/release
    });
  });

  it('never prints the token, pipeline variable values or hook credentials', () => {
    for (const text of [check.stdout, check.stderr, pipelineEnv.stdout, pipelineEnv.stderr]) {
      expect(text).not.toContain(PAT);
      for (const planted of PLANTED) expect(text, planted).not.toContain(planted);
    }
  });
});

describe('the Azure Pipelines conventions: SYSTEM_COLLECTIONURI and SYSTEM_ACCESSTOKEN', () => {
  it('scan the same project with the same verdicts', () => {
    expect(pipelineEnv.status, pipelineEnv.stderr).toBe(1);
    expect(branchProtected(pipelineEnv)).toEqual(branchProtected(check));
  });
});

describe('secpol doctor azure-devops', () => {
  it('names the organization and says a token is present, without printing it', () => {
    expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain(`azure-devops: API ${fake.orgUrl}`);
    expect(doctor.stdout).toContain('azure-devops: token present');
    expect(doctor.stdout + doctor.stderr).not.toContain(PAT);
  });
});

describe('secpol snapshot, then secpol check --state offline', () => {
  it('gives the same verdicts as the live scan, and the snapshot holds no credential', () => {
    expectOfflineReplay({ snapshot, replay, live: check }, join(dir, 'state.json'), SECRETS);
  });
});

describe('a token the platform rejects (401)', () => {
  it('exits 2 with one clear line on stderr that does not hold the token', () => {
    expectRejectedToken(rejected, /AZURE_DEVOPS_TOKEN.*401/, BAD_TOKEN);
    expect((JSON.parse(rejected.stdout) as Report).summary).toMatchObject({ pass: 0, fail: 0 });
  });
});
