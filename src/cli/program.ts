import { Command, CommanderError } from 'commander';
import { formatDiagnostic, isUserError, UserError } from '../shared/errors.js';
import type { Io } from './io.js';
import { registerCheck } from './commands/check.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerPolicy } from './commands/policy.js';
import { registerExport } from './commands/export.js';
import { registerInit } from './commands/init.js';
import { registerDoctor } from './commands/doctor.js';
import { registerBaseline } from './commands/baseline.js';
import { registerDiff } from './commands/diff.js';
import { registerMerge } from './commands/merge.js';

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('secpol')
    .description('DevSecOps policy-as-code: YAML policies checked against repository, pipeline and cloud state')
    .version(__SECPOL_VERSION__, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ secpol check                                   check this repository with the built-in pack
  $ secpol check --state fixtures/states/bad-org.json --format sarif=secpol.sarif
  $ GITHUB_TOKEN=... secpol check --github-org acme --format json -o report.json
  $ secpol policy explain branch.min-approvals
  $ secpol export --framework soc2 --state state.json -o soc2.md

Exit codes: 0 nothing failed at or above --fail-on; 1 a failure did; 2 bad usage, invalid
config or policy, or an evaluation error at or above --fail-on.`,
    );
  registerCheck(program, io, setExit);
  registerSnapshot(program, io, setExit);
  registerPolicy(program, io, setExit);
  registerExport(program, io, setExit);
  registerInit(program, io, setExit);
  registerDoctor(program, io, setExit);
  registerBaseline(program, io, setExit);
  registerDiff(program, io, setExit);
  registerMerge(program, io, setExit);
  return program;
}

/** Parses argv, runs the command, and turns every failure into one clear line and an exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const verbose = argv.includes('--verbose');
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(err)) {
      for (const d of err.diagnostics) io.err(`secpol: ${formatDiagnostic(d)}\n`);
      return 2;
    }
    io.err(`secpol: internal error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    io.err(verbose && err instanceof Error && err.stack ? `${err.stack}\n` : 'This is a bug in secpol; run with --verbose for the stack trace and report it.\n');
    return 2;
  }
}

export { UserError };
