import { OffOriginError } from './errors.js';

/**
 * The one rule for where a credential may go: only to the exact origin (scheme, host, port)
 * it was configured for, or to hosts the provider documents as its API hosts (always
 * https on the default port). Everything else gets no credential: the request, redirect or
 * pagination link is refused, never sent without it and never sent with it.
 */
export class CredentialOrigins {
  private readonly exact = new Set<string>();

  /**
   * @param configured the URL(s) the user configured (only their origin counts)
   * @param documentedHosts host names (or patterns) the platform documents as its own API
   *   hosts; they are trusted on https and the default port only
   */
  constructor(
    configured: string | URL | readonly (string | URL)[],
    private readonly documentedHosts: readonly (string | RegExp)[] = [],
  ) {
    for (const url of Array.isArray(configured) ? configured : [configured]) this.exact.add(originOf(url as string | URL));
  }

  /** The configured origins, for messages. */
  get origins(): string[] {
    return [...this.exact];
  }

  allows(url: string | URL): boolean {
    let u: URL;
    try {
      u = typeof url === 'string' ? new URL(url) : url;
    } catch {
      return false;
    }
    if (u.username || u.password) return false;
    if (this.exact.has(u.origin)) return true;
    if (u.protocol !== 'https:' || u.port !== '') return false;
    const host = u.hostname.toLowerCase();
    return this.documentedHosts.some((h) => (typeof h === 'string' ? h === host : h.test(host)));
  }

  /** Throws OffOriginError unless `url` may receive the credential. */
  assert(url: string | URL, why: OffOriginError['why'] = 'request'): void {
    if (!this.allows(url)) throw new OffOriginError(safeOrigin(url), why);
  }
}

/** `scheme://host:port` of a URL (the port only when not the scheme's default). */
export function originOf(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).origin;
}

/** The origin for messages, or a placeholder when the URL does not parse (never the path or query). */
export function safeOrigin(url: string | URL): string {
  try {
    return originOf(url);
  } catch {
    return '(unparsable URL)';
  }
}

/** Header names that carry credentials on the platforms and SDKs secpol talks to. */
export const CREDENTIAL_HEADERS = ['authorization', 'private-token', 'job-token', 'x-api-key', 'x-amz-security-token', 'cookie'] as const;

/** True when `headers` carries any credential header (case-insensitive). */
export function carriesCredential(headers: Headers | Record<string, string> | [string, string][] | undefined): boolean {
  if (!headers) return false;
  const names =
    headers instanceof Headers ? [...headers.keys()] : Array.isArray(headers) ? headers.map(([k]) => k) : Object.keys(headers);
  return names.some((n) => (CREDENTIAL_HEADERS as readonly string[]).includes(n.toLowerCase()));
}
