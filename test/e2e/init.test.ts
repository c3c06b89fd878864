import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot, secpol, tempDir } from '../helpers/cli.js';
import { git } from '../providers/local/repo.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const ACTION_SHA = 'a'.repeat(40);
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function freshRepo(): string {
  const dir = tempDir('secpol-init-');
  made.push(dir);
  git(dir, 'init', '-q');
  return dir;
}

function commit(dir: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'secpol init');
}

/** Runs one line of a job's shell script in `cwd`, as the CI shell would. */
function shell(line: string, cwd: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('sh', ['-c', line], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', SECPOL_CACHE_DIR: join(cwd, '.cache'), ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('secpol init, then the first run of what it wrote, on a fresh repository', () => {
  it('github: a workflow running the Action pinned to the release commit, green on its first run', () => {
    const repo = freshRepo();
    const init = secpol(['init', '--platform', 'github', '--action-ref', ACTION_SHA], { cwd: repo });
    expect(init.status, init.stderr).toBe(0);
    const workflow = parse(readFileSync(join(repo, '.github/workflows/secpol.yml'), 'utf8')) as { jobs: { secpol: { steps: { uses?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs.secpol.steps;
    const action = steps.find((s) => s.uses?.startsWith('secpol/secpol@'));
    expect(action?.uses).toBe(`secpol/secpol@${ACTION_SHA}`);
    expect(readFileSync(join(repo, '.github/workflows/secpol.yml'), 'utf8')).toContain(`# v${version}`);
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') && s.with?.sarif_file === 'secpol.sarif')).toBe(true);
    expect(readFileSync(join(repo, '.github/workflows/secpol.yml'), 'utf8')).not.toMatch(/npx|--yes/);
    commit(repo);
    // The Action's step, run as the runner would (its entry, the workflow's inputs).
    const inputs = Object.fromEntries(Object.entries(action?.with ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, String(v)]));
    const step = spawnSync(process.execPath, [join(repoRoot, 'dist-action/action.js')], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: repo, RUNNER_TEMP: repo, SECPOL_CACHE_DIR: join(repo, '.cache'), INPUT_SARIF: 'secpol.sarif', INPUT_ANNOTATIONS: 'true', ...inputs },
    });
    expect(step.stdout.split('\n').filter((l) => l.startsWith('::error')), step.stdout).toEqual([]);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(existsSync(join(repo, 'secpol.sarif'))).toBe(true);
  });

  it('github: a build that is not a release pins the tag and says how to pin the commit', () => {
    const repo = freshRepo();
    const init = secpol(['init', '--platform', 'github'], { cwd: repo });
    expect(init.status).toBe(0);
    expect(readFileSync(join(repo, '.github/workflows/secpol.yml'), 'utf8')).toContain(`uses: secpol/secpol@v${version} # pin to the tag's commit SHA`);
    expect(init.stderr).toContain('--action-ref');
  });

  it('gitlab: the component copied and pinned to this release, whose job command passes and writes Code Quality and JUnit', () => {
    const repo = freshRepo();
    const init = secpol(['init', '--platform', 'gitlab'], { cwd: repo });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('include: [{ local: ci/secpol.gitlab-ci.yml }]');
    const [header, body] = parseAllDocuments(readFileSync(join(repo, 'ci/secpol.gitlab-ci.yml'), 'utf8')).map((d) => d.toJS() as Record<string, unknown>);
    const inputs = (header as { spec: { inputs: Record<string, { default: string }> } }).spec.inputs;
    expect(inputs.version?.default).toBe(`v${version}`);
    const job = (body as { secpol: { script: string[]; artifacts: { reports: Record<string, string> } } }).secpol;
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality-report.json', junit: 'secpol-junit.xml' });
    const script = job.script.map((line) => line.replace(/\$\[\[ inputs\.([\w-]+) \]\]/g, (_, name: string) => inputs[name]?.default ?? ''));
    expect(script[0]).toBe(`git clone --quiet --depth 1 --branch "v${version}" "https://github.com/secpol/secpol.git" "$SECPOL_HOME"`);
    commit(repo);
    // The clone is the network step; the checked-out bundle stands in for it.
    const check = shell(script[1]!, repo, { SECPOL_HOME: repoRoot });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, 'gl-code-quality-report.json'), 'utf8'))).toBeInstanceOf(Array);
    expect(readFileSync(join(repo, 'secpol-junit.xml'), 'utf8')).toContain('<testsuites');
  });

  it('azure-devops: the step template copied and pinned, whose check passes and writes SARIF to CodeAnalysisLogs and JUnit', () => {
    const repo = freshRepo();
    const init = secpol(['init', '--platform', 'azure-devops'], { cwd: repo });
    expect(init.status, init.stderr).toBe(0);
    const template = parse(readFileSync(join(repo, 'ci/secpol.azure-pipelines.yml'), 'utf8')) as {
      parameters: { name: string; default: string }[];
      steps: { script?: string; task?: string; inputs?: Record<string, string> }[];
    };
    const params = Object.fromEntries(template.parameters.map((p) => [p.name, p.default]));
    expect(params.version).toBe(`v${version}`);
    expect(template.steps.find((s) => s.task === 'PublishBuildArtifacts@1')?.inputs?.ArtifactName).toBe('CodeAnalysisLogs');
    expect(template.steps.find((s) => s.task === 'PublishTestResults@2')?.inputs?.testResultsFormat).toBe('JUnit');
    const staging = join(repo, '.staging');
    mkdirSync(staging);
    const expand = (line: string): string =>
      line
        .replace(/\$\{\{ parameters\.(\w+) \}\}/g, (_, name: string) => params[name] ?? '')
        .replace(/\$\(Agent\.TempDirectory\)\/secpol/g, repoRoot)
        .replace(/\$\(Build\.ArtifactStagingDirectory\)/g, staging);
    const scripts = template.steps.filter((s) => s.script).map((s) => expand(s.script!));
    expect(scripts[0]).toContain(`--branch "v${version}"`);
    commit(repo);
    const check = shell(scripts[1]!, repo);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).not.toContain('##vso[task.complete result=Failed');
    expect(JSON.parse(readFileSync(join(staging, 'CodeAnalysisLogs/secpol.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(readFileSync(join(staging, 'secpol-junit.xml'), 'utf8')).toContain('<testsuites');
  });
});

describe('secpol init picks the platform', () => {
  const detect = (setup: (dir: string) => void): { status: number | null; platformLine: string; stderr: string } => {
    const dir = freshRepo();
    setup(dir);
    const run = secpol(['init'], { cwd: dir });
    return { status: run.status, platformLine: run.stdout.split('\n').find((l) => /^[a-z-]+: /.test(l)) ?? '', stderr: run.stderr };
  };

  it('from the pipeline files', () => {
    expect(detect((d) => writeFileSync(join(d, '.gitlab-ci.yml'), 'test: { script: [make] }\n')).platformLine).toMatch(/^gitlab: /);
    expect(detect((d) => writeFileSync(join(d, 'azure-pipelines.yml'), 'steps: []\n')).platformLine).toMatch(/^azure-devops: /);
  });

  it('from the origin host, self-managed GitLab included', () => {
    expect(detect((d) => git(d, 'remote', 'add', 'origin', 'git@gitlab.acme.example:platform/api.git')).platformLine).toMatch(/^gitlab: /);
    expect(detect((d) => git(d, 'remote', 'add', 'origin', 'https://dev.azure.com/acme/web/_git/api')).platformLine).toMatch(/^azure-devops: /);
    expect(detect((d) => git(d, 'remote', 'add', 'origin', 'https://github.com/acme/api.git')).platformLine).toMatch(/^github: /);
  });

  it('the pipeline files over a remote that disagrees; --platform over both', () => {
    expect(
      detect((d) => {
        git(d, 'remote', 'add', 'origin', 'https://github.com/acme/api.git');
        writeFileSync(join(d, '.gitlab-ci.yml'), 'test: { script: [make] }\n');
      }).platformLine,
    ).toMatch(/^gitlab: /);
  });

  it('asks for --platform rather than guessing when there is nothing to go on', () => {
    const none = detect(() => {});
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('secpol: cannot tell the CI platform (no CI files and no origin remote); choose one with --platform github|gitlab|azure-devops\n');
    const unknown = detect((d) => git(d, 'remote', 'add', 'origin', 'https://git.acme.example/api.git'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('origin remote whose host is not recognised');
  });

  it('keeps the templates pinned to the package version', () => {
    for (const file of ['templates/secpol.yml', 'templates/azure-pipelines.yml']) {
      expect(readFileSync(join(repoRoot, file), 'utf8')).toContain(`default: v${version} # pinned: secpol release`);
    }
  });
});
