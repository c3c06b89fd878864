import { describe, expect, it } from 'vitest';
import { implementation as gitlabProvider } from '../../../src/providers/gitlab/index.js';
import type { CollectResult } from '../../../src/providers/types.js';
import { Redactor } from '../../../src/shared/redact.js';
import { startFakeGitlab } from '../../fakes/gitlab/server.js';
import type { FakeGitlabState } from '../../fakes/gitlab/state.js';
import { TOKENS, groupScenario } from '../../fakes/gitlab/scenarios.js';
import { NOW, spec } from './helpers.js';
import { bystanders } from '../../helpers/bystander.js';

const bystander = bystanders();

async function run(state: FakeGitlabState, env: Record<string, string> = {}): Promise<{ result: CollectResult; requests: string[] }> {
  const fake = await startFakeGitlab(state);
  try {
    const [adapter] = gitlabProvider.plan(spec({ gitlabGroup: 'acme' }), { GITLAB_TOKEN: TOKENS.admin, GITLAB_URL: fake.url });
    const ctx = { now: NOW, env: { SECPOL_HTTP_RETRY_BASE_MS: '5', ...env }, progress: { update: () => undefined }, redactor: new Redactor(), debug: () => undefined };
    const result = await adapter!.collect(ctx);
    expect(fake.unexpected).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(TOKENS.admin);
    return { result, requests: fake.requests };
  } finally {
    await fake.close();
  }
}

function webhooksGap(result: CollectResult): unknown {
  const api = result.resources.find((r) => r.id === 'gitlab:acme/platform/api');
  expect(api?.kind === 'repository' && api.webhooks).toBeFalsy();
  return api?.gaps?.webhooks;
}

const HOOKS = /\/projects\/101\/hooks$/;

describe('gitlab: the token stays on the instance origin', () => {
  it.each(['127.0.0.1', '127.0.0.2'])('never follows a redirect to %s on another port with PRIVATE-TOKEN: a malformed gap instead', async (host) => {
    const other = await bystander(host);
    const state = groupScenario({ projects: 3 });
    state.intercept = ({ url }) => (HOOKS.test(url.pathname) ? { status: 302, headers: { location: `${other.origin}/api/v4/steal` } } : undefined);
    const { result } = await run(state);
    expect(other.received).toEqual([]);
    expect(webhooksGap(result)).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/redirect to http:\/\/127\.0\.0\.\d:\d+ is outside/) });
  });

  it('stops when the server repeats the same next page, instead of requesting it again and again', async () => {
    const state = groupScenario({ projects: 3 });
    state.intercept = ({ url }) =>
      HOOKS.test(url.pathname) ? { status: 200, body: [], headers: { link: `<${url.origin}${url.pathname}?page=2&per_page=100>; rel="next"` } } : undefined;
    const { result, requests } = await run(state);
    expect(webhooksGap(result)).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/repeats a page/) });
    expect(requests.filter((r) => HOOKS.test(r.split('?')[0]!))).toHaveLength(2);
  });

  it('caps the pages of one list (SECPOL_HTTP_MAX_PAGES) rather than reading without end', async () => {
    const state = groupScenario({ projects: 3 });
    state.intercept = ({ url }) => {
      if (!HOOKS.test(url.pathname)) return undefined;
      const page = Number(url.searchParams.get('page') ?? '1');
      return { status: 200, body: [{ id: page }], headers: { 'x-next-page': String(page + 1), link: `<${url.origin}${url.pathname}?page=${page + 1}&per_page=100>; rel="next"` } };
    };
    const { result, requests } = await run(state, { SECPOL_HTTP_MAX_PAGES: '4' });
    expect(webhooksGap(result)).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/more than 4 pages/) });
    expect(requests.filter((r) => HOOKS.test(r.split('?')[0]!))).toHaveLength(4);
  });
});
