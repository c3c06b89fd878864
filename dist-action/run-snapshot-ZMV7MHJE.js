import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  collect
} from "./chunk-6DDOMBR3.js";
import {
  loadSettings,
  selectProviders
} from "./chunk-JOX3LK7Z.js";
import "./chunk-VPWDGCSL.js";
import {
  SNAPSHOT_SCHEMA
} from "./chunk-ZJVLZNFP.js";
import "./chunk-66KPFJW4.js";
import "./chunk-RVV4H2YY.js";
import {
  Redactor
} from "./chunk-FZ4LJW6X.js";
import "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/app/run-snapshot.ts
async function runSnapshot(options, deps) {
  const now = deps.now();
  const redactor = new Redactor();
  const settings = await loadSettings(options, deps);
  const collected = await collect(selectProviders(settings.spec, deps.env), settings.spec, {
    now,
    env: deps.env,
    progress: deps.progress,
    redactor,
    cacheDir: deps.cacheDir,
    debug: (m) => deps.debug(redactor.redact(m))
  });
  const diagnostics = [...settings.diagnostics, ...collected.diagnostics];
  return {
    snapshot: { schema: SNAPSHOT_SCHEMA, collectedAt: now.toISOString(), sources: collected.sources, resources: collected.resources },
    diagnostics,
    exitCode: diagnostics.some((d) => d.severity === "error") ? 2 : 0,
    redactor
  };
}
export {
  runSnapshot
};
