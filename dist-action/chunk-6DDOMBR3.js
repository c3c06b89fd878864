import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  providerLoaders
} from "./chunk-JOX3LK7Z.js";
import {
  errorMessage,
  isUserError
} from "./chunk-6HNUAN2P.js";

// src/app/collect.ts
async function collect(names, spec, ctx) {
  const out = { resources: [], diagnostics: [], stats: {}, sources: [] };
  const adapters = [];
  for (const name of names) {
    if (name === "aws" || name === "azure") {
      out.diagnostics.push({ severity: "error", message: `provider '${name}' is not available in this version` });
      continue;
    }
    const entry = await providerLoaders[name]();
    try {
      adapters.push(...entry.plan(spec, ctx.env));
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
        out.resources.push(resource);
      }
      out.diagnostics.push(...result.diagnostics);
      out.stats[`${adapter.name}:${adapter.target}`] = { ...result.stats, resources: result.resources.length, ms: Date.now() - started };
      out.sources.push({ provider: adapter.name, target: adapter.target, collectedAt: ctx.now.toISOString() });
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
