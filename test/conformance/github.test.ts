import { implementation as github } from '../../src/providers/github/index.js';
import { makeRepo } from '../fakes/github/model.js';
import { FakeGithub, type Fault } from '../fakes/github/server.js';
import { ADMIN_TOKEN, spec, standardState } from '../providers/github/helpers.js';
import { conformance } from './suite.js';

const REPOS = /^\/orgs\/acme\/repos$/;
const HOOKS = /^\/repos\/acme\/api\/hooks$/;

conformance({
  name: 'github',
  credentials: [ADMIN_TOKEN],
  fact: { resourceId: 'github:acme/api', field: 'webhooks' },
  followsOrigins: true,
  pages: true,
  async start({ failFact, hangFact, foreignOrigin, endlessPages }) {
    const state = standardState();
    // More repositories than the page cap's pages of 100 hold.
    if (endlessPages) for (let i = 0; i < 400; i++) state.repos.push(makeRepo('acme', `extra-${i}`));
    const faults: Fault[] = [];
    if (failFact) faults.push({ path: HOOKS, kind: 'status', status: failFact, times: 100 });
    if (foreignOrigin) faults.push({ path: REPOS, kind: 'link', times: 1, link: `<${foreignOrigin}/orgs/acme/repos?page=2>; rel="next"` });
    const fake = await new FakeGithub(state, { faults }).start();
    if (hangFact) fake.base.inject({ path: HOOKS, fault: { kind: 'hang' } });
    const env = { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: ADMIN_TOKEN };
    const [adapter] = github.plan(spec({ githubOrg: 'acme', noCache: false }), env);
    return { adapter: adapter!, env, requests: (paged) => fake.count(paged ? REPOS : undefined), unexpected: () => fake.unexpected, close: () => fake.close() };
  },
});
