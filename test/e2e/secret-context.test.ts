import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secpolAsync } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';
import { cleanup, commitAll, tempDir, writeFiles } from '../providers/local/repo.js';

/**
 * Issue #13: credential-shaped values in tests and docs are reported separately, under the
 * low-severity rule code.secrets-in-tests-docs, so a repository holding only fixtures does not
 * fail the default --fail-on high; every finding stays in JSON and SARIF with its context; the
 * param reportedApart of code.no-hardcoded-secrets switches both rules at once.
 */
const NOW = { SECPOL_NOW: '2026-11-26T12:00:00Z' };
const FILES = {
  'src/index.js': 'export const port = 8080;\n',
  'tests/fixtures/api.json': '{ "token": "{{GITHUB_PAT}}" }\n',
  'docs/setup.md': '# Setup\n\nexport GITLAB_TOKEN={{GITLAB_PAT}}\n',
};

interface Report {
  results: { ruleId: string; status: string; severity: string; evidence?: { location?: { path: string }; context?: string }[] }[];
}
interface Sarif {
  runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: { context?: string } }[] }[];
}

afterAll(() => cleanup());

const byRule = (report: Report, id: string) => report.results.find((r) => r.ruleId === id)!;
const sites = (result: Report['results'][number]) => (result.evidence ?? []).map((e) => `${e.location?.path} ${e.context}`).sort();

describe('secrets in tests and docs', () => {
  it('are a low-severity result of their own that the default fail-on does not fail on, each with its context', async () => {
    const root = tempDir('secpol-ctx-');
    writeFiles(root, FILES);
    commitAll(root);
    const out = tempDir('secpol-ctx-out-');
    const run = await secpolAsync(['check', root, '--format', `json=${join(out, 'r.json')}`, '--format', `sarif=${join(out, 'r.sarif')}`], { cwd: out, env: NOW });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as Report;
    expect(byRule(report, 'code.no-hardcoded-secrets').status).toBe('pass');
    const apart = byRule(report, 'code.secrets-in-tests-docs');
    expect(apart).toMatchObject({ status: 'fail', severity: 'low' });
    expect(sites(apart)).toEqual(['docs/setup.md docs', 'tests/fixtures/api.json test']);

    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8')) as Sarif;
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    const results = sarif.runs[0]!.results.filter((r) => r.ruleId === 'code.secrets-in-tests-docs');
    expect(results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.properties.context} ${r.level}`).sort()).toEqual([
      'docs/setup.md docs note',
      'tests/fixtures/api.json test note',
    ]);
    // Still a failure: with --fail-on low the run fails on them.
    expect((await secpolAsync(['check', root, '--format', 'json', '--fail-on', 'low'], { cwd: out, env: NOW })).status).toBe(1);
  });

  it('count as code when reportedApart is [] in secpol.yaml: both rules follow the one switch', async () => {
    const root = tempDir('secpol-ctx-code-');
    writeFiles(root, { ...FILES, 'secpol.yaml': 'rules:\n  code.no-hardcoded-secrets:\n    params:\n      reportedApart: []\n' });
    commitAll(root);
    const run = await secpolAsync(['check', '.', '--format', 'json'], { cwd: root, env: NOW });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    const secrets = byRule(report, 'code.no-hardcoded-secrets');
    expect(secrets).toMatchObject({ status: 'fail', severity: 'critical' });
    expect(sites(secrets)).toEqual(['docs/setup.md docs', 'tests/fixtures/api.json test']);
    expect(byRule(report, 'code.secrets-in-tests-docs').status).toBe('pass');
  });
});
