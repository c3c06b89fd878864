import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { printDiagnostics } from '../../src/cli/commands/common.js';

const repoRoot = join(import.meta.dirname, '..', '..');

function memoryIo(cwd = repoRoot): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    stderrIsTty: false,
    stdoutIsTty: false,
    env: { NO_COLOR: '1', SECPOL_CACHE_DIR: join(tmpdir(), 'secpol-test-cache') },
    cwd,
  };
  return io;
}

describe('the CLI reads as a person expects', () => {
  it('accepts --fail-on in any case', async () => {
    const io = memoryIo();
    const code = await runCli(['check', '--state', 'fixtures/states/bad-org.json', '--fail-on', 'CRITICAL', '--format', 'json', '-o', join(mkdtempSync(join(tmpdir(), 'secpol-')), 'r.json')], io);
    expect(io.stderr).not.toMatch(/invalid/);
    expect(code).toBe(1);
  });

  it('policy explain suggests the closest rule id', async () => {
    const io = memoryIo();
    expect(await runCli(['policy', 'explain', 'branch.min-aprovals'], io)).toBe(2);
    expect(io.stderr).toContain('did you mean branch.min-approvals?');
  });

  it('prints no empty report when nothing could be evaluated; the last line says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secpol-'));
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'state.json'), '{ "resources": [ ');
    writeFileSync(join(dir, 'other.json'), '[1, 2');
    const io = memoryIo(dir);
    const code = await runCli(['check', '--state', 'state.json', 'other.json', '--provider', 'snapshot'], io);
    expect(code).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr.trim().split('\n').at(-1)).toMatch(/^secpol: nothing was evaluated \(\d+ errors? above; first: /);
    expect(io.stderr).not.toMatch(/0 failed/);
  });

  it('--quiet keeps errors and the warnings that can change the verdict only', () => {
    const io = memoryIo();
    printDiagnostics(
      io,
      [
        { severity: 'warning', message: 'informational' },
        { severity: 'warning', message: '3 files not scanned', verdict: true },
        { severity: 'error', message: 'broken' },
      ],
      { quiet: true },
    );
    expect(io.stderr).toBe('secpol: warning: 3 files not scanned\nsecpol: broken\n');
  });
});
