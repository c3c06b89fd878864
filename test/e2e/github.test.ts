import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo } from '../fakes/github/model.js';
import { expectOfflineReplay, expectRejectedToken, verdicts } from '../helpers/remote-e2e.js';
import { secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';
import { ADMIN_TOKEN, FakeGithub, standardState } from '../providers/github/helpers.js';
import { cleanup, fixtureRepo, git } from '../providers/local/repo.js';

/**
 * `secpol check --github-org` end to end: the bundled CLI in a child process, talking plain
 * HTTP to the GitHub imitation (test/fakes/github) running in this process. The standard
 * organization of the provider tests, plus `acme/naked` with no protection at all; `acme/web`
 * is protected by a repository ruleset only.
 */
const BAD_TOKEN = 'ghp_' + 'Rv0kedRv0kedRv0kedRv0kedRv0kedRv0ked';

interface Report {
  summary: Record<string, number>;
  results: { ruleId: string; status: string; message: string; resource: { id: string; provider: string } }[];
}

let fake: FakeGithub;
let dir: string;
let env: Record<string, string>;
let check: CliRun;
let doctor: CliRun;
let rejected: CliRun;
let rerun: CliRun;
let clone: CliRun;
let snapshot: CliRun;
let filtered: CliRun;
let replay: CliRun;
let firstScanRequests: number;

beforeAll(async () => {
  const state = standardState();
  state.repos.push(makeRepo('acme', 'naked'));
  fake = await new FakeGithub(state).start();
  dir = tempDir('secpol-e2e-gh-');
  env = {
    GITHUB_API_URL: fake.apiUrl,
    SECPOL_CACHE_DIR: join(dir, 'cache'),
    SECPOL_HTTP_RETRY_BASE_MS: '5',
    SECPOL_NOW: '2026-11-26T12:00:00Z',
  };
  // A developer's clone whose origin is acme/web on this (self-hosted) GitHub.
  const repo = fixtureRepo('good');
  git(repo, 'remote', 'add', 'origin', `${fake.origin}/acme/web.git`);
  [check, doctor, rejected, clone] = await Promise.all([
    secpolAsync(['check', '--github-org', 'acme', '--format', 'json', '--format', `sarif=${join(dir, 'org.sarif')}`], { cwd: dir, env: { ...env, GITHUB_TOKEN: ADMIN_TOKEN } }),
    // GH_TOKEN is the fallback when GITHUB_TOKEN is unset (SPEC "Endpoints and credentials").
    secpolAsync(['doctor', 'github', '--github-org', 'acme'], { cwd: dir, env: { ...env, GH_TOKEN: ADMIN_TOKEN } }),
    secpolAsync(['check', '--github-org', 'acme', '--format', 'json', '--verbose'], { cwd: dir, env: { ...env, GITHUB_TOKEN: BAD_TOKEN } }),
    secpolAsync(['check', '--format', 'json'], { cwd: repo, env: { ...env, GITHUB_TOKEN: ADMIN_TOKEN } }),
  ]);
  // The same scan again, now that the on-disk ETag cache is filled.
  firstScanRequests = fake.log.length;
  [rerun, snapshot, filtered] = await Promise.all([
    secpolAsync(['check', '--github-org', 'acme', '--format', 'json'], { cwd: dir, env: { ...env, GITHUB_TOKEN: ADMIN_TOKEN } }),
    secpolAsync(['snapshot', '--github-org', 'acme', '-o', 'org-state.json'], { cwd: dir, env: { ...env, GITHUB_TOKEN: ADMIN_TOKEN } }),
    secpolAsync(['check', '--github-org', 'acme', '--include-archived', '--include-forks', '--exclude', 'acme/e*', '--format', 'json', '--fail-on', 'none'], {
      cwd: dir,
      env: { ...env, GITHUB_TOKEN: ADMIN_TOKEN },
    }),
  ]);
  // Offline, with no token: the snapshot alone.
  replay = await secpolAsync(['check', '--state', 'org-state.json', '--format', 'json'], { cwd: dir, env: { SECPOL_NOW: env.SECPOL_NOW! } });
}, 120_000);


afterAll(async () => {
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  cleanup();
});

describe('secpol check --github-org acme against the GitHub imitation', () => {
  it('exits 1, scanning only the organization (no local tree) with no request the imitation does not know', () => {
    expect(check.status, check.stderr).toBe(1);
    expect(fake.unexpected).toEqual([]);
    const report = JSON.parse(check.stdout) as Report;
    expect(report.results.every((r) => r.resource.provider === 'github')).toBe(true);
    const repos = new Set(report.results.filter((r) => r.ruleId === 'branch.protected').map((r) => r.resource.id));
    // Archived repositories and forks are left out by default.
    expect([...repos].sort()).toEqual(['github:acme/api', 'github:acme/bypass', 'github:acme/evaluate', 'github:acme/naked', 'github:acme/web']);
    expect(report.results.some((r) => r.resource.id === 'github:acme' && r.ruleId === 'org.mfa-required')).toBe(true);
  });

  it('passes branch.protected for the ruleset-only repository and fails it for the unprotected one', () => {
    const report = JSON.parse(check.stdout) as Report;
    const protectedStatus = (id: string): string | undefined => report.results.find((r) => r.ruleId === 'branch.protected' && r.resource.id === id)?.status;
    expect(protectedStatus('github:acme/web')).toBe('pass');
    expect(protectedStatus('github:acme/api')).toBe('pass');
    expect(protectedStatus('github:acme/naked')).toBe('fail');
    // An `evaluate`-mode ruleset enforces nothing.
    expect(protectedStatus('github:acme/evaluate')).toBe('fail');
    // The ruleset's pull-request rule counts for the review rules too.
    expect(report.results.find((r) => r.ruleId === 'branch.pull-request-required' && r.resource.id === 'github:acme/web')?.status).toBe('pass');
    expect(report.results.find((r) => r.ruleId === 'branch.pull-request-required' && r.resource.id === 'github:acme/naked')?.status).toBe('fail');
  });

  it('writes a valid SARIF whose settings findings point at secpol.yaml with the real resource in properties', () => {
    const sarif = JSON.parse(readFileSync(join(dir, 'org.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; properties: { resourceId: string } }[] }[] };
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    const naked = sarif.runs[0]!.results.find((r) => r.ruleId === 'branch.protected' && r.properties.resourceId === 'github:acme/naked');
    expect(naked?.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'secpol.yaml' }, region: { startLine: 1 } });
  });

  it('never prints the token, and keeps webhook URL credentials out of the report', () => {
    for (const text of [check.stdout, check.stderr, readFileSync(join(dir, 'org.sarif'), 'utf8')]) {
      expect(text).not.toContain(ADMIN_TOKEN);
      expect(text).not.toContain('s3cr3t');
    }
  });
});

describe('repository filters', () => {
  it('--include-archived, --include-forks and --exclude decide which repositories are scanned', () => {
    expect(filtered.status, filtered.stderr).toBe(0);
    const repos = new Set((JSON.parse(filtered.stdout) as Report).results.filter((r) => r.ruleId === 'repo.security-policy').map((r) => r.resource.id));
    expect([...repos].sort()).toEqual(['github:acme/api', 'github:acme/bypass', 'github:acme/fork-of-thing', 'github:acme/legacy', 'github:acme/naked', 'github:acme/web']);
  });
});

describe('secpol check with no target in a clone, a token present', () => {
  it('evaluates the working tree and the repository its origin points to', () => {
    expect(clone.status, clone.stderr).toBe(0);
    const report = JSON.parse(clone.stdout) as Report;
    const providers = new Set(report.results.map((r) => r.resource.provider));
    expect(providers).toEqual(new Set(['local', 'github']));
    const remote = report.results.filter((r) => r.resource.provider === 'github');
    expect(new Set(remote.map((r) => r.resource.id.split('/').slice(0, 2).join('/')))).toEqual(new Set(['github:acme/web']));
    expect(remote.find((r) => r.ruleId === 'branch.protected')?.status).toBe('pass');
    expect(clone.stdout + clone.stderr).not.toContain(ADMIN_TOKEN);
  });
});

describe('the on-disk ETag cache (SECPOL_CACHE_DIR)', () => {
  const files = (root: string): string[] => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

  it('holds neither the token nor webhook credentials', () => {
    const cached = files(join(dir, 'cache'));
    expect(cached.length).toBeGreaterThan(0);
    for (const file of cached) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain(ADMIN_TOKEN);
      expect(text, file).not.toContain('s3cr3t');
    }
  });

  it('serves a re-scan through 304s with the same verdicts', () => {
    expect(rerun.status, rerun.stderr).toBe(1);
    const revalidated = fake.log.slice(firstScanRequests).filter((l) => l.status === 304);
    expect(revalidated.length).toBeGreaterThan(0);
    expect(verdicts(rerun)).toEqual(verdicts(check));
    expect(fake.unexpected).toEqual([]);
  });
});

describe('secpol snapshot --github-org, then secpol check --state offline', () => {
  it('gives the same verdicts as the live scan, and the snapshot holds no credential', () => {
    expectOfflineReplay({ snapshot, replay, live: check }, join(dir, 'org-state.json'), [ADMIN_TOKEN, 's3cr3t']);
  });
});

describe('secpol doctor github', () => {
  it('describes the token and each permission probe without printing the token', () => {
    expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain(`github: API ${fake.apiUrl}`);
    expect(doctor.stdout).toContain('github: token present');
    expect(doctor.stdout).toMatch(/classic personal access token/);
    expect(doctor.stdout).toMatch(/branch\.\*: .*: ok/);
    expect(doctor.stdout + doctor.stderr).not.toContain(ADMIN_TOKEN);
  });
});

describe('a token the platform rejects (401)', () => {
  it('exits 2 with one clear line on stderr that does not hold the token', () => {
    expectRejectedToken(rejected, /401/, BAD_TOKEN);
    expect(rejected.stderr).toMatch(/GITHUB_TOKEN/);
  });
});
