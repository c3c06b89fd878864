import { appendFile, stat } from 'node:fs/promises';
import type { Report } from '../model/index.js';
import type { Redactor } from '../shared/redact.js';
import { UserError } from '../shared/errors.js';
import type { Io } from './io.js';
import { colorEnabled } from './io.js';
import { checkOutputFiles, outputFile, writeOutputFile } from './output-file.js';

export const formats = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'github', 'codequality', 'azure'] as const;
export type Format = (typeof formats)[number];

export interface OutputTarget {
  format: Format;
  /** undefined = stdout */
  file?: string;
}

/** `--format json=out.json --format text`; a lone `--output` goes with the only format that has no file. */
export function parseOutputs(specs: string[] | undefined, output: string | undefined): OutputTarget[] {
  const targets: OutputTarget[] = (specs?.length ? specs : ['text']).map((spec) => {
    const eq = spec.indexOf('=');
    const format = (eq === -1 ? spec : spec.slice(0, eq)).trim();
    const file = eq === -1 ? undefined : spec.slice(eq + 1);
    if (!(formats as readonly string[]).includes(format)) {
      throw new UserError(`unknown format '${format}'; use one of ${formats.join(', ')}`);
    }
    if (file !== undefined && file === '') throw new UserError(`--format ${format}= needs a file name`);
    return { format: format as Format, file };
  });
  if (output) {
    const open = targets.filter((t) => t.file === undefined);
    if (open.length !== 1) throw new UserError('--output needs exactly one --format without "=file"');
    open[0]!.file = output;
  }
  if (targets.filter((t) => t.file === undefined).length > 1) {
    throw new UserError('only one format can go to stdout; give the others a file with --format <format>=<file>');
  }
  return targets;
}

export interface RenderFlags {
  color?: boolean;
  verbose: boolean;
  quiet: boolean;
  sarifAll: boolean;
  /** `--markdown-limit`: the Markdown report's size cap in characters. */
  markdownLimit?: number;
}

/** Formats that hold every result, preferred in this order when a summary points to the full report. */
const FULL_FORMATS: readonly Format[] = ['html', 'json', 'sarif', 'junit'];

/**
 * Renders each requested format (lazily loading only the reporters used) and writes it, scrubbed
 * of secrets. Reports are written piece by piece as they are rendered, so a large report never
 * sits in memory whole.
 */
export async function writeReports(report: Report, targets: OutputTarget[], flags: RenderFlags, io: Io, redactor: Redactor): Promise<void> {
  // Every destination is checked before anything is written: one bad path must not leave the others half done.
  await checkOutputFiles(outputFiles(targets, io.cwd));
  const { renderReportChunks } = await import('../report/index.js');
  const full = FULL_FORMATS.map((f) => targets.find((t) => t.format === f && t.file !== undefined)).find((t) => t !== undefined);
  // Raw values first (formats escape them past recognition), then the rendered text as a last line of defence.
  const redacted = redactor.redactDeep(report);
  for (const target of targets) {
    if (target.file === undefined && target.format === 'text' && flags.quiet && report.summary.fail === 0 && report.summary.error === 0) continue;
    // Diagnostics already went to stderr; the terminal report would only repeat them.
    const shown = target.file === undefined && target.format === 'text' ? { ...redacted, diagnostics: [] } : redacted;
    const chunks = renderReportChunks(target.format, shown, {
      color: target.file === undefined && colorEnabled(io, flags.color),
      verbose: flags.verbose,
      sarifAll: flags.sarifAll,
      anchorFile: redacted.anchorFile,
      ...(flags.markdownLimit !== undefined ? { markdownLimit: flags.markdownLimit } : {}),
      ...(full?.file ? { fullReport: full.file } : {}),
    });
    const safe = redactor.redactChunks(chunks);
    if (target.file === undefined) {
      let last = '';
      for (const piece of safe) {
        if (piece === '') continue;
        io.out(piece);
        last = piece;
      }
      if (!last.endsWith('\n')) io.out('\n');
    } else {
      await writeOutputFile(outputFile(target.file, io.cwd, target.format), safe);
    }
    if (target.format === 'github') await appendStepSummary(shown, io, redactor);
  }
}

/** The files among the targets, for checkOutputFiles. */
export function outputFiles(targets: readonly OutputTarget[], cwd: string) {
  return targets.flatMap((t) => (t.file === undefined ? [] : [outputFile(t.file, cwd, t.format)]));
}

/** `--format github` in a GitHub job also writes the Markdown report to the job summary, within what is left of its 1 MiB. */
async function appendStepSummary(report: Report, io: Io, redactor: Redactor): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const { githubStepSummary, STEP_SUMMARY_LIMIT } = await import('../report/index.js');
  const used = await stat(file).then((s) => s.size).catch(() => 0);
  // Redaction can lengthen a line ("[REDACTED]"), so leave room for it.
  const summary = githubStepSummary(report, Math.max(0, STEP_SUMMARY_LIMIT - used - 4096));
  if (summary !== '') await appendFile(file, redactor.redact(summary));
}
