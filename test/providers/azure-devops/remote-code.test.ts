import { describe, expect, it } from 'vitest';
import { acmeScenario } from '../../fakes/azure-devops/scenario.js';
import { yamlDefinition } from '../../fakes/azure-devops/state.js';
import { byId, collect, fakeAzureDevOpsPerTest } from './helpers.js';

const REPO = 'azure-devops:acme/web/api';
const SRC = 'org.opencontainers.image.source';

/**
 * A YAML definition kept outside `azure-pipelines*.yml` goes through the shared analyser as
 * Azure Pipelines: repository resources on a branch are flagged with file:line:column, the
 * template taken from one cannot be read (scans unknown), and the Docker@2 labels reach the
 * image it builds.
 */
describe('azure-devops: remote code in repository resources and CI-set labels', () => {
  const start = fakeAzureDevOpsPerTest();

  it('flags the repository resource and its template, leaves scans unknown, labels the built image', async () => {
    const org = acmeScenario({ projects: 1, reposPerProject: 1 });
    const project = org.projects[0]!;
    const api = project.repos[0]!;
    api.files = {
      ...api.files,
      '.pipelines/ci.yml': `resources:
  repositories:
    - repository: templates
      type: github
      name: acme/pipeline-templates
      ref: refs/heads/main
steps:
  - template: scan.yml@templates
  - task: Docker@2
    inputs:
      command: buildAndPush
      Dockerfile: Dockerfile
      arguments: --label ${SRC}=$(Build.Repository.Uri)
`,
    };
    project.definitions = [yamlDefinition(900, 'api-release', api, '.pipelines/ci.yml')];
    const fake = await start(org);
    const result = await collect(fake.orgUrl);

    const pipeline = byId(result, `${REPO}/.pipelines/ci.yml`, 'pipeline');
    expect(pipeline.platform).toBe('azure-pipelines');
    expect(pipeline.gaps?.['*']).toBeUndefined();
    expect(pipeline.unpinnedActions?.map((u) => `${u.line}:${u.column} ${u.uses}`)).toEqual([
      '6:12 repository resource templates (github acme/pipeline-templates, ref: refs/heads/main)',
      '8:15 template scan.yml@templates (repository resource templates: github acme/pipeline-templates, ref: refs/heads/main)',
    ]);
    expect(byId(result, REPO, 'repository').ciScans).toEqual({});
    expect(pipeline.gaps?.['scans.sast']).toEqual({ reason: 'unsupported', message: 'template scan.yml@templates is not in this repository' });
    const image = byId(result, `${REPO}/Dockerfile`, 'container-image');
    expect(image.labelKeys).toEqual([SRC]);
    expect(image.labelsFromCi?.map((l) => l.name)).toEqual(['.pipelines/ci.yml:13:18 (Docker@2 task arguments --label)']);
  });
});
