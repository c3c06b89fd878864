import { realpathSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Pipeline, Repository } from '../../../src/model/index.js';
import { cleanup, collect, commitAll, tempDir, writeFiles } from './repo.js';

afterAll(() => cleanup());

const KEY = "export const awsAccessKeyId = '{{AWS_KEY_ID}}';\n";

describe('a subdirectory of a git repository', () => {
  it('is listed with root-relative paths, the repository facts of the top, and says what it is', async () => {
    const root = tempDir('secpol-mono-');
    writeFiles(root, {
      '.gitignore': '.env\n',
      'SECURITY.md': '# Reporting\n',
      '.gitlab-ci.yml': 'include:\n  - local: ci/api.yml\n',
      'ci/api.yml': 'test:\n  script: [make test]\n',
      'services/api/src/aws.js': KEY,
      'services/api/Dockerfile': 'FROM node:22\nUSER node\n',
      'services/web/src/aws.js': KEY,
    });
    commitAll(root);
    const result = await collect(root, {}, 'services/api', undefined, root);
    const repo = result.resources.find((r) => r.kind === 'repository') as Repository;
    expect(repo.id).toBe('local:services/api');
    expect(repo.name).toMatch(/\/services\/api$/);
    expect(repo.secretFindings?.map((f) => f.path)).toEqual(['services/api/src/aws.js']);
    expect(repo.securityPolicy).toBe(true);
    expect(repo.envIgnored).toBe(true);
    // The root pipeline is outside the checked part; the package's Dockerfile is in it, by its root-relative path.
    expect(result.resources.filter((r) => r.kind === 'pipeline') as Pipeline[]).toEqual([]);
    expect(result.resources.find((r) => r.kind === 'container-image')?.id).toBe('local:services/api/Dockerfile');
    expect(result.scanned).toBe(`services/api of repository at ${realpathSync(root)} (working tree)`);
  });

  it("takes its CI scan facts from the repository's pipelines at the top, which build it too", async () => {
    const root = tempDir('secpol-mono-ci-');
    writeFiles(root, {
      '.gitlab-ci.yml': 'include:\n  - local: ci/scans.yml\n',
      'ci/scans.yml': 'include:\n  - template: Jobs/SAST.gitlab-ci.yml\n',
      '.github/workflows/deps.yml': 'on: pull_request\njobs:\n  deps:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/dependency-review-action@3b139cfc5fae8b618d3eae3675e383bb1769c019\n',
      'services/api/src/index.js': 'export {};\n',
    });
    commitAll(root);
    const result = await collect(root, {}, 'services/api', undefined, root);
    const repo = result.resources.find((r) => r.kind === 'repository') as Repository;
    expect(repo.ciScans).toMatchObject({ sast: true, dependency: true, container: false });
    expect(repo.pipelineFiles?.sort()).toEqual(['.github/workflows/deps.yml', '.gitlab-ci.yml']);
    // Reported as resources only when the top is checked.
    expect(result.resources.filter((r) => r.kind === 'pipeline')).toEqual([]);
  });

  it('at the top, ids and paths are as before', async () => {
    const root = tempDir('secpol-top-');
    writeFiles(root, { 'src/aws.js': KEY });
    commitAll(root);
    const result = await collect(root);
    const repo = result.resources.find((r) => r.kind === 'repository') as Repository;
    expect(repo.id).toBe('local:.');
    expect(repo.secretFindings?.map((f) => f.path)).toEqual(['src/aws.js']);
    expect(result.scanned).toBe(`repository at ${realpathSync(root)} (working tree)`);
  });
});
