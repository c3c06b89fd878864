import type { TokenCredential } from '@azure/identity';
import type { Resource } from '../../model/index.js';
import type { CollectContext, CollectResult } from '../types.js';
import { JsonApi } from './api.js';
import { collectBackup } from './backup.js';
import { azureGap } from './failures.js';
import { collectKeyVaults } from './keyvault.js';
import { collectLogAnalytics } from './loganalytics.js';
import { API, type AzureScan, type Collector } from './scan.js';
import { Subscription } from './schema.js';
import type { AzureSettings } from './settings.js';
import { collectTenant } from './tenant.js';
import { AzureHttp, TokenTransport, type TransportOptions } from './transport.js';

const COLLECTORS: Collector[] = [collectKeyVaults, collectBackup, collectLogAnalytics];

export interface CollectDeps {
  credential: TokenCredential;
  transport?: TransportOptions;
}

/** Subscriptions first (explicit or every enabled one the credential sees), then each area per subscription, then the tenant. */
export async function collectAzure(settings: AzureSettings, deps: CollectDeps, ctx: CollectContext): Promise<CollectResult> {
  const http = new AzureHttp([settings.armOrigin, settings.graphOrigin], ctx.env, deps.transport ?? {}, ctx.signal, ctx.debug);
  const arm = new JsonApi(new TokenTransport(settings.armOrigin, deps.credential, settings.armScope, 'arm', http), ctx.signal);
  const graph = new JsonApi(new TokenTransport(settings.graphOrigin, deps.credential, settings.graphScope, 'graph', http), ctx.signal);
  const scan: AzureScan = { settings, arm, graph, credential: deps.credential, http, signal: ctx.signal, diagnostics: [], now: ctx.now };

  const resources: Resource[] = [];
  const { subscriptions, tenant } = await subscriptionsOf(scan);
  for (const subscription of subscriptions) {
    ctx.progress.update(`azure: subscription ${subscription}`);
    const perArea = await Promise.all(COLLECTORS.map((collector) => collector(scan, subscription)));
    resources.push(...perArea.flat());
  }
  ctx.progress.update('azure: Entra ID tenant');
  const org = await collectTenant(scan, tenant);
  if (org) resources.push(org);
  return {
    resources,
    diagnostics: scan.diagnostics,
    stats: {
      requests: http.core.stats.requests,
      retries: http.core.stats.retries,
      rateLimitWaits: http.core.stats.rateLimitWaits,
      armRequests: http.byService.arm,
      graphRequests: http.byService.graph,
      keyVaultRequests: http.byService.keyvault,
      subscriptions: subscriptions.length,
    },
  };
}

async function subscriptionsOf(scan: AzureScan): Promise<{ subscriptions: string[]; tenant?: string }> {
  const what = 'subscriptions';
  try {
    const visible = await scan.arm.list('/subscriptions', { 'api-version': API.subscriptions }, Subscription, what);
    const tenant = visible.find((s) => s.tenantId)?.tenantId;
    if (scan.settings.subscriptions) {
      for (const id of scan.settings.subscriptions) {
        if (!visible.some((s) => s.subscriptionId.toLowerCase() === id)) {
          scan.diagnostics.push({ severity: 'error', message: `azure: subscription ${id} is not visible to the credential (needs the Reader role on it)` });
        }
      }
      return { subscriptions: scan.settings.subscriptions.filter((id) => visible.some((s) => s.subscriptionId.toLowerCase() === id)), tenant };
    }
    const enabled = visible.filter((s) => !s.state || s.state.toLowerCase() === 'enabled');
    if (visible.length === 0) scan.diagnostics.push({ severity: 'warning', message: 'azure: the credential sees no subscription (grant Reader on the subscriptions to scan)' });
    return { subscriptions: enabled.map((s) => s.subscriptionId.toLowerCase()), tenant };
  } catch (err) {
    const gap = azureGap(err, 'listing subscriptions', 'a sign-in that ARM accepts (Reader on each subscription)', scan.settings.explicit);
    scan.diagnostics.push({ severity: 'error', message: `azure: ${gap.message}` });
    // Named subscriptions are still tried: each area then records its own gap.
    return { subscriptions: scan.settings.subscriptions ?? [] };
  }
}
