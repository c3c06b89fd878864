import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';

/** Report destinations a user (or an attacker who controls the working tree) can name. */
const state = join(repoRoot, 'fixtures', 'states', 'good-org.json');
const env = { SECPOL_NOW: '2026-11-26T12:00:00Z' };

function check(cwd: string, ...formats: string[]): Promise<CliRun> {
  return secpolAsync(['check', '--state', state, '--provider', 'snapshot', ...formats.flatMap((f) => ['--format', f])], { cwd, env });
}

/** Exit 2 with one clear line (no stack, no "this is a bug") that mentions `name`. */
function expectUsageError(run: CliRun, name: string | RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stderr).not.toMatch(/internal error|This is a bug|\n\s+at /);
  expect(run.stderr).toMatch(typeof name === 'string' ? new RegExp(name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) : name);
}

describe('report files', () => {
  it('refuses to write through a symbolic link, and writes when the target itself is named', async () => {
    const dir = tempDir('secpol-out-link-');
    writeFileSync(join(dir, 'victim.txt'), 'precious\n');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'report.json'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.json'));
    const viaLink = await check(dir, 'json=report.json');
    expectUsageError(viaLink, 'report.json');
    expect(viaLink.stderr).toMatch(/symbolic link/);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);

    const dangling = await check(dir, 'json=dangling.json');
    expectUsageError(dangling, 'dangling.json');
    expect(existsSync(join(dir, 'nowhere.txt'))).toBe(false);

    const direct = await check(dir, 'json=victim.txt');
    expect(direct.status).not.toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'victim.txt'), 'utf8'))).toHaveProperty('summary');
  });

  it('refuses one file named for two formats before writing anything', async () => {
    const dir = tempDir('secpol-out-dup-');
    const run = await check(dir, 'html=first.html', 'json=r.out', 'sarif=./sub/../r.out');
    expectUsageError(run, 'r.out');
    expect(run.stderr).toMatch(/both json and sarif/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a directory, a full device and a path under a file in one line, exit 2', async () => {
    const dir = tempDir('secpol-out-bad-');
    mkdirSync(join(dir, 'adir'));
    writeFileSync(join(dir, 'afile'), '');
    expectUsageError(await check(dir, 'json=adir'), /adir.*directory/);
    expectUsageError(await check(dir, 'json=afile/r.json'), /afile\/r\.json/);
    if (existsSync('/dev/full')) expectUsageError(await check(dir, 'json=/dev/full'), /\/dev\/full.*no space left/);
    const run = await check(dir, 'json=adir', 'html=ok.html');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'ok.html'))).toBe(false);
  });

  it('does not hang on a named pipe nobody reads', async () => {
    const dir = tempDir('secpol-out-fifo-');
    const made = spawnSync('mkfifo', [join(dir, 'pipe')]);
    if (made.status !== 0) return;
    const started = Date.now();
    const run = await check(dir, 'json=pipe');
    expectUsageError(run, /pipe.*no process is reading/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('keeps a file mode and replaces the old content whole', async () => {
    const dir = tempDir('secpol-out-replace-');
    writeFileSync(join(dir, 'r.json'), 'old', { mode: 0o640 });
    const run = await check(dir, 'json=r.json');
    expect(run.status).not.toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toHaveProperty('results');
    expect(lstatSync(join(dir, 'r.json')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('export and snapshot refuse the same destinations', async () => {
    const dir = tempDir('secpol-out-export-');
    mkdirSync(join(dir, 'adir'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'link.json'));
    const base = ['--state', state, '--provider', 'snapshot'];
    expectUsageError(await secpolAsync(['export', ...base, '--framework', 'soc2', '-o', 'adir'], { cwd: dir, env }), /adir.*directory/);
    expectUsageError(await secpolAsync(['snapshot', ...base, '-o', 'link.json'], { cwd: dir, env }), /link\.json.*symbolic link/);
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
  });

  it('diff -o refuses the same destinations and replaces a file whole', async () => {
    const dir = tempDir('secpol-out-diff-');
    const report = await check(dir, 'json=r.json');
    expect(report.status).not.toBe(2);
    mkdirSync(join(dir, 'adir'));
    writeFileSync(join(dir, 'victim.txt'), 'precious\n');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 'link.txt'));
    const diff = (out: string) => secpolAsync(['diff', 'r.json', 'r.json', '-o', out], { cwd: dir, env });
    const viaLink = await diff('link.txt');
    expectUsageError(viaLink, /link\.txt.*symbolic link/);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
    expectUsageError(await diff('adir'), /adir.*directory/);
    const made = spawnSync('mkfifo', [join(dir, 'pipe')]);
    if (made.status === 0) expectUsageError(await diff('pipe'), /pipe.*no process is reading/);

    writeFileSync(join(dir, 'diff.txt'), 'old', { mode: 0o640 });
    const written = await diff('diff.txt');
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(join(dir, 'diff.txt'), 'utf8')).not.toContain('old');
    expect(readFileSync(join(dir, 'diff.txt'), 'utf8').length).toBeGreaterThan(0);
    expect(lstatSync(join(dir, 'diff.txt')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('SECPOL_NOW', () => {
  it('an invalid value is a usage error, not an internal one', async () => {
    for (const value of ['yesterday', '2026-13-45', '2026-11-26T12:00']) {
      const run = await secpolAsync(['check', '--state', state, '--provider', 'snapshot'], { env: { SECPOL_NOW: value } });
      expectUsageError(run, /SECPOL_NOW must be an ISO 8601/);
    }
  });
});
