import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Resource, type Gap } from '../../src/model/index.js';
import type { CollectResult } from '../../src/providers/types.js';
import { Redactor } from '../../src/shared/redact.js';
import { bystanders } from '../helpers/bystander.js';
import type { ConformanceSubject, RunSetup } from './subject.js';

interface ConformanceRun {
  /** Absent when collect threw (`error`). */
  readonly result?: CollectResult;
  readonly error?: unknown;
  readonly debug: readonly string[];
  readonly requests: number;
  readonly pagedRequests: number;
  /** Contents of every file written under the cache directory. */
  readonly cache: readonly string[];
  readonly unexpected: readonly string[];
}

const PAGE_CAP = 3;
/** Per request attempt when a fact's answer never comes: long enough for the fake's other answers on a busy machine. */
const TIMEOUT_MS = 1000;

/** Collects once against a fresh fake, with a cache directory, and stops the fake. */
async function collectOnce(subject: ConformanceSubject, setup: RunSetup, signal?: AbortSignal): Promise<ConformanceRun> {
  const started = await subject.start(setup);
  const cacheDir = mkdtempSync(join(tmpdir(), 'secpol-conformance-'));
  const debug: string[] = [];
  try {
    const env = {
      SECPOL_HTTP_RETRY_BASE_MS: '5',
      ...started.env,
      ...(setup.endlessPages ? { SECPOL_HTTP_MAX_PAGES: String(PAGE_CAP) } : {}),
      ...(setup.hangFact ? { SECPOL_HTTP_TIMEOUT_MS: String(TIMEOUT_MS) } : {}),
    };
    const redactor = new Redactor();
    const outcome = await started.adapter
      .collect({ now: new Date('2026-06-01T00:00:00Z'), env, signal, progress: { update: () => undefined }, redactor, cacheDir, debug: (m) => debug.push(redactor.redact(m)) })
      .then((result) => ({ result }), (error: unknown) => ({ error }));
    const cache = readdirSync(cacheDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
    return { ...outcome, debug, cache, requests: started.requests(), pagedRequests: started.requests('paged'), unexpected: started.unexpected() };
  } finally {
    await started.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Everything a run leaves behind that a user or a cache could see. */
function everything(run: ConformanceRun): string {
  return [JSON.stringify(run.result), run.error instanceof Error ? `${run.error.message}\n${run.error.stack}` : String(run.error), ...run.debug, ...run.cache].join('\n');
}

/** The result of a run that must not throw. */
function resultOf(run: ConformanceRun): CollectResult {
  if (!run.result) throw run.error;
  return run.result;
}

function expectNoCredential(subject: ConformanceSubject, text: string): void {
  for (const credential of subject.credentials) expect(text).not.toContain(credential);
}

/**
 * The adapter conformance suite (issue 10): every provider runs it with its loopback fake.
 * Checks what every adapter owes whatever the platform: schema-valid resources, gaps rather
 * than passes for facts behind failed requests, no credential in any output or elsewhere
 * than its origin, page caps, and cancellation.
 */
export function conformance(subject: ConformanceSubject): void {
  const bystander = bystanders();

  describe(`${subject.name}: adapter conformance`, () => {
    it('returns resources valid against the model schemas, with unique ids, and no credential anywhere', async () => {
      const run = await collectOnce(subject, {});
      expect(run.unexpected).toEqual([]);
      expect(resultOf(run).resources.length).toBeGreaterThan(0);
      for (const resource of resultOf(run).resources) expect(() => Resource.parse(resource), resource.id).not.toThrow();
      const ids = resultOf(run).resources.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expectNoCredential(subject, everything(run));
    });

    const fact = subject.fact;
    if (fact) {
      /** The fact's resource is still reported, without the value, with an error gap that says why. */
      const expectFactGap = (run: ConformanceRun): Gap => {
        const resource = resultOf(run).resources.find((r) => r.id === fact.resourceId);
        expect(resource, `${fact.resourceId} is still reported`).toBeDefined();
        expect((resource as Record<string, unknown>)[fact.field]).toBeUndefined();
        const gap = resource?.gaps?.[fact.field];
        expect(gap, `a gap for ${fact.field}`).toBeDefined();
        // A failed request is never "the data does not exist": it is an error, or a skip that says why.
        expect(['unsupported', 'not-applicable']).not.toContain(gap!.reason);
        expect(gap!.message).not.toBe('');
        expectNoCredential(subject, everything(run));
        return gap!;
      };

      it.each(fact.statuses ?? [403, 404, 500, 503])(`records a gap, never a value, for ${fact.resourceId} ${fact.field} behind HTTP %i`, async (status) => {
        expectFactGap(await collectOnce(subject, { failFact: status }));
      });

      it(`records a timeout gap, never a value, for ${fact.resourceId} ${fact.field} when its answer never comes`, async () => {
        const run = await collectOnce(subject, { hangFact: true });
        expect(expectFactGap(run).reason).toBe('timeout');
        expect(run.unexpected).toEqual([]);
      });
    }

    if (subject.followsOrigins) {
      it.each(['127.0.0.1', '127.0.0.2'])('never sends the credential to another origin (%s, another port)', async (host) => {
        const other = await bystander(host);
        const run = await collectOnce(subject, { foreignOrigin: other.origin });
        for (const line of other.received) expect(line).toMatch(/authorization= private-token=$/);
        expectNoCredential(subject, other.received.join('\n'));
        expectNoCredential(subject, everything(run));
        const gaps = resultOf(run).resources.flatMap((r) => Object.values(r.gaps ?? {}));
        expect(gaps.length + resultOf(run).diagnostics.length, 'the refusal is reported').toBeGreaterThan(0);
      });
    }

    if (subject.pages) {
      it('honours the page cap on an endless list, and reports it', async () => {
        const run = await collectOnce(subject, { endlessPages: true });
        expect(run.pagedRequests).toBe(PAGE_CAP);
        expect(everything(run)).toContain(`more than ${PAGE_CAP} pages`);
      });
    }

    it('makes no request once the signal is aborted', async () => {
      const controller = new AbortController();
      controller.abort(new Error('cancelled by the user'));
      const run = await collectOnce(subject, {}, controller.signal);
      expect(run.requests).toBe(0);
      expectNoCredential(subject, everything(run));
      // Cancelled work is never reported as collected: either collect rejects, or nothing comes back whole.
      if (run.result) expect(run.result.resources.filter((r) => !r.gaps).map((r) => r.id)).toEqual([]);
    });
  });
}
