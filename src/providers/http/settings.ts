import { DEFAULT_MAX_PAGES } from './pages.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the environment tunes for every provider (tests shorten waits; users raise the page cap). */
export interface HttpEnvSettings {
  /** `SECPOL_HTTP_RETRY_BASE_MS`: base unit of back-off and rate-limit retries (default 1000). */
  retryBaseMs: number;
  /** `SECPOL_HTTP_TIMEOUT_MS`: per request attempt, body included (default 60,000). */
  timeoutMs: number;
  /** `SECPOL_HTTP_MAX_PAGES`: pages of one list before it is refused as too long (default 1000). */
  maxPages: number;
}

export function httpSettings(env: Env): HttpEnvSettings {
  return {
    retryBaseMs: nonNegative(env.SECPOL_HTTP_RETRY_BASE_MS) ?? 1000,
    timeoutMs: positive(env.SECPOL_HTTP_TIMEOUT_MS) ?? 60_000,
    maxPages: positive(env.SECPOL_HTTP_MAX_PAGES) ?? DEFAULT_MAX_PAGES,
  };
}

function nonNegative(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function positive(raw: string | undefined): number | undefined {
  const n = nonNegative(raw);
  return n !== undefined && n > 0 ? Math.floor(n) : undefined;
}
