import type { Command } from 'commander';
import type { Io } from '../io.js';
import { addCollectOptions, addOutputOptions } from '../options.js';
import { parseOutputs, writeReports } from '../output.js';
import type { CollectFlags } from './common.js';
import { commonOptions, printDiagnostics, runDeps } from './common.js';

interface CheckFlags extends CollectFlags {
  format?: string[];
  output?: string;
  sarifAll?: boolean;
  color?: boolean;
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program.command('check').description('collect state, evaluate the policies and report').argument('[path]', 'repository path', '.');
  addOutputOptions(addCollectOptions(cmd)).action(async (path: string, flags: CheckFlags) => {
    const targets = parseOutputs(flags.format, flags.output);
    const deps = runDeps(io, flags);
    const { runCheck } = await import('../../app/run-check.js');
    const outcome = await runCheck(commonOptions(path, flags), deps).finally(() => deps.done());
    printDiagnostics(io, outcome.report.diagnostics);
    await writeReports(outcome.report, targets, { color: flags.color, verbose: !!flags.verbose, quiet: !!flags.quiet, sarifAll: !!flags.sarifAll }, io, outcome.redactor);
    setExit(outcome.exitCode);
  });
}
