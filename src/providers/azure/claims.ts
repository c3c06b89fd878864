import type { TokenCredential } from '@azure/identity';

/** Who a token belongs to, from its (unverified) JWT claims: for ids and `doctor`, never for trust. */
export interface TokenClaims {
  tenantId?: string;
  objectId?: string;
  appId?: string;
  /** A user's sign-in name, when the token is a user's. */
  user?: string;
}

export function claimsOf(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length < 200 ? v : undefined);
    const out: TokenClaims = {};
    const tid = str(c.tid);
    const oid = str(c.oid);
    const appId = str(c.appid) ?? str(c.azp);
    const user = str(c.upn) ?? str(c.unique_name) ?? str(c.preferred_username);
    if (tid) out.tenantId = tid;
    if (oid) out.objectId = oid;
    if (appId) out.appId = appId;
    if (user) out.user = user;
    return out;
  } catch {
    return {};
  }
}

export async function tokenClaims(credential: TokenCredential, scope: string, signal?: AbortSignal): Promise<TokenClaims> {
  const token = await credential.getToken(scope, { abortSignal: signal });
  return token ? claimsOf(token.token) : {};
}

export function describeIdentity(c: TokenClaims): string {
  const who = c.user ? `user ${c.user}` : c.appId ? `application ${c.appId}` : 'an unknown principal';
  return `${who}${c.objectId ? ` (object id ${c.objectId})` : ''}${c.tenantId ? ` in tenant ${c.tenantId}` : ''}`;
}
