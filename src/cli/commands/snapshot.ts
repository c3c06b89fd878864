import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { addCollectOptions } from '../options.js';
import type { CollectFlags } from './common.js';
import { commonOptions, printDiagnostics, runDeps } from './common.js';

export function registerSnapshot(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('snapshot')
    .description('collect normalized state only; the file is valid --state input')
    .argument('[path]', 'repository path', '.')
    .option('-o, --output <file>', 'write the snapshot here (default: stdout)')
    .option('--quiet', 'no progress')
    .option('--verbose', 'debug output');
  addCollectOptions(cmd).action(async (path: string, flags: CollectFlags & { output?: string }) => {
    const deps = runDeps(io, flags);
    const { runSnapshot } = await import('../../app/run-snapshot.js');
    const outcome = await runSnapshot(commonOptions(path, flags), deps).finally(() => deps.done());
    const text = outcome.redactor.redact(`${JSON.stringify(outcome.snapshot, null, 2)}\n`);
    if (flags.output) {
      const file = resolve(io.cwd, flags.output);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      if (!flags.quiet) io.err(`secpol: wrote ${outcome.snapshot.resources.length} resources to ${flags.output}\n`);
    } else {
      io.out(text);
    }
    printDiagnostics(io, outcome.diagnostics);
    setExit(outcome.exitCode);
  });
}
