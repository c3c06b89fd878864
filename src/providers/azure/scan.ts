import type { TokenCredential } from '@azure/identity';
import type { Gap, Resource } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import type { z } from 'zod';
import type { JsonApi } from './api.js';
import { azureGap } from './failures.js';
import { armScopeOf, type ArmScope } from './ids.js';
import type { AzureSettings } from './settings.js';
import type { AzureHttp } from './transport.js';

/** What every collector of one scan shares. */
export interface AzureScan {
  settings: AzureSettings;
  arm: JsonApi;
  graph: JsonApi;
  credential: TokenCredential;
  /** The shared HTTP core for every request of the scan. */
  http: AzureHttp;
  signal?: AbortSignal;
  diagnostics: Diagnostic[];
  now: Date;
}

export type Collector = (scan: AzureScan, subscription: string) => Promise<Resource[]>;

/** Pinned ARM api-versions (stable, accepted on every public and sovereign cloud). */
export const API = {
  subscriptions: '2022-12-01',
  keyVault: '2023-07-01',
  recoveryServices: '2023-04-01',
  backup: '2023-06-01',
  logAnalytics: '2022-10-01',
} as const;

/**
 * A subscription-wide ARM list (`/subscriptions/{s}/providers/{type}`), kept to the resource
 * groups in scope; a failure is the gap for the caller's stand-in (none when the resource
 * provider is not registered: nothing of that kind exists).
 */
export async function listInScope<T extends { id: string }>(
  scan: AzureScan,
  subscription: string,
  type: string,
  apiVersion: string,
  schema: z.ZodType<T>,
  what: string,
  needs: string,
): Promise<{ items: { item: T; scope: ArmScope }[] } | { gap: Gap } | { none: true }> {
  let all: T[];
  try {
    all = await scan.arm.list(`/subscriptions/${subscription}/providers/${type}`, { 'api-version': apiVersion }, schema, what);
  } catch (err) {
    const gap = azureGap(err, what, needs, scan.settings.explicit);
    return gap.reason === 'not-applicable' ? { none: true } : { gap };
  }
  return {
    items: all.flatMap((item) => {
      const scope = armScopeOf(item.id);
      return scope && scan.settings.resourceGroupInScope(scope.resourceGroup) ? [{ item, scope }] : [];
    }),
  };
}
