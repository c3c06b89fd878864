import { createHash } from 'node:crypto';
import type { Result, ResultLocation } from '../model/index.js';

/**
 * The partialFingerprints key. v2 leaves line numbers out (v1 hashed them), so a finding keeps
 * its fingerprint when lines above it move; baselines match failures by this same value.
 */
export const FINGERPRINT_KEY = 'secpolFingerprint/v2';

/** One place a result is reported at: a located evidence item, or the result itself. */
export interface FindingSite {
  /** The file the site is in (absent for settings findings). */
  location?: ResultLocation;
  /** The evidence text the site stands for (several unlocated items joined with `; `). */
  evidence?: string;
  /** Where a located item sits (`code`, `test`, `docs`), when it says. */
  context?: string;
}

/**
 * Where a result is reported: one site per located evidence item, plus the result itself when
 * nothing is located or some evidence is not (its unlocated evidence joined).
 */
export function findingSites(r: Result): FindingSite[] {
  const evidence = r.evidence ?? [];
  const located = evidence.filter((e) => e.location && normalisePath(e.location.path));
  const unlocated = evidence.filter((e) => !(e.location && normalisePath(e.location.path)));
  const sites: FindingSite[] = located.map((e) => ({ location: e.location, evidence: e.message, ...(e.context !== undefined ? { context: e.context } : {}) }));
  if (located.length === 0 || unlocated.length > 0) {
    const own = r.location && normalisePath(r.location.path) ? r.location : undefined;
    sites.push({
      ...(own ? { location: own } : {}),
      ...(unlocated.length > 0 ? { evidence: unlocated.map((e) => e.message).join('; ') } : {}),
    });
  }
  return sites;
}

/**
 * One fingerprint per site, stable across runs and independent of line numbers: rule, resource,
 * file and evidence text, plus the occurrence among identical sites of the result (the same
 * secret twice in one file).
 */
export function siteFingerprints(r: Result, sites: readonly FindingSite[] = findingSites(r)): string[] {
  const seen = new Map<string, number>();
  return sites.map((site) => {
    const parts = [r.ruleId, r.resource.id, site.location ? normalisePath(site.location.path) : '', site.evidence ?? ''];
    const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/**
 * Paths only ever reach SARIF percent-encoded, so control characters and line breaks are kept
 * rather than dropped (a dropped character would name a file that does not exist). Forward
 * slashes, no leading `./`; lone surrogates become U+FFFD.
 */
export function normalisePath(path: string): string {
  const clean = String(path).replace(/\p{Cs}/gu, '\uFFFD').replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/{2,}/g, '/');
  return clean.trim() === '' ? '' : clean;
}
