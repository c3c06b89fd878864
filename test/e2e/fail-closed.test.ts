import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, secpolAsync, tempDir } from '../helpers/cli.js';

/** Inputs that used to make a run evaluate nothing, or pass on data it could not trust. */
const NOW = '2026-11-26T12:00:00Z';
const env = { SECPOL_NOW: NOW };
const goodState = join(repoRoot, 'fixtures', 'states', 'good-org.json');

const typoPolicy = `rules:
  - id: acme.private
    title: Repositories are private
    severity: high
    resource: repository
    assert:
      path: visibilty
      equals: private
    message: "{{ resource.name }} is not private"
  - id: acme.labels
    title: Images name their source
    severity: low
    resource: container-image
    # Free-keyed maps (labels, gaps) accept any key below them.
    assert:
      all:
        - path: labels["org.opencontainers.image.source"]
          exists: true
        - path: gaps.labels.reason
          exists: false
    message: "{{ resource.name }} has no source label"
`;

describe('a policy path the resource model does not have', () => {
  it('is a located error with a suggestion in check and in policy validate, exit 2', async () => {
    const dir = tempDir('secpol-e2e-typo-');
    writeFileSync(join(dir, 'typo.yaml'), typoPolicy);
    const expected = 'typo.yaml:7:13: unknown field "visibilty" in repository (did you mean "visibility"?)';
    const check = await secpolAsync(['check', '--no-builtin', '--policies', 'typo.yaml', '--state', goodState, '--format', 'json'], { cwd: dir, env });
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(expected);
    const validate = await secpolAsync(['policy', 'validate', 'typo.yaml'], { cwd: dir, env });
    expect(validate.status).toBe(2);
    expect(validate.stderr.trim().split('\n')).toHaveLength(1);
    expect(validate.stderr).toContain(expected);
  });
});

describe('zero rules', () => {
  it('--no-builtin with an empty policy directory is exit 2 with one line, before collecting anything', async () => {
    const dir = tempDir('secpol-e2e-empty-');
    const run = await secpolAsync(['check', '--no-builtin', '--policies', dir, '--state', goodState], { cwd: dir, env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([`secpol: no rules loaded: --no-builtin was given and "${dir}" holds no rules`]);
    const validate = await secpolAsync(['policy', 'validate', dir], { cwd: dir, env });
    expect(validate.status).toBe(2);
  });
});

describe('dates in the future', () => {
  it('a rotation, creation or restore-test date ahead of the clock is invalid data: error, not pass', async () => {
    const dir = tempDir('secpol-e2e-future-');
    const future = '2099-01-01T00:00:00Z';
    const resources = [
      { id: 'declared:secret/db', kind: 'secret', provider: 'declared', name: 'DB_PASSWORD', store: 'declared', createdAt: '2026-10-01', lastRotatedAt: future },
      { id: 'declared:token/ci', kind: 'token', provider: 'declared', name: 'ci', tokenType: 'pat', createdAt: future, expiresAt: '2099-06-01T00:00:00Z' },
      { id: 'declared:backup/db', kind: 'backup-plan', provider: 'declared', name: 'db', lastRestoreTestAt: '2099-01-01' },
      // Within the clock-skew allowance (a minute ahead; a plain date of "tomorrow" in another time zone): still a fact.
      { id: 'declared:secret/skew', kind: 'secret', provider: 'declared', name: 'SKEW', store: 'declared', createdAt: '2026-11-01', lastRotatedAt: '2026-11-26T12:01:00Z' },
      { id: 'declared:backup/skew', kind: 'backup-plan', provider: 'declared', name: 'skew', lastRestoreTestAt: '2026-11-27' },
    ];
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ schema: 'secpol/snapshot@1', resources }));
    const run = await secpolAsync(['check', '--state', 'state.json', '--provider', 'snapshot', '--format', 'json', '--fail-on', 'none'], { cwd: dir, env });
    expect(run.stderr).not.toMatch(/internal error/);
    const report = JSON.parse(run.stdout) as { results: { ruleId: string; status: string; message: string; resource: { id: string } }[] };
    const status = (ruleId: string, id: string) => report.results.find((r) => r.ruleId === ruleId && r.resource.id === id);
    expect(status('secrets.rotation-age', 'declared:secret/db')).toMatchObject({ status: 'error', message: expect.stringMatching(/lastRotatedAt .* is in the future/) });
    expect(status('tokens.expiry', 'declared:token/ci')?.status).toBe('error');
    expect(status('backup.restore-tested', 'declared:backup/db')?.status).toBe('error');
    expect(status('secrets.rotation-age', 'declared:secret/skew')?.status).toBe('pass');
    expect(status('backup.restore-tested', 'declared:backup/skew')?.status).toBe('pass');
  });
});
