import { describe, expect, it } from 'vitest';
import type { ContainerImage, Repository } from '../../../src/model/index.js';
import { acmeScenario } from '../../fakes/azure-devops/scenario.js';
import type { FakeOrg } from '../../fakes/azure-devops/state.js';
import { byId, collect, fakeAzureDevOpsPerTest } from './helpers.js';

const REPO = 'azure-devops:acme/web/api';

/** One project, two repositories; `api` gets these extra files. */
function scenario(files: Record<string, string>): FakeOrg {
  const org = acmeScenario({ projects: 1, reposPerProject: 2 });
  const api = org.projects[0]!.repos[0]!;
  api.files = { ...api.files, ...files };
  return org;
}

describe('azure-devops: Dockerfiles are read through the items API and analysed', () => {
  const start = fakeAzureDevOpsPerTest();

  it('analyses the root Dockerfile and those the tree names elsewhere, like GitHub and GitLab', async () => {
    const f = await start(scenario({ 'docker/Dockerfile.worker': 'FROM ubuntu:latest\nRUN apt-get update\n' }));
    const result = await collect(f.orgUrl);
    expect(byId(result, REPO, 'repository').buildsImages).toBe(true);
    expect(byId(result, `${REPO}/Dockerfile`, 'container-image')).toMatchObject({ repository: REPO, user: 'node', runsAsRoot: false, baseImages: [{ ref: 'node:20', line: 1 }] });
    const worker = byId(result, `${REPO}/docker/Dockerfile.worker`, 'container-image') as ContainerImage;
    expect(worker).toMatchObject({ repository: REPO, runsAsRoot: true, baseImages: [{ ref: 'ubuntu:latest', pinning: 'latest', line: 1 }] });
    const read = f.requests.filter((r) => r.path.endsWith('/items') && r.query.has('path')).map((r) => r.query.get('path'));
    expect(read).toEqual(expect.arrayContaining(['/Dockerfile', '/docker/Dockerfile.worker']));
  });

  it(`reads at most five Dockerfiles a repository and names the others as skipped`, async () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`svc${i}/Dockerfile`, 'FROM node:20\nUSER node\n']));
    const f = await start(scenario(many));
    const result = await collect(f.orgUrl);
    const images = result.resources.filter((r) => r.kind === 'container-image' && r.id.startsWith(`${REPO}/`));
    expect(images).toHaveLength(5);
    expect((byId(result, REPO, 'repository') as Repository).skippedFiles).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/Dockerfile$/), reason: expect.stringContaining('only the first 5 Dockerfiles') }),
      expect.objectContaining({ path: expect.stringMatching(/Dockerfile$/) }),
    ]);
  });

  it('an unreadable tree still tries the root Dockerfile; a failed read stands as an image with an error gap, never a pass', async () => {
    const f = await start(scenario({}), { faults: [{ path: /\/_apis\/git\/repositories\/[^/]+\/items$/, status: 500 }] });
    const result = await collect(f.orgUrl);
    const image = byId(result, `${REPO}/Dockerfile`, 'container-image');
    expect(image.runsAsRoot).toBeUndefined();
    expect(image.gaps?.['*']).toMatchObject({ reason: 'error', message: expect.stringMatching(/^Dockerfile Dockerfile: /) });
  });
});
