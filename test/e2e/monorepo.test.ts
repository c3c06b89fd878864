import { realpathSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secpolAsync, type CliRun } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';
import { cleanup, commitAll, git, tempDir, writeFiles } from '../providers/local/repo.js';

/**
 * Issue #13, monorepos: `secpol check services/api` inside a git repository applies the
 * repository's ignore rules and its root secpol.yaml, scans only that subtree and reports
 * paths relative to the repository's top (as GitHub code scanning expects). Fixtures are
 * made with `git init` at test time; the CLI is spawned as a user would.
 */
const NOW = { SECPOL_NOW: '2026-11-26T12:00:00Z' };
const KEY = "export const awsAccessKeyId = '{{AWS_KEY_ID}}';\n";

interface Report {
  anchorFile?: string;
  results: { ruleId: string; status: string; resource: { id: string; name: string }; evidence?: { message: string; location?: { path: string } }[] }[];
}
interface Sarif {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

let root: string;
let out: string;
let fromRoot: CliRun;
let fromInside: CliRun;

function monorepo(): string {
  const dir = tempDir('secpol-monorepo-');
  writeFiles(dir, {
    '.gitignore': 'generated/\n',
    'secpol.yaml': 'secrets:\n  allowlist:\n    paths: ["services/api/vendored/**"]\n',
    'SECURITY.md': '# Reporting\n',
    'services/.gitignore': 'scratch.js\n',
    'services/api/package.json': '{ "name": "api" }\n',
    'services/api/src/aws.js': KEY,
    'services/api/vendored/lib.js': KEY,
    'services/web/src/aws.js': KEY,
  });
  commitAll(dir);
  // Untracked and ignored: by the root .gitignore, by a .gitignore between root and the
  // checked directory, and by .git/info/exclude. None of them may be reported.
  writeFiles(dir, {
    'services/api/generated/out.js': KEY,
    'services/api/scratch.js': KEY,
    'services/api/local-notes.js': KEY,
  });
  writeFileSync(join(dir, '.git', 'info', 'exclude'), 'local-notes.js\n');
  return dir;
}

const secretPaths = (report: Report): string[] =>
  (report.results.find((r) => r.ruleId === 'code.no-hardcoded-secrets' && r.status === 'fail')?.evidence ?? []).map((e) => e.location?.path ?? '?').sort();

beforeAll(async () => {
  root = monorepo();
  out = tempDir('secpol-monorepo-out-');
  [fromRoot, fromInside] = await Promise.all([
    secpolAsync(['check', 'services/api', '--format', 'text', '--format', `json=${join(out, 'api.json')}`, '--format', `sarif=${join(out, 'api.sarif')}`], { cwd: root, env: NOW }),
    secpolAsync(['check', '.', '--format', 'json'], { cwd: join(root, 'services', 'api'), env: NOW }),
  ]);
}, 120_000);

afterAll(() => cleanup());

describe('secpol check <subdirectory of a git repository>', () => {
  it('reports only the subtree, with paths relative to the repository top, in JSON', () => {
    expect(fromRoot.status, fromRoot.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')) as Report;
    // Not the ignored files (root .gitignore, services/.gitignore, .git/info/exclude), not the
    // allowlisted vendored file (root config), not services/web outside the subtree.
    expect(secretPaths(report)).toEqual(['services/api/src/aws.js']);
    const repo = report.results.find((r) => r.ruleId === 'code.no-hardcoded-secrets')!;
    expect(repo.resource.id).toBe('local:services/api');
    // The root's SECURITY.md is the monorepo's policy.
    expect(report.results.find((r) => r.ruleId === 'repo.security-policy')?.status).toBe('pass');
    expect(report.anchorFile).toBe('secpol.yaml');
  });

  it('gives SARIF locations relative to the repository top, valid against the schema', () => {
    const sarif = JSON.parse(readFileSync(join(out, 'api.sarif'), 'utf8')) as Sarif;
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    const uris = sarif.runs[0]!.results.filter((r) => r.ruleId === 'code.no-hardcoded-secrets').map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['services/api/src/aws.js']);
  });

  it('says what was scanned', () => {
    expect(fromRoot.stdout).toContain(`scanned: local services/api of repository at ${realpathSync(root)} (working tree)`);
  });

  it('gives the same answer when run inside the subdirectory', () => {
    expect(fromInside.status, fromInside.stderr).toBe(1);
    expect(secretPaths(JSON.parse(fromInside.stdout) as Report)).toEqual(['services/api/src/aws.js']);
  });

  it('uses the nearest secpol.yaml, its globs relative to its own directory', async () => {
    const dir = monorepo();
    writeFiles(dir, { 'services/api/secpol.yaml': 'secrets:\n  allowlist:\n    paths: ["src/**"]\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'package config');
    const run = await secpolAsync(['check', 'services/api', '--format', 'json'], { cwd: dir, env: NOW });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    // The package's config allowlists its src/; the root's allowlist of vendored/ no longer applies.
    expect(secretPaths(report)).toEqual(['services/api/vendored/lib.js']);
    expect(report.anchorFile).toBe('services/api/secpol.yaml');
  });

  it('outside git, checks the directory as its own tree (unchanged)', async () => {
    const dir = tempDir('secpol-plain-');
    writeFiles(dir, { 'secpol.yaml': 'secrets:\n  allowlist:\n    paths: ["pkg/src/**"]\n', 'pkg/src/aws.js': KEY, 'pkg/.gitignore': 'ignored.js\n', 'pkg/ignored.js': KEY });
    const run = await secpolAsync(['check', 'pkg', '--format', 'json'], { cwd: dir, env: NOW });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    // Paths relative to the checked directory, and the parent's secpol.yaml is not looked for.
    expect(secretPaths(report)).toEqual(['src/aws.js']);
    expect(report.results.find((r) => r.ruleId === 'code.no-hardcoded-secrets')?.resource.id).toBe('local:.');
  });
});
