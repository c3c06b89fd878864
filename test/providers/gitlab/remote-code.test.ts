import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TOKENS, groupScenario } from '../../fakes/gitlab/scenarios.js';
import { collect, get, type Collected } from './helpers.js';

/**
 * The GitLab provider reads .gitlab-ci.yml, its local includes and the Dockerfiles through the
 * files API and hands them to the shared analyser: include pinning, unknown scans from
 * unreadable includes and CI-set image labels arrive the same as through the local provider.
 */
const fixture = parse(readFileSync(join(resolve(import.meta.dirname, '..', '..', '..'), 'fixtures', 'local', 'repos', 'ci-remote-code.yaml'), 'utf8')) as {
  files: Record<string, string>;
};
const pick = (...paths: string[]) => Object.fromEntries(paths.map((p) => [p, fixture.files[p]!]));

describe('gitlab: remote code in includes and CI-set labels', () => {
  let c: Collected;
  beforeAll(async () => {
    const state = groupScenario({ projects: 4 });
    const api = state.projects.find((p) => p.body.path_with_namespace === 'acme/platform/api')!;
    api.files = pick('.gitlab-ci.yml', 'ci/build.yml', 'Dockerfile', 'docker/api.Dockerfile', 'docker/worker.Dockerfile');
    c = await collect(state, TOKENS.admin);
  });

  it('lists unpinned includes with file:line:column, those of local includes in their own file', () => {
    const pipeline = get(c, 'gitlab:acme/platform/api/.gitlab-ci.yml', 'pipeline');
    expect(pipeline.gaps?.unpinnedActions).toBeUndefined();
    expect(pipeline.unpinnedActions?.map((u) => `${u.path ?? pipeline.path}:${u.line}:${u.column} ${u.uses}`)).toEqual([
      '.gitlab-ci.yml:3:10 include: project acme/ci-templates (ref: main)',
      '.gitlab-ci.yml:8:14 include: project acme/no-ref (no ref: the default branch)',
      '.gitlab-ci.yml:10:13 include: remote https://ci.example.com/build.yml',
      '.gitlab-ci.yml:13:16 include: component $CI_SERVER_FQDN/components/dependency-scanning/main@1.2.0',
      '.gitlab-ci.yml:14:16 include: component gitlab.example.com/acme/lint/lint@~latest',
      'ci/build.yml:2:13 include: remote https://ci.example.com/nested.yml',
    ]);
  });

  it('counts the dependency-scanning component and SAST template, leaves the rest unknown with the reason', () => {
    const repo = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(repo.ciScans).toEqual({ sast: true, dependency: true });
    expect(repo.gaps?.['ciScans.container']).toEqual({ reason: 'unsupported', message: expect.stringContaining('include project acme/ci-templates') });
  });

  it('adds the labels the CI build sets to the Dockerfile it names, and only to it', () => {
    const api = get(c, 'gitlab:acme/platform/api/docker/api.Dockerfile', 'container-image');
    expect(api.labelKeys).toEqual(['org.opencontainers.image.created', 'org.opencontainers.image.revision', 'org.opencontainers.image.source']);
    expect(api.labelsFromCi?.map((l) => l.name)).toEqual(['ci/build.yml:6:7 (docker build --label)']);
    expect(get(c, 'gitlab:acme/platform/api/docker/worker.Dockerfile', 'container-image').labelKeys).toEqual([]);
    expect(get(c, 'gitlab:acme/platform/api/Dockerfile', 'container-image').labelKeys).toEqual([]);
  });
});
