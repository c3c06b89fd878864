import picomatch from 'picomatch';
import { UserError } from '../../shared/errors.js';
import type { Env, ProviderTargets } from '../contract.js';
import type { AzureTargets } from './config.js';
import type { LogCategory } from './loganalytics-categories.js';

export const DEFAULT_ARM_URL = 'https://management.azure.com';
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';

export interface AzureSettings {
  /** Origins (scheme, host, port) of ARM and Graph; tokens for each go only there. */
  armOrigin: string;
  graphOrigin: string;
  armScope: string;
  graphScope: string;
  authorityHost?: string;
  /** Explicit subscriptions; undefined = every subscription the credential sees. */
  subscriptions?: string[];
  resourceGroupInScope(name: string): boolean;
  /** Config overrides of table categories, first match wins. */
  tableOverrides: { matches: (name: string) => boolean; category: LogCategory }[];
  /** `vault/secret` -> declared rotation automation. */
  secretRotation(vault: string, secret: string): { intervalDays: number | null } | undefined;
  explicit: boolean;
}

function origin(value: string | undefined, fallback: string, variable: string): string {
  const raw = value?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`${variable} is not a URL`);
  }
  // The Azure SDK refuses bearer tokens over plain http; say so before any request.
  if (url.protocol !== 'https:') throw new UserError(`${variable} must be an https:// URL (Azure credentials are only sent over TLS)`);
  return url.origin;
}

const globMatcher = (globs: readonly string[] | undefined) =>
  globs && globs.length > 0 ? picomatch([...globs], { nocase: true, dot: true }) : undefined;

export function resolveSettings(targets: Pick<ProviderTargets, 'options' | 'config' | 'explicit' | 'named'>, env: Env): AzureSettings {
  const config = (targets.config.azure ?? {}) as AzureTargets;
  const armOrigin = origin(env.AZURE_RESOURCE_MANAGER_URL, DEFAULT_ARM_URL, 'AZURE_RESOURCE_MANAGER_URL');
  const graphOrigin = origin(env.AZURE_GRAPH_URL, DEFAULT_GRAPH_URL, 'AZURE_GRAPH_URL');
  const flag = targets.options.azureSubscription;
  const subscriptions = Array.isArray(flag) && flag.length > 0 ? flag.map(String) : config.subscriptions;
  for (const id of subscriptions ?? []) {
    if (!/^[0-9a-fA-F-]{36}$/.test(id)) throw new UserError(`--azure-subscription: '${id}' is not a subscription id (a GUID)`);
  }
  const include = globMatcher(config.resourceGroups?.include);
  const exclude = globMatcher(config.resourceGroups?.exclude);
  const rotation = (config.secretRotation ?? []).map((r) => ({ matches: picomatch(r.match, { nocase: true, dot: true }), intervalDays: r.intervalDays ?? null }));
  return {
    armOrigin,
    graphOrigin,
    armScope: `${armOrigin}/.default`,
    graphScope: `${graphOrigin}/.default`,
    authorityHost: env.AZURE_AUTHORITY_HOST?.trim() || undefined,
    subscriptions: subscriptions?.map((s) => s.toLowerCase()),
    resourceGroupInScope: (name) => (!include || include(name)) && !(exclude && exclude(name)),
    tableOverrides: Object.entries(config.logTables ?? {}).map(([glob, category]) => ({ matches: picomatch(glob, { nocase: true }), category })),
    secretRotation: (vault, secret) => {
      const hit = rotation.find((r) => r.matches(`${vault}/${secret}`));
      return hit ? { intervalDays: hit.intervalDays } : undefined;
    },
    // `--provider azure` asks for every fact: a forbidden one is then an error, not a skip.
    explicit: targets.explicit || targets.named === true,
  };
}
