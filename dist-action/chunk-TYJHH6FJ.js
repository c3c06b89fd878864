import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  findProvider,
  providerTargets
} from "./chunk-D37RCNAY.js";
import {
  errorMessage,
  isUserError
} from "./chunk-6HNUAN2P.js";

// src/app/future-dates.ts
var PAST_DATES = ["createdAt", "lastRotatedAt", "lastUsedAt", "lastRestoreTestAt"];
var SKEW_MS = 5 * 6e4;
var DATE_SKEW_MS = 864e5;
function withoutFutureDates(resource, now) {
  let out;
  for (const field of PAST_DATES) {
    const value = resource[field];
    if (typeof value !== "string") continue;
    const at = Date.parse(value);
    const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (Number.isNaN(at) || at <= now.getTime() + (plainDate ? DATE_SKEW_MS : SKEW_MS)) continue;
    out ??= { ...resource, gaps: { ...resource.gaps } };
    delete out[field];
    out.gaps[field] = { reason: "malformed", message: `${field} ${value} is in the future (the run's clock is ${now.toISOString()}): not a valid date`, outcome: "error" };
  }
  return out ?? resource;
}

// src/app/collect.ts
async function collect(names, run, ctx) {
  const out = { resources: [], diagnostics: [], stats: {}, sources: [] };
  const adapters = [];
  for (const name of names) {
    const registration = findProvider(name);
    if (!registration) {
      out.diagnostics.push({ severity: "error", message: `unknown provider '${name}'` });
      continue;
    }
    try {
      const implementation = await registration.load();
      adapters.push(...implementation.plan(providerTargets(registration.meta, run), ctx.env));
    } catch (err) {
      out.diagnostics.push(...diagnosticsOf(err, name, ctx));
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for (const adapter of adapters) {
    ctx.progress.update(`collecting ${adapter.name}: ${adapter.target}`);
    const started = Date.now();
    try {
      const result = await adapter.collect(ctx);
      for (const resource of result.resources) {
        if (seen.has(resource.id)) {
          out.diagnostics.push({ severity: "warning", message: `duplicate resource id '${resource.id}' from ${adapter.name}; the first one is kept` });
          continue;
        }
        seen.add(resource.id);
        out.resources.push(withoutFutureDates(resource, ctx.now));
      }
      for (const d of result.diagnostics) out.diagnostics.push(d);
      out.stats[`${adapter.name}:${adapter.target}`] = { ...result.stats, resources: result.resources.length, ms: Date.now() - started };
      out.sources.push({ provider: adapter.name, target: adapter.target, collectedAt: ctx.now.toISOString(), ...result.scanned !== void 0 ? { scanned: result.scanned } : {} });
    } catch (err) {
      out.diagnostics.push(...diagnosticsOf(err, `${adapter.name} (${adapter.target})`, ctx));
    }
  }
  return out;
}
function diagnosticsOf(err, what, ctx) {
  if (isUserError(err)) return err.diagnostics;
  ctx.debug(err instanceof Error && err.stack ? err.stack : String(err));
  return [{ severity: "error", message: `${what}: ${ctx.redactor.redact(errorMessage(err)).split("\n")[0]}` }];
}

export {
  collect
};
