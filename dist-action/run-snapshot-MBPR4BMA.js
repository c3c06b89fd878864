import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  collect
} from "./chunk-TYJHH6FJ.js";
import {
  selectProviders
} from "./chunk-BS57ITCU.js";
import {
  loadSettings
} from "./chunk-J2TCZS4T.js";
import "./chunk-APWW3CZH.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-D37RCNAY.js";
import "./chunk-SDQONHYZ.js";
import "./chunk-PUCDVRQO.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import {
  SNAPSHOT_SCHEMA
} from "./chunk-LS7IB64P.js";
import "./chunk-7AH5QC2N.js";
import "./chunk-7Z2SP4JL.js";
import "./chunk-L5QX7PQ4.js";
import "./chunk-VTOSPDMA.js";
import "./chunk-6WQEB4TW.js";
import "./chunk-TTZMJX2J.js";
import "./chunk-336B3YIU.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-XCJ6UWEH.js";
import {
  Redactor
} from "./chunk-B7DHMJ7P.js";
import "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/app/run-snapshot.ts
async function runSnapshot(options, deps) {
  const now = deps.now();
  const redactor = new Redactor();
  const settings = await loadSettings(options, deps);
  const collected = await collect(selectProviders(settings.targets, deps.env), settings.targets, {
    now,
    env: deps.env,
    progress: deps.progress,
    redactor,
    cacheDir: deps.cacheDir,
    debug: (m) => deps.debug(redactor.redact(m))
  });
  const diagnostics = [...settings.diagnostics, ...collected.diagnostics];
  return {
    snapshot: { schema: SNAPSHOT_SCHEMA, collectedAt: now.toISOString(), sources: collected.sources.map(({ provider, target, collectedAt }) => ({ provider, target, collectedAt })), resources: collected.resources },
    diagnostics,
    exitCode: diagnostics.some((d) => d.severity === "error") ? 2 : 0,
    redactor
  };
}
export {
  runSnapshot
};
