import type { Env, ProviderMeta } from '../providers/contract.js';
import { UserError } from '../shared/errors.js';
import { providerMetas, providerNames, providerTargets, type RunTargets } from './providers.js';

/**
 * Which providers a run needs. `--provider` wins (plus providers that always join their
 * targets, like state files); otherwise each provider's targets decide, and with no target the
 * fallback (the local tree) runs plus, when its credential is present, the platform behind origin.
 */
export function selectProviders(run: RunTargets, env: Env, metas: readonly ProviderMeta[] = providerMetas): string[] {
  const targeted = (meta: ProviderMeta) => meta.isTargeted(providerTargets(meta, run, false));
  if (run.named.length > 0) {
    const known = metas.map((m) => m.name);
    const unknown = run.named.filter((p) => !known.includes(p));
    if (unknown.length > 0) {
      throw new UserError(`unknown provider ${unknown.map((u) => `'${u}'`).join(', ')}; known: ${(metas === providerMetas ? providerNames : known).join(', ')}`);
    }
    const chosen = [...new Set(run.named)];
    for (const meta of metas) if (meta.alongsideNamed && !chosen.includes(meta.name) && targeted(meta)) chosen.push(meta.name);
    return chosen;
  }
  const chosen = metas.filter(targeted).map((m) => m.name);
  if (chosen.length > 0) return chosen;

  chosen.push(...metas.filter((m) => m.fallback).map((m) => m.name));
  const origin = run.originUrl;
  const platform = origin ? metas.find((m) => m.recognizesOrigin?.(origin, env)) : undefined;
  if (platform?.hasCredential(env)) chosen.push(platform.name);
  return chosen;
}
