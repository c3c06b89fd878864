import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { addCollectOptions } from '../options.js';
import type { CollectFlags } from './common.js';
import { commonOptions, printDiagnostics, runDeps } from './common.js';

export const DEFAULT_BASELINE_FILE = '.secpol-baseline.json';

interface BaselineFlags extends CollectFlags {
  output: string;
  from?: string;
}

export function registerBaseline(program: Command, io: Io, setExit: (code: number) => void): void {
  const group = program.command('baseline').description('record today\'s failures so that `check --baseline` fails only on new ones');
  const create = group
    .command('create')
    .description('run the checks (or read --from a JSON report) and write the failures as a baseline')
    .argument('[path]', 'repository path', '.')
    .option('-o, --output <file>', 'baseline file to write', DEFAULT_BASELINE_FILE)
    .option('--from <report.json>', 'take the failures of this JSON report instead of running the checks')
    .option('--quiet', 'no progress')
    .option('--verbose', 'debug output');
  addCollectOptions(create).action(async (path: string, flags: BaselineFlags) => {
    const app = await import('../../app/run-baseline.js');
    let baseline;
    if (flags.from !== undefined) {
      baseline = await app.baselineFromReport(resolve(io.cwd, flags.from), flags.from);
    } else {
      const deps = runDeps(io, flags);
      const { runCheck } = await import('../../app/run-check.js');
      const outcome = await runCheck(commonOptions(path, { ...flags, baseline: false }), deps).finally(() => deps.done());
      printDiagnostics(io, outcome.report.diagnostics);
      baseline = app.baselineFromRun(outcome);
      if (!baseline) {
        io.err('secpol: no baseline written: fix the errors above first\n');
        setExit(2);
        return;
      }
    }
    const file = resolve(io.cwd, flags.output);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
    if (!flags.quiet) io.err(`secpol: wrote ${baseline.entries.length} baseline entries to ${flags.output}\n`);
    setExit(0);
  });
}
