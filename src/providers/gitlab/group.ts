import type { Gaps, Organization } from '../../model/index.js';
import { fetchValidated, type Fetched } from './call.js';
import { OWNER, activeMembers } from './access.js';
import { rootNamespace, type Run } from './run.js';
import { GroupSchema, MemberSchema, UserSchema, listOf, type GitlabGroup, type GitlabMember } from './schema.js';

export interface GroupData {
  group: GitlabGroup;
  members: Fetched<GitlabMember[]>;
}

export async function fetchGroup(run: Run, path: string): Promise<Fetched<GitlabGroup>> {
  return fetchValidated(run, `group ${path}`, GroupSchema, () => run.client.groups.show(path));
}

export async function fetchGroupMembers(run: Run, groupId: number, path: string): Promise<Fetched<GitlabMember[]>> {
  return fetchValidated(run, `members of ${path}`, listOf(MemberSchema), () =>
    run.client.groupMembers.all(groupId, { includeInherited: true, perPage: 100 }),
  );
}

/** Group -> organization: 2FA policy, owners, members without 2FA where the token may see it. */
export async function collectOrganization(run: Run, data: GroupData): Promise<Organization> {
  const { group, members } = data;
  const gaps: Gaps = {
    defaultPermission: {
      reason: 'unsupported',
      message: 'GitLab has no group-wide base permission: each member gets the role they were given',
    },
    defaultWorkflowPermissions: {
      reason: 'unsupported',
      message: 'GitLab CI job tokens have no group-wide read/write default',
    },
  };
  const org: Organization = {
    id: `gitlab:${group.full_path}`,
    kind: 'organization',
    provider: 'gitlab',
    platform: 'gitlab',
    name: group.full_path,
    url: group.web_url,
  };
  if (group.require_two_factor_authentication === undefined) {
    gaps.mfaRequired = { reason: 'malformed', message: `group ${group.full_path}: require_two_factor_authentication missing` };
  } else if (group.require_two_factor_authentication || !group.parent_id) {
    org.mfaRequired = group.require_two_factor_authentication;
  } else {
    // A top-level group's 2FA requirement covers its whole hierarchy.
    const root = await fetchGroup(run, rootNamespace(group.full_path));
    if (root.ok && root.value.require_two_factor_authentication !== undefined) org.mfaRequired = root.value.require_two_factor_authentication;
    else gaps.mfaRequired = root.ok ? { reason: 'malformed', message: 'top-level group: require_two_factor_authentication missing' } : root.gap;
  }
  if (members.ok) {
    const admins = activeMembers(members.value)
      .filter((m) => m.access_level >= OWNER)
      .map((m) => m.username)
      .sort();
    org.admins = admins;
    org.adminCount = admins.length;
    const withoutMfa = await membersWithoutMfa(run, members.value);
    if (withoutMfa.ok) org.membersWithoutMfa = withoutMfa.value;
    else gaps.membersWithoutMfa = withoutMfa.gap;
  } else {
    gaps.admins = members.gap;
    gaps.adminCount = members.gap;
    gaps.membersWithoutMfa = members.gap;
  }
  org.gaps = gaps;
  return org;
}

/**
 * `GET /users?two_factor=disabled` is honoured for administrators only: for anyone else
 * GitLab silently drops the filter and omits `two_factor_enabled`, so an unfiltered list
 * comes back. That case is detected and reported as a skip, never read as "nobody".
 */
async function membersWithoutMfa(run: Run, members: GitlabMember[]): Promise<Fetched<string[]>> {
  const query = { twoFactor: 'disabled', active: true, withoutProjectBots: true, perPage: 100 };
  const what = 'users without two-factor authentication';
  // One page first: for a non-administrator the filter is ignored and the full user list would follow.
  const probe = await fetchValidated(run, what, listOf(UserSchema), () => run.client.users.all({ ...query, maxPages: 1 } as never), 'an administrator token');
  if (!probe.ok) return probe;
  if (probe.value.some((u) => u.two_factor_enabled === undefined)) {
    return {
      ok: false,
      gap: {
        reason: 'forbidden',
        outcome: 'skip',
        message: 'GitLab shows two-factor status to administrators only: /users ignored two_factor=disabled for this token',
      },
    };
  }
  const users = probe.value.length < query.perPage ? probe : await fetchValidated(run, what, listOf(UserSchema), () => run.client.users.all(query as never));
  if (!users.ok) return users;
  const without = new Set(users.value.filter((u) => u.two_factor_enabled === false).map((u) => u.username));
  return { ok: true, value: activeMembers(members).map((m) => m.username).filter((name) => without.has(name)).sort() };
}
