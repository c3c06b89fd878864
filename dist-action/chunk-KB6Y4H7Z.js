import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  severityRank
} from "./chunk-LS7IB64P.js";

// src/engine/exit.ts
function summarize(results) {
  const summary = { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}
function atOrAbove(severity, failOn) {
  return failOn !== "none" && severityRank[severity] >= severityRank[failOn];
}
function exitCodeFor(results, failOn, hadUserErrors) {
  let incomplete = false;
  for (const r of results) {
    if (r.status === "fail" && r.baseline !== "existing" && atOrAbove(r.severity, failOn)) return 1;
    if (r.status === "error" && atOrAbove(r.severity, failOn)) incomplete = true;
  }
  return hadUserErrors || incomplete ? 2 : 0;
}

// src/app/exit-code.ts
function exitCode(results, failOn, diagnostics) {
  const hadUserErrors = diagnostics.some((d) => d.severity === "error");
  if (hadUserErrors) return 2;
  return exitCodeFor(results, failOn, false);
}

export {
  summarize,
  exitCode
};
