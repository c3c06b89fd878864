import type { IRequestHandler } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';

/** HTTP details of the Azure DevOps client: auth scoping, request counting, rate-limit headers. */

/** The org host, and Azure DevOps Services hosts (vssps, per-area hosts from ResourceAreas) when the org is on them. */
export function trustedHost(host: string, orgHost: string): boolean {
  const h = host.toLowerCase();
  const org = orgHost.toLowerCase();
  return h === org || (SERVICE_HOST.test(org) && SERVICE_HOST.test(h));
}

const SERVICE_HOST = /(^|\.)(dev\.azure\.com|visualstudio\.com)$/;

export function countingHandler(inner: IRequestHandler, stats: { requests: number }, orgHost: string): IRequestHandler {
  return {
    prepareRequest(options) {
      stats.requests++;
      inner.prepareRequest(options);
      // Never hand the token to a host outside the organization's service (redirects, hostile ResourceAreas answers).
      const headers = options.headers as Record<string, unknown> | undefined;
      if (headers && !trustedHost(String(options.host ?? options.hostname ?? ''), orgHost)) delete headers['Authorization'];
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

export function retryAfterMs(headers: Record<string, string | undefined>): number | undefined {
  const v = header(headers, 'retry-after') ?? header(headers, 'x-ratelimit-delay');
  if (v === undefined) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function resetMs(headers: Record<string, string | undefined>): number | undefined {
  const v = Number(header(headers, 'x-ratelimit-reset'));
  return Number.isFinite(v) && v > 0 ? Math.max(0, v * 1000 - Date.now()) : undefined;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('AbortError: collection cancelled'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('AbortError: collection cancelled'));
    }, { once: true });
  });
}

/** dev.azure.com keeps identities on vssps.dev.azure.com; older *.visualstudio.com orgs on {org}.vssps.visualstudio.com. */
export function identityBaseUrl(orgUrl: string): string {
  const u = new URL(orgUrl);
  if (u.hostname === 'dev.azure.com') u.hostname = 'vssps.dev.azure.com';
  else if (/^[^.]+\.visualstudio\.com$/.test(u.hostname)) u.hostname = u.hostname.replace('.visualstudio.com', '.vssps.visualstudio.com');
  return u.toString().replace(/\/+$/, '');
}
