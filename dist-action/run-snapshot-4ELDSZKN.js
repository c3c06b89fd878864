import { createRequire as __secpolCreateRequire } from 'node:module';
const require = __secpolCreateRequire(import.meta.url);
import {
  collect
} from "./chunk-2I2T3EVU.js";
import {
  loadSettings,
  selectProviders
} from "./chunk-VLUQZEQT.js";
import "./chunk-W3O4AOFU.js";
import {
  SNAPSHOT_SCHEMA
} from "./chunk-756GVLWT.js";
import "./chunk-V2RFY25B.js";
import "./chunk-5PS2FENI.js";
import {
  Redactor
} from "./chunk-R4NHTPYD.js";
import "./chunk-72UQQLOD.js";
import "./chunk-3GGAOV5L.js";
import "./chunk-36U2GMZ7.js";

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
