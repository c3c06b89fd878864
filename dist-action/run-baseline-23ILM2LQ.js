import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  baselineFile
} from "./chunk-2USWYTFU.js";
import {
  readRunInput
} from "./chunk-643WBRGH.js";
import {
  secpolVersion
} from "./chunk-3S753M6K.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-4MWBEDBQ.js";
import "./chunk-652F6R4Q.js";
import "./chunk-PUCDVRQO.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import "./chunk-LS7IB64P.js";
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
