import type { z } from 'zod';
import type { ConfigProviders } from '../config/index.js';
import type { Env, ProviderMeta, ProviderRegistration, ProviderTargets, RepositoryFilters } from '../providers/contract.js';
import { registry } from '../providers/registry.js';

/**
 * The app's view of the provider registry: option keys, config shapes and the targets each
 * provider receives. Nothing here names a provider; every fact comes from the metas.
 */
export const providerRegistry: readonly ProviderRegistration[] = registry;
export const providerMetas: readonly ProviderMeta[] = registry.map((r) => r.meta);
export const providerNames: readonly string[] = providerMetas.map((m) => m.name);

export function findProvider(name: string): ProviderRegistration | undefined {
  return registry.find((r) => r.meta.name === name);
}

/** commander's attribute name for a flag: `--aws-region <region...>` -> `awsRegion`. */
export function optionKey(flags: string): string {
  const long = /--(?:no-)?([a-z0-9][a-z0-9-]*)/i.exec(flags)?.[1] ?? flags;
  return long.replace(/-([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
}

/** The attribute names of every provider option (the CLI splits them from the common flags). */
export const providerOptionKeys: readonly string[] = providerMetas.flatMap((m) => m.options.map((o) => optionKey(o.flags)));

/** What secpol.yaml learns from the providers: their names, `targets` keys and cross-key checks. */
export function configProviders(): ConfigProviders {
  const targets: Record<string, z.ZodType> = {};
  for (const meta of providerMetas) Object.assign(targets, meta.configTargets);
  return {
    names: providerNames,
    targets,
    check: (config) => providerMetas.flatMap((m) => [...(m.checkTargets?.(pick(config, Object.keys(m.configTargets))) ?? [])]),
  };
}

/** Provider-neutral inputs of a run, before they are handed to each provider. */
export interface RunTargets {
  path: string;
  repos: string[];
  originUrl?: string;
  stateFiles: string[];
  /** Providers named with `--provider` (or config `providers`); empty = decide from targets. */
  named: string[];
  noCache: boolean;
  filters: RepositoryFilters;
  secretAllowlist?: { paths: string[]; fingerprints: string[] };
  /** Provider option values from the command line, by attribute name. */
  flags: Readonly<Record<string, unknown>>;
  /** secpol.yaml `targets` (validated). */
  config: Readonly<Record<string, unknown>>;
}

/** The targets one provider receives: its own options (flag over config key) and config sections. */
export function providerTargets(meta: ProviderMeta, run: RunTargets, named = run.named.includes(meta.name)): ProviderTargets {
  const options: Record<string, unknown> = {};
  for (const option of meta.options) {
    const key = optionKey(option.flags);
    const value = run.flags[key] ?? (option.configKey ? lookup(run.config, option.configKey) : undefined);
    if (value !== undefined) options[key] = value;
  }
  const base: ProviderTargets = {
    path: run.path,
    repos: run.repos,
    originUrl: run.originUrl,
    explicit: false,
    options,
    config: pick(run.config, Object.keys(meta.configTargets)),
    filters: run.filters,
    stateFiles: run.stateFiles,
    noCache: run.noCache,
    secretAllowlist: run.secretAllowlist,
    named,
  };
  // Named data is explicit: forbidden or missing data is then an error, not a skip.
  return { ...base, explicit: meta.isTargeted(base) || (named && run.repos.length > 0) };
}

/** The provider whose platform hosts this git origin, if any recognises it. */
export function originProvider(url: string, env: Env): string | undefined {
  return providerMetas.find((m) => m.recognizesOrigin?.(url, env))?.name;
}

function lookup(config: Readonly<Record<string, unknown>>, dotted: string): unknown {
  let value: unknown = config;
  for (const part of dotted.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function pick(config: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (config[key] !== undefined) out[key] = config[key];
  return out;
}
