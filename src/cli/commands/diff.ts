import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { checkOutputFiles, outputFile, writeOutputFile } from '../output-file.js';
import { commonOptions, runDeps, type CollectFlags } from './common.js';

interface DiffFlags extends CollectFlags {
  format: 'text' | 'json' | 'markdown';
  output?: string;
  failOn?: string;
  config?: string;
  policies?: string[];
  builtin?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('what changed between two runs (JSON reports or snapshots): newly failing, newly passing, new errors, resources added and removed')
    .argument('<old>', 'the earlier JSON report or snapshot')
    .argument('<new>', 'the later JSON report or snapshot')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('-o, --output <file>', 'write the diff to a file')
    .addOption(new Option('--fail-on <severity>', 'lowest newly failing severity that exits 1 (default: the new report\'s)').choices(['critical', 'high', 'medium', 'low', 'none']))
    .option('--config <file>', 'snapshots: config for their evaluation')
    .option('--policies <path...>', 'snapshots: policies added to the built-in pack')
    .option('--no-builtin', 'snapshots: do not load the built-in rule pack')
    .option('--quiet', 'no progress')
    .addHelpText('after', '\nExit codes: 0 nothing newly failing at or above --fail-on; 1 something is; 2 bad input, or (nothing newly failing) a new error at or above --fail-on.')
    .action(async (oldFile: string, newFile: string, flags: DiffFlags) => {
      // The destination is checked before any work, with the same refusals as check -o.
      const destination = flags.output ? outputFile(flags.output, io.cwd, 'diff') : undefined;
      if (destination) await checkOutputFiles([destination]);
      const deps = runDeps(io, flags);
      const { runDiff } = await import('../../app/run-diff.js');
      const { renderDiff } = await import('../../report/diff/index.js');
      const { format, output: _output, ...rest } = flags;
      const outcome = await runDiff(oldFile, newFile, commonOptions(io.cwd, rest), deps).finally(() => deps.done());
      const text = renderDiff(outcome.diff, format);
      if (destination) {
        await writeOutputFile(destination, [text]);
      } else {
        io.out(text);
      }
      setExit(outcome.exitCode);
    });
}
