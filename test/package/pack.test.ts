import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

/**
 * The npm package as a user gets it: `npm pack`, then an install of the tarball into an empty
 * prefix with `--offline` and an empty cache, so nothing can come from a registry: the package
 * must carry everything it runs (the bundle in dist/ has no runtime dependencies).
 */
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };
const scratch = mkdtempSync(join(tmpdir(), 'secpol-pack-'));
const prefix = join(scratch, 'prefix');
const bin = join(prefix, 'bin', 'secpol');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npmEnv = { PATH: process.env.PATH ?? '', HOME: scratch, npm_config_cache: join(scratch, 'npm-cache'), npm_config_update_notifier: 'false' };
let install: { status: number | null; stderr: string };

beforeAll(() => {
  // dist/ was built by the test setup; --ignore-scripts keeps `prepare` from building it again.
  const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], { cwd: repoRoot, encoding: 'utf8', env: npmEnv }).trim();
  const run = spawnSync(npm, ['install', '--global', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, join(scratch, tarball)], {
    cwd: scratch,
    encoding: 'utf8',
    env: npmEnv,
  });
  install = { status: run.status, stderr: run.stderr };
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm pack output installed into an empty prefix, offline', () => {
  it('declares no runtime dependencies (everything is bundled)', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('installs without a registry', () => {
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.status).toBe(0);
  });

  it('secpol --version prints the package version', () => {
    const run = spawnSync(bin, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.stdout).toBe(`${pkg.version}\n`);
    expect(run.status).toBe(0);
  });

  it('secpol check evaluates a fresh repository with the built-in pack', () => {
    const repo = join(scratch, 'repo');
    mkdirSync(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, 'README.md'), '# demo\n');
    const run = spawnSync(bin, ['check', '--format', 'json'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: scratch, SECPOL_CACHE_DIR: join(scratch, 'cache') } });
    // The one line a fresh repository gets: its uncommitted README is scanned too, and it says so.
    expect(run.stderr).toBe('secpol: warning: local: scanned the working tree: 1 untracked file not yet committed is included (README.md); ignored files are not\n');
    expect([0, 1]).toContain(run.status);
    const report = JSON.parse(run.stdout) as { tool: { version: string }; results: { ruleId: string; resource: { id: string } }[] };
    expect(report.tool.version).toBe(pkg.version);
    expect(report.results.some((r) => r.ruleId === 'repo.security-policy' && r.resource.id === 'local:.')).toBe(true);
  });
});
