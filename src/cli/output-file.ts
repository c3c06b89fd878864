import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../shared/errors.js';
import { quote } from '../shared/quote.js';

/**
 * Writing report, evidence and snapshot files so that a failure never leaves a destination
 * half-written and a hostile path never redirects the write: every destination is checked
 * before anything is written; a regular file is written to a temporary file in the same
 * directory and renamed over the destination; symbolic links are refused (name the target);
 * a named pipe is opened only when a reader is waiting.
 */

export interface OutputFile {
  /** As the user wrote it, for messages. */
  shown: string;
  /** Absolute. */
  path: string;
  /** What goes there (`json`, `sarif`, `snapshot`...), for the duplicate message. */
  what: string;
}

type Kind = 'missing' | 'file' | 'device' | 'fifo';

/** Checks every destination before any is written; throws one UserError listing each problem. */
export async function checkOutputFiles(files: readonly OutputFile[]): Promise<void> {
  const problems: string[] = [];
  const seen = new Map<string, OutputFile>();
  for (const file of files) {
    const problem = await destinationProblem(file);
    if (problem) problems.push(problem);
    const key = await canonical(file.path);
    const first = seen.get(key);
    if (first) problems.push(`${quote(file.shown)} is named for both ${first.what} and ${file.what}; give each format its own file`);
    else seen.set(key, file);
  }
  if (problems.length > 0) throw new UserError(problems.map((message) => ({ severity: 'error' as const, message })));
}

/** The same file however it was named (`./r.json`, `out/../r.json`, through a linked directory). */
async function canonical(path: string): Promise<string> {
  try {
    return join(await realpath(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

async function destinationProblem(file: OutputFile): Promise<string | undefined> {
  let info;
  try {
    info = await lstat(file.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : cannotWrite(file, err);
  }
  if (info.isSymbolicLink()) {
    let target = '';
    try {
      target = ` to ${quote(await realpath(file.path))}`;
    } catch {
      target = ' (dangling)';
    }
    return `${quote(file.shown)} is a symbolic link${target}: refusing to write through it; name the file itself`;
  }
  if (info.isDirectory()) return `cannot write ${quote(file.shown)}: it is a directory`;
  if (!info.isFile() && !info.isFIFO() && !info.isCharacterDevice()) return `cannot write ${quote(file.shown)}: not a regular file`;
  return undefined;
}

async function kindOf(path: string): Promise<Kind> {
  try {
    const info = await stat(path);
    if (info.isFIFO()) return 'fifo';
    if (info.isCharacterDevice()) return 'device';
    return 'file';
  } catch {
    return 'missing';
  }
}

/** One line naming the file and what went wrong, for a failed open or write. */
function cannotWrite(file: OutputFile, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a directory',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    ENOTDIR: 'a parent is not a directory',
    ENXIO: 'no process is reading the pipe',
    ENAMETOOLONG: 'the name is too long',
    EFBIG: 'the file is too large',
  };
  return `cannot write ${quote(file.shown)}: ${(code && why[code]) ?? (code ? `error ${code}` : String(err))}`;
}

function isFsError(err: unknown): boolean {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Writes `pieces` to `file`: a regular file atomically (temporary file + rename, so the old
 * content stays until the new one is whole); a device or a pipe with a reader in order. File
 * system failures become one UserError naming the file; a renderer's own error passes through.
 */
export async function writeOutputFile(file: OutputFile, pieces: Iterable<string>): Promise<void> {
  try {
    await mkdir(dirname(file.path), { recursive: true });
    const kind = await kindOf(file.path);
    if (kind === 'fifo' || kind === 'device') await writeStream(file.path, kind, pieces);
    else await writeAtomically(file.path, pieces);
  } catch (err) {
    if (isFsError(err)) throw new UserError(cannotWrite(file, err));
    throw err;
  }
}

async function writeStream(path: string, kind: Kind, pieces: Iterable<string>): Promise<void> {
  if (kind === 'fifo') {
    // Opening a pipe for writing waits for a reader forever; non-blocking, it fails at once (ENXIO) when there is none.
    const probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
    const handle = await open(path, constants.O_WRONLY);
    await probe.close();
    await writeAll(handle, pieces, false).finally(() => handle.close());
    return;
  }
  const handle = await open(path, constants.O_WRONLY);
  await writeAll(handle, pieces, false).finally(() => handle.close());
}

async function writeAtomically(path: string, pieces: Iterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL: never reuse (or follow) something already at the temporary name.
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    try {
      const mode = (await stat(path)).mode & 0o777;
      await handle.chmod(mode);
    } catch {
      // A new file: the default mode (umask) applies.
    }
    await writeAll(handle, pieces, true);
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * Writes the pieces one after the other. Into a regular file one write is in flight while the
 * next piece is made (at explicit positions, so order holds); a pipe or device cannot seek and
 * gets one write at a time.
 */
async function writeAll(handle: FileHandle, pieces: Iterable<string>, seekable: boolean): Promise<void> {
  let pending: Promise<void> | undefined;
  let position = 0;
  // Two buffers taking turns: one being written while the next piece is encoded into the other.
  const buffers = [Buffer.alloc(0), Buffer.alloc(0)];
  let turn = 0;
  try {
    for (const piece of pieces) {
      turn ^= 1;
      if (buffers[turn]!.length < piece.length * 3) buffers[turn] = Buffer.allocUnsafe(Math.max(piece.length * 3, 1 << 16));
      const buffer = buffers[turn]!;
      const bytes = buffer.subarray(0, buffer.write(piece, 'utf8'));
      if (!seekable) {
        await writeBytes(handle, bytes, null);
        continue;
      }
      const write = writeBytes(handle, bytes, position);
      // Awaited in turn below; this only keeps a failure that comes early from going unhandled.
      write.catch(() => undefined);
      position += bytes.length;
      const previous = pending;
      pending = write;
      await previous;
    }
    await pending;
  } catch (err) {
    await pending?.catch(() => undefined);
    throw err;
  }
}

/** Writes all of `bytes` at `position` (null: where the file is); a write may take only part of them. */
async function writeBytes(handle: FileHandle, bytes: Buffer, position: number | null): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position === null ? null : position + done);
    done += bytesWritten;
  }
}

/** `OutputFile` for a path given on the command line. */
export function outputFile(shown: string, cwd: string, what: string): OutputFile {
  return { shown, path: resolve(cwd, shown), what };
}
