import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Framework } from '../../model/index.js';
import type { Io } from '../io.js';
import { addCollectOptions } from '../options.js';
import type { CollectFlags } from './common.js';
import { commonOptions, printDiagnostics, runDeps } from './common.js';

export function registerExport(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('export')
    .description('compliance evidence: results mapped to the controls of a framework')
    .argument('[path]', 'repository path', '.')
    .addOption(new Option('--framework <name>', 'framework').choices(['soc2', 'iso27001', 'cis-ssc', 'nist-ssdf']).makeOptionMandatory())
    .addOption(new Option('--format <format>', 'evidence format').choices(['markdown', 'json', 'csv']).default('markdown'))
    .option('-o, --output <file>', 'write the evidence here (default: stdout)')
    .option('--quiet', 'no progress')
    .option('--verbose', 'debug output');
  addCollectOptions(cmd).action(async (path: string, flags: CollectFlags & { framework: Framework; format: 'markdown' | 'json' | 'csv'; output?: string }) => {
    const deps = runDeps(io, flags);
    const { runCheck } = await import('../../app/run-check.js');
    const outcome = await runCheck(commonOptions(path, flags), deps).finally(() => deps.done());
    const { renderComplianceExport } = await import('../../report/export/index.js');
    const text = outcome.redactor.redact(renderComplianceExport(outcome.report, flags.framework, flags.format));
    if (flags.output) {
      const file = resolve(io.cwd, flags.output);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    } else {
      io.out(text.endsWith('\n') ? text : `${text}\n`);
    }
    printDiagnostics(io, outcome.report.diagnostics);
    // Evidence export is not a gate: only bad input fails it.
    setExit(outcome.report.diagnostics.some((d) => d.severity === 'error') ? 2 : 0);
  });
}
