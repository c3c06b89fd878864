import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  providerMetas,
  providerNames,
  providerTargets
} from "./chunk-D37RCNAY.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";

// src/app/plan.ts
function selectProviders(run, env, metas = providerMetas) {
  const targeted = (meta) => meta.isTargeted(providerTargets(meta, run, false));
  if (run.named.length > 0) {
    const known = metas.map((m) => m.name);
    const unknown = run.named.filter((p) => !known.includes(p));
    if (unknown.length > 0) {
      throw new UserError(`unknown provider ${unknown.map((u) => `'${u}'`).join(", ")}; known: ${(metas === providerMetas ? providerNames : known).join(", ")}`);
    }
    const chosen2 = [...new Set(run.named)];
    for (const meta of metas) if (meta.alongsideNamed && !chosen2.includes(meta.name) && targeted(meta)) chosen2.push(meta.name);
    return chosen2;
  }
  const chosen = metas.filter(targeted).map((m) => m.name);
  if (chosen.length > 0) return chosen;
  chosen.push(...metas.filter((m) => m.fallback).map((m) => m.name));
  const origin = run.originUrl;
  const platform = origin ? metas.find((m) => m.recognizesOrigin?.(origin, env)) : void 0;
  if (platform?.hasCredential(env)) chosen.push(platform.name);
  return chosen;
}

export {
  selectProviders
};
