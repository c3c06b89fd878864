import { implementation as gitlab } from '../../src/providers/gitlab/index.js';
import { groupScenario, TOKENS } from '../fakes/gitlab/scenarios.js';
import { startFakeGitlab } from '../fakes/gitlab/server.js';
import type { FakeGitlabState } from '../fakes/gitlab/state.js';
import { spec } from '../providers/gitlab/helpers.js';
import { conformance } from './suite.js';

const HOOKS = /\/projects\/101\/hooks$/;

conformance({
  name: 'gitlab',
  credentials: [TOKENS.admin],
  fact: { resourceId: 'gitlab:acme/platform/api', field: 'webhooks' },
  followsOrigins: true,
  pages: true,
  async start({ failFact, hangFact, foreignOrigin, endlessPages }) {
    const state = groupScenario({ projects: 3 });
    state.intercept = ({ url }): ReturnType<NonNullable<FakeGitlabState['intercept']>> => {
      if (!HOOKS.test(url.pathname)) return undefined;
      if (failFact) return { status: failFact, body: { message: `${failFact} injected` } };
      if (foreignOrigin) return { status: 302, headers: { location: `${foreignOrigin}/api/v4/steal` } };
      if (endlessPages) {
        const page = Number(url.searchParams.get('page') ?? '1');
        return { status: 200, body: [{ id: page }], headers: { 'x-next-page': String(page + 1), link: `<${url.origin}${url.pathname}?page=${page + 1}&per_page=100>; rel="next"` } };
      }
      return undefined;
    };
    const fake = await startFakeGitlab(state);
    if (hangFact) fake.base.inject({ path: HOOKS, fault: { kind: 'hang' } });
    const env = { GITLAB_TOKEN: TOKENS.admin, GITLAB_URL: fake.url };
    const [adapter] = gitlab.plan(spec({ gitlabGroup: 'acme' }), env);
    return {
      adapter: adapter!,
      env,
      requests: (paged) => (paged ? fake.requests.filter((r) => HOOKS.test(r.split('?')[0]!)).length : fake.requests.length),
      unexpected: () => fake.unexpected,
      close: () => fake.close(),
    };
  },
});
