import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../helpers/sarif.js';
import { repoRoot, secpol, tempDir } from '../helpers/cli.js';

const badOrg = join(repoRoot, 'fixtures', 'states', 'bad-org.json');
const goodOrg = join(repoRoot, 'fixtures', 'states', 'good-org.json');
const NOW = { SECPOL_NOW: '2026-11-26T12:00:00Z' };

describe('secpol --version and --help', () => {
  it('prints the version', () => {
    const run = secpol(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows examples in --help', () => {
    const run = secpol(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('secpol check');
    expect(run.stdout).toContain('Exit codes');
  });

  it('rejects an unknown option with exit 2', () => {
    const run = secpol(['check', '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
  });
});

describe('secpol check on a snapshot of a badly configured org', () => {
  it('fails with exit 1 and a readable report', () => {
    const run = secpol(['check', '--state', badOrg], { env: NOW });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('branch.protected');
    expect(run.stdout).toMatch(/\d+ failed/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('writes several formats in one run; the SARIF is valid and the JSON follows SPEC', () => {
    const dir = tempDir();
    const run = secpol(['check', '--state', badOrg, '--format', `sarif=${dir}/out.sarif`, '--format', `json=${dir}/out.json`, '--format', 'text'], {
      env: NOW,
    });
    expect(run.status, run.stderr).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const validator = sarifValidator();
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    for (const result of sarif.runs[0].results) {
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }

    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(json.tool.name).toBe('secpol');
    expect(Object.keys(json.summary).sort()).toEqual(['error', 'fail', 'pass', 'skip', 'waived']);
    expect(json.summary.fail).toBeGreaterThan(0);
    const result = json.results[0];
    for (const key of ['ruleId', 'policyId', 'title', 'severity', 'status', 'message', 'resource', 'controls']) expect(result).toHaveProperty(key);
    expect(result.resource).toHaveProperty('id');
    expect(result.resource).toHaveProperty('kind');
    expect(result.resource).toHaveProperty('provider');
    expect(json.stats).toBeDefined();
  });

  it('passes with exit 0 on a well configured org', () => {
    const run = secpol(['check', '--state', goodOrg], { env: NOW });
    expect(run.stdout).not.toMatch(/\bFAIL\b/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('--fail-on none never fails on violations', () => {
    const run = secpol(['check', '--state', badOrg, '--fail-on', 'none', '--format', 'json'], { env: NOW });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary.fail).toBeGreaterThan(0);
  });
});

describe('bad input: one located line, exit 2, other results still reported', () => {
  it('reports an invalid state file at file:line:col and still evaluates the valid one', () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "schema": "secpol/snapshot@1",\n  "resources": [\n    { "id": "x", "kind": "repository", "provider": "github", "name": 42 }\n  ]\n}\n');
    const run = secpol(['check', '--state', broken, '--state', badOrg, '--format', 'json'], { env: NOW });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.json:4:\d+: .*name/);
    const json = JSON.parse(run.stdout);
    expect(json.summary.fail).toBeGreaterThan(0);
  });

  it('rejects binary junk as a state file', () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x01, 0x02]));
    const run = secpol(['check', '--state', junk], { env: NOW });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/junk\.json:1:1: .*binary/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a bad policy file and still evaluates the other rules', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'id: acme.bad\ntitle: Bad\nseverity: high\nresource: repository\nassert:\n  path: archived\n  equalz: true\nmessage: x\n');
    const run = secpol(['check', '--state', badOrg, '--policies', dir, '--format', 'json'], { env: NOW });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:7:3: .*equalz/);
    expect(JSON.parse(run.stdout).summary.fail).toBeGreaterThan(0);
  });

  it('a non-existent path is one clear line', () => {
    const run = secpol(['check', '/definitely/not/here']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('/definitely/not/here');
  });
});

describe('custom rules and waivers', () => {
  it('runs a custom rule and honours a waiver from secpol.yaml', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'policies'));
    writeFileSync(
      join(dir, 'policies', 'acme.yaml'),
      [
        'id: acme.no-public-repos',
        'title: Repositories are private',
        'severity: high',
        'resource: repository',
        'assert: { path: visibility, notEquals: public }',
        'message: "{{ resource.name }} is {{ resource.visibility }}"',
        'remediation: Make it private.',
        'controls: { soc2: [CC6.1] }',
        'examples:',
        '  - { expect: pass, resource: { visibility: private } }',
        '  - { expect: fail, resource: { visibility: public } }',
        '  - { expect: skip, resource: {} }',
        '',
      ].join('\n'),
    );
    const state = {
      schema: 'secpol/snapshot@1',
      resources: [
        { id: 'github:acme/site', kind: 'repository', provider: 'github', name: 'acme/site', visibility: 'public' },
        { id: 'github:acme/api', kind: 'repository', provider: 'github', name: 'acme/api', visibility: 'private' },
      ],
    };
    writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
    const args = ['check', '--no-builtin', '--policies', 'policies', '--state', 'state.json', '--format', 'json'];

    const before = secpol(args, { cwd: dir, env: NOW });
    expect(before.status, before.stderr).toBe(1);
    const failing = JSON.parse(before.stdout).results.filter((r: { status: string }) => r.status === 'fail');
    expect(failing.map((r: { message: string }) => r.message)).toEqual(['acme/site is public']);

    writeFileSync(
      join(dir, 'secpol.yaml'),
      'waivers:\n  - rule: acme.no-public-repos\n    resource: "github:acme/site"\n    reason: Marketing site is public by design\n    expires: 2027-06-30\n    approvedBy: security\n',
    );
    const after = secpol([...args, '--config', 'secpol.yaml'], { cwd: dir, env: NOW });
    expect(after.status, after.stderr).toBe(0);
    const waived = JSON.parse(after.stdout).results.find((r: { status: string }) => r.status === 'waived');
    expect(waived.waiver.reason).toBe('Marketing site is public by design');

    const tested = secpol(['policy', 'test', 'policies'], { cwd: dir });
    expect(tested.stdout).toContain('3 passed, 0 failed');
    expect(tested.status).toBe(0);
  });
});

describe('secrets never leak', () => {
  it('keeps a token out of every output when the platform is unreachable', () => {
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const run = secpol(['check', '--repo', 'acme/api', '--format', 'json', '--verbose'], {
      env: { GITHUB_TOKEN: token, GITHUB_API_URL: 'http://127.0.0.1:9', ...NOW },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).not.toContain(token);
    expect(run.stderr).not.toContain(token);
  });
});

describe('practise what we check', () => {
  it('secpol passes its own check on this repository', () => {
    const run = secpol(['check', '--format', 'json'], { env: NOW });
    const report = JSON.parse(run.stdout);
    const failing = report.results.filter((r: { status: string }) => r.status === 'fail' || r.status === 'error');
    expect(failing.map((r: { ruleId: string; message: string }) => `${r.ruleId}: ${r.message}`)).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
    expect(report.summary.pass).toBeGreaterThan(0);
  });
});
