import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/index.js';
import type { Result, RuleOverride } from '../../../src/model/index.js';
import { compileRules, loadPolicyFiles } from '../../../src/policy/index.js';
import { cleanup, collect, fixtureRepo, type Collected } from './repo.js';

/**
 * fixtures/local/repos/ci-remote-code.yaml through the local provider and the built-in
 * rules: GitLab includes and Azure repository resources are judged for pinning with
 * file:line:column, scans that come from unreadable includes stay unknown, and image labels
 * set by CI builds count for the image they build.
 */
const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const loaded = await loadPolicyFiles([join(repoRoot, 'policies', 'builtin')], { cwd: repoRoot });

function run(resources: Collected['resources'], overrides: RuleOverride[] = []): Result[] {
  const { rules, diagnostics } = compileRules(loaded.definitions, overrides);
  expect(diagnostics).toEqual([]);
  return evaluate(rules, resources, { now: new Date('2026-06-01T00:00:00Z') }).results;
}
const find = (results: Result[], rule: string, id: string): Result => {
  const r = results.find((x) => x.ruleId === rule && x.resource.id === id);
  expect(r, `${rule} on ${id}`).toBeDefined();
  return r!;
};
const located = (r: Result) => (r.evidence ?? []).map((e) => `${e.location?.path}:${e.location?.line}:${e.location?.column ?? '-'} ${e.message}`);

describe('remote code, unresolved includes and CI-set labels (local provider)', () => {
  let collected: Collected;
  let results: Result[];
  beforeAll(async () => {
    collected = await collect(fixtureRepo('ci-remote-code'));
    results = run(collected.resources);
  });
  afterAll(cleanup);

  it('fails ci.pinned-actions on GitLab includes with file:line:column, naming includes as includes', () => {
    const r = find(results, 'ci.pinned-actions', 'local:.gitlab-ci.yml');
    expect(r.status).toBe('fail');
    expect(located(r)).toEqual([
      '.gitlab-ci.yml:3:10 include: project acme/ci-templates (ref: main) is not pinned to a full commit SHA (ref: <sha>)',
      '.gitlab-ci.yml:8:14 include: project acme/no-ref (no ref: the default branch) is not pinned to a full commit SHA (ref: <sha>)',
      '.gitlab-ci.yml:10:13 include: remote https://ci.example.com/build.yml is not pinned to a content digest (integrity: sha256-...)',
      '.gitlab-ci.yml:13:16 include: component $CI_SERVER_FQDN/components/dependency-scanning/main@1.2.0 is not pinned to a full commit SHA (or a release tag, if the policy accepts them)',
      '.gitlab-ci.yml:14:16 include: component gitlab.example.com/acme/lint/lint@~latest is not pinned to a full commit SHA',
      // Found in the local include, located in that file.
      'ci/build.yml:2:13 include: remote https://ci.example.com/nested.yml is not pinned to a content digest (integrity: sha256-...)',
    ]);
    expect(r.message).toContain('6 remote code references (actions, includes, repository resources) not pinned');
  });

  it('accepts component release versions only when the param says so, never ~latest', () => {
    const relaxed = run(collected.resources, [{ rule: 'ci.pinned-actions', params: { allowComponentReleaseTags: true } }]);
    const evidence = located(find(relaxed, 'ci.pinned-actions', 'local:.gitlab-ci.yml'));
    expect(evidence).toHaveLength(5);
    expect(evidence.join('\n')).not.toContain('dependency-scanning/main@1.2.0');
    expect(evidence.join('\n')).toContain('lint@~latest');
  });

  it('fails ci.pinned-actions on Azure repository resources on a tag or default branch, and the templates taken from them', () => {
    const r = find(results, 'ci.pinned-actions', 'local:azure-pipelines.yml');
    expect(r.status).toBe('fail');
    expect(located(r)).toEqual([
      'azure-pipelines.yml:8:12 repository resource templates (github acme/pipeline-templates, ref: refs/tags/v2) is not pinned to a full commit SHA (ref: <sha>)',
      'azure-pipelines.yml:13:19 repository resource tools (bitbucket acme/tools, no ref: the default branch) is not pinned to a full commit SHA (ref: <sha>)',
      'azure-pipelines.yml:17:13 template pipeline.yml@templates (repository resource templates: github acme/pipeline-templates, ref: refs/tags/v2) is not pinned to a full commit SHA on repository resource templates',
      'azure-pipelines.yml:21:19 template steps/tools.yml@tools (repository resource tools: bitbucket acme/tools, no ref: the default branch) is not pinned to a full commit SHA on repository resource tools',
    ]);
    expect(r.location).toEqual({ path: 'azure-pipelines.yml', line: 8, column: 12 });
  });

  it('passes the GitHub workflow whose actions are pinned', () => {
    expect(find(results, 'ci.pinned-actions', 'local:.github/workflows/release.yml').status).toBe('pass');
  });

  it('counts scans from GitLab templates and catalog components, and leaves the rest unknown (skip), never false', () => {
    const repo = collected.resources.find((r) => r.kind === 'repository')!.id;
    expect(find(results, 'ci.sast', repo).status).toBe('pass');
    expect(find(results, 'ci.dependency-scan', repo).status).toBe('pass');
    const container = find(results, 'ci.container-scan', repo);
    expect(container.status).toBe('skip');
    expect(container.reason).toContain('not in this repository');
  });

  it('passes container.oci-labels on images labelled by the CI build that names them, saying where', () => {
    const root = find(results, 'container.oci-labels', 'local:Dockerfile');
    expect(root.status).toBe('pass');
    expect(root.message).toBe(
      'Dockerfile carries the OCI source, revision and created labels, set at build time by .github/workflows/release.yml:17:15 (docker/metadata-action labels into docker/build-push-action)',
    );
    const api = find(results, 'container.oci-labels', 'local:docker/api.Dockerfile');
    expect(api.status).toBe('pass');
    expect(api.message).toContain('ci/build.yml:6:7 (docker build --label)');
  });

  it('fails the image no CI build labels, and the one whose CI build sets too few labels (saying which file sets them)', () => {
    const worker = find(results, 'container.oci-labels', 'local:docker/worker.Dockerfile');
    expect(worker.status).toBe('fail');
    expect(worker.message).not.toContain('set at build time');
    const web = find(results, 'container.oci-labels', 'local:services/web/Dockerfile');
    expect(web.status).toBe('fail');
    expect(web.message).toBe(
      'services/web/Dockerfile lacks OCI provenance labels: with the labels set at build time by azure-pipelines.yml:23 (docker buildx build --label) it has org.opencontainers.image.source; source, revision and created are required',
    );
  });
});
