import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../src/model/index.js';
import { makeRepo, type FakeEnvironment } from '../../fakes/github/model.js';
import { ADMIN_TOKEN, collect, fakeGithubPerTest, spec, standardState } from './helpers.js';

const startFake = fakeGithubPerTest();
const ENV_LIST = /^\/repos\/[^/]+\/[^/]+\/environments$/;
const ENV_SECRETS = /\/environments\/[^/]+\/secrets$/;
const BRANCH_POLICIES = /\/deployment-branch-policies$/;

type GqlNode = { environments: { pageInfo: { hasNextPage: boolean }; nodes: ({ protectionRules: { pageInfo: { hasNextPage: boolean }; nodes: { type: string }[] } } | null)[] } } | null;

/** Alters every repository node of one GraphQL answer. */
const eachNode =
  (change: (node: NonNullable<GqlNode>) => void) =>
  (body: unknown): unknown => {
    (body as { data: { nodes: GqlNode[] } }).data.nodes.forEach((n) => n && change(n));
    return body;
  };

const secret = { name: 'DEPLOY_TOKEN', created_at: '2025-02-01T00:00:00Z', updated_at: '2025-03-01T00:00:00Z' };

function stateWith(environments: FakeEnvironment[]) {
  const state = standardState();
  state.repos = [makeRepo('acme', 'svc', { environments }), makeRepo('acme', 'plain')];
  return state;
}

const WITHOUT_POLICY: FakeEnvironment[] = [
  { name: 'production', reviewers: 2, waitTimer: 30, branchPolicy: null, secrets: [secret] },
  { name: 'Staging', reviewers: 0, branchPolicy: null },
  { name: 'qa', reviewers: 1, branchPolicy: null },
];

describe('github provider: environments from the GraphQL batch', () => {
  it('reads environments without REST, with the same facts and resources as the REST list gives', async () => {
    // The first scan's GraphQL page claims more environments (REST lists them), the second's is whole.
    const truncated = eachNode((n) => (n.environments.pageInfo.hasNextPage = true));
    const fake = await startFake(stateWith(WITHOUT_POLICY), { faults: [{ method: 'POST', path: /^\/graphql$/, kind: 'malformed', times: 1, mutate: truncated }] });
    const viaRest = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(ENV_LIST)).toBe(1);
    const viaGraphql = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(ENV_LIST)).toBe(1);
    // Environment secrets stay REST, in both scans, only for the repository that has environments.
    expect(fake.log.filter((l) => ENV_SECRETS.test(l.path)).map((l) => l.path)).toEqual(
      ['Staging', 'production', 'qa', 'Staging', 'production', 'qa'].map((e) => `/repos/acme/svc/environments/${e}/secrets`),
    );

    expect(viaGraphql.byId('github:acme/svc/environment/production')).toMatchObject({
      production: true,
      requiredReviewers: 2,
      waitTimerMinutes: 30,
      branchRestricted: false,
    } satisfies Partial<Environment>);
    expect(viaGraphql.byId('github:acme/svc/environment/qa')).toMatchObject({ requiredReviewers: 1, waitTimerMinutes: 0 });
    expect(viaGraphql.byId('github:acme/svc/environment/production/secret/DEPLOY_TOKEN')).toMatchObject({ scope: 'environment:production' });
    // Byte for byte, in the same order (by name), whichever API answered.
    expect(JSON.stringify(viaGraphql.result.resources)).toBe(JSON.stringify(viaRest.result.resources));
  });

  it('asks REST for branch policies, which GraphQL only says exist', async () => {
    const fake = await startFake(
      stateWith([
        { name: 'production', reviewers: 1, branchPolicy: { protected_branches: false, custom_branch_policies: true }, branchPolicies: ['main', 'release/*'] },
        { name: 'staging', reviewers: 0, branchPolicy: { protected_branches: true, custom_branch_policies: false } },
        { name: 'dev', reviewers: 0, branchPolicy: null },
      ]),
    );
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(ENV_LIST)).toBe(1);
    expect(fake.count(BRANCH_POLICIES)).toBe(1);
    expect(run.byId('github:acme/svc/environment/production')).toMatchObject({ branchRestricted: true, allowedBranches: ['main', 'release/*'] });
    expect(run.byId('github:acme/svc/environment/staging')).toMatchObject({ branchRestricted: true, allowedBranches: ['(protected branches)'] });
    expect(run.byId('github:acme/svc/environment/dev')).toMatchObject({ branchRestricted: false });
  });

  const many = Array.from({ length: 7 }, (_, i): FakeEnvironment => ({ name: `env-${i}`, reviewers: i % 2, branchPolicy: null }));
  it.each([
    ['more environments than one GraphQL page', many, undefined],
    ['a truncated page of protection rules', WITHOUT_POLICY, eachNode((n) => n.environments.nodes.forEach((e) => e && (e.protectionRules.pageInfo.hasNextPage = true)))],
    ['a protection rule type it does not know', WITHOUT_POLICY, eachNode((n) => n.environments.nodes.forEach((e) => e?.protectionRules.nodes.forEach((r) => (r.type = 'CUSTOM_GATE'))))],
    ['an environment GitHub answered null', WITHOUT_POLICY, eachNode((n) => (n.environments.nodes[0] = null))],
  ])('falls back to REST on %s', async (_what, environments, mutate) => {
    const faults = mutate ? [{ method: 'POST', path: /^\/graphql$/, kind: 'malformed' as const, times: 1, mutate }] : [];
    const fake = await startFake(stateWith(environments), { faults });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(ENV_LIST)).toBe(1);
    const envs = run.result.resources.filter((r): r is Environment => r.kind === 'environment');
    expect(envs.map((e) => e.name)).toEqual(environments.map((e) => e.name).sort());
    for (const env of envs) {
      const fact = environments.find((e) => e.name === env.name)!;
      expect(env).toMatchObject({ requiredReviewers: fact.reviewers, waitTimerMinutes: fact.waitTimer ?? 0, branchRestricted: false });
    }
  });

  it('records a gap, never an unrestricted environment, when the REST fallback fails', async () => {
    const fake = await startFake(stateWith([{ name: 'production', reviewers: 1, branchPolicy: { protected_branches: true, custom_branch_policies: false } }]), {
      faults: [{ path: ENV_LIST, kind: 'status', status: 502, times: 10 }],
    });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const envs = run.result.resources.filter((r) => r.kind === 'environment');
    expect(envs).toHaveLength(1);
    expect(envs[0]).toMatchObject({ id: 'github:acme/svc/environments' });
    expect(envs[0]!.gaps?.['*']).toBeDefined();
    expect((envs[0] as Environment).branchRestricted).toBeUndefined();
    expect(run.byId('github:acme/svc').gaps?.environments).toBeDefined();
  });

  it('names the GraphQL error that nulled a repository, and still reads its environments over REST', async () => {
    // `environments` is non-null: GitHub nulls the whole node when it fails (admin query, then the retry without admin fields).
    const nulled = (body: unknown): unknown => {
      const b = body as { data: { nodes: unknown[] }; errors?: unknown[] };
      b.errors = b.data.nodes.map((_, i) => ({ type: 'FORBIDDEN', path: ['nodes', i, 'environments'], message: 'Resource not accessible by integration' }));
      b.data.nodes = b.data.nodes.map(() => null);
      return body;
    };
    const fake = await startFake(stateWith(WITHOUT_POLICY), { faults: [{ method: 'POST', path: /^\/graphql$/, kind: 'malformed', times: 2, mutate: nulled }] });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(run.byId('github:acme/svc').gaps?.branchProtection).toMatchObject({ reason: 'forbidden', message: expect.stringMatching(/GraphQL environments: Resource not accessible/) });
    expect(fake.count(ENV_LIST)).toBe(2);
    expect(run.byId('github:acme/svc/environment/production')).toMatchObject({ requiredReviewers: 2, waitTimerMinutes: 30 });
  });
});
