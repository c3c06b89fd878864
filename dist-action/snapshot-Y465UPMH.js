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
  parseLocated,
  readSourceFile,
  zodIssuesToDiagnostics
} from "./chunk-PUCDVRQO.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import {
  Resource,
  SNAPSHOT_SCHEMA,
  resourceKinds
} from "./chunk-LS7IB64P.js";
import "./chunk-66KPFJW4.js";
import {
  LIMITS,
  formatBytes,
  sizeProblem
} from "./chunk-7Z2SP4JL.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/providers/snapshot/index.ts
import { stat } from "node:fs/promises";
import { relative } from "node:path";
var Envelope = external_exports.strictObject({
  schema: external_exports.literal(SNAPSHOT_SCHEMA, { error: `"schema" must be "${SNAPSHOT_SCHEMA}"` }),
  collectedAt: external_exports.string().optional(),
  sources: external_exports.array(external_exports.unknown()).optional(),
  resources: external_exports.array(external_exports.unknown())
});
async function loadStateFile(file, displayName) {
  const diagnostics = [];
  const result = { resources: [], diagnostics, stats: {} };
  const yaml = /\.ya?ml$/i.test(file);
  const tooLarge = sizeProblem(file, yaml ? LIMITS.yamlStateFile : LIMITS.jsonStateFile, yaml ? "YAML state file" : "state file");
  if (tooLarge) {
    diagnostics.push({ ...tooLarge, file: displayName });
    return result;
  }
  const read = await readSourceFile(file);
  diagnostics.push(...read.diagnostics.map((d) => ({ ...d, file: displayName })));
  if (read.text === void 0) return result;
  const jsonOnly = !yaml && read.text.length > LIMITS.yamlStateFile;
  const doc = yaml ? parseLocated(read.text, displayName) : jsonOnly ? parseLocatedJson(read.text, displayName, { yamlFallback: false }) : parseLocatedJson(read.text, displayName);
  if (doc === void 0) {
    diagnostics.push({ severity: "error", file: displayName, message: `not valid JSON, and larger than the ${formatBytes(LIMITS.yamlStateFile)} limit for YAML state` });
    return result;
  }
  for (const d of doc.diagnostics) diagnostics.push(d);
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
var implementation = {
  plan(spec) {
    return spec.stateFiles.map((file) => {
      const displayName = relative(process.cwd(), file) || file;
      return { name: "snapshot", target: displayName, collect: () => loadStateFile(file, displayName) };
    });
  },
  // No credential and no API: the check is that each state file can be read.
  async doctor(spec) {
    const checks = await Promise.all(
      spec.stateFiles.map(async (file) => {
        const name = relative(process.cwd(), file) || file;
        try {
          const info = await stat(file);
          return { name, status: info.isFile() ? "ok" : "missing", detail: info.isFile() ? "ok" : "not a file" };
        } catch {
          return { name, status: "missing", detail: "no such file" };
        }
      })
    );
    return { provider: "snapshot", endpoint: "state files", identity: "no credential needed", checks };
  }
};
export {
  implementation,
  loadStateFile
};
