import type { IRequestHandler } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import { CredentialOrigins } from '../http/index.js';

/** HTTP details of the Azure DevOps client: credential origins, request counting, header helpers. */

/** Azure DevOps Services hosts (vssps, per-area hosts from ResourceAreas), trusted on https only when the org is on them. */
const SERVICE_HOST = /(^|\.)(dev\.azure\.com|visualstudio\.com)$/;

/** Where the token may go: the org URL's origin, plus Azure DevOps' documented service hosts for cloud orgs. */
export function adoOrigins(orgUrl: string): CredentialOrigins {
  const org = new URL(orgUrl);
  return new CredentialOrigins(org, org.protocol === 'https:' && SERVICE_HOST.test(org.hostname) ? [SERVICE_HOST] : []);
}

/**
 * Counts every request the node-api sends (discovery included) and refuses, before the
 * token is attached, any request outside the credential origins: a hostile locationUrl,
 * ResourceAreas answer or redirect becomes a gap, never an unauthenticated answer.
 */
export function guardedHandler(inner: IRequestHandler, stats: { requests: number }, origins: CredentialOrigins): IRequestHandler {
  return {
    prepareRequest(options) {
      // typed-rest-client passes host and port; the scheme is its agent's (http.Agent or https.Agent).
      const o = options as { host?: string; port?: number; agent?: { protocol?: string } };
      const scheme = o.agent?.protocol ?? (o.port === 443 ? 'https:' : 'http:');
      const url = `${scheme}//${o.host ?? ''}:${o.port ?? ''}/`;
      origins.assert(url);
      stats.requests++;
      inner.prepareRequest(options);
    },
    canHandleAuthentication: (response) => inner.canHandleAuthentication(response),
    handleAuthentication: (client, info, objs) => inner.handleAuthentication(client, info, objs),
  };
}

export function lowerKeys(headers: Record<string, string | string[] | undefined> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
  return out;
}

export function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  const v = lowerKeys(headers)[name];
  return v === undefined || v === '' ? undefined : v;
}

/** dev.azure.com keeps identities on vssps.dev.azure.com; older *.visualstudio.com orgs on {org}.vssps.visualstudio.com. */
export function identityBaseUrl(orgUrl: string): string {
  const u = new URL(orgUrl);
  if (u.hostname === 'dev.azure.com') u.hostname = 'vssps.dev.azure.com';
  else if (/^[^.]+\.visualstudio\.com$/.test(u.hostname)) u.hostname = u.hostname.replace('.visualstudio.com', '.vssps.visualstudio.com');
  return u.toString().replace(/\/+$/, '');
}
