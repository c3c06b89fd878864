import { describe, expect, it } from 'vitest';
import { Pipeline, type Pipeline as PipelineT } from '../../../src/model/index.js';
import { analysePipelineFile, ciScanGaps, isIacContent, isIacPath, pipelinePlatformOf, summariseCiScans } from '../../../src/providers/analysis/index.js';

const ids = { provider: 'gitlab', idPrefix: 'gitlab:acme/api', repository: 'gitlab:acme/api' };
const analyse = async (path: string, text: string, files: Record<string, string> = {}) => {
  const p = await analysePipelineFile({ path, text }, ids, async (f) => files[f]);
  expect(() => Pipeline.parse(p)).not.toThrow();
  return p;
};

describe('GitLab CI', () => {
  it('recognises security templates, components and scanner scripts, and honours *_DISABLED', async () => {
    const p = await analyse(
      '.gitlab-ci.yml',
      `include:
  - template: Security/SAST.gitlab-ci.yml
  - template: Jobs/Secret-Detection.gitlab-ci.yml
  - component: $CI_SERVER_FQDN/components/container-scanning/container-scanning@2.0.0
  - template: Security/Dependency-Scanning.gitlab-ci.yml
variables:
  DEPENDENCY_SCANNING_DISABLED: "true"
  DOCKER_PASSWORD: "s3cr3t-literal"
  REGISTRY_PASSWORD: $CI_REGISTRY_PASSWORD
  SAST_EXCLUDED_PATHS: spec
.scan:
  script:
    - checkov -d infra
tf:
  extends: .scan
  variables:
    API_TOKEN:
      value: "tok-literal"
      description: the token
`,
    );
    expect(p.platform).toBe('gitlab-ci');
    expect(p.scans).toEqual({ sast: true, dependency: false, container: true, iac: true, secrets: true });
    expect(p.plaintextSecrets).toEqual([
      { key: 'DOCKER_PASSWORD', line: 8 },
      { key: 'API_TOKEN', line: 17 },
    ]);
    expect(p.gaps).toEqual({
      tokenPermissions: { reason: 'not-applicable', message: expect.any(String) },
      dangerousTriggers: { reason: 'not-applicable', message: expect.any(String) },
    });
    expect(p.unpinnedActions).toEqual([
      {
        uses: 'include: component $CI_SERVER_FQDN/components/container-scanning/container-scanning@2.0.0',
        line: 4,
        column: 16,
        kind: 'component',
        pinTo: 'a full commit SHA (or a release tag, if the policy accepts them)',
        releaseTag: true,
      },
    ]);
    expect(p.tokenPermissions).toBeUndefined();
  });

  it('a scanner job re-declared with its own rules runs although its *_DISABLED variable is set', async () => {
    const pipeline = (job: string) => `include:
  - component: \${CI_SERVER_FQDN}/components/dependency-scanning/main@1.1.1
  - component: \${CI_SERVER_FQDN}/components/sast/sast@3.4.0
variables:
  DEPENDENCY_SCANNING_DISABLED: "true"
  SAST_DISABLED: "true"
${job}
`;
    // The rules replace the component's, and with them its check of the variable.
    const redeclared = await analyse('.gitlab-ci.yml', pipeline('dependency-scanning:\n  rules:\n    - if: $CI_MERGE_REQUEST_IID'));
    expect(redeclared.scans).toMatchObject({ dependency: true, sast: false });
    // Without its own rules the job keeps the component's, which honour the variable.
    const variablesOnly = await analyse('.gitlab-ci.yml', pipeline('dependency-scanning:\n  variables:\n    FF_X: "false"'));
    expect(variablesOnly.scans).toMatchObject({ dependency: false, sast: false });
    // A job of another category does not lift the switch.
    const other = await analyse('.gitlab-ci.yml', pipeline('secret_detection:\n  rules:\n    - when: always'));
    expect(other.scans).toMatchObject({ dependency: false, sast: false });
  });

  it('follows local includes (with cycles) and leaves unfound scans unknown when an include is out of reach', async () => {
    const p = await analyse(
      '.gitlab-ci.yml',
      `include:
  - local: ci/a.yml
  - project: acme/templates
    file: security.yml
test:
  script: npm test
`,
      { 'ci/a.yml': 'include: /ci/b.yml\n', 'ci/b.yml': 'include:\n  - local: ci/a.yml\naudit:\n  script: npm audit\n' },
    );
    expect(p.scans).toEqual({ dependency: true });
    expect(p.gaps?.['scans.sast']).toEqual({ reason: 'unsupported', message: 'include project acme/templates is not in this repository (secpol cannot tell which jobs it adds)' });
  });

  it('reports a missing local include as not-found for unfound scans', async () => {
    const p = await analyse('.gitlab-ci.yml', 'include: /ci/missing.yml\njob:\n  script: gitleaks detect\n');
    expect(p.scans).toEqual({ secrets: true });
    expect(p.gaps?.['scans.sast']?.reason).toBe('not-found');
  });

  it('handles the spec header document', async () => {
    const p = await analyse('.gitlab-ci.yml', 'spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  script: semgrep ci\n');
    expect(p.scans?.sast).toBe(true);
  });
});

describe('Azure Pipelines', () => {
  it('recognises tasks, MSDO categories and scripts across stages, jobs and deployments', async () => {
    const p = await analyse(
      'azure-pipelines.yml',
      `trigger: [main]
variables:
  - name: dbPassword
    value: literal-pass
  - name: apiKey
    value: $(secretApiKey)
  - group: shared
stages:
  - stage: build
    jobs:
      - job: b
        steps:
          - task: AdvancedSecurity-Codeql-Init@1
          - task: MicrosoftSecurityDevOps@1
            inputs:
              categories: IaC,containers
          - script: npm audit --audit-level=high
            env:
              NPM_TOKEN: literal-npm
      - deployment: d
        strategy:
          runOnce:
            deploy:
              steps:
                - bash: gitleaks detect
`,
    );
    expect(p.platform).toBe('azure-pipelines');
    expect(p.scans).toEqual({ sast: true, dependency: true, container: true, iac: true, secrets: true });
    expect(p.scanTools).toEqual(['AdvancedSecurity-Codeql-Init', 'MicrosoftSecurityDevOps', 'gitleaks', 'npm audit']);
    expect(p.plaintextSecrets).toEqual([
      { key: 'dbPassword', line: 3 },
      { key: 'NPM_TOKEN', line: 19 },
    ]);
    expect(p.unpinnedActions).toEqual([]);
  });

  it('reads local templates relative to the file and leaves remote ones unknown', async () => {
    const p = await analyse(
      'build/azure-pipelines.yml',
      `steps:
  - template: templates/scan.yml
  - template: steps.yml@shared-templates
`,
      { 'build/templates/scan.yml': 'steps:\n  - task: CredScan@3\n' },
    );
    expect(p.scans?.secrets).toBe(true);
    expect(p.scans?.sast).toBeUndefined();
    expect(p.gaps?.['scans.sast']?.message).toBe('template steps.yml@shared-templates is not in this repository');
  });
});

describe('repository summaries', () => {
  const pipe = (scans: PipelineT['scans'], gaps?: PipelineT['gaps']): PipelineT => ({
    id: 'x',
    kind: 'pipeline',
    provider: 'local',
    name: 'x',
    platform: 'github-actions',
    path: 'x.yml',
    ...(scans ? { scans } : {}),
    ...(gaps ? { gaps } : {}),
  });

  it('is true when any pipeline runs a scan, false when all are known not to, unknown otherwise', () => {
    const all = { sast: false, dependency: false, container: false, iac: false, secrets: false };
    expect(summariseCiScans([])).toEqual(all);
    expect(summariseCiScans([pipe(all), pipe({ ...all, sast: true })])).toEqual({ ...all, sast: true });
    const broken = pipe(undefined, { '*': { reason: 'malformed', message: 'x.yml:1:1: bad' } });
    expect(summariseCiScans([pipe({ ...all, sast: true }), broken])).toEqual({ sast: true });
    expect(ciScanGaps([pipe({ ...all, sast: true }), broken])['ciScans.iac']).toEqual({ reason: 'malformed', message: 'x.yml: x.yml:1:1: bad' });
  });

  it('detects pipeline platforms and IaC', () => {
    expect(pipelinePlatformOf('.github/workflows/a.yaml')).toBe('github-actions');
    expect(pipelinePlatformOf('.github/workflows/sub/a.yaml')).toBeUndefined();
    expect(pipelinePlatformOf('.gitlab-ci.yml')).toBe('gitlab-ci');
    expect(pipelinePlatformOf('ci/azure-pipelines.release.yml')).toBe('azure-pipelines');
    for (const p of ['infra/main.tf', 'main.bicep', 'charts/api/Chart.yaml', 'k8s/deploy.yaml', 'azuredeploy.json']) expect(isIacPath(p)).toBe(true);
    expect(isIacPath('src/app.ts')).toBe(false);
    expect(isIacContent('deploy/app.yaml', 'apiVersion: apps/v1\nkind: Deployment\n')).toBe(true);
    expect(isIacContent('stack.yml', 'AWSTemplateFormatVersion: "2010-09-09"\n')).toBe(true);
    expect(isIacContent('docker-compose.yml', 'services:\n  web: {}\n')).toBe(false);
  });
});
