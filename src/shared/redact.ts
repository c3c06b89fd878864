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

const COMMON_SECRET_PATTERNS: RegExp[] = [
  /\b(gh[pousr]_[A-Za-z0-9]{20,})\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /(authorization:\s*)(bearer|token|basic)\s+[^\s"']+/gi,
  /(\/\/)[^/\s:@]+:[^/\s@]+@/g,
];

/** Last line of defence: masks well-known token shapes and credentials in URLs. */
export function scrubCommonSecrets(text: string): string {
  let out = text;
  for (const re of COMMON_SECRET_PATTERNS) {
    out = out.replace(re, (match: string, p1?: string) => {
      if (p1 && (p1 === '//' || /^authorization/i.test(p1))) return `${p1}[REDACTED]${p1 === '//' ? '@' : ''}`;
      return '[REDACTED]';
    });
  }
  return out;
}

/** Keeps a few leading characters so a human can recognise which secret it was. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(Math.min(value.length - 4, 16));
}
