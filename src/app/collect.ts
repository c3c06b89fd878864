import type { Resource } from '../model/index.js';
import type { CollectContext, ProviderAdapter } from '../providers/types.js';
import type { Diagnostic } from '../shared/errors.js';
import { errorMessage, isUserError } from '../shared/errors.js';
import { withoutFutureDates } from './future-dates.js';
import { findProvider, providerTargets, type RunTargets } from './providers.js';

export interface Collected {
  resources: Resource[];
  diagnostics: Diagnostic[];
  stats: Record<string, Record<string, number | string>>;
  sources: { provider: string; target: string; collectedAt: string; scanned?: string }[];
}

/**
 * Runs every selected provider. A provider that fails outright becomes a diagnostic and the
 * others still report: one unreachable platform must not hide the rest.
 */
export async function collect(names: readonly string[], run: RunTargets, ctx: CollectContext): Promise<Collected> {
  const out: Collected = { resources: [], diagnostics: [], stats: {}, sources: [] };
  const adapters: ProviderAdapter[] = [];
  for (const name of names) {
    const registration = findProvider(name);
    if (!registration) {
      out.diagnostics.push({ severity: 'error', message: `unknown provider '${name}'` });
      continue;
    }
    try {
      const implementation = await registration.load();
      adapters.push(...implementation.plan(providerTargets(registration.meta, run), ctx.env));
    } catch (err) {
      out.diagnostics.push(...diagnosticsOf(err, name, ctx));
    }
  }

  const seen = new Set<string>();
  for (const adapter of adapters) {
    ctx.progress.update(`collecting ${adapter.name}: ${adapter.target}`);
    const started = Date.now();
    try {
      const result = await adapter.collect(ctx);
      for (const resource of result.resources) {
        if (seen.has(resource.id)) {
          out.diagnostics.push({ severity: 'warning', message: `duplicate resource id '${resource.id}' from ${adapter.name}; the first one is kept` });
          continue;
        }
        seen.add(resource.id);
        out.resources.push(withoutFutureDates(resource, ctx.now));
      }
      for (const d of result.diagnostics) out.diagnostics.push(d);
      out.stats[`${adapter.name}:${adapter.target}`] = { ...result.stats, resources: result.resources.length, ms: Date.now() - started };
      // The run's clock (SECPOL_NOW pins it), not the wall clock: snapshots must be reproducible.
      out.sources.push({ provider: adapter.name, target: adapter.target, collectedAt: ctx.now.toISOString(), ...(result.scanned !== undefined ? { scanned: result.scanned } : {}) });
    } catch (err) {
      out.diagnostics.push(...diagnosticsOf(err, `${adapter.name} (${adapter.target})`, ctx));
    }
  }
  return out;
}

function diagnosticsOf(err: unknown, what: string, ctx: CollectContext): Diagnostic[] {
  if (isUserError(err)) return err.diagnostics;
  ctx.debug(err instanceof Error && err.stack ? err.stack : String(err));
  return [{ severity: 'error', message: `${what}: ${ctx.redactor.redact(errorMessage(err)).split('\n')[0]}` }];
}
