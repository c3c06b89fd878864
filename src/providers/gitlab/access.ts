import type { Permission, Repository } from '../../model/index.js';
import type { GitlabMember } from './schema.js';

/** GitLab role -> provider-neutral permission (README explains the choices). */
export function permissionOf(accessLevel: number): Permission {
  if (accessLevel >= 50) return 'admin'; // Owner
  if (accessLevel >= 40) return 'maintain'; // Maintainer
  if (accessLevel >= 30) return 'write'; // Developer
  if (accessLevel >= 15) return 'triage'; // Reporter, Planner: read + manage issues, like GitHub triage
  if (accessLevel >= 10) return 'read'; // Guest
  return 'none'; // Minimal access
}

export const OWNER = 50;
export const MAINTAINER = 40;

export function activeMembers(members: GitlabMember[]): GitlabMember[] {
  return members.filter((m) => m.state === undefined || m.state === 'active');
}

/**
 * Collaborators of a project; `outside` = not a member of the project's top-level group
 * (for a personal namespace: anyone but its owner).
 */
export function collaboratorsOf(members: GitlabMember[], isInsider: (login: string) => boolean): NonNullable<Repository['collaborators']> {
  return activeMembers(members)
    .map((m) => ({ login: m.username, permission: permissionOf(m.access_level), outside: !isInsider(m.username) }))
    .sort((a, b) => a.login.localeCompare(b.login));
}

/** Scheme and host only: hook URLs often carry tokens in paths or queries. */
export function hookTarget(url: string): { target: string; https: boolean } {
  try {
    const parsed = new URL(url);
    return { target: `${parsed.protocol}//${parsed.host}`, https: parsed.protocol === 'https:' };
  } catch {
    return { target: 'unparseable-url', https: false };
  }
}
