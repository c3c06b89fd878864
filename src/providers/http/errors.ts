/**
 * Failures the HTTP layer raises itself. Messages name the host and what happened, never a
 * header, a query string or a credential.
 */

/** How a request failed below HTTP. */
export type NetworkFailure = 'dns' | 'refused' | 'tls' | 'timeout' | 'reset' | 'unreachable';

export class NetworkError extends Error {
  constructor(
    readonly failure: NetworkFailure,
    /** `host:port` of the request. */
    readonly target: string,
    detail: string,
  ) {
    super(`${describe(failure, target)}${detail ? ` (${detail})` : ''}`);
    this.name = 'NetworkError';
  }

  /** A dropped connection may work on a second try; a refused port, a missing host or a bad certificate will not. */
  get transient(): boolean {
    return this.failure === 'reset';
  }
}

function describe(failure: NetworkFailure, target: string): string {
  switch (failure) {
    case 'dns':
      return `cannot resolve ${target} (DNS lookup failed)`;
    case 'refused':
      return `connection to ${target} refused`;
    case 'tls':
      return `TLS handshake with ${target} failed`;
    case 'timeout':
      return `no answer from ${target} in time (timeout)`;
    case 'reset':
      return `connection to ${target} dropped`;
    case 'unreachable':
      return `cannot reach ${target}`;
  }
}

/** A credential-bearing request, redirect or pagination link aimed outside the credential's origins: never sent. */
export class OffOriginError extends Error {
  constructor(
    readonly origin: string,
    readonly why: 'request' | 'redirect' | 'next-page',
  ) {
    const what = why === 'redirect' ? 'redirect' : why === 'next-page' ? 'pagination link' : 'request';
    super(`${what} to ${origin} is outside the credential's origin; not followed`);
    this.name = 'OffOriginError';
  }
}

/** A list whose pages repeat or never end: refused rather than read partially. */
export class PagingError extends Error {
  constructor(
    readonly why: 'loop' | 'cap',
    maxPages: number,
  ) {
    super(why === 'loop' ? 'pagination repeats a page already read; list not trusted' : `more than ${maxPages} pages; list not read to the end`);
    this.name = 'PagingError';
  }
}

const CODES: Record<string, NetworkFailure> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
};

/**
 * The network failure behind an error thrown by fetch (`TypeError: fetch failed` with a
 * cause), Node's http module (`err.code`) or a timeout signal; undefined when it is not one.
 */
export function networkFailureOf(err: unknown): { failure: NetworkFailure; detail: string } | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (CODES[code]) return { failure: CODES[code], detail: code };
      if (/^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code) || /SSL|TLS/.test(code)) return { failure: 'tls', detail: code };
    }
    if (name === 'TimeoutError') return { failure: 'timeout', detail: 'timeout' };
    if (typeof message === 'string' && /certificate|ssl|tls/i.test(message) && depth > 0) return { failure: 'tls', detail: message.split('\n')[0]!.slice(0, 120) };
  }
  return undefined;
}

/** Finds an error of `type` in `err` or its `cause` chain (client libraries wrap what our fetch throws). */
export function findCause<T extends Error>(err: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof type) return e;
  }
  return undefined;
}
