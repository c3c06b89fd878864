import { SecretMatcher } from './secret-matcher.js';

/**
 * Secrets we were handed (tokens, keys) are registered here so that every message that
 * leaves the process can be scrubbed, whatever path it took.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** Built on first use after a change; undefined while nothing is registered. */
  private matcher: SecretMatcher | undefined;
  private stale = false;

  add(secret: string | undefined): void {
    // Very short values would turn ordinary words into asterisks.
    if (secret && secret.length >= 6 && !this.secrets.has(secret)) {
      this.secrets.add(secret);
      this.stale = true;
    }
  }

  /** True when `text` holds a registered secret as is or JSON-escaped (for caches that must refuse it). */
  holdsSecret(text: string): boolean {
    for (const s of this.secrets) if (text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1))) return true;
    return false;
  }

  /** Every registered secret replaced in one pass over the text (the longest where several start at one place), then common shapes. */
  redact(text: string): string {
    if (this.stale) {
      this.matcher = new SecretMatcher([...this.secrets], '[REDACTED]');
      this.stale = false;
    }
    return scrubCommonSecrets(this.matcher ? this.matcher.replace(text) : text);
  }

  /**
   * Plain data (a report, a snapshot) with every string and every key redacted. Runs on the
   * raw values, before any format escapes them: once Markdown has turned `ghp_` into `ghp\_`,
   * or HTML `&` into `&amp;`, no pattern or registered value matches any more.
   *
   * The input is never changed. Plain objects and arrays in which nothing needed redacting are
   * returned as they are rather than copied (a 250,000-result report is mostly such parts, and
   * renderers cache by identity what results share); a part shared in the input stays shared,
   * redacted or not.
   */
  redactDeep<T>(value: T): T {
    return this.redactValue(value, new Map(), new Map()) as T;
  }

  private redactValue(value: unknown, strings: Map<string, string>, objects: Map<object, unknown>): unknown {
    if (typeof value === 'string') {
      if (value.length < 6) return value;
      let redacted = strings.get(value);
      if (redacted === undefined) {
        redacted = this.redact(value);
        strings.set(value, redacted);
      }
      return redacted;
    }
    if (value === null || typeof value !== 'object') return value;
    const done = objects.get(value);
    if (done !== undefined) return done;
    let out: unknown;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const redacted = this.redactValue(item, strings, objects);
        if (copy === undefined && redacted !== item) copy = value.slice(0, i);
        copy?.push(redacted);
      }
      out = copy ?? value;
    } else {
      // Anything but a plain object (a Date, a Map) becomes a plain copy of its own entries, as it always has.
      const proto: unknown = Object.getPrototypeOf(value);
      let copy: Record<string, unknown> | undefined = proto === Object.prototype || proto === null ? undefined : {};
      const keys = Object.keys(value);
      const source = value as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const item = source[key];
        const redactedKey = key.length < 6 ? key : (this.redactValue(key, strings, objects) as string);
        const redacted = this.redactValue(item, strings, objects);
        if (copy === undefined && (redacted !== item || redactedKey !== key)) {
          copy = {};
          for (let j = 0; j < i; j++) copy[keys[j]!] = source[keys[j]!];
        }
        if (copy !== undefined) copy[redactedKey] = redacted;
      }
      out = copy ?? value;
    }
    // Only copies are remembered (so a shared part stays shared): most parts are not copied,
    // and remembering each of them would cost more memory than walking a shared one again.
    if (out !== value) objects.set(value, out);
    return out;
  }

  /**
   * `redact` over a text that arrives in pieces, without joining all of it: the text is cut
   * into batches of about `batchSize` characters and each batch is redacted on its own. The
   * result is the same as redacting the joined text, whatever the pieces, because a batch only
   * ends where no match can cross: right after a line break (the token and URL patterns never
   * span one, nor does a registered secret unless it holds one, in which case everything is
   * one batch), and not after white space alone or after an `authorization:`/`bearer`/`token`/
   * `basic` that could go on in the next line. A replacement ends in `]`, so it cannot make a
   * batch end in one of those words.
   */
  *redactChunks(chunks: Iterable<string>, batchSize = 1 << 16): Generator<string, void, undefined> {
    const oneBatch = [...this.secrets].some((s) => /[\r\n]/.test(s));
    let batch: string[] = [];
    let size = 0;
    let limit = batchSize;
    for (const chunk of chunks) {
      batch.push(chunk);
      size += chunk.length;
      if (oneBatch || size < limit) continue;
      const text = batch.length === 1 ? chunk : batch.join('');
      const cut = text.lastIndexOf('\n') + 1;
      if (cut === 0 || !endsSafely(text.slice(Math.max(0, cut - 64), cut))) {
        // No safe place yet: try again when the text has doubled, so it is not joined over and over.
        batch = [text];
        limit = size * 2;
        continue;
      }
      yield this.redact(cut === text.length ? text : text.slice(0, cut));
      const rest = text.slice(cut);
      batch = rest === '' ? [] : [rest];
      size = rest.length;
      limit = batchSize;
    }
    if (batch.length > 0) yield this.redact(batch.join(''));
  }
}

/** A word after which an authorization pattern could go on past a line break. */
const CONTINUES = /(?:authorization:|bearer|token|basic)$/i;

/** The text before a cut is not all white space and does not end (before white space) in such a word. */
function endsSafely(head: string): boolean {
  const end = head.trimEnd();
  return end !== '' && !CONTINUES.test(end.slice(-16));
}

// One alternation, so that a 100 MB report is scanned once rather than once per pattern.
const COMMON_SECRETS = new RegExp(
  [
    String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16})\b`,
    String.raw`(?<auth>authorization:\s*)(?:bearer|token|basic)\s+[^\s"']+`,
    String.raw`(?<scheme>\/\/)[^/\s:@]+:[^/\s@]+@`,
  ].join('|'),
  'gi',
);

/** Last line of defence: masks well-known token shapes and credentials in URLs and image references. */
export function scrubCommonSecrets(text: string): string {
  const out = text.replace(COMMON_SECRETS, (...args: unknown[]) => {
    const groups = args[args.length - 1] as { auth?: string; scheme?: string };
    if (groups.auth) return `${groups.auth}[REDACTED]`;
    if (groups.scheme) return '//[REDACTED]@';
    return '[REDACTED]';
  });
  return out.includes('@') ? maskRegistryCredentials(out) : out;
}

/** Where a credential part ends: white space, quotes and the separators around values. */
const NOT_CREDENTIAL = /[\s/:@"'=([{,;]/;
/** What follows `user:password@` in an image reference: a registry host (and port), then `/`. */
const REGISTRY_HOST = /[A-Za-z0-9][A-Za-z0-9.-]*(?::\d+)?\//y;

/**
 * `FROM user:password@registry.example.com/app`: credentials in an image reference, which has
 * no `//` for the URL pattern to anchor on. Found from each `@` backwards (a regex would have
 * to try every position of the text), so each character is looked at a bounded number of times.
 */
function maskRegistryCredentials(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    REGISTRY_HOST.lastIndex = at + 1;
    if (!REGISTRY_HOST.test(text)) continue;
    let colon = at - 1;
    while (colon >= copied && !NOT_CREDENTIAL.test(text[colon]!)) colon--;
    if (colon < copied || colon === at - 1 || text[colon] !== ':') continue;
    let start = colon - 1;
    while (start >= copied && !NOT_CREDENTIAL.test(text[start]!)) start--;
    if (start === colon - 1) continue;
    out += `${text.slice(copied, start + 1)}[REDACTED]`;
    copied = at;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Keeps a few leading characters so a human can recognise which secret it was. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(Math.min(value.length - 4, 16));
}
