import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../../src/model/index.js';
import { analysePipelineFile } from '../../../src/providers/analysis/index.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const ids = { provider: 'local', idPrefix: 'local:' };
const analyse = async (path: string, text: string, files: Record<string, string> = {}, byContent?: Pipeline['platform']) => {
  const p = await analysePipelineFile({ path, text }, ids, async (f) => files[f], byContent);
  expect(() => Pipeline.parse(p)).not.toThrow();
  return p;
};
const refs = (p: Pipeline) => (p.unpinnedActions ?? []).map((u) => `${u.path ?? ''}${u.line}:${u.column} ${u.kind} ${u.uses}${u.releaseTag ? ' [release]' : ''}`);

describe('GitLab includes: pinning', () => {
  it('judges every include form: project ref, remote integrity, component version; local and template are not remote code', async () => {
    const p = await analyse(
      '.gitlab-ci.yml',
      `include:
  - https://ci.example.com/string-form.yml
  - local: ci/x.yml
  - template: Jobs/Build.gitlab-ci.yml
  - project: acme/a
    ref: ${SHA}
    file: a.yml
  - project: acme/b
    ref: v1.0.0
    file: [b.yml, c.yml]
  - remote: https://ci.example.com/r.yml
    integrity: not-a-digest
  - component: gitlab.example.com/acme/c/c@${SHA}
  - component: gitlab.example.com/acme/c/c@1.4
  - component: gitlab.example.com/acme/c/c@2.0.0-rc.1
  - component: gitlab.example.com/acme/c/c@main
  - component: gitlab.example.com/acme/c/c
`,
      { 'ci/x.yml': 'job:\n  script: make\n' },
    );
    expect(refs(p)).toEqual([
      '2:5 include include: remote https://ci.example.com/string-form.yml',
      '9:10 include include: project acme/b (ref: v1.0.0)',
      '11:13 include include: remote https://ci.example.com/r.yml',
      '14:16 component include: component gitlab.example.com/acme/c/c@1.4',
      '15:16 component include: component gitlab.example.com/acme/c/c@2.0.0-rc.1 [release]',
      '16:16 component include: component gitlab.example.com/acme/c/c@main',
      '17:16 component include: component gitlab.example.com/acme/c/c (no version)',
    ]);
    expect(p.gaps?.unpinnedActions).toBeUndefined();
  });

  it('counts child pipelines (trigger: include) and includes found in local includes, located in their own file', async () => {
    const p = await analyse('.gitlab-ci.yml', 'include: ci/main.yml\n', {
      'ci/main.yml': 'deploy:\n  trigger:\n    include:\n      - project: acme/deploy\n        file: child.yml\n',
    });
    expect(refs(p)).toEqual(['ci/main.yml4:18 include include: project acme/deploy (no ref: the default branch)']);
  });

  it('passes a pipeline with only pinned remote code', async () => {
    const p = await analyse('.gitlab-ci.yml', `include:\n  - project: acme/a\n    ref: ${SHA}\n    file: a.yml\n  - remote: https://x.example.com/a.yml\n    integrity: sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n`);
    expect(p.unpinnedActions).toEqual([]);
  });
});

describe('GitLab includes: scans that come from elsewhere', () => {
  it("counts GitLab's security templates and catalog components as present", async () => {
    const p = await analyse(
      '.gitlab-ci.yml',
      `include:
  - template: Security/Dependency-Scanning.gitlab-ci.yml
  - component: gitlab.com/components/sast/sast@${SHA}
  - component: gitlab.com/components/secret-detection/secret-detection@1.0.0
  - component: gitlab.com/components/container-scanning/container-scanning@1.0.0
  - template: Workflows/MergeRequest-Pipelines.gitlab-ci.yml
`,
    );
    expect(p.scans).toEqual({ sast: true, dependency: true, container: true, secrets: true, iac: false });
    expect(p.gaps?.['scans.iac']).toBeUndefined();
  });

  it('leaves unfound categories unknown (with the reason) when a template outside the known folders may add jobs', async () => {
    const p = await analyse('.gitlab-ci.yml', 'include:\n  - template: Terraform.gitlab-ci.yml\n  - template: Security/SAST.gitlab-ci.yml\n');
    expect(p.scans).toEqual({ sast: true });
    expect(p.gaps?.['scans.iac']).toEqual({
      reason: 'unsupported',
      message: 'include template Terraform.gitlab-ci.yml is not in this repository (secpol cannot tell which jobs it adds)',
    });
  });

  it('a pipeline with no includes at all is decided: false', async () => {
    const p = await analyse('.gitlab-ci.yml', 'test:\n  script: make test\n');
    expect(p.scans).toEqual({ sast: false, dependency: false, container: false, iac: false, secrets: false });
  });
});

describe('Azure Pipelines repository resources: pinning', () => {
  const pipeline = `resources:
  repositories:
    - repository: branch
      type: github
      name: acme/t
      ref: refs/heads/main
    - repository: commit
      type: githubenterprise
      name: acme/t
      ref: ${SHA}
    - repository: plain
      type: git
      name: proj/t
      ref: main
    - repository: builtin
      type: pipelines
steps:
  - template: a.yml@commit
  - template: b.yml@branch
  - template: local.yml@self
  - template: steps/local.yml
`;

  it('flags branch, tag and default-branch refs and the templates that use them; a commit, @self and local templates pass', async () => {
    const p = await analyse('azure-pipelines.yml', pipeline, { 'steps/local.yml': 'steps:\n  - template: c.yml@plain\n' });
    expect(refs(p)).toEqual([
      '6:12 repository-resource repository resource branch (github acme/t, ref: refs/heads/main)',
      '14:12 repository-resource repository resource plain (git proj/t, ref: main)',
      '19:15 template template b.yml@branch (repository resource branch: github acme/t, ref: refs/heads/main)',
      // Templates inherit the resources the pipeline declares, and are located in their own file.
      'steps/local.yml2:15 template template c.yml@plain (repository resource plain: git proj/t, ref: main)',
    ]);
  });

  it('cannot judge a template whose repository alias the file does not declare: a gap, not a pass', async () => {
    // A template kept under eng/ci/, found by its content.
    const p = await analyse('eng/ci/build.yml', 'steps:\n  - template: steps.yml@templates\n  - script: make\n', {}, 'azure-pipelines');
    expect(p.platform).toBe('azure-pipelines');
    expect(p.unpinnedActions).toBeUndefined();
    expect(p.gaps?.unpinnedActions).toEqual({ reason: 'unsupported', message: expect.stringContaining('steps.yml@templates') });
  });
});
