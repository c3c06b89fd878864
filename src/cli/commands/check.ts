import type { Command } from 'commander';
import type { Io } from '../io.js';
import { stripControl } from '../../report/escape.js';
import { addCollectOptions, addOutputOptions } from '../options.js';
import { outputFiles, parseOutputs, writeReports } from '../output.js';
import { checkOutputFiles } from '../output-file.js';
import { addBaselineOption, addShardOption } from './adoption-options.js';
import type { CollectFlags } from './common.js';
import { commonOptions, printDiagnostics, runDeps } from './common.js';

interface CheckFlags extends CollectFlags {
  format?: string[];
  output?: string;
  sarifAll?: boolean;
  color?: boolean;
  markdownLimit?: number;
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program.command('check').description('collect state, evaluate the policies and report').argument('[path]', 'repository path', '.');
  addShardOption(addBaselineOption(addOutputOptions(addCollectOptions(cmd)))).action(async (path: string, flags: CheckFlags) => {
    const targets = parseOutputs(flags.format, flags.output);
    // Before the (possibly long) run: a bad destination is known now.
    await checkOutputFiles(outputFiles(targets, io.cwd));
    const deps = runDeps(io, flags);
    const { runCheck } = await import('../../app/run-check.js');
    const outcome = await runCheck(commonOptions(path, flags), deps).finally(() => deps.done());
    printDiagnostics(io, outcome.report.diagnostics, { quiet: !!flags.quiet });
    const errors = outcome.report.diagnostics.filter((d) => d.severity === 'error');
    if (outcome.report.results.length === 0 && errors.length > 0) {
      // Nothing was evaluated: an empty "0 failed" report would read as a clean run. The last
      // line names what went wrong (a lone error already is that line).
      if (outcome.report.diagnostics.length > 1) io.err(`secpol: nothing was evaluated (${errors.length} error${errors.length === 1 ? '' : 's'} above; first: ${stripControl(errors[0]!.message).split('\n')[0]})\n`);
      setExit(2);
      return;
    }
    await writeReports(outcome.report, targets, {
      color: flags.color,
      verbose: !!flags.verbose,
      quiet: !!flags.quiet,
      sarifAll: !!flags.sarifAll,
      ...(flags.markdownLimit !== undefined ? { markdownLimit: flags.markdownLimit } : {}),
    }, io, outcome.redactor);
    setExit(outcome.exitCode);
  });
}
