import { describe, expect, it } from 'vitest';
import { collectGitlab } from '../../../src/providers/gitlab/collect.js';
import { Redactor } from '../../../src/shared/redact.js';
import { startFakeGitlab } from '../../fakes/gitlab/server.js';
import { TOKENS, groupScenario } from '../../fakes/gitlab/scenarios.js';
import { NOW, collect, get } from './helpers.js';

describe('gitlab client behaviour', () => {
  it('waits out a 429 for as long as Retry-After says, then retries', async () => {
    const state = { ...groupScenario({ projects: 3 }), rateLimit: { path: /\/projects\/101\/hooks$/, times: 1, retryAfter: 1 } };
    const c = await collect(state, TOKENS.admin);
    expect(get(c, 'gitlab:acme/platform/api', 'repository').webhooks).toHaveLength(2);
    expect(c.fake.throttled).toHaveLength(1);
    const [event] = c.fake.throttled;
    // gitbeaker alone would retry after 0.25 ms; the wrapper honours the header.
    expect((event?.retriedAt ?? 0) - (event?.sentAt ?? 0)).toBeGreaterThanOrEqual(900);
    expect(c.stats.rateLimitWaits).toBe(1);
  });

  it('backs off on a 429 without rate-limit headers (application limits)', async () => {
    // Members come through GraphQL when it answers; without it they come from REST members/all, whose application limit is the subject here.
    const state = { ...groupScenario({ projects: 3 }), graphql: false, rateLimit: { path: /\/projects\/101\/members\/all$/, times: 1, retryAfter: 0, bare: true } };
    const c = await collect(state, TOKENS.admin);
    expect(get(c, 'gitlab:acme/platform/api', 'repository').collaborators).toHaveLength(6);
    const [event] = c.fake.throttled;
    expect((event?.retriedAt ?? 0) - (event?.sentAt ?? 0)).toBeGreaterThanOrEqual(1900);
  });

  it('holds requests while RateLimit-Remaining is 0 until RateLimit-Reset, without provoking a 429', async () => {
    const fake = await startFakeGitlab({ ...groupScenario({ projects: 2 }), budget: { after: 5, resetSeconds: 2 } });
    try {
      // One request at a time, so nothing was already on its way when the budget ran out.
      const result = await collectGitlab(
        { now: NOW, env: {}, progress: { update: () => undefined }, redactor: new Redactor(), debug: () => undefined },
        { token: TOKENS.admin, targets: { baseUrl: fake.url, group: 'acme', projects: [] }, explicit: true, maxConcurrency: 1 },
      );
      const exhaustedAt = fake.exhaustedAt ?? 0;
      // The fifth answer ran the budget out; with one request at a time the sixth is the next one sent.
      const next = fake.arrivals[5] ?? 0;
      // RateLimit-Reset is whole epoch seconds, so the gate opens 1 to 2 s later.
      expect(next - exhaustedAt).toBeGreaterThanOrEqual(900);
      expect(result.stats.rateLimitWaits).toBe(1);
      expect(fake.throttled).toEqual([]);
      expect(fake.unexpected).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('gives up with a rate-limited gap when Retry-After exceeds the allowed wait', async () => {
    const fake = await startFakeGitlab({ ...groupScenario({ projects: 3 }), rateLimit: { path: /\/projects\/101\/hooks$/, times: 5, retryAfter: 3600 } });
    try {
      const result = await collectGitlab(
        { now: NOW, env: {}, progress: { update: () => undefined }, redactor: new Redactor(), debug: () => undefined },
        { token: TOKENS.admin, targets: { baseUrl: fake.url, group: 'acme', projects: [] }, explicit: true, maxWaitMs: 2000 },
      );
      const api = result.resources.find((r) => r.id === 'gitlab:acme/platform/api');
      expect(api?.kind === 'repository' ? api.webhooks : 'not a repository').toBeUndefined();
      expect(api?.gaps?.webhooks?.reason).toBe('rate-limited');
      expect(fake.throttled).toHaveLength(1);
      expect(fake.unexpected).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('paginates on X-Next-Page when the server sends no Link header', async () => {
    const c = await collect({ ...groupScenario({ projects: 230 }), omitLinkHeader: true }, TOKENS.admin);
    expect(c.resources.filter((r) => r.kind === 'repository')).toHaveLength(230);
  });

  it('a rejected token yields one diagnostic and an unauthenticated gap, no token in the output', async () => {
    const c = await collect(groupScenario({ projects: 2 }), 'glpat-not-a-valid-token-000000');
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0]?.message).toMatch(/^gitlab: group acme: HTTP 401/);
    expect(get(c, 'gitlab:acme', 'organization').gaps?.['*']?.reason).toBe('unauthenticated');
  });

  it('an unknown project named on the command line is a not-found error gap', async () => {
    const c = await collect(groupScenario({ projects: 2 }), TOKENS.admin, { repos: ['acme/missing'] });
    expect(get(c, 'gitlab:acme/missing', 'repository').gaps?.['*']).toMatchObject({ reason: 'not-found', outcome: 'error' });
  });
});

describe('gitlab unreachable instance', () => {
  it('reports the connection failure once, with its code and without the token', async () => {
    const fake = await startFakeGitlab(groupScenario({ projects: 1 }));
    const url = fake.url;
    await fake.close();
    const result = await collectGitlab(
      { now: NOW, env: {}, progress: { update: () => undefined }, redactor: new Redactor(), debug: () => undefined },
      { token: TOKENS.admin, targets: { baseUrl: url, group: 'acme', projects: [] }, explicit: true },
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual(['gitlab: group acme: network failure (ECONNREFUSED)']);
    expect(result.resources[0]?.gaps?.['*']?.reason).toBe('unreachable');
    expect(JSON.stringify(result)).not.toContain(TOKENS.admin);
  });
});

describe('gitlab malformed answers', () => {
  it('a response that fails validation leaves the fact absent with a malformed gap', async () => {
    const state = groupScenario({ projects: 3 });
    const api = state.projects.find((p) => p.body.id === 101);
    if (!api) throw new Error('scenario changed');
    api.hooks = [{ ...api.hooks[0], enable_ssl_verification: 'yes' }];
    api.accessTokens = [{ ...api.accessTokens[0], name: 'ci\u001b[2J\nbot' }];
    const c = await collect(state, TOKENS.admin);
    const repo = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(repo.webhooks).toBeUndefined();
    expect(repo.gaps?.webhooks).toEqual({ reason: 'malformed', message: 'webhooks of acme/platform/api: response failed validation at 0.enable_ssl_verification' });
    // Hostile names are data: kept as sent, escaped by the reporters.
    expect(get(c, 'gitlab:acme/platform/api/token/42', 'token').name).toBe('ci\u001b[2J\nbot');
  });
});
