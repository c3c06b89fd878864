import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerImage, Pipeline, Repository } from '../../../src/model/index.js';
import { cleanup, collect, commitAll, tempDir, writeFiles } from './repo.js';

afterAll(cleanup, 300_000);

/** Issue 13: pipelines and Dockerfiles found wherever a repository keeps them. */
describe('pipeline and Dockerfile discovery', () => {
  it('finds Azure Pipelines by content, follows local templates, and does not count the templates as pipelines', async () => {
    const root = tempDir();
    writeFiles(root, {
      'eng/ci/official-build.yml': 'trigger:\n  branches:\n    include: [main]\nresources:\n  repositories:\n    - repository: eng\n      type: git\n      name: 1ESPipelineTemplates/1ESPipelineTemplates\n      ref: refs/tags/release\nextends:\n  template: v1/1ES.Official.PipelineTemplate.yml@eng\n',
      '.azure-pipelines/ci.yml': 'pr: [main]\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - template: ../eng/templates/build-steps.yml\n',
      'eng/templates/build-steps.yml': 'steps:\n  - task: CodeQL3000Init@0\n  - script: make\n  - task: CodeQL3000Finalize@0\n',
      'config/app.yml': 'steps: 3\nname: not a pipeline\n',
      'k8s-like/values.yaml': 'jobs:\n  - name: nightly\n',
    });
    commitAll(root);
    const result = await collect(root);
    const pipelines = result.resources.filter((r) => r.kind === 'pipeline') as Pipeline[];
    expect(pipelines.map((p) => [p.path, p.platform]).sort()).toEqual([
      ['.azure-pipelines/ci.yml', 'azure-pipelines'],
      ['eng/ci/official-build.yml', 'azure-pipelines'],
    ]);
    const repo = result.resources[0] as Repository;
    // CodeQL runs in the followed template; the official build's scans live in an unresolved remote template.
    expect(repo.ciScans?.sast).toBe(true);
    expect(repo.pipelineFiles?.sort()).toEqual(['.azure-pipelines/ci.yml', 'eng/ci/official-build.yml']);
  });

  it('finds Dockerfile name variants and the Dockerfiles named by compose files and docker build -f', async () => {
    const root = tempDir();
    const df = 'FROM alpine:3.20\nUSER app\n';
    writeFiles(root, {
      'dockerfile': df,
      'api/api.dockerfile': df,
      'web/Dockerfile.prod': df,
      'Containerfile': df,
      'Dockerfile.dockerignore': 'node_modules\n',
      'docs/Dockerfile.md': '# about\n',
      'docker/prod.Df': df,
      'docker-compose.yml': 'services:\n  app:\n    build:\n      context: docker\n      dockerfile: prod.Df\n  db:\n    image: postgres:16\n',
      'ci/images/custom': df,
      '.github/workflows/build.yml': 'on: push\npermissions: read-all\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -f ci/images/custom -t x .\n',
    });
    commitAll(root);
    const result = await collect(root);
    const images = (result.resources.filter((r) => r.kind === 'container-image') as ContainerImage[]).map((i) => i.path).sort();
    expect(images).toEqual(['Containerfile', 'api/api.dockerfile', 'ci/images/custom', 'docker/prod.Df', 'dockerfile', 'web/Dockerfile.prod']);
    const custom = result.resources.find((r) => r.id === 'local:ci/images/custom') as ContainerImage;
    expect(custom.runsAsRoot).toBe(false);
    expect((result.resources[0] as Repository).buildsImages).toBe(true);
  });

  it('counts Kubernetes YAML as infrastructure only outside test fixtures and docs', async () => {
    const k8s = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\n';
    const only = tempDir();
    writeFiles(only, { 'test/fixtures/deploy.yaml': k8s, 'docs/examples/deploy.yaml': k8s });
    commitAll(only);
    expect(((await collect(only)).resources[0] as Repository).hasIac).toBe(false);
    const real = tempDir();
    writeFiles(real, { 'deploy/app.yaml': k8s });
    commitAll(real);
    expect(((await collect(real)).resources[0] as Repository).hasIac).toBe(true);
  });

  it('asks for a digest, not a commit, for docker:// steps', async () => {
    const root = tempDir();
    writeFiles(root, { '.github/workflows/ci.yml': 'on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker://alpine:3.20\n      - uses: actions/checkout@v4\n' });
    commitAll(root);
    const p = (await collect(root)).resources.find((r) => r.kind === 'pipeline') as Pipeline;
    expect(p.unpinnedActions).toEqual([
      { uses: 'docker://alpine:3.20', line: 7, column: 15, kind: 'docker-image', pinTo: 'an image digest (@sha256:...)' },
      { uses: 'actions/checkout@v4', line: 8, column: 15, kind: 'action', pinTo: 'a full commit SHA' },
    ]);
  });
});
