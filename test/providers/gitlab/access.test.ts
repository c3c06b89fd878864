import { describe, expect, it } from 'vitest';
import { TOKENS, baselineProject, fixture, groupScenario } from '../../fakes/gitlab/scenarios.js';
import type { FakeGroup } from '../../fakes/gitlab/state.js';
import { collect, get } from './helpers.js';

describe('gitlab token without owner rights', () => {
  it('a developer token leaves Maintainer-only facts absent with forbidden gaps, never passing defaults', async () => {
    const c = await collect(groupScenario({ projects: 6 }), TOKENS.developer);
    const org = get(c, 'gitlab:acme', 'organization');
    expect(org.membersWithoutMfa).toBeUndefined();
    expect(org.gaps?.membersWithoutMfa).toMatchObject({ reason: 'forbidden', outcome: 'skip' });
    expect(org.adminCount).toBe(2);

    const api = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(api.webhooks).toBeUndefined();
    expect(api.deployKeys).toBeUndefined();
    expect(api.gaps?.webhooks).toMatchObject({ reason: 'forbidden', outcome: 'error' });
    expect(api.gaps?.webhooks?.message).toContain('Maintainer role');
    expect(api.branchProtection?.signedCommitsRequired).toBeUndefined();
    // A 403 on a Premium endpoint without any readable Maintainer setting is the role, not the plan.
    expect(api.gaps?.['branchProtection.signedCommitsRequired']?.reason).toBe('forbidden');
    expect(api.collaborators?.find((m) => m.login === 'eve')?.outside).toBe(true);

    for (const id of ['gitlab:acme/platform/api/variable/*', 'gitlab:acme/variable/*']) {
      expect(get(c, id, 'secret').gaps?.['*']?.reason).toBe('forbidden');
    }
    expect(get(c, 'gitlab:acme/platform/api/token/*project-access-tokens', 'token').gaps?.['*']?.reason).toBe('forbidden');
    expect(get(c, 'gitlab:acme/token/*group-access-tokens', 'token').gaps?.['*']?.message).toContain('Owner role');
    expect(get(c, 'gitlab:acme/platform/api/environment/live-eu', 'environment').gaps?.requiredReviewers?.reason).toBe('forbidden');
    expect(c.resources.some((r) => r.id.startsWith('gitlab:acme/platform/api/variable/DATABASE'))).toBe(false);
  });

  it('a non-admin owner: /users ignores the 2FA filter, which is detected and reported as a skip', async () => {
    const c = await collect(groupScenario({ projects: 4 }), TOKENS.owner);
    const org = get(c, 'gitlab:acme', 'organization');
    expect(org.membersWithoutMfa).toBeUndefined();
    expect(org.gaps?.membersWithoutMfa).toMatchObject({ reason: 'forbidden', outcome: 'skip' });
    expect(org.gaps?.membersWithoutMfa?.message).toContain('administrators');
    // One page was enough to notice: the unfiltered user list is not walked.
    expect(c.fake.requests.filter((r) => r.includes('/api/v4/users?')).length).toBe(1);
    expect(get(c, 'gitlab:acme/platform/api', 'repository').webhooks).toHaveLength(2);
  });

  it('an implicit target (origin) turns missing access into skips rather than errors', async () => {
    const c = await collect(groupScenario({ projects: 4 }), TOKENS.developer, {
      providers: [],
      explicit: false,
      originUrl: 'git@gitlab.example.com:acme/platform/api.git',
    });
    const api = get(c, 'gitlab:acme/platform/api', 'repository');
    expect(api.gaps?.webhooks).toMatchObject({ reason: 'forbidden', outcome: 'skip' });
    expect(c.byId.has('gitlab:acme')).toBe(false);
  });
});

describe('gitlab subgroup as the target', () => {
  it('inherits the top-level 2FA requirement and still judges outsiders against the top-level group', async () => {
    const c = await collect(groupScenario({ projects: 8 }), TOKENS.admin, { gitlabGroup: 'acme/platform' });
    expect(get(c, 'gitlab:acme/platform', 'organization').mfaRequired).toBe(true);
    expect(c.byId.has('gitlab:acme/web/site')).toBe(false);
    expect(get(c, 'gitlab:acme/platform/api', 'repository').collaborators?.find((m) => m.login === 'eve')?.outside).toBe(true);
  });
});

describe('gitlab project in a personal namespace', () => {
  it('treats everyone but the namespace owner as an outside collaborator', async () => {
    const state = groupScenario({ projects: 3 });
    const personal = baselineProject(500, 'eve/tool', state.groups[0] as FakeGroup);
    personal.body = { ...personal.body, namespace: { id: 77, name: 'Eve', path: 'eve', kind: 'user', full_path: 'eve', parent_id: null } };
    personal.members = [...personal.members, { ...fixture('member'), id: 5, username: 'eve', access_level: 50 }];
    state.projects.push(personal);
    const c = await collect(state, TOKENS.admin, { repos: ['eve/tool'] });
    const repo = get(c, 'gitlab:eve/tool', 'repository');
    expect(repo.collaborators?.filter((m) => !m.outside).map((m) => m.login)).toEqual(['eve']);
    expect(repo.collaborators).toHaveLength(5);
    expect(c.fake.requests.some((r) => r.includes('/groups/'))).toBe(false);
  });
});
