// The GitHub Action's entry (action.yml runs dist-action/action.js): reads the inputs as the
// runner passes them, runs `secpol check` in this process, and writes the step's outputs.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionArgv, actionInput } from './cli/action-inputs.js';
import { processIo } from './cli/io.js';
import { escapeData } from './report/github/index.js';
import { runCli } from './cli/program.js';
import { isUserError } from './shared/errors.js';

const io = processIo();
const scratch = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'secpol-'));
const jsonFile = join(scratch, 'report.json');
const token = actionInput(process.env, 'token');
// The token goes where the CLI looks for it, and only when the workflow gave one; the runner
// masks it in the log from here on even if it is not a repository secret.
if (token) {
  io.out(`::add-mask::${escapeData(token)}\n`);
  process.env.GITHUB_TOKEN = token;
}

let exitCode: number;
try {
  exitCode = await runCli(actionArgv(process.env, jsonFile), io);
} catch (err) {
  if (!isUserError(err)) throw err;
  io.err(`secpol: ${err.message}\n`);
  exitCode = 2;
}

const outputs: Record<string, string> = { 'exit-code': String(exitCode) };
const sarif = actionInput(process.env, 'sarif');
try {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as { summary: Record<'fail' | 'error' | 'pass' | 'skip' | 'waived', number> };
  Object.assign(outputs, {
    failed: String(report.summary.fail),
    errors: String(report.summary.error),
    passed: String(report.summary.pass),
    skipped: String(report.summary.skip),
    waived: String(report.summary.waived),
  });
  if (sarif) outputs['sarif-file'] = sarif;
} catch {
  // No report (bad usage, invalid config): the exit code says so.
}
rmSync(scratch, { recursive: true, force: true });

if (process.env.GITHUB_OUTPUT) {
  // The multi-line form @actions/core uses, with a delimiter no value can contain.
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}<<${delimiter}\n${v}\n${delimiter}\n`).join(''));
}
process.exitCode = exitCode;
