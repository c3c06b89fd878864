import type { z } from 'zod';
import type { Gap, Gaps } from '../../model/index.js';
import { gapFromError, gapFromStatus } from '../http/index.js';
import { GitlabHttpError } from './client.js';
import type { Run } from './run.js';

export type Fetched<T> = { ok: true; value: T } | { ok: false; gap: Gap; status?: number };

/**
 * Runs one gitbeaker call and validates its answer; any failure becomes a gap whose
 * message names what was read, the status and (for 403) the role it needs.
 */
export async function fetchValidated<S extends z.ZodType>(
  run: Run,
  what: string,
  schema: S,
  call: () => Promise<unknown>,
  need?: string,
): Promise<Fetched<z.infer<S>>> {
  let raw: unknown;
  try {
    raw = await call();
  } catch (err) {
    if (run.signal?.aborted) throw err;
    return { ok: false, ...classifyFailure(run, err, what, need) };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, gap: { reason: 'malformed', message: `${what}: response failed validation${at}` } };
  }
  return { ok: true, value: parsed.data };
}

/** Turns a thrown client error into a gap (and the HTTP status when there was one). */
export function classifyFailure(run: Run, err: unknown, what: string, need?: string): { gap: Gap; status?: number } {
  if (err instanceof GitlabHttpError) {
    run.debug(`gitlab: ${err.message} ${JSON.stringify(err.detail)}`);
    const hint = (err.status === 403 || err.status === 404) && need ? ` (needs ${need})` : '';
    const tail =
      err.status === 429
        ? ' (rate limit not lifted in time)'
        : err.status === 401
          ? " (GITLAB_TOKEN was refused: expired, revoked or mistyped; check it and CI_SERVER_URL / GITLAB_URL)"
          : hint;
    return { status: err.status, gap: gapFromStatus(err.status, `${what}: HTTP ${err.status}${tail}`, { explicit: run.explicit }) };
  }
  return { gap: gapFromError(err, what) };
}

/** A Premium/Ultimate feature the instance or plan does not offer: a skip, never a pass. */
export function unsupportedGap(what: string, feature: string): Gap {
  return { reason: 'unsupported', message: `${what}: ${feature} is not available on this GitLab instance or plan (GitLab Premium)` };
}

export function addGap(gaps: Gaps, field: string, gap: Gap): void {
  gaps[field] = gap;
}

/** Keeps ISO timestamps and plain dates as GitLab sent them when they parse; otherwise undefined. */
export function toTimestamp(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
