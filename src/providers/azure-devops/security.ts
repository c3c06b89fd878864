import type { BranchProtection } from '../../model/index.js';
import type { AccessControlList } from './schema.js';

/** Git Repositories security namespace and the permission bits we read. */
export const GIT_NAMESPACE = '2e9eb7ed-3c0a-47d4-87c1-0ffdd275fd87';
export const GIT_PERMISSIONS = {
  read: 2,
  /** "Force push (rewrite history, delete branches and tags)". */
  forcePush: 8,
  /** "Bypass policies when pushing". */
  policyExempt: 128,
  /** "Bypass policies when completing pull requests". */
  pullRequestBypassPolicy: 32768,
} as const;

/** Ref path segments in Git security tokens are hex of their UTF-16LE bytes. */
export function encodeRefSegment(segment: string): string {
  return Buffer.from(segment, 'utf16le').toString('hex');
}

/** Tokens from the namespace root down to the branch, most general first. */
export function branchTokenChain(projectId: string, repoId: string, branch: string): string[] {
  const chain = ['repoV2', `repoV2/${projectId}`, `repoV2/${projectId}/${repoId}`];
  // `refs` and `heads` stay literal; each branch path segment is encoded.
  let token = `repoV2/${projectId}/${repoId}/refs/heads`;
  chain.push(`repoV2/${projectId}/${repoId}/refs`, token);
  for (const part of branch.split('/')) {
    token += `/${encodeRefSegment(part)}`;
    chain.push(token);
  }
  return chain;
}

export interface BranchSecurity {
  /** Identity descriptors that may force push (or delete) the branch. */
  forcePush: string[];
  /** Identity descriptors that may bypass branch policies. */
  bypass: { descriptor: string; mode: string }[];
}

/**
 * Effective explicit permissions along the token chain: a more specific ACE overrides an
 * inherited one, deny beats allow at the same level, and an ACL that does not inherit
 * resets what came above it. Group membership is not expanded (descriptors are reported).
 */
export function branchSecurity(acls: Map<string, AccessControlList>, chain: string[]): BranchSecurity {
  const state = new Map<string, Map<number, boolean>>();
  for (const token of chain) {
    const acl = acls.get(aclKey(token));
    if (!acl) continue;
    if (acl.inheritPermissions === false) state.clear();
    for (const ace of Object.values(acl.acesDictionary ?? {})) {
      const bits = state.get(ace.descriptor) ?? new Map<number, boolean>();
      for (const bit of [GIT_PERMISSIONS.forcePush, GIT_PERMISSIONS.policyExempt, GIT_PERMISSIONS.pullRequestBypassPolicy]) {
        if (ace.deny & bit) bits.set(bit, false);
        else if (ace.allow & bit) bits.set(bit, true);
      }
      state.set(ace.descriptor, bits);
    }
  }
  const forcePush: string[] = [];
  const bypass: { descriptor: string; mode: string }[] = [];
  for (const [descriptor, bits] of state) {
    if (bits.get(GIT_PERMISSIONS.forcePush)) forcePush.push(descriptor);
    if (bits.get(GIT_PERMISSIONS.policyExempt)) bypass.push({ descriptor, mode: 'push' });
    if (bits.get(GIT_PERMISSIONS.pullRequestBypassPolicy)) bypass.push({ descriptor, mode: 'pull-request' });
  }
  return { forcePush, bypass };
}

/** Tokens come back with or without a trailing slash and in any case. */
export function aclKey(token: string): string {
  return token.replace(/\/+$/, '').toLowerCase();
}

const ADMIN_GROUP = /\\(Project Collection Administrators|Project Administrators)$/i;

/**
 * Maps effective holders onto the GitHub meaning: force push by anyone but the
 * administrator groups is `forcePushAllowed` (it also deletes the branch); administrators
 * who can force push, and anyone who can bypass policies, are bypass actors, and
 * `adminsIncluded` holds only when there are none.
 */
export function applyBranchSecurity(protection: BranchProtection, sec: BranchSecurity, nameOf: (descriptor: string) => string | undefined): void {
  const isAdmin = (d: string) => ADMIN_GROUP.test(nameOf(d) ?? '');
  const others = sec.forcePush.filter((d) => !isAdmin(d));
  const admins = sec.forcePush.filter(isAdmin);
  protection.forcePushAllowed = others.length > 0;
  protection.deletionAllowed = others.length > 0;
  const actors = [...sec.bypass, ...admins.map((descriptor) => ({ descriptor, mode: 'force-push' }))];
  protection.adminsIncluded = actors.length === 0;
  protection.bypassActors = actors.map((a) => ({ type: 'identity', name: nameOf(a.descriptor) ?? a.descriptor, mode: a.mode }));
}
