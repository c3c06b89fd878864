import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secpolAsync } from '../helpers/cli.js';
import { cleanup, commitAll, fakeGithubToken, tempDir, writeFiles } from '../providers/local/repo.js';

afterAll(cleanup, 300_000);

/** Issue 13: a repository with 325 findings got 51 in JSON and SARIF. Every finding must reach both. */
describe('every finding reaches the machine-readable reports', () => {
  it('carries 500 secret findings in JSON evidence and as 500 SARIF results; text says how many more', { timeout: 180_000 }, async () => {
    const repo = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 500; i++) files[`src/m${String(i).padStart(3, '0')}.js`] = `export const t = '${fakeGithubToken(i)}';\n`;
    writeFiles(repo, files);
    commitAll(repo);
    const run = await secpolAsync(['check', '--format', 'text', '--format', 'json=r.json', '--format', 'sarif=r.sarif'], { cwd: repo, env: { SECPOL_NOW: '2026-11-26T12:00:00Z' } });
    expect(run.status).toBe(1);
    const json = JSON.parse(readFileSync(join(repo, 'r.json'), 'utf8')) as { results: { ruleId: string; evidence?: { location?: { path: string } }[] }[] };
    const secrets = json.results.find((r) => r.ruleId === 'code.no-hardcoded-secrets')!;
    expect(secrets.evidence).toHaveLength(500);
    expect(new Set(secrets.evidence!.map((e) => e.location?.path)).size).toBe(500);
    const sarif = JSON.parse(readFileSync(join(repo, 'r.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.filter((r) => r.ruleId === 'code.no-hardcoded-secrets')).toHaveLength(500);
    expect(run.stdout).toContain('… and 495 more (--verbose, JSON and SARIF list them all)');
  });
});
