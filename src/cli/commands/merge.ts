import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Framework } from '../../model/index.js';
import { UserError } from '../../shared/errors.js';
import { Redactor } from '../../shared/redact.js';
import type { Io } from '../io.js';
import { addOutputOptions } from '../options.js';
import { parseOutputs, writeReports } from '../output.js';
import { printDiagnostics } from './common.js';

interface MergeFlags {
  format?: string[];
  output?: string;
  sarifAll?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  export?: string[];
}

const FRAMEWORKS: readonly Framework[] = ['soc2', 'iso27001', 'cis-ssc', 'nist-ssdf'];

/** `--export soc2=evidence.md`: the format follows the extension (.json, .csv, else Markdown). */
function parseExports(specs: readonly string[] = []): { framework: Framework; file: string; format: 'markdown' | 'json' | 'csv' }[] {
  return specs.map((spec) => {
    const [framework, file] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
    if (!spec.includes('=') || !file || !(FRAMEWORKS as readonly string[]).includes(framework)) {
      throw new UserError(`--export takes <framework>=<file> with a framework among ${FRAMEWORKS.join(', ')} (got '${spec}')`);
    }
    const format = /\.json$/i.test(file) ? 'json' : /\.csv$/i.test(file) ? 'csv' : 'markdown';
    return { framework: framework as Framework, file, format };
  });
}

export function registerMerge(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('merge')
    .description('combine the JSON reports of `check --shard i/n` jobs into the report of the whole scan')
    .argument('<report...>', 'the JSON report of every shard')
    .option('--export <framework=file...>', 'also write compliance evidence (soc2|iso27001|cis-ssc|nist-ssdf; .md, .json or .csv)')
    .addHelpText('after', '\nExit codes as for check: 0, 1 a failure at or above fail-on, 2 bad input, shards that do not belong together, or an error at or above fail-on.');
  addOutputOptions(cmd).action(async (files: string[], flags: MergeFlags) => {
    const targets = parseOutputs(flags.format, flags.output);
    const exports = parseExports(flags.export);
    const { runMerge } = await import('../../app/run-merge.js');
    const outcome = await runMerge(files, io.cwd);
    printDiagnostics(io, outcome.report.diagnostics);
    const redactor = new Redactor();
    await writeReports(outcome.report, targets, { color: flags.color, verbose: !!flags.verbose, quiet: !!flags.quiet, sarifAll: !!flags.sarifAll }, io, redactor);
    if (exports.length > 0) {
      const { renderComplianceExport } = await import('../../report/export/index.js');
      for (const e of exports) {
        const file = resolve(io.cwd, e.file);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, redactor.redact(renderComplianceExport(outcome.report, e.framework, e.format)));
      }
    }
    setExit(outcome.exitCode);
  });
}
