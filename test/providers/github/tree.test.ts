import { describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/model/index.js';
import { makeRepo } from '../../fakes/github/model.js';
import { ADMIN_TOKEN, collect, fakeGithubPerTest, spec, standardState } from './helpers.js';

const startFake = fakeGithubPerTest();
const TREES = /\/git\/trees\//;

/** Drops the GraphQL `tree` of every node, as GitHub does when that field fails. */
const noGraphqlTree = (body: unknown): unknown => {
  const data = (body as { data: { nodes: ({ tree?: unknown } | null)[] } }).data;
  data.nodes.forEach((n) => n && (n.tree = null));
  return body;
};

function stateWith(files: Record<string, string>) {
  const state = standardState();
  state.repos = [makeRepo('acme', 'svc', { files })];
  return state;
}

const SHALLOW = {
  '.github/workflows/ci.yml': 'on: [push]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
  'Dockerfile': 'FROM node:20\nUSER node\n',
  'services/worker/Dockerfile': 'FROM python:latest\n',
  'infra/main.tf': 'resource "x" "y" {}\n',
  '.github/CODEOWNERS': '* @acme/devs\n',
  'README.md': '# svc\n',
};

describe('github provider: the file list from the GraphQL batch', () => {
  it('reads a shallow repository without the REST tree, with the same facts and resources as the REST tree gives', async () => {
    // The first scan's GraphQL answer has no tree (REST lists the files), the second's has it.
    const fake = await startFake(stateWith(SHALLOW), { faults: [{ method: 'POST', path: /^\/graphql$/, kind: 'malformed', times: 1, mutate: noGraphqlTree }] });
    const viaRest = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(TREES)).toBe(1);
    const viaGraphql = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(TREES)).toBe(1);

    const repo = viaGraphql.byId('github:acme/svc') as Repository;
    expect(repo).toMatchObject({ buildsImages: true, hasIac: true, codeowners: true });
    expect(repo.gaps?.hasIac).toBeUndefined();
    expect(viaGraphql.result.resources.map((r) => r.id)).toContain('github:acme/svc/services/worker/Dockerfile');
    expect(viaGraphql.result.resources).toEqual(viaRest.result.resources);
  });

  it('concludes absence from a complete shallow listing', async () => {
    const fake = await startFake(stateWith({ 'README.md': '#\n', 'docs/guide/intro.md': 'x\n' }));
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(TREES)).toBe(0);
    expect(run.byId('github:acme/svc')).toMatchObject({ buildsImages: false, hasIac: false, codeowners: false });
  });

  it('asks the REST tree when a directory lies below the levels GraphQL listed', async () => {
    const fake = await startFake(stateWith({ 'README.md': '#\n', 'deploy/envs/prod/k8s/app.yaml': 'kind: Deployment\n' }));
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(TREES)).toBe(1);
    // Found only in the REST listing: the GraphQL levels alone would have said false.
    expect(run.byId('github:acme/svc')).toMatchObject({ hasIac: true });
  });

  it('asks the REST tree for a directory too long to trust GraphQL with', async () => {
    const files: Record<string, string> = { 'README.md': '#\n' };
    for (let i = 0; i < 1000; i++) files[`assets/${i}.txt`] = 'x';
    const fake = await startFake(stateWith(files));
    await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(TREES)).toBe(1);
  });

  it('records a gap, never false, when the REST fallback is truncated', async () => {
    const truncate = (body: unknown): unknown => ({ ...(body as object), truncated: true, tree: [] });
    const fake = await startFake(stateWith({ 'a/b/c/d.txt': 'x' }), { faults: [{ path: TREES, kind: 'malformed', times: 1, mutate: truncate }] });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const repo = run.byId('github:acme/svc') as Repository;
    expect(repo.hasIac).toBeUndefined();
    expect(repo.gaps?.hasIac?.message).toMatch(/truncated/);
    expect(repo.gaps?.buildsImages).toBeDefined();
  });
});
