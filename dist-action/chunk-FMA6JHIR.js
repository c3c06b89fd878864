import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  builtinPolicyDir,
  packageRoot
} from "./chunk-3S753M6K.js";
import {
  compileRules,
  parseCondition
} from "./chunk-HABV22VA.js";
import {
  parseLocated,
  readSourceFileSync,
  zodIssuesToDiagnostics
} from "./chunk-PUCDVRQO.js";
import {
  quote
} from "./chunk-PC4BAM7X.js";
import {
  frameworks,
  resourceKinds,
  severities
} from "./chunk-LS7IB64P.js";
import {
  LIMITS,
  MAX_ERRORS_PER_FILE,
  sizeProblem
} from "./chunk-7Z2SP4JL.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";

// src/app/policies.ts
import { join, resolve } from "node:path";

// src/policy/load.ts
import { realpathSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

// src/policy/schema.ts
var RULE_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/;
var POLICY_ID = /^[a-z0-9][a-z0-9._/-]*$/;
var PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
var RuleIdSchema = external_exports.string().regex(RULE_ID, "a rule id is lowercase words joined by dots and dashes, e.g. acme.min-approvals");
var ControlsSchema = external_exports.strictObject(
  Object.fromEntries(frameworks.map((f) => [f, external_exports.array(external_exports.string().min(1)).optional()]))
);
var ParamsSchema = external_exports.record(external_exports.string().regex(PARAM_NAME, 'a param name is a letter or "_" followed by letters, digits, "_" or "-"'), external_exports.unknown());
var ExampleSchema = external_exports.strictObject({
  name: external_exports.string().optional(),
  expect: external_exports.enum(["pass", "fail", "skip", "error"]),
  resource: external_exports.record(external_exports.string(), external_exports.unknown()),
  now: external_exports.iso.datetime({ offset: true }).optional(),
  params: ParamsSchema.optional()
});
var ConditionInput = external_exports.unknown();
var RuleSpecSchema = external_exports.strictObject({
  id: RuleIdSchema,
  title: external_exports.string().min(1),
  description: external_exports.string().optional(),
  severity: external_exports.enum(severities),
  resource: external_exports.enum(resourceKinds),
  where: ConditionInput.optional(),
  params: ParamsSchema.optional(),
  /**
   * Take the params (defaults and secpol.yaml overrides) of another rule: two rules that split
   * one set of findings between them stay in step with one switch.
   */
  paramsOf: RuleIdSchema.optional(),
  assert: ConditionInput,
  message: external_exports.string().min(1),
  /** Messages for particular failures, the first whose `when` holds wins; `message` otherwise. */
  messages: external_exports.array(external_exports.strictObject({ when: ConditionInput, text: external_exports.string().min(1) })).min(1).optional(),
  /** Messages for passes that need saying how (e.g. labels set by CI), the first whose `when` holds wins; the title otherwise. */
  passMessages: external_exports.array(external_exports.strictObject({ when: ConditionInput, text: external_exports.string().min(1) })).min(1).optional(),
  evidence: external_exports.string().min(1).optional(),
  remediation: external_exports.string().optional(),
  controls: ControlsSchema.optional(),
  tags: external_exports.array(external_exports.string().min(1)).optional(),
  // http(s) only: reports render it as a link, and a javascript: URL would be a script.
  helpUri: external_exports.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  enabled: external_exports.boolean().optional(),
  examples: external_exports.array(ExampleSchema).optional()
});
var PolicyFileSchema = external_exports.strictObject({
  policy: external_exports.string().regex(POLICY_ID, 'a policy id is lowercase letters, digits, ".", "_", "-" and "/"').optional(),
  rules: external_exports.array(external_exports.unknown()).min(1, "a policy file needs at least one rule")
});
function validateRuleSpec(raw, doc, file, prefix) {
  const parsed = RuleSpecSchema.safeParse(raw, { reportInput: true });
  const diagnostics = [];
  if (!parsed.success) {
    diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues, doc.locate, file, { prefix, root: raw, schema: RuleSpecSchema }));
  }
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    const record = raw;
    const env = {
      mode: "syntax",
      report(path3, message, target) {
        const at = doc.locate([...prefix, ...path3], target);
        diagnostics.push({ severity: "error", file, ...at, message });
      },
      at: () => ({ file, line: 1, column: 1 })
    };
    for (const key of ["where", "assert"]) {
      if (record[key] !== void 0) parseCondition(record[key], [key], env);
    }
  }
  if (diagnostics.length > 0 || !parsed.success) return { diagnostics };
  return { spec: parsed.data, diagnostics };
}

// src/policy/load.ts
var POLICY_EXT = /\.ya?ml$/i;
async function loadPolicyFiles(paths, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const diagnostics = [];
  const files = [];
  const seen = /* @__PURE__ */ new Set();
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      const code = err.code;
      diagnostics.push({ severity: "error", file: p, message: code === "ENOENT" ? "no such file or directory" : `cannot read policy path (${code ?? "error"})` });
      continue;
    }
    if (info.isDirectory()) {
      const found = [];
      await walk(p, found, diagnostics);
      found.sort();
      if (found.length === 0) diagnostics.push({ severity: "warning", file: p, message: "no policy files (*.yaml, *.yml) in this directory" });
      for (const f of found) addOnce(f, p);
    } else {
      addOnce(p, void 0);
    }
  }
  function addOnce(file, root) {
    let real;
    try {
      real = realpathSync(file);
    } catch {
      real = path.resolve(file);
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ file, root });
  }
  const definitions = [];
  for (const pf of files) {
    const r = loadPolicyFile(pf, cwd);
    for (const d of r.definitions) definitions.push(d);
    for (const d of r.diagnostics) diagnostics.push(d);
  }
  return { definitions, diagnostics };
}
async function findPolicyFiles(dir) {
  const files = [];
  const diagnostics = [];
  await walk(dir, files, diagnostics);
  return { files: files.sort(), diagnostics };
}
async function walk(dir, out, diagnostics) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    diagnostics.push({ severity: "error", file: dir, message: `cannot read directory (${err.code ?? "error"})` });
    return;
  }
  const subdirs = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) subdirs.push(full);
    else if ((entry.isFile() || entry.isSymbolicLink()) && POLICY_EXT.test(entry.name)) out.push(full);
  }
  for (const sub of subdirs) await walk(sub, out, diagnostics);
}
function defaultPolicyId(file, root, cwd) {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (!rel.startsWith("..") && !path.isAbsolute(rel)) return toPosix(rel);
  if (root) return toPosix(path.join(path.basename(path.resolve(cwd, root)), path.relative(path.resolve(cwd, root), abs)));
  return path.basename(abs);
}
function toPosix(p) {
  return p.split(path.sep).join("/");
}
function loadPolicyFile(pf, cwd) {
  const { file } = pf;
  const tooLarge = sizeProblem(file, LIMITS.policyFile, "policy file");
  if (tooLarge) return { definitions: [], diagnostics: [tooLarge] };
  const read = readSourceFileSync(file);
  if (read.text === void 0) return { definitions: [], diagnostics: read.diagnostics };
  return parsePolicyText(read.text, file, defaultPolicyId(file, pf.root, cwd));
}
function parsePolicyText(text, file, defaultPolicy) {
  const doc = parseLocated(text, file);
  const diagnostics = [...doc.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { definitions: [], diagnostics };
  const value = doc.value;
  if (value === null || value === void 0) {
    diagnostics.push({ severity: "warning", file, line: 1, column: 1, message: "empty policy file: it holds no rules" });
    return { definitions: [], diagnostics };
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    diagnostics.push({
      severity: "error",
      file,
      line: 1,
      column: 1,
      message: "a policy file must be a mapping: one rule (with `id`) or `rules: [...]` with an optional `policy:` id"
    });
    return { definitions: [], diagnostics };
  }
  const definitions = [];
  const record = value;
  let policyId = defaultPolicy;
  let entries;
  if ("rules" in record) {
    const parsed = PolicyFileSchema.safeParse(record, { reportInput: true });
    if (!parsed.success) {
      diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues.filter((i) => i.path[0] !== "rules" || i.path.length === 1), doc.locate, file, { root: record, schema: PolicyFileSchema }));
    } else if (parsed.data.policy) {
      policyId = parsed.data.policy;
    }
    entries = Array.isArray(record.rules) ? record.rules.map((raw, i) => ({ raw, prefix: ["rules", i] })) : [];
  } else {
    entries = [{ raw: record, prefix: [] }];
  }
  let errors = diagnostics.filter((d) => d.severity === "error").length;
  for (const [index, { raw, prefix }] of entries.entries()) {
    if (errors >= MAX_ERRORS_PER_FILE) {
      diagnostics.push({ severity: "error", file, ...doc.locate(prefix), message: `more than ${MAX_ERRORS_PER_FILE} errors: the ${entries.length - index} rules from here on were not checked` });
      break;
    }
    const result = validateRuleSpec(raw, doc, file, prefix);
    for (const d of result.diagnostics) if (d.severity === "error") errors++;
    for (const d of result.diagnostics) diagnostics.push(d);
    if (!result.spec) continue;
    definitions.push(makeDefinition(result.spec, policyId, file, doc, prefix));
  }
  return { definitions, diagnostics };
}
function makeDefinition(spec, policyId, file, doc, prefix) {
  const locate = (p, target) => ({ file, ...doc.locate([...prefix, ...p], target) });
  return { id: spec.id, policyId, file, spec, source: locate([]), locate };
}

// src/policy/precompiled.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path2 from "node:path";
var PACK_SCHEMA = "secpol/builtin-pack@1";
var hashFile = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
var toPosix2 = (p) => p.split(path2.sep).join("/");
function unpackDefinitions(pack, dir, currentFiles, cwd) {
  if (!pack || typeof pack !== "object" || pack.schema !== PACK_SCHEMA) return void 0;
  const { files, definitions } = pack;
  if (currentFiles.length !== Object.keys(files).length) return void 0;
  for (const f of currentFiles) if (files[toPosix2(path2.relative(dir, f))] !== hashFile(f)) return void 0;
  return definitions.map((d) => {
    const file = path2.join(dir, ...d.file.split("/"));
    const locate = (at, target = "value") => {
      for (let n = at.length; n >= 0; n--) {
        const found = d.positions[JSON.stringify([target, ...at.slice(0, n)])] ?? d.positions[JSON.stringify(["value", ...at.slice(0, n)])];
        if (found) return { file, line: found[0], column: found[1] };
      }
      return { file, line: d.source.line, column: d.source.column };
    };
    return { id: d.spec.id, policyId: d.policyId ?? defaultPolicyId(file, dir, cwd), file, spec: d.spec, source: { file, ...d.source }, locate };
  });
}

// src/app/policies.ts
import { readFile } from "node:fs/promises";
async function precompiledBuiltin(cwd) {
  let pack;
  try {
    pack = JSON.parse(await readFile(join(packageRoot(), "dist", "builtin-pack.json"), "utf8"));
  } catch {
    return void 0;
  }
  const dir = builtinPolicyDir();
  const found = await findPolicyFiles(dir);
  return found.diagnostics.length > 0 ? void 0 : unpackDefinitions(pack, dir, found.files, cwd);
}
async function loadPolicySet(sources) {
  const userPaths = sources.paths.map((p) => resolve(sources.cwd, p));
  const paths = [...sources.builtin ? [builtinPolicyDir()] : [], ...userPaths];
  if (paths.length === 0) return { rules: [], diagnostics: [{ severity: "error", message: "no policies: --no-builtin was given and no --policies path" }], files: [] };
  const builtin = sources.builtin ? await precompiledBuiltin(sources.cwd) : void 0;
  const loaded = await loadPolicyFiles(builtin ? userPaths : paths);
  const definitions = [...builtin ?? [], ...loaded.definitions];
  const compiled = compileRules(definitions, sources.overrides, sources.waivers);
  const diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
  if (compiled.rules.length === 0 && !diagnostics.some((d) => d.severity === "error")) {
    const named = sources.paths.map((p) => quote(p)).join(", ");
    return { rules: [], diagnostics: [{ severity: "error", message: `no rules loaded: ${sources.builtin ? "the policies" : `--no-builtin was given and ${named}`} ${sources.paths.length === 1 ? "holds" : "hold"} no rules` }], files: paths };
  }
  return { rules: compiled.rules, diagnostics, files: paths };
}

export {
  loadPolicySet
};
