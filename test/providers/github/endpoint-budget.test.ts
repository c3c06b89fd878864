import { describe, expect, it } from 'vitest';
import { WindowBudget } from '../../../src/providers/http/index.js';
import { endpointOf } from '../../../src/providers/github/endpoint.js';
import { resolveSettings } from '../../../src/providers/github/settings.js';
import { isUserError } from '../../../src/shared/errors.js';
import { implementation as githubProvider } from '../../../src/providers/github/index.js';
import { Redactor } from '../../../src/shared/redact.js';
import { makeRepo } from '../../fakes/github/model.js';
import { ADMIN_TOKEN, fakeGithubPerTest, spec, standardState } from './helpers.js';

/** A budget on a clock the test moves; waiting advances the clock, as sleeping would. */
function clocked(limit: number, windowMs = 1000) {
  let now = 0;
  const waits: number[] = [];
  const budget = new WindowBudget(
    limit,
    windowMs,
    () => now,
    async (ms) => {
      waits.push(ms);
    },
  );
  return { budget, waits, at: (t: number) => (now = t) };
}

describe('github: requests per endpoint are spaced to the secondary limit', () => {
  it('lets `limit` requests start at once, then one per window slot, in order', async () => {
    const { budget } = clocked(3);
    const waited = await Promise.all(Array.from({ length: 7 }, () => budget.take('GET /repos/{owner}/{repo}/hooks')));
    expect(waited).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
    expect(budget.waitedMs).toBe(5000);
  });

  it('never holds more than `limit` starts in any window', async () => {
    const { budget, at } = clocked(2);
    const starts: number[] = [];
    for (const t of [0, 100, 200, 900, 1150, 1150, 2500]) {
      at(t);
      starts.push(t + (await budget.take('GET /x')));
    }
    for (const s of starts) expect(starts.filter((o) => o > s - 1000 && o <= s).length).toBeLessThanOrEqual(2);
    expect(starts).toEqual([0, 100, 1000, 1100, 2000, 2100, 3000]);
  });

  it('counts endpoints apart', async () => {
    const { budget } = clocked(1);
    expect(await budget.take('GET /repos/{owner}/{repo}/hooks')).toBe(0);
    expect(await budget.take('GET /repos/{owner}/{repo}/actions/secrets')).toBe(0);
    expect(await budget.take('GET /repos/{owner}/{repo}/hooks')).toBe(1000);
  });

  it('names an endpoint by its route template, or by the path of a Link page', () => {
    expect(endpointOf('get', '/repos/{owner}/{repo}/hooks')).toBe('GET /repos/{owner}/{repo}/hooks');
    expect(endpointOf('GET', 'https://api.github.com/organizations/1/repos?per_page=100&page=2')).toBe('GET /organizations/1/repos');
  });

  it('paces github.com and GHE.com at 900 a minute by default, GHES not unless asked', () => {
    const rate = (env: Record<string, string>) => resolveSettings(spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: 'a-token', ...env })?.endpointRate;
    expect(rate({})).toBe(900);
    expect(rate({ GITHUB_API_URL: 'https://api.acme.ghe.com' })).toBe(900);
    expect(rate({ GITHUB_API_URL: 'https://ghe.example.com/api/v3' })).toBe(0);
    expect(rate({ GITHUB_API_URL: 'https://ghe.example.com/api/v3', SECPOL_GITHUB_ENDPOINT_RATE: '600' })).toBe(600);
    expect(rate({ SECPOL_GITHUB_ENDPOINT_RATE: '0' })).toBe(0);
    let err: unknown;
    try {
      rate({ SECPOL_GITHUB_ENDPOINT_RATE: 'fast' });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
  });
});

describe('github: the endpoint budget holds real requests', () => {
  const startFake = fakeGithubPerTest();

  it('sends two hooks requests a minute at SECPOL_GITHUB_ENDPOINT_RATE=2, holding the third until cancelled', async () => {
    const state = standardState();
    state.repos = ['a', 'b', 'c'].map((name) => makeRepo('acme', name));
    const fake = await startFake(state);
    const env = { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: ADMIN_TOKEN, SECPOL_GITHUB_ENDPOINT_RATE: '2' };
    const [adapter] = githubProvider.plan(spec({ githubOrg: 'acme' }), env);
    const controller = new AbortController();
    // Without the budget all three hooks requests go out at once; with it, the third waits a minute.
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 1500);
    const redactor = new Redactor();
    await adapter!
      .collect({ now: new Date('2026-06-01T00:00:00Z'), env, progress: { update: () => {} }, redactor, signal: controller.signal, debug: () => {} })
      .catch(() => undefined);
    expect(fake.log.filter((r) => /^\/repos\/acme\/[abc]\/hooks/.test(r.path))).toHaveLength(2);
  });
});
