import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  baselineFile
} from "./chunk-ZFJGHTO2.js";
import {
  readRunInput
} from "./chunk-76WBRSYH.js";
import "./chunk-4MWBEDBQ.js";
import {
  secpolVersion
} from "./chunk-DQJKIYIQ.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-YEOTJIAI.js";
import "./chunk-L26WBE74.js";
import "./chunk-2473HE6L.js";
import "./chunk-S4LFGLRT.js";
import "./chunk-66KPFJW4.js";
import "./chunk-RVV4H2YY.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/app/run-baseline.ts
async function baselineFromReport(file, shown) {
  const input = await readRunInput(file, shown);
  if (input.kind !== "report") throw new UserError([{ severity: "error", file: shown, message: "not a JSON report (secpol check --format json)" }]);
  return baselineFile(input.report.results, input.report.startedAt, secpolVersion());
}
function baselineFromRun(outcome) {
  if (outcome.report.diagnostics.some((d) => d.severity === "error")) return void 0;
  return baselineFile(outcome.report.results, outcome.report.startedAt, outcome.report.tool.version);
}
export {
  baselineFromReport,
  baselineFromRun
};
