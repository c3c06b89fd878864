import picomatch from 'picomatch';
import type { Waiver } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { quote } from '../shared/quote.js';

/** Waivers never last forever: `expires` at most this many days ahead unless `waiverMaxDays` says otherwise. */
export const DEFAULT_WAIVER_MAX_DAYS = 365;
/** The most `waiverMaxDays` may allow. */
export const WAIVER_MAX_DAYS_LIMIT = 3650;

const DAY_MS = 86_400_000;

// Ids no real pattern names on purpose: a glob that matches all of them matches everything.
const RULE_PROBES = ['zq9', 'zq9.x-y.w_v', 'a'];
const RESOURCE_PROBES = ['zq9:x', 'zq9:x/y.z/w', 'a:1/2/3/4/5/6'];

function matchesEverything(glob: string, probes: readonly string[]): boolean {
  const isMatch = picomatch(glob, { dot: true, windows: false });
  return probes.every((p) => isMatch(p));
}

/**
 * Waivers that can be honoured, and a located error for each that cannot: one that covers
 * every rule on every resource (it would turn the whole run into a pass), or one that expires
 * more than `maxDays` after `now` (a waiver must be reviewed again within that time).
 */
export function checkWaivers(waivers: readonly Waiver[], now: Date, maxDays: number): { waivers: Waiver[]; diagnostics: Diagnostic[] } {
  const kept: Waiver[] = [];
  const diagnostics: Diagnostic[] = [];
  const latest = now.getTime() + maxDays * DAY_MS;
  for (const waiver of waivers) {
    const at = waiver.source ?? {};
    if (matchesEverything(waiver.rule, RULE_PROBES) && matchesEverything(waiver.resource, RESOURCE_PROBES)) {
      diagnostics.push({
        severity: 'error',
        ...at,
        message: `waiver for rule ${quote(waiver.rule)} on resource ${quote(waiver.resource)} covers every rule on every resource; name the rules or the resources it accepts`,
      });
      continue;
    }
    // A plain date counts from the start of its day: at most the date `maxDays` ahead.
    if (Date.parse(waiver.expires) > latest) {
      diagnostics.push({
        severity: 'error',
        ...at,
        message: `waiver expires ${quote(waiver.expires)}, more than ${maxDays} days from now (latest ${new Date(latest).toISOString().slice(0, 10)}); waivers must be renewed (waiverMaxDays in secpol.yaml)`,
      });
      continue;
    }
    kept.push(waiver);
  }
  return { waivers: kept, diagnostics };
}
