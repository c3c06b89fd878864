import { appendFile, mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Report } from '../model/index.js';
import type { Redactor } from '../shared/redact.js';
import { UserError } from '../shared/errors.js';
import type { Io } from './io.js';
import { colorEnabled } from './io.js';

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
}

/**
 * Renders each requested format (lazily loading only the reporters used) and writes it, scrubbed
 * of secrets. Reports are written piece by piece as they are rendered, so a large report never
 * sits in memory whole.
 */
export async function writeReports(report: Report, targets: OutputTarget[], flags: RenderFlags, io: Io, redactor: Redactor): Promise<void> {
  const { renderReportChunks } = await import('../report/index.js');
  for (const target of targets) {
    if (target.file === undefined && target.format === 'text' && flags.quiet && report.summary.fail === 0 && report.summary.error === 0) continue;
    // Diagnostics already went to stderr; the terminal report would only repeat them.
    const shown = target.file === undefined && target.format === 'text' ? { ...report, diagnostics: [] } : report;
    const chunks = renderReportChunks(target.format, shown, {
      color: target.file === undefined && colorEnabled(io, flags.color),
      verbose: flags.verbose,
      sarifAll: flags.sarifAll,
      anchorFile: report.anchorFile,
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
      const file = resolve(io.cwd, target.file);
      await mkdir(dirname(file), { recursive: true });
      await writeInPieces(file, safe);
    }
    if (target.format === 'github') await appendStepSummary(shown, io, redactor);
  }
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

/**
 * Writes the pieces one after the other. Into a regular file one write is in flight while the
 * next piece is made (at explicit positions, so order holds); a pipe or device such as
 * /dev/stdout cannot seek and gets one write at a time.
 */
async function writeInPieces(file: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  let pending: Promise<void> | undefined;
  let seekable = false;
  try {
    seekable = (await handle.stat()).isFile();
    let position = 0;
    // Two buffers taking turns: one being written while the next piece is encoded into the other.
    const buffers = [Buffer.alloc(0), Buffer.alloc(0)];
    let turn = 0;
    for (const piece of pieces) {
      turn ^= 1;
      if (buffers[turn]!.length < piece.length * 3) buffers[turn] = Buffer.allocUnsafe(Math.max(piece.length * 3, 1 << 16));
      const buffer = buffers[turn]!;
      const bytes = buffer.subarray(0, buffer.write(piece, 'utf8'));
      if (!seekable) {
        await writeAll(handle, bytes, null);
        continue;
      }
      const write = writeAll(handle, bytes, position);
      // Awaited in turn below; this only keeps a failure that comes early from going unhandled.
      write.catch(() => undefined);
      position += bytes.length;
      const previous = pending;
      pending = write;
      await previous;
    }
    await pending;
  } catch (err) {
    // A report cut short (a failed write, a renderer that threw) must not be left behind
    // looking like a whole one.
    await pending?.catch(() => undefined);
    await handle.close().catch(() => undefined);
    if (seekable) await rm(file, { force: true });
    throw err;
  }
  await handle.close();
}

/** Writes all of `bytes` at `position` (null: where the file is); a write may take only part of them. */
async function writeAll(handle: FileHandle, bytes: Buffer, position: number | null): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position === null ? null : position + done);
    done += bytesWritten;
  }
}
