import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  parseLocatedJson
} from "./chunk-652F6R4Q.js";
import {
  readSourceFile,
  zodIssuesToDiagnostics
} from "./chunk-PUCDVRQO.js";
import {
  BaselineFile,
  ReportFile,
  SNAPSHOT_SCHEMA
} from "./chunk-LS7IB64P.js";
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
  const rules = new Map(file.rules.map((r) => [r.id, r]));
  const resources = /* @__PURE__ */ new Map();
  for (const r of file.results) {
    const rule = rules.get(r.ruleId);
    if (rule !== void 0) {
      if (rule.remediation !== void 0) r.remediation = rule.remediation;
      r.ruleId = rule.id;
      if (r.policyId === rule.policyId) r.policyId = rule.policyId;
      if (r.title === rule.title) r.title = rule.title;
      if (sameControls(r.controls, rule.controls)) r.controls = rule.controls;
    }
    const ref = resources.get(r.resource.id);
    if (ref === void 0) resources.set(r.resource.id, r.resource);
    else if (ref.kind === r.resource.kind && ref.provider === r.resource.provider && ref.name === r.resource.name) r.resource = ref;
  }
  return file;
}
function sameControls(a, b) {
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  return keys.every((key, i) => {
    const x = a[key];
    const y = b[key];
    return other[i] === key && x !== void 0 && y !== void 0 && x.length === y.length && x.every((id, j) => id === y[j]);
  });
}

export {
  readRunInput
};
