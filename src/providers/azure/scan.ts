import type { TokenCredential } from '@azure/identity';
import type { Resource } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import type { JsonApi } from './api.js';
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
