import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, groupScenario } from '../fakes/gitlab/scenarios.js';
import { startFakeGitlab, type FakeGitlab } from '../fakes/gitlab/server.js';
import { expectOfflineReplay, expectRejectedToken } from '../helpers/remote-e2e.js';
import { secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';

/**
 * `secpol check --gitlab-group` end to end: the bundled CLI in a child process against the
 * GitLab v4 imitation (test/fakes/gitlab) in this process. The provider tests' group, cut to
 * six projects: acme/platform/api is protected, acme/web/site is not, acme/empty has no
 * default branch.
 */
const BAD_TOKEN = 'glpat-' + 'Rv0kedRv0kedRv0kedRv0k';

/** Values the scenario's CI/CD variables and hooks hold: none may reach any output. */
const PLANTED = ['group-secret-value-123', 'hunter2-super-secret', 'plain-api-key-value', 'staging-api-key-value', 'XXXXSECRETPATH', 'user:pass'];
const SECRETS = [TOKENS.admin, ...PLANTED];

interface Report {
  summary: Record<string, number>;
  results: { ruleId: string; status: string; message: string; resource: { id: string; provider: string } }[];
}

let fake: FakeGitlab;
let dir: string;
let env: Record<string, string>;
let check: CliRun;
let doctor: CliRun;
let rejected: CliRun;
let snapshot: CliRun;
let noToken: CliRun;
let replay: CliRun;

beforeAll(async () => {
  fake = await startFakeGitlab(groupScenario({ projects: 6 }));
  dir = tempDir('secpol-e2e-gl-');
  env = { SECPOL_CACHE_DIR: join(dir, 'cache'), SECPOL_NOW: '2026-11-26T12:00:00Z' };
  [check, doctor, rejected, snapshot, noToken] = await Promise.all([
    secpolAsync(['check', '--gitlab-group', 'acme', '--format', 'json'], { cwd: dir, env: { ...env, GITLAB_TOKEN: TOKENS.admin, GITLAB_URL: fake.url } }),
    secpolAsync(['doctor', 'gitlab'], { cwd: dir, env: { ...env, GITLAB_TOKEN: TOKENS.admin, GITLAB_URL: fake.url } }),
    // CI_SERVER_URL, the GitLab CI convention, names the instance as well.
    secpolAsync(['check', '--gitlab-group', 'acme', '--format', 'json'], { cwd: dir, env: { ...env, GITLAB_TOKEN: BAD_TOKEN, CI_SERVER_URL: fake.url } }),
    secpolAsync(['snapshot', '--gitlab-group', 'acme', '-o', 'state.json'], { cwd: dir, env: { ...env, GITLAB_TOKEN: TOKENS.admin, GITLAB_URL: fake.url } }),
    secpolAsync(['doctor', 'gitlab'], { cwd: dir, env: { ...env, GITLAB_URL: fake.url } }),
  ]);
  // Offline, with no token: the snapshot alone.
  replay = await secpolAsync(['check', '--state', 'state.json', '--format', 'json'], { cwd: dir, env });
}, 120_000);


afterAll(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('secpol check --gitlab-group acme against the GitLab imitation', () => {
  it('exits 1 with no request the imitation does not know', () => {
    expect(check.status, check.stderr).toBe(1);
    expect(fake.unexpected).toEqual([]);
    const report = JSON.parse(check.stdout) as Report;
    expect(report.results.every((r) => r.resource.provider === 'gitlab')).toBe(true);
    const repos = new Set(report.results.filter((r) => r.ruleId === 'branch.protected').map((r) => r.resource.id));
    expect(repos.size).toBe(6);
    // A project shared into the group from another namespace is not the group's.
    expect(repos.has('gitlab:other/shared')).toBe(false);
  });

  it('passes branch.protected for the protected project, fails it for the unprotected one, skips the empty one', () => {
    const report = JSON.parse(check.stdout) as Report;
    const status = (rule: string, id: string): string | undefined => report.results.find((r) => r.ruleId === rule && r.resource.id === id)?.status;
    expect(status('branch.protected', 'gitlab:acme/platform/api')).toBe('pass');
    expect(status('branch.protected', 'gitlab:acme/web/site')).toBe('fail');
    expect(status('branch.protected', 'gitlab:acme/empty')).toBe('skip');
    expect(status('org.mfa-required', 'gitlab:acme')).toBe('pass');
  });

  it('never prints the token, variable values or hook credentials', () => {
    for (const text of [check.stdout, check.stderr]) {
      expect(text).not.toContain(TOKENS.admin);
      for (const planted of PLANTED) expect(text, planted).not.toContain(planted);
    }
  });
});

describe('secpol doctor gitlab', () => {
  it('names the instance and says a token is present, without printing it', () => {
    expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain(`gitlab: API ${fake.url}`);
    expect(doctor.stdout).toContain('gitlab: token present');
    expect(doctor.stdout + doctor.stderr).not.toContain(TOKENS.admin);
  });

  it('exits 2 when no token is set', () => {
    expect(noToken.status).toBe(2);
    expect(noToken.stdout).toContain('gitlab: token missing');
  });
});

describe('secpol snapshot, then secpol check --state offline', () => {
  it('gives the same verdicts as the live scan, and the snapshot holds no credential', () => {
    expectOfflineReplay({ snapshot, replay, live: check }, join(dir, 'state.json'), SECRETS);
  });
});

describe('a token the platform rejects (401)', () => {
  it('exits 2 with one clear line on stderr that does not hold the token', () => {
    expectRejectedToken(rejected, /gitlab.*401/, BAD_TOKEN);
    // Nothing could be read, so nothing passes.
    expect((JSON.parse(rejected.stdout) as Report).summary).toMatchObject({ pass: 0, fail: 0 });
  });
});
