import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  parseLocated,
  parseLocatedJson,
  readSourceFile,
  zodIssuesToDiagnostics
} from "./chunk-VPWDGCSL.js";
import {
  Resource,
  SNAPSHOT_SCHEMA,
  resourceKinds
} from "./chunk-ZJVLZNFP.js";
import "./chunk-66KPFJW4.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/providers/snapshot/index.ts
import { stat } from "node:fs/promises";
import { relative } from "node:path";
var MAX_STATE_BYTES = 256 * 1024 * 1024;
var Envelope = external_exports.strictObject({
  schema: external_exports.literal(SNAPSHOT_SCHEMA, { error: `"schema" must be "${SNAPSHOT_SCHEMA}"` }),
  collectedAt: external_exports.string().optional(),
  sources: external_exports.array(external_exports.unknown()).optional(),
  resources: external_exports.array(external_exports.unknown())
});
async function loadStateFile(file, displayName) {
  const diagnostics = [];
  const result = { resources: [], diagnostics, stats: {} };
  try {
    const info = await stat(file);
    if (info.size > MAX_STATE_BYTES) {
      diagnostics.push({ severity: "error", file: displayName, message: `state file is larger than ${MAX_STATE_BYTES / 1024 / 1024} MB` });
      return result;
    }
  } catch {
  }
  const read = await readSourceFile(file);
  diagnostics.push(...read.diagnostics.map((d) => ({ ...d, file: displayName })));
  if (read.text === void 0) return result;
  const doc = /\.ya?ml$/i.test(file) ? parseLocated(read.text, displayName) : parseLocatedJson(read.text, displayName);
  diagnostics.push(...doc.diagnostics);
  if (doc.value === void 0) return result;
  const envelope = Envelope.safeParse(doc.value);
  if (!envelope.success) {
    diagnostics.push(...zodIssuesToDiagnostics(envelope.error.issues, doc.locate, displayName, { root: doc.value }));
    return result;
  }
  const seen = /* @__PURE__ */ new Set();
  envelope.data.resources.forEach((raw, index) => {
    const parsed = Resource.safeParse(raw);
    if (!parsed.success) {
      const kind = raw && typeof raw === "object" ? raw.kind : void 0;
      const issues = typeof kind === "string" && !resourceKinds.includes(kind) ? [{ code: "custom", path: ["kind"], message: `unknown resource kind "${kind}"; known: ${resourceKinds.join(", ")}` }] : parsed.error.issues;
      diagnostics.push(...zodIssuesToDiagnostics(issues, doc.locate, displayName, { prefix: ["resources", index], root: raw }));
      return;
    }
    const resource = raw;
    if (seen.has(resource.id)) {
      const at = doc.locate(["resources", index, "id"]);
      diagnostics.push({ severity: "error", file: displayName, ...at, message: `duplicate resource id "${resource.id}"` });
      return;
    }
    seen.add(resource.id);
    result.resources.push(resource);
  });
  result.stats = { resources: result.resources.length };
  return result;
}
var snapshotProvider = {
  name: "snapshot",
  kinds: resourceKinds,
  plan(spec) {
    return spec.stateFiles.map((file) => {
      const displayName = relative(process.cwd(), file) || file;
      return { name: "snapshot", target: displayName, collect: () => loadStateFile(file, displayName) };
    });
  }
};
export {
  loadStateFile,
  snapshotProvider
};
