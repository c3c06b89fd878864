import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/model/index.js';
import { cliPath, repoRoot } from '../../helpers/cli.js';
import { cleanup, collect, commitAll, fake, tempDir, writeFiles } from './repo.js';

afterAll(cleanup, 300_000);

/**
 * Issue 9, secret scanning coverage: no text escapes the scan. Each case hid a secret from
 * `code.no-hardcoded-secrets` on main (binary after a NUL, over 10 MiB, UTF-16).
 */
function repoOf(result: { resources: unknown[] }): Repository {
  return result.resources[0] as Repository;
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

function utf32(text: string, little: boolean): Buffer {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (little ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
}

/**
 * The built CLI copied where the unprivileged user can read it: the checkout may sit in a
 * directory only root can enter (a `mktemp -d` clone is mode 0700).
 */
function cliReadableByNobody(): string {
  const home = tempDir();
  chmodSync(home, 0o755);
  for (const part of ['bin', 'dist', 'policies', 'package.json']) cpSync(join(repoRoot, part), join(home, part), { recursive: true });
  return join(home, 'bin', 'secpol.js');
}

describe('secret scanning coverage', () => {
  it('searches binary files for tokens and keys after a NUL byte', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`\nx\ntoken=${fake.GITHUB_PAT}\n`), Buffer.from([0]), Buffer.from(`\n${fake.PRIVATE_KEY}\n`)]));
    commitAll(root);
    const repo = repoOf(await collect(root));
    expect(repo.secretFindings?.map((f) => [f.path, f.line, f.detector])).toEqual([
      ['blob.bin', 3, 'secpol/github-token'],
      ['blob.bin', 5, 'secpol/private-key'],
    ]);
    expect(repo.skippedFiles).toEqual([{ path: 'blob.bin', reason: 'binary (searched for private keys, cloud keys and tokens only)' }]);
    expect(repo.unscannedFiles).toEqual([]);
  });

  it.each([
    ['UTF-16LE', Buffer.from([0xff, 0xfe]), (t: string) => Buffer.from(t, 'utf16le')],
    ['UTF-16BE', Buffer.from([0xfe, 0xff]), utf16be],
    ['UTF-32LE', Buffer.from([0xff, 0xfe, 0, 0]), (t: string) => utf32(t, true)],
    ['UTF-32BE', Buffer.from([0, 0, 0xfe, 0xff]), (t: string) => utf32(t, false)],
  ])('decodes %s with a byte order mark', async (_name, bom, encode) => {
    const root = tempDir();
    writeFileSync(join(root, 'settings.ps1'), Buffer.concat([bom, encode(`# é ☃ 𝄞\r\n$token = "${fake.GITLAB_PAT}"\r\n$key = "${fake.AWS_KEY_ID}"\r\n`)]));
    commitAll(root);
    const repo = repoOf(await collect(root));
    expect(repo.secretFindings?.map((f) => [f.line, f.column, f.detector])).toEqual([
      [2, 11, 'secpol/gitlab-token'],
      [3, 9, 'secpol/aws-access-key-id'],
    ]);
    expect(repo.skippedFiles).toEqual([]);
  });

  it('streams a file over the size limit and finds secrets anywhere in it, at the right line', { timeout: 120_000 }, async () => {
    const root = tempDir();
    // 12 MiB of text; one token straddles the 4 MiB chunk cut, one sits near the end.
    const line = `${'log line '.repeat(11)}\n`; // 100 bytes
    const lines = Array.from({ length: 125_000 }, () => line);
    const cut = Math.floor((4 * 1024 * 1024) / line.length) - 1;
    const straddling = `${'y'.repeat(4 * 1024 * 1024 - cut * line.length - 10)} ${fake.GITHUB_PAT}\n`;
    lines[cut] = straddling;
    lines[124_990] = `npm config: ${fake.NPM_TOKEN}\n`;
    writeFiles(root, { 'logs/big.log': lines.join(''), 'app.js': 'ok\n' });
    commitAll(root);
    const result = await collect(root);
    const repo = repoOf(result);
    expect(repo.secretFindings?.map((f) => [f.path, f.line, f.detector])).toEqual([
      ['logs/big.log', cut + 1, '@secretlint/secretlint-rule-github'],
      ['logs/big.log', 124_991, '@secretlint/secretlint-rule-npm'],
    ]);
    expect(repo.skippedFiles?.[0]?.reason).toMatch(/^too large \(\d+ bytes > limit 10485760\): scanned in chunks$/);
    expect(repo.unscannedFiles).toEqual([]);
    expect(result.stats.localBytesScanned).toBeGreaterThan(12_000_000);
  });

  it('streams binary content above the limit for the high-confidence shapes', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'image.bin'), Buffer.concat([Buffer.alloc(2048, 0), Buffer.from(fake.AWS_KEY_ID), Buffer.alloc(16, 0)]));
    commitAll(root);
    const repo = repoOf(await collect(root, { maxFileBytes: 1024 }));
    expect(repo.secretFindings?.map((f) => [f.path, f.detector, f.highConfidence])).toEqual([['image.bin', 'secpol/aws-access-key-id', true]]);
    expect(repo.skippedFiles?.[0]?.reason).toMatch(/scanned in chunks \(binary content/);
  });

  it('a file that could not be read makes the result say so, never a plain pass', () => {
    const root = tempDir();
    writeFiles(root, { 'notes.txt': `token ${fake.GITHUB_PAT}\n`, 'README.md': 'hello\n' });
    commitAll(root);
    chmodSync(join(root, 'notes.txt'), 0o000);
    // Root reads any file: run the CLI as an unprivileged user when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(root, 65534, 65534);
    const run = spawnSync(process.execPath, [asRoot ? cliReadableByNobody() : cliPath, 'check', root, '--format', 'json'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: root, NO_COLOR: '1', SECPOL_CACHE_DIR: join(root, '.cache'), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: '/' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      timeout: 120_000,
    });
    const report = JSON.parse(run.stdout) as { results: { ruleId: string; status: string; reason?: string }[] };
    const secrets = report.results.find((r) => r.ruleId === 'code.no-hardcoded-secrets')!;
    expect(secrets.status).toBe('error');
    expect(secrets.reason).toMatch(/1 file that could hold text was not scanned: notes\.txt \(unreadable \(EACCES\)\)/);
    expect(run.stderr).toMatch(/could not be read for the secret scan: notes\.txt/);
  });
});
