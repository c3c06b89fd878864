import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configProviders } from '../../src/app/providers.js';
import { loadConfig as loadWith } from '../../src/config/index.js';

const loadConfig = (file: string | undefined, cwd: string) => loadWith(file, cwd, configProviders());
import { compileRules, loadPolicyFiles } from '../../src/policy/index.js';
import { formatDiagnostic } from '../../src/shared/errors.js';

const root = path.resolve('fixtures/config');
const messages = async (file: string) => (await loadConfig(file, root)).diagnostics.map(formatDiagnostic);

describe('loadConfig: a complete file', () => {
  it('produces absolute paths, overrides and waivers with their sources', async () => {
    const { config, diagnostics } = await loadConfig('full/secpol.yaml', root);
    expect(diagnostics).toEqual([]);
    const dir = path.join(root, 'full');
    expect(config).toEqual({
      file: path.join(dir, 'secpol.yaml'),
      dir,
      failOn: 'high',
      builtin: true,
      policies: [path.join(dir, 'policies')],
      providers: ['local', 'github'],
      state: [path.join(dir, 'state.json')],
      targets: { repos: ['acme/api'], githubOrg: 'acme', gitlabGroup: 'acme/platform', adoOrg: 'https://dev.azure.com/acme', adoProject: 'web' },
      overrides: [
        {
          rule: 'branch.min-approvals',
          severity: 'critical',
          enabled: true,
          params: { minApprovals: 2 },
          resources: { include: ['github:acme/*'], exclude: [] },
          source: { file: 'full/secpol.yaml', line: 14, column: 3 },
        },
        { rule: 'branch.signed-commits', enabled: false, source: { file: 'full/secpol.yaml', line: 19, column: 3 } },
      ],
      waivers: [
        {
          rule: 'branch.signed-commits',
          resource: 'github:acme/legacy',
          reason: 'Legacy mirror, retired in Q1',
          expires: '2027-01-31',
          approvedBy: 'alice',
          source: { file: 'full/secpol.yaml', line: 21, column: 5 },
        },
        { rule: 'secrets.*', resource: 'aws:secret/*', reason: 'rotation project', expires: '2026-12-01T00:00:00Z', source: { file: 'full/secpol.yaml', line: 26, column: 5 } },
      ],
      secrets: { allowlist: { paths: ['fixtures/**'], fingerprints: ['ab12cd34'] } },
    });
  });
});

describe('loadConfig: discovery', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'secpol-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('without a file and without ./secpol.yaml, yields an empty config', async () => {
    const { config, diagnostics } = await loadConfig(undefined, dir);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({ dir, policies: [], state: [], targets: {}, overrides: [], waivers: [], secrets: { allowlist: { paths: [], fingerprints: [] } } });
  });

  it('reads ./secpol.yaml when present, and an empty file is an empty config', async () => {
    await writeFile(path.join(dir, 'secpol.yaml'), 'failOn: low\npolicies: [custom]\n');
    const { config } = await loadConfig(undefined, dir);
    expect(config).toMatchObject({ file: path.join(dir, 'secpol.yaml'), failOn: 'low', policies: [path.join(dir, 'custom')] });
    await writeFile(path.join(dir, 'secpol.yaml'), '# nothing yet\n');
    expect((await loadConfig(undefined, dir)).config).toMatchObject({ file: path.join(dir, 'secpol.yaml'), overrides: [] });
  });

  it('a named file that does not exist is an error', async () => {
    const { config, diagnostics } = await loadConfig('missing.yaml', dir);
    expect(config).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual(['missing.yaml: config no such file']);
  });
});

describe('loadConfig: bad input', () => {
  it('unknown keys are located and named', async () => {
    expect(await messages('invalid/unknown-key.yaml')).toEqual([
      'invalid/unknown-key.yaml:4:3: unknown key "githubOrganisation" in targets (allowed: repos, githubOrg, gitlabGroup, adoOrg, adoProject, aws, azure, include, exclude, includeArchived, includeForks)',
      'invalid/unknown-key.yaml:8:5: unknown key "parms" in rules.branch.min-approvals (did you mean "params"?)',
    ]);
  });

  it('a waiver without expires or reason is a located error', async () => {
    const { config, diagnostics } = await loadConfig('invalid/waiver-no-expiry.yaml', root);
    expect(config).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'invalid/waiver-no-expiry.yaml:3:5: missing required key "expires" in waivers[0]',
      'invalid/waiver-no-expiry.yaml:6:5: missing required key "reason" in waivers[1]',
    ]);
  });

  it('wrong types point at the value', async () => {
    expect(await messages('invalid/wrong-types.yaml')).toEqual([
      'invalid/wrong-types.yaml:1:9: "failOn" must be one of "critical", "high", "medium", "low", "none", got the string "sometimes"',
      'invalid/wrong-types.yaml:2:10: "builtin" must be true or false, got the string "yes"',
      'invalid/wrong-types.yaml:3:11: "policies" must be a list, got the string "./policies"',
      'invalid/wrong-types.yaml:4:20: "providers[1]" must be one of "snapshot", "local", "github", "gitlab", "azure-devops", "aws", "azure", got the string "bitbucket"',
      'invalid/wrong-types.yaml:6:78: "waivers[0].expires": must be a date like 2027-01-31 or a timestamp like 2027-01-31T12:00:00Z',
    ]);
  });

  it('malformed YAML', async () => {
    const out = await messages('invalid/malformed.yaml');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^invalid\/malformed\.yaml:4:1: YAML syntax error: /);
  });

  it('an ADO project needs the organization URL', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secpol-config-'));
    await writeFile(path.join(dir, 'secpol.yaml'), 'targets:\n  adoProject: web\n');
    expect((await loadConfig(undefined, dir)).diagnostics.map(formatDiagnostic)).toEqual([
      'secpol.yaml:2:3: targets.adoProject needs targets.adoOrg (the organization URL)',
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('config meets policies', () => {
  it('an override or a waiver naming an unknown rule id is reported at its place in secpol.yaml', async () => {
    const { config } = await loadConfig('full/secpol.yaml', root);
    const { definitions } = await loadPolicyFiles(['fixtures/policies/valid']);
    const { diagnostics } = compileRules(definitions, config!.overrides, config!.waivers);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'full/secpol.yaml:14:3: override for unknown rule id "branch.min-approvals"',
      'full/secpol.yaml:19:3: override for unknown rule id "branch.signed-commits"',
      'full/secpol.yaml:21:5: waiver names unknown rule id "branch.signed-commits"',
      'full/secpol.yaml:26:5: waiver names unknown rule id "secrets.*"',
    ]);
  });

  it('overrides apply to the rules they name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secpol-config-'));
    await writeFile(
      path.join(dir, 'secpol.yaml'),
      'rules:\n  acme.min-approvals:\n    severity: low\n    params: { minApprovals: 1 }\n    resources: { exclude: ["github:acme/sandbox-*"] }\n',
    );
    const { config } = await loadConfig(undefined, dir);
    const { definitions } = await loadPolicyFiles(['fixtures/policies/valid']);
    const { rules, diagnostics } = compileRules(definitions, config!.overrides, config!.waivers);
    expect(diagnostics).toEqual([]);
    expect(rules.find((r) => r.id === 'acme.min-approvals')).toMatchObject({
      severity: 'low',
      params: { minApprovals: 1 },
      title: 'Pull requests need 1 approvals',
      match: { exclude: ['github:acme/sandbox-*'] },
    });
    await rm(dir, { recursive: true, force: true });
  });
});

describe('loadConfig: file names in diagnostics', () => {
  it('names an absolute config path inside the cwd relative to it', async () => {
    const { diagnostics } = await loadConfig(path.join(root, 'invalid/unknown-key.yaml'), root);
    expect(diagnostics[0]!.file).toBe('invalid/unknown-key.yaml');
  });
});
