import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * On-disk ETag cache: a re-scan sends `If-None-Match` and GitHub answers 304, which costs
 * no rate limit. Keys are a hash of the token *identity* (never the token) and the URL;
 * entries hold the response body and the Link header, never request headers, and never a
 * body that holds a registered credential (such an answer is simply not cached).
 */
export interface CachedResponse {
  etag: string;
  data: unknown;
  link?: string;
}

export class EtagCache {
  private readonly dir: string;
  /** Directories made (or being made) this run: one mkdir each, not one per entry. */
  private readonly made = new Map<string, Promise<unknown>>();

  constructor(
    cacheDir: string,
    private readonly identity: string,
    /** True when a text holds a credential: such an entry is refused. */
    private readonly holdsSecret: (text: string) => boolean,
  ) {
    this.dir = join(cacheDir, 'github-etag');
  }

  private file(url: string): string {
    const key = createHash('sha256').update(`${this.identity}\n${url}`).digest('hex');
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(url: string): Promise<CachedResponse | undefined> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file(url), 'utf8'));
      if (parsed && typeof parsed === 'object' && typeof (parsed as CachedResponse).etag === 'string') return parsed as CachedResponse;
    } catch {
      // A missing or damaged entry is a cache miss.
    }
    return undefined;
  }

  /** Writes an entry; false when it was refused because it holds a credential. */
  async set(url: string, entry: CachedResponse): Promise<boolean> {
    const text = JSON.stringify(entry);
    if (this.holdsSecret(text)) return false;
    const file = this.file(url);
    const dir = join(file, '..');
    let made = this.made.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true, mode: 0o700 }).catch((err: unknown) => {
        this.made.delete(dir);
        throw err;
      });
      this.made.set(dir, made);
    }
    await made;
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, text, { mode: 0o600 });
    await rename(tmp, file);
    return true;
  }
}

/** A stable, non-reversible identity for cache keys: never the token itself. */
export function tokenIdentity(kind: 'token' | 'app', value: string): string {
  return createHash('sha256').update(`secpol-github-identity:${kind}:${value}`).digest('hex').slice(0, 32);
}
