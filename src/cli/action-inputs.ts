import { UserError } from '../shared/errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Action inputs that become one CLI option each (the value as given) or one per line (lists). */
const optionInputs: readonly { input: string; flag: string; list?: true }[] = [
  { input: 'config', flag: '--config' },
  { input: 'policies', flag: '--policies', list: true },
  { input: 'state', flag: '--state', list: true },
  { input: 'repos', flag: '--repo', list: true },
  { input: 'github-org', flag: '--github-org' },
  { input: 'gitlab-group', flag: '--gitlab-group' },
  { input: 'ado-org', flag: '--ado-org' },
  { input: 'ado-project', flag: '--ado-project' },
];

/**
 * An input as the Actions runner passes it: `INPUT_<NAME>` with the name upper-cased and
 * spaces (not hyphens) turned into underscores; trimmed, as @actions/core reads it.
 */
export function actionInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A multi-line input: one value per line, blank lines ignored. */
function actionList(env: Env, name: string): string[] {
  return actionInput(env, name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function actionBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = actionInput(env, name);
  if (value === '') return fallback;
  if (/^(?:true|yes|on)$/i.test(value)) return true;
  if (/^(?:false|no|off)$/i.test(value)) return false;
  throw new UserError(`input '${name}' must be true or false, not '${value}'`);
}

/**
 * The `secpol check` command line for the Action's inputs: annotations and the job summary
 * (`--format github`) on stdout, or the text report; SARIF to the `sarif` file; extra
 * `format=file` outputs; and the JSON report to `jsonFile`, from which the step's outputs are read.
 */
export function actionArgv(env: Env, jsonFile: string): string[] {
  const argv = ['check', actionInput(env, 'path') || '.'];
  for (const { input, flag, list } of optionInputs) {
    const values = list ? actionList(env, input) : [actionInput(env, input)].filter((v) => v !== '');
    for (const value of values) argv.push(flag, value);
  }
  const failOn = actionInput(env, 'fail-on');
  if (failOn) argv.push('--fail-on', failOn.toLowerCase());
  argv.push('--format', actionBoolean(env, 'annotations', true) ? 'github' : 'text');
  const sarif = actionInput(env, 'sarif');
  if (sarif) argv.push('--format', `sarif=${sarif}`);
  for (const spec of actionList(env, 'formats')) {
    if (!spec.includes('=')) throw new UserError(`input 'formats': '${spec}' needs a file (format=file, one a line)`);
    argv.push('--format', spec);
  }
  argv.push('--format', `json=${jsonFile}`);
  return argv;
}
