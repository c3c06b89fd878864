/**
 * Secrets we were handed (tokens, keys) are registered here so that every message that
 * leaves the process can be scrubbed, whatever path it took.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would turn ordinary words into asterisks.
    if (secret && secret.length >= 6) this.secrets.add(secret);
  }

  /** True when `text` holds a registered secret as is or JSON-escaped (for caches that must refuse it). */
  holdsSecret(text: string): boolean {
    for (const s of this.secrets) if (text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1))) return true;
    return false;
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[REDACTED]');
    return scrubCommonSecrets(out);
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

/** Last line of defence: masks well-known token shapes and credentials in URLs. */
export function scrubCommonSecrets(text: string): string {
  return text.replace(COMMON_SECRETS, (...args: unknown[]) => {
    const groups = args[args.length - 1] as { auth?: string; scheme?: string };
    if (groups.auth) return `${groups.auth}[REDACTED]`;
    if (groups.scheme) return '//[REDACTED]@';
    return '[REDACTED]';
  });
}

/** Keeps a few leading characters so a human can recognise which secret it was. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(Math.min(value.length - 4, 16));
}
