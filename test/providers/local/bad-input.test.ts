import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerImage, Pipeline, Repository } from '../../../src/model/index.js';
import { providerTargets } from '../../helpers/targets.js';
import { createLocalProvider } from '../../../src/providers/local/index.js';
import { UserError } from '../../../src/shared/errors.js';
import { cleanup, collect, commitAll, fake, git, tempDir, writeFiles } from './repo.js';

afterAll(cleanup, 300_000);

const GOOD_WORKFLOW = `on: push
permissions: read-all
jobs:
  ok:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;

function repoOf(result: { resources: unknown[] }): Repository {
  return result.resources[0] as Repository;
}

describe('bad input', () => {
  it('reports a malformed workflow as a malformed gap with file:line:col and analyses the others', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.github/workflows/broken.yml': 'on: push\njobs:\n  build:\n    steps: [\n      - run: x\n',
      '.github/workflows/dup.yaml': 'on: push\non: pull_request\njobs: {}\n',
      '.github/workflows/list.yml': '- just\n- a list\n',
      '.github/workflows/ok.yml': GOOD_WORKFLOW,
    });
    commitAll(root);
    const result = await collect(root);
    const broken = result.resources.find((r) => r.id === 'local:.github/workflows/broken.yml') as Pipeline;
    expect(broken.gaps?.['*']?.reason).toBe('malformed');
    expect(broken.gaps?.['*']?.message).toMatch(/^\.github\/workflows\/broken\.yml:\d+:\d+: \S/);
    expect(broken.location?.line).toBeGreaterThan(1);
    expect(broken.tokenPermissions).toBeUndefined();
    const dup = result.resources.find((r) => r.id === 'local:.github/workflows/dup.yaml') as Pipeline;
    expect(dup.gaps?.['*']?.message).toMatch(/^\.github\/workflows\/dup\.yaml:2:1: Map keys must be unique \("on" repeats\)/);
    const list = result.resources.find((r) => r.id === 'local:.github/workflows/list.yml') as Pipeline;
    expect(list.gaps?.['*']?.message).toMatch(/list\.yml:1:1: a workflow must be a mapping/);
    const ok = result.resources.find((r) => r.id === 'local:.github/workflows/ok.yml') as Pipeline;
    expect(ok.gaps).toBeUndefined();
    expect(ok.tokenPermissions?.leastPrivilege).toBe(true);
    // The repository summary cannot say a scan is absent when a workflow could not be read.
    const repo = repoOf(result);
    expect(repo.ciScans).toEqual({});
    expect(repo.gaps?.['ciScans.sast']?.reason).toBe('malformed');
  });

  it('analyses a 5 MB workflow', { timeout: 120_000 }, async () => {
    const root = tempDir();
    const jobs: string[] = [];
    for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++) {
      jobs.push(`  job${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "${'x'.repeat(200)}"\n`);
      size += jobs[i]!.length;
    }
    writeFiles(root, { '.github/workflows/huge.yml': `on: push\njobs:\n${jobs.join('')}` });
    commitAll(root);
    const result = await collect(root);
    const p = result.resources.find((r) => r.kind === 'pipeline') as Pipeline;
    expect(p.gaps).toBeUndefined();
    expect(p.unpinnedActions).toHaveLength(jobs.length);
    expect(p.tokenPermissions?.offendingJobs).toHaveLength(jobs.length);
    expect(p.unpinnedActions?.[jobs.length - 1]?.line).toBe(jobs.length * 5 + 2 - 1);
  });

  it('never follows a symlink out of the tree', async () => {
    const root = tempDir();
    writeFiles(root, { 'README.md': 'hello\n' });
    symlinkSync('/etc/passwd', join(root, 'passwd'));
    symlinkSync('/etc/passwd', join(root, 'Dockerfile'));
    symlinkSync('README.md', join(root, 'readme-link'));
    commitAll(root);
    const result = await collect(root);
    const repo = repoOf(result);
    expect(repo.skippedFiles).toEqual([
      { path: 'Dockerfile', reason: 'symlink pointing outside the tree (not followed)' },
      { path: 'passwd', reason: 'symlink pointing outside the tree (not followed)' },
      { path: 'readme-link', reason: 'symlink (not followed; its target is scanned on its own)' },
    ]);
    const img = result.resources.find((r) => r.id === 'local:Dockerfile') as ContainerImage;
    expect(img.gaps?.['*']).toEqual({ reason: 'error', message: 'Dockerfile: not analysed: symlink pointing outside the tree (not followed)' });
    expect(img.runsAsRoot).toBeUndefined();
    expect(result.diagnostics.some((d) => d.severity === 'warning' && /3 files not scanned/.test(d.message))).toBe(true);
    expect(JSON.stringify(result)).not.toContain('root:x:0');
  });

  it('applies a configured size limit to pipelines too (an error for their rules, not a pass)', async () => {
    const root = tempDir();
    writeFiles(root, { '.github/workflows/ci.yml': GOOD_WORKFLOW });
    commitAll(root);
    const result = await collect(root, { maxFileBytes: 16 });
    const p = result.resources.find((r) => r.kind === 'pipeline') as Pipeline;
    expect(p.gaps?.['*']?.reason).toBe('error');
    expect(p.gaps?.['*']?.message).toMatch(/too large/);
    expect(repoOf(result).gaps?.['ciScans.sast']?.reason).toBe('error');
  });

  it('handles paths with spaces, unicode and newlines', async () => {
    const root = tempDir();
    const odd = ['dir with space/ünïcödé file.js', 'new\nline.js', 'tab\there/Dockerfile'];
    writeFiles(root, {
      [odd[0]!]: `export const t = '${fake.GITHUB_PAT}';\n`,
      [odd[1]!]: `\n\nconst key = "${fake.GITLAB_PAT}";\n`,
      [odd[2]!]: 'FROM alpine:3.20\nUSER app\n',
    });
    commitAll(root);
    const result = await collect(root);
    const repo = repoOf(result);
    expect(repo.secretFindings?.map((f) => [f.path, f.line])).toEqual([
      [odd[0], 1],
      [odd[1], 3],
    ]);
    const img = result.resources.find((r) => r.kind === 'container-image') as ContainerImage;
    expect(img.id).toBe(`local:${odd[2]}`);
    expect(img.runsAsRoot).toBe(false);
  });

  // Every file scanned, the one secret among them found, progress as it goes. The 50,000-file
  // case is a benchmark: `node bench/local.mjs 50000`.
  it('scans every file of a repository of 4,000 files, reporting progress', async () => {
    const root = tempDir();
    for (let d = 0; d < 40; d++) {
      const dir = join(root, `pkg${d}`, 'src');
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(dir, `m${f}.ts`), `export const v${f} = ${d * 100 + f};\n`);
    }
    writeFileSync(join(root, 'pkg37', 'src', 'm7.ts'), `export const token = '${fake.GITHUB_PAT}';\n`);
    commitAll(root);
    const result = await collect(root);
    expect(result.stats.localFilesListed).toBe(4_000);
    expect(result.stats.localFilesScanned).toBe(4_000);
    expect(repoOf(result).secretFindings?.map((f) => f.path)).toEqual(['pkg37/src/m7.ts']);
    expect(result.progress.filter((m) => /scanned \d+\/4000 files/.test(m))).toEqual(['local: scanned 1000/4000 files', 'local: scanned 2000/4000 files', 'local: scanned 3000/4000 files']);
  });

  it('walks a directory that is not a git repository, honouring .gitignore files', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.gitignore': '.env\nbuild/\n*.log\n',
      '.env': `TOKEN=${fake.GITHUB_PAT}\n`,
      'build/out.js': `const t = '${fake.GITHUB_PAT}';\n`,
      'debug.log': `${fake.GITHUB_PAT}\n`,
      'sub/.gitignore': '!keep.log\nlocal.txt\n',
      'sub/keep.log': `${fake.GITLAB_PAT}\n`,
      'sub/local.txt': `${fake.GITHUB_PAT}\n`,
      'sub/.env.local': 'X=1\n',
      'src/app.js': `const t = '${fake.NPM_TOKEN}';\n`,
    });
    symlinkSync('/etc', join(root, 'etc-link'));
    execFileSync('mkfifo', [join(root, 'pipe')]); // opening it would block forever
    const result = await collect(root);
    const repo = repoOf(result);
    expect(result.stats.localSource).toBe('walk');
    expect(repo.skippedFiles).toEqual([
      { path: 'etc-link', reason: 'symlink pointing outside the tree (not followed)' },
      { path: 'pipe', reason: 'not a regular file' },
    ]);
    expect(repo.secretFindings?.map((f) => f.path).sort()).toEqual(['src/app.js', 'sub/keep.log']);
    expect(repo.envIgnored).toBe(true);
    // Ignored files would not be committed; `.env.local` in sub/ is not ignored.
    expect(repo.envFilesCommitted).toEqual([{ path: 'sub/.env.local' }]);
  });

  it('rejects a path that is not a directory', () => {
    const root = tempDir();
    writeFiles(root, { 'file.txt': 'x' });
    const plan = (path: string) =>
      createLocalProvider().plan(providerTargets({ path }), {});
    expect(() => plan(join(root, 'missing'))).toThrow(UserError);
    expect(() => plan(join(root, 'file.txt'))).toThrow(/not a directory/);
  });

  it('follows GitLab local includes inside the tree', async () => {
    const root = tempDir();
    writeFiles(root, {
      '.gitlab-ci.yml': 'include:\n  - local: /ci/security.yml\n  - template: Security/SAST.gitlab-ci.yml\nvariables:\n  DEPLOY_TOKEN: "abc123xyz"\ntest:\n  script: npm test\n',
      'ci/security.yml': 'include:\n  - local: ci/more.yml\nsecrets:\n  script:\n    - gitleaks detect --source .\n',
      'ci/more.yml': 'deps:\n  script: npm audit --omit=dev\n',
      'Dockerfile': 'FROM alpine:3.20\n',
    });
    commitAll(root);
    const result = await collect(root);
    const p = result.resources.find((r) => r.id === 'local:.gitlab-ci.yml') as Pipeline;
    expect(p.platform).toBe('gitlab-ci');
    expect(p.scans).toEqual({ sast: true, dependency: true, container: false, iac: false, secrets: true });
    expect(p.plaintextSecrets).toEqual([{ key: 'DEPLOY_TOKEN', line: 5 }]);
    expect(p.gaps?.tokenPermissions?.reason).toBe('not-applicable');
    // Local includes and GitLab's own templates are not remote code.
    expect(p.unpinnedActions).toEqual([]);
    expect(repoOf(result).ciScans).toEqual({ sast: true, dependency: true, container: false, iac: false, secrets: true });
  });

  it('scans untracked files (a developer checks before committing) but never ignored ones, and changes nothing in git', async () => {
    const root = tempDir();
    writeFiles(root, { 'a.js': 'x\n', '.gitignore': 'build/\n' });
    commitAll(root);
    writeFiles(root, { 'untracked.js': `const t = '${fake.GITHUB_PAT}';\n`, 'build/out.js': `const t = '${fake.GITLAB_PAT}';\n` });
    const before = git(root, 'status', '--porcelain');
    const repo = repoOf(await collect(root));
    expect(repo.secretFindings?.map((f) => f.path)).toEqual(['untracked.js']);
    expect(git(root, 'status', '--porcelain')).toBe(before);
  });
});
