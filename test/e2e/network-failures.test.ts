import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { secpolAsync, tempDir, type CliRun } from '../helpers/cli.js';

/**
 * Unreachable APIs, the same way on every provider: a refused port on 127.0.0.1 and a host
 * under `.invalid` (DNS fails locally; nothing leaves the machine). Each run names what
 * happened, within seconds, and never reads as a pass or an HTTP status.
 */
const GH = ['ghp', 'netfail'.repeat(5)].join('_');
const GL = ['glpat', 'netfail'.repeat(3)].join('-');
const ADO = 'n'.repeat(52);

async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

type Case = { provider: string; args: string[]; env: (base: string) => Record<string, string>; token: string };
const CASES: Case[] = [
  { provider: 'github', args: ['--github-org', 'acme'], env: (base) => ({ GITHUB_API_URL: base, GITHUB_TOKEN: GH }), token: GH },
  { provider: 'gitlab', args: ['--gitlab-group', 'acme'], env: (base) => ({ GITLAB_URL: base, GITLAB_TOKEN: GL }), token: GL },
  { provider: 'azure-devops', args: [], env: () => ({ AZURE_DEVOPS_TOKEN: ADO }), token: ADO },
];

const runs = new Map<string, { run: CliRun; seconds: number }>();
let port = 0;

beforeAll(async () => {
  port = await refusedPort();
  const dir = tempDir();
  const bases = { refused: `http://127.0.0.1:${port}`, dns: 'http://api.secpol-test.invalid' };
  await Promise.all(
    CASES.flatMap((c) =>
      Object.entries(bases).map(async ([kind, base]) => {
        const args = c.provider === 'azure-devops' ? ['--ado-org', `${base}/acme`] : c.args;
        const t0 = Date.now();
        const run = await secpolAsync(['check', ...args, '--format', 'json'], { cwd: dir, env: { ...c.env(base), SECPOL_HTTP_TIMEOUT_MS: '10000' } });
        runs.set(`${c.provider}:${kind}`, { run, seconds: (Date.now() - t0) / 1000 });
      }),
    ),
  );
  const t0 = Date.now();
  const doctor = await secpolAsync(['doctor', 'github', '--github-org', 'acme'], { cwd: dir, env: { GITHUB_API_URL: bases.refused, GITHUB_TOKEN: GH } });
  runs.set('doctor:refused', { run: doctor, seconds: (Date.now() - t0) / 1000 });
}, 120_000);

describe.each(CASES)('$provider with an unreachable API', ({ provider, token }) => {
  it.each([
    ['refused', /connection to 127\.0\.0\.1:\d+ refused/],
    ['dns', /cannot resolve api\.secpol-test\.invalid/],
  ])('%s: says so, fails closed, and does not retry for long', (kind, said) => {
    const { run, seconds } = runs.get(`${provider}:${kind}`)!;
    const out = run.stdout + run.stderr;
    expect(run.status, out).not.toBe(0);
    expect(out).toMatch(said);
    expect(out).not.toMatch(/HTTP 500/);
    expect(out).not.toContain(token);
    // Start-up and the bundled CLI included; the old behaviour was 30 s of silent retries.
    expect(seconds).toBeLessThan(20);
  });
});

describe('secpol doctor github with an unreachable API', () => {
  it('exits non-zero, names the failure and does not guess the token kind', () => {
    const { run } = runs.get('doctor:refused')!;
    const out = run.stdout + run.stderr;
    expect(run.status, out).not.toBe(0);
    expect(out).toMatch(new RegExp(`cannot reach the API at http://127\\.0\\.0\\.1:${port}: .*refused`));
    expect(out).not.toMatch(/fine-grained|MISSING/);
    expect(out).not.toContain(GH);
  });
});
