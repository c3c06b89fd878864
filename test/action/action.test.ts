import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif.js';
import { commitAll, writeFiles } from '../providers/local/repo.js';

interface ActionManifest {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

const manifest = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionManifest;
const scratch = mkdtempSync(join(tmpdir(), 'secpol-action-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Files in `dir`, relative, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe('dist-action/ (the committed bundle the Action runs)', () => {
  it('is what scripts/build.mjs makes of the current sources (run `npm run build:action` and commit when this fails)', () => {
    const fresh = join(scratch, 'fresh');
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--action', '--outdir', fresh], { cwd: repoRoot, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const committed = join(repoRoot, 'dist-action');
    expect(listFiles(committed)).toEqual(listFiles(fresh));
    for (const file of listFiles(fresh)) {
      expect(readFileSync(join(committed, file), 'utf8') === readFileSync(join(fresh, file), 'utf8'), `dist-action/${file} is stale`).toBe(true);
    }
  });

  it('action.yml runs it on a Node the runner has', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist-action/action.js' });
    expect(existsSync(join(repoRoot, manifest.runs.main))).toBe(true);
  });
});

describe('the Action run the way the runner runs it', () => {
  // The runner downloads the repository at the pinned commit into _actions/<owner>/<repo>/<sha>
  // and runs `node <main>` there with the workspace as the working directory: no npm install,
  // so the copy holds no node_modules.
  const actionDir = join(scratch, '_actions', 'acme', 'secpol', 'sha');
  const workspace = join(scratch, 'workspace');
  const summaryFile = join(scratch, 'step_summary.md');
  const outputFile = join(scratch, 'output.txt');
  let run: { status: number | null; stdout: string; stderr: string };

  beforeAll(() => {
    mkdirSync(actionDir, { recursive: true });
    for (const entry of ['action.yml', 'package.json', 'dist-action', 'policies']) cpSync(join(repoRoot, entry), join(actionDir, entry), { recursive: true });
    writeFiles(workspace, {
      '.github/workflows/build.yml': 'on: push\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n',
      'README.md': '# demo\n',
    });
    commitAll(workspace);
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    // Every declared input arrives, with its default when the workflow does not set it.
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(manifest.inputs)) inputs[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = spec.default ?? '';
    Object.assign(inputs, { 'INPUT_FAIL-ON': 'medium', INPUT_FORMATS: 'junit=reports/secpol.xml\ncodequality=reports/cq.json\n' });
    const child = spawnSync(process.execPath, [join(actionDir, manifest.runs.main)], {
      cwd: workspace,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: scratch,
        NO_COLOR: '1',
        SECPOL_CACHE_DIR: join(scratch, 'cache'),
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_OUTPUT: outputFile,
        RUNNER_TEMP: scratch,
        ...inputs,
      },
      timeout: 120_000,
    });
    run = { status: child.status, stdout: child.stdout, stderr: child.stderr };
  });

  it('fails the step (exit 1) on a failure at or above fail-on', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('annotates the unpinned action at its file and line', () => {
    const line = run.stdout.split('\n').find((l) => l.startsWith('::') && l.includes('title=ci.pinned-actions'));
    expect(line).toMatch(/^::error file=\.github\/workflows\/build\.yml,line=8,/);
  });

  it('writes the Markdown report to the job summary', () => {
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toMatch(/^## secpol report/);
    expect(summary).toContain('ci.pinned\\-actions');
  });

  it('sets the step outputs in the runner\'s multi-line form', () => {
    const text = readFileSync(outputFile, 'utf8');
    const outputs: Record<string, string> = {};
    for (const m of text.matchAll(/^([\w-]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(manifest.outputs).sort());
    expect(outputs['exit-code']).toBe('1');
    expect(Number(outputs.failed)).toBeGreaterThan(0);
    expect(outputs['sarif-file']).toBe('secpol.sarif');
  });

  it('writes SARIF for upload-sarif and the extra formats into the workspace', () => {
    const validator = sarifValidator();
    const sarif = JSON.parse(readFileSync(join(workspace, 'secpol.sarif'), 'utf8')) as unknown;
    expect(validator.validate(sarif), validator.errors()).toBe(true);
    expect(readFileSync(join(workspace, 'reports/secpol.xml'), 'utf8')).toContain('<testsuites');
    expect(JSON.parse(readFileSync(join(workspace, 'reports/cq.json'), 'utf8'))).toEqual(expect.arrayContaining([expect.objectContaining({ check_name: 'ci.pinned-actions' })]));
  });

  it('masks a token input in the log before anything else is written, and never prints it', () => {
    const token = ['gh', 'p_'].join('') + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const masked = spawnSync(process.execPath, [join(actionDir, manifest.runs.main)], {
      cwd: workspace,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: scratch, RUNNER_TEMP: scratch, SECPOL_CACHE_DIR: join(scratch, 'cache'), INPUT_TOKEN: token, 'INPUT_FAIL-ON': 'none' },
    });
    expect(masked.stdout.startsWith(`::add-mask::${token}\n`)).toBe(true);
    expect(masked.stdout.split(token)).toHaveLength(2);
    expect(masked.stderr).not.toContain(token);
    expect(masked.status).toBe(0);
  });

  it('reports a bad input as one line and exit 2', () => {
    const bad = spawnSync(process.execPath, [join(actionDir, manifest.runs.main)], {
      cwd: workspace,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: scratch, RUNNER_TEMP: scratch, INPUT_ANNOTATIONS: 'maybe', GITHUB_OUTPUT: outputFile },
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("secpol: input 'annotations' must be true or false, not 'maybe'\n");
  });
});
