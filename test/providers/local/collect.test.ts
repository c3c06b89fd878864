import { basename, dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Resource, type ContainerImage, type Pipeline, type Repository } from '../../../src/model/index.js';
import { providerTargets } from '../../helpers/targets.js';
import { createLocalProvider } from '../../../src/providers/local/index.js';
import { Redactor } from '../../../src/shared/redact.js';
import { cleanup, collect, fake, fixtureRepo, type Collected } from './repo.js';

afterAll(cleanup, 300_000);

function byId<K extends Resource['kind']>(r: Collected, id: string, kind: K): Extract<Resource, { kind: K }> {
  const found = r.resources.find((x) => x.id === id);
  if (!found) throw new Error(`no resource ${id}; have ${r.resources.map((x) => x.id).join(', ')}`);
  expect(found.kind).toBe(kind);
  return found as Extract<Resource, { kind: K }>;
}

describe('local provider on a repository that passes every rule', async () => {
  const result = await collect(fixtureRepo('good'));
  const repo = byId(result, 'local:.', 'repository') as Repository;

  it('returns schema-valid resources with the documented ids', () => {
    for (const r of result.resources) expect(() => Resource.parse(r)).not.toThrow();
    expect(result.resources.map((r) => r.id).sort()).toEqual(['local:.', 'local:.github/workflows/ci.yml', 'local:Dockerfile']);
    expect(result.stats.localSource).toBe('git');
  });

  it('collects the repository facts', () => {
    expect(repo).toMatchObject({
      provider: 'local',
      securityPolicy: true,
      codeowners: true,
      envFilesCommitted: [],
      envIgnored: true,
      secretFindings: [],
      skippedFiles: [],
      buildsImages: true,
      hasIac: true,
      ciScans: { sast: true, dependency: true, container: true, iac: true, secrets: true },
      pipelineFiles: ['.github/workflows/ci.yml'],
    });
    expect(repo.gaps).toBeUndefined();
  });

  it('analyses the workflow', () => {
    const p = byId(result, 'local:.github/workflows/ci.yml', 'pipeline') as Pipeline;
    expect(p).toMatchObject({
      platform: 'github-actions',
      repository: 'local:.',
      tokenPermissions: { leastPrivilege: true, topLevel: 'contents: read', offendingJobs: [] },
      unpinnedActions: [],
      dangerousTriggers: [],
      plaintextSecrets: [],
    });
    expect(p.scanTools).toEqual(expect.arrayContaining(['github/codeql-action/analyze', 'aquasecurity/trivy-action', 'gitleaks/gitleaks-action', 'npm audit']));
  });

  it('analyses the Dockerfile (final stage, ARG-substituted base, labels)', () => {
    const img = byId(result, 'local:Dockerfile', 'container-image') as ContainerImage;
    expect(img.user).toBe('65532:65532');
    expect(img.runsAsRoot).toBe(false);
    expect(img.baseImages?.map((b) => b.pinning)).toEqual(['digest', 'digest']);
    expect(img.baseImages?.[0]?.ref).toMatch(/^node:20\.11-bookworm@sha256:/);
    expect(img.secretsInImage).toEqual([]);
    expect(img.labelKeys?.slice().sort()).toEqual([
      'org.opencontainers.image.created',
      'org.opencontainers.image.revision',
      'org.opencontainers.image.source',
    ]);
    expect(img.labels?.['org.opencontainers.image.source']).toBe('https://github.com/acme/app');
  });

  it('reports progress', () => {
    expect(result.progress.length).toBeGreaterThan(0);
  });
});

describe('local provider on a repository that fails every rule', async () => {
  const result = await collect(fixtureRepo('bad'));
  const repo = byId(result, 'local:.', 'repository') as Repository;

  it('finds hard-coded secrets with path and line, masked', () => {
    const summary = (repo.secretFindings ?? []).map((f) => `${f.path}:${f.line}:${f.detector}`).sort();
    expect(summary).toEqual(
      [
        '.env:1:@secretlint/secretlint-rule-github',
        'config/.env.production:1:@secretlint/secretlint-rule-database-connection-string',
        'keys/deploy.pem:1:@secretlint/secretlint-rule-privatekey',
        'src/config.js:3:@secretlint/secretlint-rule-aws',
        'src/config.js:5:@secretlint/secretlint-rule-github',
        'src/config.js:6:secpol/gitlab-token',
        '.github/workflows/ci.yml:16:@secretlint/secretlint-rule-npm',
      ].sort(),
    );
    for (const f of repo.secretFindings ?? []) {
      expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(f.masked).toMatch(/^.{0,4}\*+$/);
    }
    const gh = repo.secretFindings!.find((f) => f.path === 'src/config.js' && f.line === 5)!;
    expect(gh.column).toBe(29);
    expect(gh.masked).toBe(`${fake.GITHUB_PAT.slice(0, 4)}${'*'.repeat(16)}`);
  });

  it('never lets a secret value out, and registers found values with the redactor', () => {
    expect(result.redactor.redact(`x ${fake.AWS_SECRET} y`)).toBe('x [REDACTED] y');
    const json = JSON.stringify({ ...result, redactor: undefined });
    for (const value of Object.values(fake)) {
      expect(json).not.toContain(value);
      expect(json).not.toContain(value.slice(8, 24));
    }
    expect(json).not.toContain('hunter2');
  });

  it('reports committed .env files and the missing ignore rule', () => {
    expect(repo.envFilesCommitted).toEqual([{ path: '.env' }, { path: 'config/.env.production' }]);
    expect(repo.envIgnored).toBe(false);
    expect(repo.securityPolicy).toBe(false);
    expect(repo.codeowners).toBe(false);
    expect(repo.hasIac).toBe(false);
    expect(repo.buildsImages).toBe(true);
    expect(repo.ciScans).toEqual({ sast: false, dependency: false, container: false, iac: false, secrets: false });
  });

  it('flags the workflows', () => {
    const ci = byId(result, 'local:.github/workflows/ci.yml', 'pipeline') as Pipeline;
    expect(ci.tokenPermissions).toEqual({
      leastPrivilege: false,
      topLevel: null,
      offendingJobs: [{ job: 'build', line: 7, why: expect.stringMatching(/no permissions block/) }],
    });
    expect(ci.unpinnedActions).toEqual([
      { uses: 'actions/checkout@v4', line: 10, column: 15, kind: 'action', pinTo: 'a full commit SHA' },
      { uses: 'some-org/some-action@main', line: 11, column: 15, kind: 'action', pinTo: 'a full commit SHA' },
      { uses: 'docker://alpine:3.20', line: 12, column: 15, kind: 'docker-image', pinTo: 'an image digest (@sha256:...)' },
    ]);
    expect(ci.plaintextSecrets).toEqual([
      { key: 'DB_PASSWORD', line: 4 },
      { key: 'NPM_TOKEN', line: 16 },
    ]);
    expect(ci.dangerousTriggers).toEqual([]);

    const prt = byId(result, 'local:.github/workflows/pr-target.yml', 'pipeline') as Pipeline;
    expect(prt.tokenPermissions?.leastPrivilege).toBe(false);
    expect(prt.tokenPermissions?.topLevel).toBe('write-all');
    expect(prt.tokenPermissions?.offendingJobs.map((j) => j.job)).toEqual(['test', 'greet']);
    expect(prt.dangerousTriggers).toEqual([
      { trigger: 'pull_request_target', line: 9, why: expect.stringMatching(/checks out the pull request's code \(line 9\) and then runs it \(line 12\)/) },
      { trigger: 'pull_request_target', line: 16, why: expect.stringMatching(/github\.event\.pull_request\.title/) },
    ]);
  });

  it('flags the Dockerfiles', () => {
    const img = byId(result, 'local:Dockerfile', 'container-image') as ContainerImage;
    expect(img).toMatchObject({ user: null, runsAsRoot: true, labels: {}, labelKeys: [] });
    expect(img.baseImages).toEqual([{ ref: 'node', pinning: 'latest', line: 1 }]);
    expect(img.secretsInImage).toEqual([
      { instruction: 'ARG', name: 'NPM_TOKEN', line: 2 },
      { instruction: 'ENV', name: 'API_KEY', line: 3 },
      { instruction: 'COPY', name: '.env', line: 5 },
    ]);
    const worker = byId(result, 'local:docker/Dockerfile.worker', 'container-image') as ContainerImage;
    expect(worker).toMatchObject({ user: 'root', runsAsRoot: true, baseImages: [{ ref: 'ubuntu:latest', pinning: 'latest', line: 1 }] });
  });
});

describe('cancellation', () => {
  it('stops when the signal is aborted', async () => {
    const root = fixtureRepo('good');
    const [adapter] = createLocalProvider().plan(providerTargets({ path: root }), {});
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(
      adapter!.collect({ now: new Date(), env: {}, signal: controller.signal, progress: { update: () => undefined }, redactor: new Redactor(), debug: () => undefined }),
    ).rejects.toThrow('cancelled by the user');
  });
});

describe('secret allowlist', () => {
  it('drops findings by path glob and by fingerprint', async () => {
    const root = fixtureRepo('bad');
    const first = await collect(root);
    const pem = first.resources[0] as Repository;
    const awsFingerprint = pem.secretFindings!.find((f) => f.detector.endsWith('-aws'))!.fingerprint;
    const result = await collect(root, { allowlist: { paths: ['keys/**'], fingerprints: [`sha256:${awsFingerprint}`] } }, undefined, {
      paths: ['config/.env.*'],
      fingerprints: [],
    });
    const repo = result.resources[0] as Repository;
    const paths = repo.secretFindings!.map((f) => `${f.path}:${f.line}`);
    expect(paths).not.toContain('keys/deploy.pem:1');
    expect(paths).not.toContain('config/.env.production:1');
    expect(paths).not.toContain('src/config.js:3');
    expect(paths).toContain('src/config.js:5');
    expect(result.stats.localSecretsAllowlisted).toBe(1);
  });
});

describe('a path other than .', () => {
  it('names resources relative to the scanned tree, however its path was typed', async () => {
    const root = fixtureRepo('good');
    const parent = dirname(root);
    const previous = process.cwd();
    process.chdir(parent);
    try {
      for (const asTyped of [`${root}/`, basename(root), `./${basename(root)}`]) {
        const result = await collect(root, {}, asTyped);
        const ids = result.resources.map((r) => r.id);
        expect(ids[0]).toBe('local:.');
        expect(ids).toContain('local:Dockerfile');
        expect((result.resources[1] as Pipeline).repository).toBe('local:.');
      }
      // An absolute path that is the working directory is `.`.
      process.chdir(root);
      expect((await collect(root, {}, root)).resources[0]!.id).toBe('local:.');
    } finally {
      process.chdir(previous);
    }
  });
});
