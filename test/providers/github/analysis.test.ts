import { describe, expect, it } from 'vitest';
import type { ContainerImage, Pipeline, Repository } from '../../../src/model/index.js';
import { ADMIN_TOKEN, collect, spec, standardState, fakeGithubPerTest } from './helpers.js';

const startFake = fakeGithubPerTest();

describe('github provider: workflow and Dockerfile analysis through the API', () => {
  it('runs the shared analysers on files fetched without cloning', async () => {
    const state = standardState();
    const api = state.repos[0]!;
    api.files['.github/workflows/scan.yml'] = [
      'on:',
      '  pull_request_target:',
      'jobs:',
      '  codeql:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          ref: ${{ github.event.pull_request.head.sha }}',
      '      - run: make build',
      '      - uses: github/codeql-action/analyze@v3',
      '',
    ].join('\n');
    api.files['services/worker/Dockerfile'] = 'FROM python:latest\nRUN pip install x\n';
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });

    const repo = run.byId('github:acme/api') as Repository;
    expect(repo.pipelineFiles).toEqual(['.github/workflows/ci.yml', '.github/workflows/scan.yml']);
    expect(repo.ciScans?.sast).toBe(true);
    expect(repo.buildsImages).toBe(true);

    const ci = run.byId('github:acme/api/.github/workflows/ci.yml') as Pipeline;
    expect(ci.tokenPermissions?.leastPrivilege).toBe(true);
    const scan = run.byId('github:acme/api/.github/workflows/scan.yml') as Pipeline;
    expect(scan.dangerousTriggers?.map((t) => t.trigger)).toContain('pull_request_target');
    expect(scan.unpinnedActions?.map((a) => a.uses)).toContain('github/codeql-action/analyze@v3');
    expect(scan.tokenPermissions?.leastPrivilege).toBe(false);

    const root = run.byId('github:acme/api/Dockerfile') as ContainerImage;
    expect(root).toMatchObject({ runsAsRoot: false, user: 'node' });
    const worker = run.byId('github:acme/api/services/worker/Dockerfile') as ContainerImage;
    expect(worker.runsAsRoot).toBe(true);
    expect(worker.baseImages?.[0]).toMatchObject({ ref: 'python:latest', pinning: 'latest' });
    // The root Dockerfile and the workflows come with the GraphQL batch; others over REST.
    expect(fake.count(/^\/repos\/acme\/api\/contents\/Dockerfile$/)).toBe(0);
    // Octokit encodes the `{path}` parameter (slashes as %2F), which GitHub accepts.
    expect(fake.count(/^\/repos\/acme\/api\/contents\/services(\/|%2F)worker(\/|%2F)Dockerfile$/)).toBe(1);
    expect(fake.count(/\/contents\/\.github/)).toBe(0);
  });
});
