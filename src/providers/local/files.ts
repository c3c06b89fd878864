import { execFile } from 'node:child_process';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { LIMITS } from '../../shared/limits.js';

/**
 * The files of the tree: `git ls-files` when the path is a git work tree, otherwise a walk
 * that honours .gitignore files. Reading never follows a symlink, never opens a FIFO or
 * device, and never reads a file above the size limit (decided from lstat/fstat, before
 * any byte is read).
 */
export interface FileList {
  /** Tracked files, then (git) the untracked files that are not ignored: the working tree as it would be committed. */
  paths: string[];
  /** The untracked ones among `paths` (git only). */
  untracked: string[];
  source: 'git' | 'walk';
  /** Why git was not used (not a repository, git missing, refused). */
  note?: string;
  /**
   * Git only: the work tree's top directory. Paths are relative to it (as GitHub code scanning
   * and the root's secpol.yaml expect), and `paths` holds only those under `prefix`.
   */
  top?: string;
  /** The checked directory relative to `top`, with a trailing `/`; empty at the top. */
  prefix?: string;
  /** Git only: every tracked file of the repository plus `untracked` (repository-level facts). */
  repositoryPaths?: string[];
}

export interface GitRunner {
  (args: string[], cwd: string): Promise<{ stdout: Buffer; code: number; stderr: string }>;
}

/** Runs git with the repository's own hooks disabled: the tree may be hostile. */
export const runGit: GitRunner = (args, cwd) =>
  new Promise((resolvePromise) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', ...args],
      { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
        const errText = (err as { code?: unknown } | null)?.code === 'ENOENT' ? 'git is not installed' : stderr.toString('utf8');
        resolvePromise({ stdout, code, stderr: errText });
      },
    );
  });

/**
 * Lists the tree at `root`. Inside a git work tree, `root` may be a subdirectory (a package of
 * a monorepo): git applies the ignore rules of the whole repository (root and nested
 * .gitignore, .git/info/exclude, core.excludesFile) and paths come back relative to the top.
 */
export async function listFiles(root: string, git: GitRunner = runGit): Promise<FileList> {
  const inside = await git(['rev-parse', '--is-inside-work-tree', '--show-toplevel', '--show-prefix'], root);
  const [isInside, top, prefix] = inside.stdout.toString('utf8').split('\n');
  if (inside.code === 0 && isInside === 'true' && top) {
    // The whole repository's tracked files: the listing is cheap and repository-level facts (SECURITY.md) live at the top.
    const ls = await git(['ls-files', '-z', '--cached'], top);
    if (ls.code === 0) {
      const repositoryTracked = [...new Set(nulSeparated(ls.stdout))];
      const scope = prefix ?? '';
      const paths = scope ? repositoryTracked.filter((p) => p.startsWith(scope)) : repositoryTracked;
      // A developer checks before committing: new files count too, ignored ones do not.
      const others = await git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name'], root);
      const tracked = new Set(repositoryTracked);
      const untracked = others.code === 0 ? nulSeparated(others.stdout).filter((p) => !tracked.has(p)) : [];
      return { paths: [...paths, ...untracked], untracked, source: 'git', top, prefix: scope, repositoryPaths: [...repositoryTracked, ...untracked] };
    }
    return { paths: walk(root), untracked: [], source: 'walk', note: `git ls-files failed (${firstLine(ls.stderr)}); walked the directory instead` };
  }
  const why = firstLine(inside.stderr);
  const note = /not a git repository/i.test(why) ? 'not a git repository' : why || 'not a git work tree';
  return { paths: walk(root), untracked: [], source: 'walk', note };
}

function nulSeparated(out: Buffer): string[] {
  return out.toString('utf8').split('\0').filter((p) => p !== '');
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 200);
}

interface Scope {
  base: string;
  ig: Ignore;
}

/** Directory walk honouring every .gitignore on the way down (never descends through symlinks). */
export function walk(root: string): string[] {
  const out: string[] = [];
  const stack: { dir: string; scopes: Scope[] }[] = [{ dir: '', scopes: [] }];
  while (stack.length > 0) {
    const { dir, scopes: parentScopes } = stack.pop()!;
    const abs = dir ? join(root, dir) : root;
    let scopes = parentScopes;
    const gitignore = readSmallRegularFile(join(abs, '.gitignore'));
    if (gitignore !== undefined) scopes = [...parentScopes, { base: dir, ig: ignore().add(gitignore) }];
    let dirents;
    try {
      dirents = readdirSync(abs, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const d of dirents) {
      if (d.name === '.git') continue;
      const rel = dir ? `${dir}/${d.name}` : d.name;
      const isDir = d.isDirectory();
      if (isIgnored(scopes, rel, isDir)) continue;
      if (isDir) stack.push({ dir: rel, scopes });
      else out.push(rel);
    }
  }
  return out.sort();
}

function isIgnored(scopes: Scope[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const s of scopes) {
    const sub = s.base ? rel.slice(s.base.length + 1) : rel;
    const r = s.ig.test(isDir ? `${sub}/` : sub);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

function readSmallRegularFile(path: string): string | undefined {
  try {
    const st = lstatSync(path);
    // Above the limit the patterns would cost minutes against every path: walk as if there were none (more is scanned, not less).
    if (!st.isFile() || st.size > LIMITS.gitignore) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export type ReadOutcome = { ok: true; data: Buffer } | { ok: false; reason: string; tooLarge?: true };

type Opened = { ok: true; fd: number; size: number } | { ok: false; reason: string; tooLarge?: true };

/**
 * Reads one listed file safely. Returns a reason instead of data for anything that is not a
 * regular file inside the tree, or (for `read`) above the size limit. Whether the bytes are
 * text is the caller's business (see ./text.ts).
 */
export class SafeReader {
  private readonly dirVerdicts = new Map<string, string | null>();
  private readonly realRoot: string;

  constructor(
    private readonly root: string,
    private readonly maxFileBytes: number,
  ) {
    this.realRoot = realpathSync(root);
  }

  read(rel: string): ReadOutcome {
    const opened = this.open(rel, this.maxFileBytes);
    if (!opened.ok) return opened;
    const { fd, size } = opened;
    try {
      const data = Buffer.allocUnsafe(size);
      let off = 0;
      while (off < size) {
        const n = readSync(fd, data, off, size - off, off);
        if (n === 0) break;
        off += n;
      }
      return { ok: true, data: off === size ? data : data.subarray(0, off) };
    } catch (err) {
      return { ok: false, reason: `unreadable (${errCode(err)})` };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Reads a file of any size in chunks (for files above the limit: scanned, never held whole
   * in memory). Resolves to a reason when the file could not be opened or read to the end.
   */
  async stream(rel: string, chunkBytes: number, onChunk: (chunk: Buffer, last: boolean) => Promise<void>): Promise<string | undefined> {
    const opened = this.open(rel, Number.POSITIVE_INFINITY);
    if (!opened.ok) return opened.reason;
    const { fd, size } = opened;
    try {
      const buf = Buffer.allocUnsafe(chunkBytes);
      let off = 0;
      while (off < size) {
        const n = readSync(fd, buf, 0, Math.min(chunkBytes, size - off), off);
        if (n === 0) break;
        off += n;
        await onChunk(buf.subarray(0, n), off >= size);
      }
      return off < size ? `unreadable (ended at byte ${off} of ${size})` : undefined;
    } catch (err) {
      return `unreadable (${errCode(err)})`;
    } finally {
      closeSync(fd);
    }
  }

  private open(rel: string, maxBytes: number): Opened {
    const abs = join(this.root, rel);
    const dirVerdict = this.dirVerdict(dirname(rel));
    if (dirVerdict) return { ok: false, reason: dirVerdict };
    let st;
    try {
      st = lstatSync(abs);
    } catch (err) {
      return { ok: false, reason: errCode(err) === 'ENOENT' ? 'missing from the working tree' : `unreadable (${errCode(err)})` };
    }
    if (st.isSymbolicLink()) return { ok: false, reason: this.symlinkReason(abs) };
    if (st.isDirectory()) return { ok: false, reason: 'directory (submodule), not scanned' };
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, reason: tooLarge(st.size, maxBytes), tooLarge: true };
    let fd: number;
    try {
      fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      return { ok: false, reason: `unreadable (${errCode(err)})` };
    }
    const fst = fstatSync(fd);
    // The file may have been swapped between lstat and open.
    let reason: Opened | undefined;
    if (!fst.isFile()) reason = { ok: false, reason: 'not a regular file' };
    else if (fst.size > maxBytes) reason = { ok: false, reason: tooLarge(fst.size, maxBytes), tooLarge: true };
    if (reason) {
      closeSync(fd);
      return reason;
    }
    return { ok: true, fd, size: fst.size };
  }

  /** A directory reached through a symlink that leaves the tree makes every file below it off limits. */
  private dirVerdict(dir: string): string | null {
    if (dir === '.' || dir === '') return null;
    const cached = this.dirVerdicts.get(dir);
    if (cached !== undefined) return cached;
    let verdict: string | null = null;
    try {
      const real = realpathSync(join(this.root, dir));
      if (real !== this.realRoot && !real.startsWith(this.realRoot + sep)) verdict = 'inside a symlinked directory that leaves the tree';
    } catch {
      verdict = null;
    }
    this.dirVerdicts.set(dir, verdict);
    return verdict;
  }

  private symlinkReason(abs: string): string {
    try {
      const target = readlinkSync(abs);
      const resolved = resolve(dirname(abs), target);
      let real = resolved;
      try {
        real = realpathSync(resolved);
      } catch {
        // dangling link: judge by the path it names
      }
      const rel = relative(this.realRoot, real);
      const outside = isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`);
      return outside ? 'symlink pointing outside the tree (not followed)' : 'symlink (not followed; its target is scanned on its own)';
    } catch {
      return 'symlink (not followed)';
    }
  }
}

function tooLarge(size: number, limit: number): string {
  return `too large (${size} bytes > limit ${limit})`;
}

function errCode(err: unknown): string {
  return (err as { code?: string } | null)?.code ?? 'error';
}
