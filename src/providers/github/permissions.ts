import type { Gap } from '../../model/index.js';
import { gapFromError, gapFromStatus } from '../http/index.js';

/**
 * What each data area needs, for fail-closed gap messages and `secpol doctor github`.
 * `classic`: OAuth scopes of a classic PAT; `fineGrained`: fine-grained PAT / GitHub App
 * permission; `role`: the account role GitHub additionally requires.
 */
export interface AccessNeed {
  what: string;
  classic: string;
  fineGrained: string;
  role?: string;
}

export const accessNeeds = {
  orgSettings: { what: 'organization 2FA requirement', classic: 'admin:org', fineGrained: 'organization Administration: read', role: 'organization owner' },
  orgMembers2fa: { what: 'members without 2FA', classic: 'read:org', fineGrained: 'organization Members: read', role: 'organization owner' },
  orgAdmins: { what: 'organization owners', classic: 'read:org', fineGrained: 'organization Members: read' },
  orgActions: { what: 'organization Actions permissions', classic: 'admin:org', fineGrained: 'organization Administration: read' },
  orgSecrets: { what: 'organization Actions secrets', classic: 'admin:org', fineGrained: 'organization Secrets: read' },
  orgPatGrants: { what: 'fine-grained token grants', classic: '(GitHub App only)', fineGrained: 'organization Personal access tokens: read' },
  repoList: { what: 'repositories', classic: 'repo', fineGrained: 'repository Metadata: read' },
  repoAdmin: { what: 'repository settings', classic: 'repo', fineGrained: 'repository Administration: read', role: 'repository admin' },
  branchProtection: { what: 'classic branch protection', classic: 'repo', fineGrained: 'repository Administration: read', role: 'repository admin' },
  rules: { what: 'branch rules', classic: 'repo', fineGrained: 'repository Metadata: read' },
  securityFeatures: { what: 'security features', classic: 'repo', fineGrained: 'repository Administration: read', role: 'repository admin' },
  hooks: { what: 'webhooks', classic: 'read:repo_hook', fineGrained: 'repository Webhooks: read', role: 'repository admin' },
  secrets: { what: 'Actions secrets', classic: 'repo', fineGrained: 'repository Secrets: read', role: 'repository admin' },
  envSecrets: { what: 'environment secrets', classic: 'repo', fineGrained: 'repository Environments: read', role: 'repository admin' },
  environments: { what: 'environments', classic: 'repo', fineGrained: 'repository Actions: read' },
  collaborators: { what: 'outside collaborators', classic: 'repo, read:org', fineGrained: 'repository Administration: read', role: 'repo admin' },
  deployKeys: { what: 'deploy keys', classic: 'repo', fineGrained: 'repository Administration: read', role: 'repository admin' },
  contents: { what: 'repository files', classic: 'repo', fineGrained: 'repository Contents: read' },
  actions: { what: 'Actions workflow permissions', classic: 'repo', fineGrained: 'repository Administration: read', role: 'repository admin' },
} as const satisfies Record<string, AccessNeed>;
export type AccessArea = keyof typeof accessNeeds;

/** What an HTTP failure told us about the token, from GitHub's own headers. */
export interface FailureInfo {
  status: number;
  headers: Record<string, string | undefined>;
  message?: string;
}

export function needText(need: AccessNeed): string {
  const role = 'role' in need && need.role ? `, as ${need.role}` : '';
  return `classic scope '${need.classic}' or fine-grained permission '${need.fineGrained}'${role}`;
}

/** The missing permission in the words GitHub used, falling back to our catalogue. */
export function missingPermissionText(need: AccessNeed, headers: Record<string, string | undefined>): string {
  const accepted = headers['x-accepted-github-permissions'];
  const acceptedScopes = headers['x-accepted-oauth-scopes'];
  const held = headers['x-oauth-scopes'];
  const parts: string[] = [];
  if (accepted) parts.push(`GitHub requires permission ${accepted.replace(/;\s*/g, ' or ')}`);
  if (acceptedScopes) parts.push(`accepted scopes: ${acceptedScopes}`);
  if (held !== undefined) parts.push(`token scopes: ${held || 'none'}`);
  const detail = parts.length ? ` (${parts.join('; ')})` : '';
  return `needs ${needText(need)}${detail}`;
}

export function accessGap(area: AccessArea, failure: FailureInfo, explicit: boolean): Gap {
  const need = accessNeeds[area];
  // Limits the throttling plugin gave up on (primary: remaining 0; secondary: retry-after).
  if (failure.status === 429 || (failure.status === 403 && (failure.headers['x-ratelimit-remaining'] === '0' || failure.headers['retry-after'] !== undefined))) {
    return { reason: 'rate-limited', message: `${need.what}: rate limit exhausted (retry after the reset)` };
  }
  if (failure.status === 403 || failure.status === 404) {
    const why = failure.status === 403 ? '403 forbidden' : '404 not visible to this token';
    return gapFromStatus(failure.status, `${need.what}: ${why}; ${missingPermissionText(need, failure.headers)}`, { explicit });
  }
  // GitHub answers 422 to owner-only filters (members?filter=2fa_disabled) for everyone else.
  if (failure.status === 422 && 'role' in need) return roleGap(area, explicit);
  return gapFromStatus(failure.status, `${need.what}: HTTP ${failure.status}`, { explicit });
}

/** Without asking: the token's role on the repository is known to be too low. */
export function roleGap(area: AccessArea, explicit: boolean): Gap {
  const need = accessNeeds[area];
  return { reason: 'forbidden', outcome: explicit ? 'error' : 'skip', message: `${need.what}: ${'role' in need ? need.role : 'more access'} required; needs ${needText(need)}` };
}

export function malformedGap(area: AccessArea, detail: string): Gap {
  return { reason: 'malformed', message: `${accessNeeds[area].what}: response failed validation (${detail})` };
}

export function errorGap(area: AccessArea, err: unknown): Gap {
  return gapFromError(err, accessNeeds[area].what);
}
