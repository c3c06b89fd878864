import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  parseLocatedJson
} from "./chunk-YEOTJIAI.js";
import {
  readSourceFile,
  zodIssuesToDiagnostics
} from "./chunk-L26WBE74.js";
import {
  BaselineFile,
  ReportFile,
  SNAPSHOT_SCHEMA
} from "./chunk-S4LFGLRT.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";

// src/app/report-input.ts
import { stat } from "node:fs/promises";
var MAX_INPUT_BYTES = 1024 * 1024 * 1024;
async function readRunInput(file, displayName) {
  const size = await stat(file).then(
    (s) => s.size,
    () => 0
  );
  if (size > MAX_INPUT_BYTES) throw new UserError([{ severity: "error", file: displayName, message: `larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB` }]);
  const read = await readSourceFile(file);
  if (read.text === void 0) throw new UserError(read.diagnostics.map((d) => ({ ...d, file: displayName })));
  const doc = parseLocatedJson(read.text, displayName);
  if (doc.diagnostics.some((d) => d.severity === "error")) throw new UserError(doc.diagnostics);
  const value = doc.value;
  const schema = value && typeof value === "object" && !Array.isArray(value) ? value.schema : void 0;
  if (schema === SNAPSHOT_SCHEMA) return { kind: "snapshot" };
  if (typeof schema === "string" && schema.startsWith("secpol/baseline@")) {
    const parsed2 = BaselineFile.safeParse(value);
    if (!parsed2.success) throw new UserError(zodIssuesToDiagnostics(parsed2.error.issues, doc.locate, displayName, { root: value, schema: BaselineFile }));
    return { kind: "baseline", baseline: parsed2.data };
  }
  if (schema !== void 0 || !value || typeof value !== "object" || !("results" in value)) {
    throw new UserError([{ severity: "error", file: displayName, line: 1, column: 1, message: "not a secpol JSON report, baseline or snapshot" }]);
  }
  const parsed = ReportFile.safeParse(value);
  if (!parsed.success) throw new UserError(zodIssuesToDiagnostics(parsed.error.issues.slice(0, 20), doc.locate, displayName, { root: value }));
  return { kind: "report", report: toReport(value) };
}
function toReport(file) {
  const remediation = new Map(file.rules.map((r) => [r.id, r.remediation]));
  for (const r of file.results) {
    const fix = remediation.get(r.ruleId);
    if (fix !== void 0) r.remediation = fix;
  }
  return file;
}

export {
  readRunInput
};
