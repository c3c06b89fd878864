import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { secpolAsync, type CliRun } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';
import { cleanup, commitAll, fake, fixtureRepo, git, tempDir, writeFiles } from '../providers/local/repo.js';

/**
 * Issue #3's end-to-end test: real repositories made with `git init` (the local provider's
 * fixture builder), the bundled CLI spawned as a user would. The bad repository adds to
 * fixtures/local/repos/bad.yaml an AWS access key id in code and a root Dockerfile on
 * node:latest with no USER; its workflows already hold unpinned actions and a
 * pull_request_target checkout with write-all permissions.
 */
const NOW = { SECPOL_NOW: '2026-11-26T12:00:00Z' };

const BAD_EXTRA = {
  'src/aws.js': "export const awsAccessKeyId = '{{AWS_KEY_ID}}';\n",
  Dockerfile: 'FROM node:latest\nARG NPM_TOKEN\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
};

/** Every secret value the bad repository holds, in full: none may reach any output. */
const SECRETS: string[] = [
  fake.AWS_KEY_ID,
  fake.AWS_SECRET,
  fake.GITHUB_PAT,
  fake.GITLAB_PAT,
  fake.NPM_TOKEN,
  fake.PG_URL,
  /:([^:@/]+)@/.exec(fake.PG_URL)![1]!, // the database password alone
  ...fake.PRIVATE_KEY.split('\n').filter((line) => !line.startsWith('-----')),
  'hunter2', // DB_PASSWORD in the workflow's env
];

interface Report {
  summary: Record<string, number>;
  results: { ruleId: string; status: string; severity: string; message: string; resource: { id: string; kind: string; provider: string }; location?: { path: string; line?: number; column?: number } }[];
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn?: number } } }[];
  partialFingerprints: Record<string, string>;
  properties: { resourceId: string; status: string };
}

let bad: string;
let good: string;
let out: string;
let direct: CliRun;
let inside: CliRun;
let snapshot: CliRun;
let fromState: CliRun;
let goodRun: CliRun;

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const key = (r: Report['results'][number]): string => `${r.ruleId} ${r.resource.id} ${r.status} ${r.location?.path ?? '-'}:${r.location?.line ?? '-'} ${r.message}`;

beforeAll(async () => {
  bad = fixtureRepo('bad', BAD_EXTRA);
  good = fixtureRepo('good');
  out = tempDir('secpol-e2e-out-');
  // Independent runs overlap: the path given as an argument (from an unrelated directory), the
  // same check from inside the repository, a snapshot, and the good repository.
  [direct, inside, snapshot, goodRun] = await Promise.all([
    secpolAsync(['check', bad, '--format', `sarif=${join(out, 'bad.sarif')}`, '--format', `json=${join(out, 'bad.json')}`, '--format', 'text'], { cwd: out, env: NOW }),
    secpolAsync(['check', '--format', 'json'], { cwd: bad, env: NOW }),
    secpolAsync(['snapshot', '-o', join(out, 'state.json')], { cwd: bad, env: NOW }),
    secpolAsync(['check', '--format', 'json'], { cwd: good, env: NOW }),
  ]);
  fromState = await secpolAsync(['check', '--state', join(out, 'state.json'), '--format', 'json'], { cwd: out, env: NOW });
}, 120_000);

afterAll(() => cleanup());

describe('secpol check <bad repository>', () => {
  it('exits 1 and reports every planted problem in text, JSON and SARIF', () => {
    expect(direct.status, direct.stderr).toBe(1);
    expect(direct.stderr).not.toMatch(/\n\s+at /);
    const report = readJson<Report>(join(out, 'bad.json'));
    const failed = new Set(report.results.filter((r) => r.status === 'fail').map((r) => `${r.ruleId} ${r.location?.path ?? ''}`));
    for (const expected of [
      'code.no-hardcoded-secrets .env',
      'code.env-files-not-committed .env',
      'ci.pinned-actions .github/workflows/ci.yml',
      'ci.pinned-actions .github/workflows/pr-target.yml',
      'ci.no-dangerous-triggers .github/workflows/pr-target.yml',
      'ci.token-permissions .github/workflows/pr-target.yml',
      'container.non-root Dockerfile',
      'container.base-image-pinned Dockerfile',
    ]) {
      expect(failed, expected).toContain(expected);
    }
    expect(direct.stdout).toContain('FAIL');
    expect(direct.stdout).toContain('code.no-hardcoded-secrets');
    expect(direct.stdout).toMatch(/\d+ failed/);
  });

  it('writes SARIF valid against the official 2.1.0 schema', () => {
    const sarif = readJson<Record<string, unknown>>(join(out, 'bad.sarif'));
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
  });

  it('gives every SARIF result a repository-relative file and a start line that holds the finding', () => {
    const sarif = readJson<{ runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[] }>(join(out, 'bad.sarif'));
    const run = sarif.runs[0]!;
    const results = run.results;
    expect(results.length).toBeGreaterThanOrEqual(20);
    const fingerprints = new Set<string>();
    for (const r of results) {
      const where = `${r.ruleId} ${JSON.stringify(r.locations)}`;
      // GitHub code scanning: a rule the driver declares, one physical location, a fingerprint.
      expect(run.tool.driver.rules[r.ruleIndex]?.id, where).toBe(r.ruleId);
      expect(r.properties.status).toBe('fail');
      expect(r.locations, where).toHaveLength(1);
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId, where).toBe('%SRCROOT%');
      expect(artifactLocation.uri, where).not.toMatch(/^\/|^file:|\.\.|secpol-bad-/);
      expect(region.startLine, where).toBeGreaterThanOrEqual(1);
      const fingerprint = Object.values(r.partialFingerprints).join();
      expect(fingerprints.has(fingerprint), where).toBe(false);
      fingerprints.add(fingerprint);

      const file = join(bad, decodeURIComponent(artifactLocation.uri));
      if (artifactLocation.uri === 'secpol.yaml') {
        // A repository-level finding with no file of its own (SPEC: secpol.yaml, line 1).
        expect(region.startLine).toBe(1);
        expect(r.message.text).toContain('[resource: ');
        continue;
      }
      expect(existsSync(file) && statSync(file).isFile(), where).toBe(true);
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(region.startLine, where).toBeLessThanOrEqual(lines.length);
      const line = lines[region.startLine - 1]!;
      const from = line.slice((region.startColumn ?? 1) - 1);
      switch (r.ruleId) {
        case 'code.no-hardcoded-secrets':
          // The region starts at the secret itself.
          expect(SECRETS.some((s) => from.startsWith(s)) || from.startsWith('-----BEGIN'), `${where}: ${line}`).toBe(true);
          break;
        case 'ci.pinned-actions':
          expect(line, where).toMatch(/uses:\s*\S+@(?![0-9a-f]{40}\b)|uses:\s*docker:/);
          break;
        case 'container.base-image-pinned':
        case 'container.non-root':
        case 'container.oci-labels':
          expect(line, where).toMatch(/^FROM /);
          break;
        case 'container.no-secrets-in-image':
          expect(line, where).toMatch(/^(ARG|ENV|COPY) /);
          break;
        case 'ci.no-plaintext-secrets':
          expect(line, where).toMatch(/(DB_PASSWORD|NPM_TOKEN):/);
          break;
      }
    }
    const ids = new Set(results.map((r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`));
    expect(ids).toContain('code.no-hardcoded-secrets src/aws.js:1');
    expect(ids).toContain('container.non-root Dockerfile:1');
    expect(ids).toContain('ci.no-dangerous-triggers .github/workflows/pr-target.yml:9');
  });

  it('never lets a secret value reach stdout, stderr, the JSON, the SARIF or the snapshot; findings are masked', () => {
    const outputs: Record<string, string> = {
      stdout: direct.stdout,
      stderr: direct.stderr + inside.stderr + snapshot.stderr,
      json: readFileSync(join(out, 'bad.json'), 'utf8'),
      sarif: readFileSync(join(out, 'bad.sarif'), 'utf8'),
      insideJson: inside.stdout,
      snapshot: readFileSync(join(out, 'state.json'), 'utf8'),
      fromState: fromState.stdout,
    };
    for (const [name, text] of Object.entries(outputs)) {
      for (const secret of SECRETS) expect(text.includes(secret), `${name} holds ${secret.slice(0, 4)}…`).toBe(false);
    }
    for (const name of ['stdout', 'json', 'sarif'] as const) {
      expect(outputs[name], name).toMatch(/AKIA\*{4,}/);
      expect(outputs[name], name).toMatch(/ghp_\*{4,}/);
    }
  });
});

describe('secpol check with no path, inside the repository', () => {
  it('finds the same problems as the run given the path', () => {
    expect(inside.status, inside.stderr).toBe(1);
    const here = JSON.parse(inside.stdout) as Report;
    const there = readJson<Report>(join(out, 'bad.json'));
    expect(here.summary).toEqual(there.summary);
    // Ids are relative to the scanned tree, so both runs name every resource the same.
    expect(here.results.map(key).sort()).toEqual(there.results.map(key).sort());
    expect(here.results.find((r) => r.ruleId === 'container.non-root' && r.status === 'fail')?.resource.id).toBe('local:Dockerfile');
  });
});

describe('secpol snapshot, then secpol check --state', () => {
  it('writes a snapshot that gives exactly the results of the direct run', () => {
    expect(snapshot.status, snapshot.stderr).toBe(0);
    const state = readJson<{ schema: string; resources: { id: string }[] }>(join(out, 'state.json'));
    expect(state.schema).toBe('secpol/snapshot@1');
    expect(state.resources.map((r) => r.id)).toContain('local:Dockerfile');
    expect(fromState.status, fromState.stderr).toBe(1);
    const replayed = JSON.parse(fromState.stdout) as Report;
    const original = JSON.parse(inside.stdout) as Report;
    expect(replayed.summary).toEqual(original.summary);
    expect(replayed.results.map(key).sort()).toEqual(original.results.map(key).sort());
  });
});

describe('secpol check <good repository>', () => {
  it('exits 0 with passes and nothing failed', () => {
    expect(goodRun.status, goodRun.stderr).toBe(0);
    const report = JSON.parse(goodRun.stdout) as Report;
    expect(report.summary).toMatchObject({ fail: 0, error: 0 });
    const passed = new Set(report.results.filter((r) => r.status === 'pass').map((r) => r.ruleId));
    for (const rule of ['code.no-hardcoded-secrets', 'ci.pinned-actions', 'ci.token-permissions', 'ci.no-dangerous-triggers', 'container.non-root', 'container.base-image-pinned']) {
      expect(passed, rule).toContain(rule);
    }
  });
});

describe('hostile file names', () => {
  // Windows file systems refuse `<`, `>` and newlines in names.
  it.skipIf(process.platform === 'win32')('reach no terminal and no report as control characters, and SARIF URIs still name the real files', async () => {
    const html = 'src/<img src=x onerror=alert(1)>.js';
    const spaced = 'we ird/%20x/Dockerfile';
    const escaped = 'src/\u001b[2Jred\nline.js';
    const repo = tempDir('secpol-hostile-');
    writeFiles(repo, {
      [html]: "export const token = '{{GITHUB_PAT}}';\n",
      [spaced]: 'FROM node:latest\n',
      [escaped]: "export const id = '{{AWS_KEY_ID}}';\n",
    });
    commitAll(repo);
    const run = await secpolAsync(['check', '--format', 'text', '--format', 'json=h.json', '--format', 'sarif=h.sarif'], { cwd: repo, env: NOW });
    expect(run.status, run.stderr).toBe(1);
    const json = readFileSync(join(repo, 'h.json'), 'utf8');
    const sarifText = readFileSync(join(repo, 'h.sarif'), 'utf8');
    for (const [name, text] of Object.entries({ stdout: run.stdout, stderr: run.stderr, json, sarif: sarifText })) {
      expect(text.includes('\u001b') || text.includes('\\u001b'), name).toBe(false);
      expect(text, name).not.toContain(fake.GITHUB_PAT);
      expect(text, name).not.toContain(fake.AWS_KEY_ID);
    }
    const sarif = JSON.parse(sarifText) as { runs: { results: SarifResult[] }[] };
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    const uris = (rule: string): string[] =>
      sarif.runs[0]!.results.filter((r) => r.ruleId === rule).map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    // Percent-encoded per segment: decoding gives back the file that holds the finding.
    const decode = (uri: string): string => uri.split('/').map(decodeURIComponent).join('/');
    expect(uris('container.non-root').map(decode)).toEqual([spaced]);
    expect(uris('code.no-hardcoded-secrets').map(decode)).toContain(html);
    expect(uris('code.no-hardcoded-secrets')).toHaveLength(2);
  });
});

describe('secpol init', () => {
  it('writes secpol.yaml and a GitHub workflow running the pinned Action, ci.* rules passing on it', async () => {
    const repo = tempDir('secpol-init-');
    git(repo, 'init', '-q');
    git(repo, 'remote', 'add', 'origin', 'https://github.com/acme/app.git');
    const init = await secpolAsync(['init', '--action-ref', 'b'.repeat(40)], { cwd: repo });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('wrote secpol.yaml');
    const workflowPath = join(repo, '.github', 'workflows', 'secpol.yml');
    const workflow = parse(readFileSync(workflowPath, 'utf8')) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
    commitAll(repo);

    // What the Action's step runs (its inputs as CLI options), plus a JSON report to inspect.
    const step = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((s) => s.uses?.startsWith('secpol/secpol@'));
    expect(step?.uses).toBe(`secpol/secpol@${'b'.repeat(40)}`);
    const run = await secpolAsync(['check', '--fail-on', step?.with?.['fail-on'] ?? 'high', '--format', 'github', '--format', 'sarif=secpol.sarif', '--format', 'json=report.json'], { cwd: repo, env: NOW });
    expect(run.stderr).not.toMatch(/error|\n\s+at /i);
    expect([0, 1]).toContain(run.status);
    expect(existsSync(join(repo, 'secpol.sarif'))).toBe(true);

    const report = readJson<Report & { config?: unknown }>(join(repo, 'report.json'));
    const onWorkflow = report.results.filter((r) => r.resource.id === 'local:.github/workflows/secpol.yml');
    expect(onWorkflow.map((r) => r.ruleId).sort()).toEqual(['ci.no-dangerous-triggers', 'ci.no-plaintext-secrets', 'ci.pinned-actions', 'ci.token-permissions']);
    expect(onWorkflow.map((r) => `${r.ruleId}: ${r.status} ${r.message}`).filter((line) => !line.includes(': pass '))).toEqual([]);

    const again = await secpolAsync(['init'], { cwd: repo });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/secpol\.yaml.*already exist.*--force/);
  });
});
