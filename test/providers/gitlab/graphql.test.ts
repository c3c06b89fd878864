import { describe, expect, it } from 'vitest';
import { TOKENS, groupScenario } from '../../fakes/gitlab/scenarios.js';
import type { FakeGitlabState } from '../../fakes/gitlab/state.js';
import { collect, get } from './helpers.js';

const graphqlRequests = (requests: string[]): number => requests.filter((r) => r.startsWith('POST /api/graphql')).length;
const count = (requests: string[], part: string): number => requests.filter((r) => r.includes(part)).length;

/** The same world collected with GraphQL and with REST only must yield identical resources. */
async function both(state: FakeGitlabState, token: string) {
  const viaGraphql = await collect(state, token);
  const viaRest = await collect({ ...state, graphql: false }, token);
  return { viaGraphql, viaRest };
}

describe('gitlab GraphQL prefetch', () => {
  it('yields exactly the facts and gaps of the REST path, with fewer requests (Premium, admin)', async () => {
    const state = groupScenario({ projects: 60 });
    const { viaGraphql, viaRest } = await both(state, TOKENS.admin);
    // Priced as GitLab's BaseField does, the query stays below the limit of 250 for authenticated users.
    expect(state.graphqlComplexity).toBeGreaterThan(100);
    expect(state.graphqlComplexity).toBeLessThanOrEqual(250);
    expect(viaGraphql.resources).toEqual(viaRest.resources);
    expect(viaGraphql.diagnostics).toEqual(viaRest.diagnostics);
    // 60 projects at 20 a page: three GraphQL requests replace members, variables, tree and CI file reads.
    expect(graphqlRequests(viaGraphql.fake.requests)).toBe(3);
    expect(count(viaGraphql.fake.requests, '/members/all')).toBe(1); // the top-level group's, once
    expect(count(viaGraphql.fake.requests, '/variables')).toBe(1); // the group's own
    expect(count(viaGraphql.fake.requests, '/repository/tree')).toBe(0);
    expect(viaGraphql.fake.requests).not.toContain('GET /api/v4/projects/1010/repository/files/.gitlab-ci.yml/raw?ref=main');
    expect(viaGraphql.fake.requests.length).toBeLessThan(viaRest.fake.requests.length * 0.62);
  });

  it('trusts GraphQL push rules and code-owner approval only after REST proved Premium in the namespace', async () => {
    const { viaGraphql } = await both(groupScenario({ projects: 60 }), TOKENS.admin);
    // The first projects read them through REST (in flight together); later ones take GraphQL's.
    expect(count(viaGraphql.fake.requests, '/push_rule')).toBeGreaterThan(0);
    expect(count(viaGraphql.fake.requests, '/push_rule')).toBeLessThan(30);
    expect(count(viaGraphql.fake.requests, '/protected_branches')).toBeLessThan(30);
  });

  it('on the Free tier GraphQL reads `false` for Premium fields; they stay unsupported gaps as through REST', async () => {
    for (const freeStatus of [403, 404] as const) {
      const { viaGraphql, viaRest } = await both({ ...groupScenario({ projects: 40, tier: 'free' }), freeStatus }, TOKENS.admin);
      expect(viaGraphql.resources).toEqual(viaRest.resources);
      const api = get(viaGraphql, 'gitlab:acme/platform/api', 'repository');
      expect(api.branchProtection?.signedCommitsRequired).toBeUndefined();
      expect(api.gaps?.['branchProtection.signedCommitsRequired']?.reason).toBe('unsupported');
      expect(api.branchProtection?.codeOwnerReview).toBeUndefined();
      expect(api.gaps?.['branchProtection.codeOwnerReview']?.reason).toBe('unsupported');
    }
  });

  it('a developer token: GraphQL hides what it may not read, REST then records the same forbidden gaps', async () => {
    const { viaGraphql, viaRest } = await both(groupScenario({ projects: 30 }), TOKENS.developer);
    expect(viaGraphql.resources).toEqual(viaRest.resources);
    const api = get(viaGraphql, 'gitlab:acme/platform/api', 'repository');
    expect(api.branchProtection).toBeDefined();
    // ciVariables is null for a Developer: variables come from REST, which answers 403.
    expect(viaGraphql.fake.requests).toContain('GET /api/v4/projects/101/variables?per_page=100');
    // Branch rules a Developer cannot read are dropped silently by GraphQL, so REST is asked.
    expect(viaGraphql.fake.requests).toContain('GET /api/v4/projects/101/protected_branches?per_page=100');
  });

  it('GitLab CE refuses the EE fields: the plain query is sent once and push rules come from REST', async () => {
    const { viaGraphql, viaRest } = await both({ ...groupScenario({ projects: 30 }), edition: 'ce' }, TOKENS.admin);
    expect(viaGraphql.resources).toEqual(viaRest.resources);
    // One refused EE query, then two pages of the plain one.
    expect(graphqlRequests(viaGraphql.fake.requests)).toBe(3);
    expect(count(viaGraphql.fake.requests, '/push_rule')).toBe(30);
  });

  it('a field that fails for one project is read through REST for that project only', async () => {
    const state: FakeGitlabState = { ...groupScenario({ projects: 30 }), graphqlFaults: { 'acme/platform/api': ['projectMembers', 'repository'] } };
    const { viaGraphql, viaRest } = await both(state, TOKENS.admin);
    expect(viaGraphql.resources).toEqual(viaRest.resources);
    expect(viaGraphql.fake.requests).toContain('GET /api/v4/projects/101/members/all?per_page=100');
    expect(count(viaGraphql.fake.requests, '/repository/tree')).toBe(1);
    expect(count(viaGraphql.fake.requests, '/members/all')).toBe(2);
  });

  it('a refused first batch (GraphQL off, or complexity above the limit) stops GraphQL; REST reads everything', async () => {
    for (const change of [{ graphql: false }, { graphqlMaxComplexity: 100 }]) {
      const state: FakeGitlabState = { ...groupScenario({ projects: 60 }), ...change };
      const c = await collect(state, TOKENS.admin);
      expect(graphqlRequests(c.fake.requests)).toBe(1);
      expect(count(c.fake.requests, '/repository/tree')).toBe(59); // every project but the empty one
      expect(count(c.fake.requests, '/members/all')).toBe(61);
      expect(c.debug.some((m) => m.includes('reading these facts through REST'))).toBe(true);
    }
  });

  it('named projects (--repo) are read in one GraphQL request as well', async () => {
    const state = groupScenario({ projects: 10 });
    const repos = ['acme/platform/api', 'acme/web/site', 'acme/web/docs'];
    const viaGraphql = await collect(state, TOKENS.admin, { repos });
    const viaRest = await collect({ ...state, graphql: false }, TOKENS.admin, { repos });
    expect(viaGraphql.resources).toEqual(viaRest.resources);
    expect(graphqlRequests(viaGraphql.fake.requests)).toBe(1);
    expect(count(viaGraphql.fake.requests, '/projects/101/members/all')).toBe(0);
    expect(count(viaGraphql.fake.requests, '/projects/101/variables')).toBe(0);
    expect(viaGraphql.fake.requests.length).toBeLessThan(viaRest.fake.requests.length);
  });

  it('a tree or member list longer than one GraphQL page is read through REST', async () => {
    const state = groupScenario({ projects: 10 });
    const api = state.projects.find((p) => p.body.path_with_namespace === 'acme/platform/api');
    if (!api) throw new Error('scenario lacks acme/platform/api');
    for (let i = 0; i < 120; i += 1) api.files[`src/file-${String(i).padStart(3, '0')}.ts`] = 'export {};\n';
    const { viaGraphql, viaRest } = await both(state, TOKENS.admin);
    expect(viaGraphql.resources).toEqual(viaRest.resources);
    expect(count(viaGraphql.fake.requests, '/projects/101/repository/tree')).toBe(2);
    expect(get(viaGraphql, 'gitlab:acme/platform/api', 'repository').hasIac).toBe(true);
  });
});
