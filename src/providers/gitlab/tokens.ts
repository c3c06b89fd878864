import type { Gap, Token } from '../../model/index.js';
import { toTimestamp } from './call.js';
import type { GitlabAccessToken, GitlabDeployToken } from './schema.js';

/** `owner` = `gitlab:acme` or `gitlab:acme/platform/api`; access and deploy tokens get separate id spaces. */
export function accessTokenResource(owner: string, kind: 'project' | 'group', token: GitlabAccessToken): Token {
  const resource: Token = {
    id: `${owner}/token/${token.id}`,
    kind: 'token',
    provider: 'gitlab',
    name: token.name,
    tokenType: kind === 'project' ? 'project-access-token' : 'group-access-token',
    scope: owner.slice('gitlab:'.length),
    scopes: token.scopes,
    createdAt: toTimestamp(token.created_at) ?? null,
    // Dates are YYYY-MM-DD; null means the token never expires.
    expiresAt: token.expires_at === null ? null : (toTimestamp(token.expires_at) ?? null),
    lastUsedAt: toTimestamp(token.last_used_at) ?? null,
    revoked: token.revoked,
    active: token.active,
  };
  if (token.expires_at !== null && toTimestamp(token.expires_at) === undefined) {
    delete resource.expiresAt;
    resource.gaps = { expiresAt: { reason: 'malformed', message: `token ${token.id}: unreadable expires_at` } };
  }
  return resource;
}

export function deployTokenResource(owner: string, token: GitlabDeployToken): Token {
  const resource: Token = {
    id: `${owner}/deploy-token/${token.id}`,
    kind: 'token',
    provider: 'gitlab',
    name: token.name,
    tokenType: 'deploy-token',
    scope: owner.slice('gitlab:'.length),
    scopes: token.scopes,
    expiresAt: token.expires_at === null ? null : toTimestamp(token.expires_at),
    revoked: token.revoked,
    active: !token.revoked && !token.expired,
    gaps: {
      createdAt: { reason: 'unsupported', message: 'GitLab does not report when a deploy token was created' },
      lastUsedAt: { reason: 'unsupported', message: 'GitLab does not report when a deploy token was last used' },
    },
  };
  if (resource.expiresAt === undefined) {
    resource.gaps = { ...resource.gaps, expiresAt: { reason: 'malformed', message: `deploy token ${token.id}: unreadable expires_at` } };
  }
  return resource;
}

/** Stands for tokens that could not be listed, so that tokens.expiry reports the gap instead of nothing. */
export function unlistedTokens(owner: string, what: string, gap: Gap): Token {
  return {
    id: `${owner}/token/*${what.replace(/\s+/g, '-')}`,
    kind: 'token',
    provider: 'gitlab',
    name: `${what} of ${owner.slice('gitlab:'.length)}`,
    tokenType: what.startsWith('deploy') ? 'deploy-token' : what.startsWith('group') ? 'group-access-token' : 'project-access-token',
    scope: owner.slice('gitlab:'.length),
    gaps: { '*': gap },
  };
}

/**
 * Revoked and expired tokens no longer grant access: they are left out so that tokens.expiry
 * judges only credentials that still work (a revoked never-expiring token is no risk).
 */
export function isLiveToken(token: { revoked?: boolean | null; active?: boolean | null; expired?: boolean | null }): boolean {
  return token.revoked !== true && token.active !== false && token.expired !== true;
}
