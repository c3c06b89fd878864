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

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[REDACTED]');
    return scrubCommonSecrets(out);
  }
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
