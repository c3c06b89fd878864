import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  require_dist
} from "./chunk-BM5TH3ZM.js";
import {
  __toESM
} from "./chunk-W373M6OA.js";

// src/providers/analysis/image-builds.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/providers/analysis/build-commands.ts
import { posix } from "node:path";
var OCI_PREFIX = "org.opencontainers.image.";
var BUILD_COMMAND = /(?:^|[\s;&|(])((?:sudo\s+)?(?:docker|podman)\s+(?:buildx\s+build|image\s+build|build|buildx\s+bake)|buildah\s+(?:bud|build(?:-using-dockerfile)?)|\S*\/kaniko\/executor)\b/;
var WORKSPACE_PREFIX = /^(\$CI_PROJECT_DIR|\$\{CI_PROJECT_DIR\}|\$\(Build\.SourcesDirectory\)|\$\(System\.DefaultWorkingDirectory\)|\$\(Pipeline\.Workspace\)\/s|\$\{\{\s*github\.workspace\s*\}\}|\$GITHUB_WORKSPACE|\$\{GITHUB_WORKSPACE\})(\/|$)/;
function labelledBuildsInScript(script) {
  return buildsInScript(script).filter((b) => b.labelKeys.length > 0);
}
function buildsInScript(script) {
  const out = [];
  const lines = script.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let command = lines[i];
    const start = i;
    while (/[\\`]\s*$/.test(command) && i + 1 < lines.length) command = command.replace(/[\\`]\s*$/, " ") + lines[++i];
    const m = BUILD_COMMAND.exec(command);
    if (!m) continue;
    const tool = m[1].replace(/^sudo\s+/, "").replace(/\s+/g, " ");
    const args = tokens(command.slice(m.index + m[0].length));
    const build = parseArgs(tool, args);
    const result = { labelKeys: build.labelKeys, via: `${tool.replace(/^\S*\/kaniko\/executor$/, "kaniko executor")} --label`, lineOffset: start };
    if (build.dockerfile !== void 0) result.dockerfile = build.dockerfile;
    out.push(result);
  }
  return out;
}
function parseArgs(tool, args) {
  const keys = /* @__PURE__ */ new Set();
  let file;
  let context;
  const kaniko = /executor$/.test(tool);
  const bake = /bake$/.test(tool);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (/^[;&|)]/.test(arg)) break;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    const value = () => inline ?? args[++i];
    if (flag === "--label" || flag === "-l" && !bake) {
      const key = labelKey(value());
      if (key) keys.add(key);
    } else if (bake && flag === "--set") {
      const m = /^[^.=]+\.labels\.(org\.opencontainers\.image\.[\w.-]+)=/.exec(value() ?? "");
      if (m) keys.add(m[1]);
    } else if (flag === "-f" || flag === "--file" || flag === "--dockerfile") {
      file = value();
    } else if (flag === "--context" && kaniko) {
      context = value()?.replace(/^dir:\/\//, "");
    } else if (arg.startsWith("-")) {
      if (inline === void 0 && TAKES_VALUE.has(flag) && i + 1 < args.length) i++;
    } else if (context === void 0 && !kaniko && !bake) {
      context = arg;
    }
  }
  const out = { labelKeys: [...keys].sort() };
  const dockerfile = bake ? void 0 : resolveDockerfile(file, context, kaniko);
  if (dockerfile !== void 0) out.dockerfile = dockerfile;
  return out;
}
var TAKES_VALUE = /* @__PURE__ */ new Set(["-t", "--tag", "--build-arg", "--target", "--platform", "--cache-from", "--cache-to", "--secret", "--ssh", "--network", "--output", "-o", "--progress", "--builder", "--iidfile", "--metadata-file", "--annotation", "--destination", "-d", "--add-host", "--shm-size", "--ulimit", "--build-context", "--attest", "--provenance", "--sbom"]);
function labelKey(label) {
  const key = label?.split("=")[0]?.trim();
  return key && key.startsWith(OCI_PREFIX) && key.length > OCI_PREFIX.length ? key : void 0;
}
function resolveDockerfile(file, context, fileRelativeToContext = false) {
  const ctx = context === void 0 ? void 0 : repoPath(context);
  if (file !== void 0) {
    if (file === "-") return void 0;
    const f = repoPath(file);
    if (f === void 0) return void 0;
    if (fileRelativeToContext && !WORKSPACE_PREFIX.test(file)) return ctx === void 0 ? void 0 : normalise(posix.join(ctx, f));
    return f;
  }
  if (ctx === void 0) return void 0;
  return normalise(posix.join(ctx, "Dockerfile"));
}
function repoPath(raw) {
  const stripped = raw.replace(WORKSPACE_PREFIX, "").replace(/^\.?\//, "") || ".";
  if (/[$`{}]|:\/\//.test(stripped) || posix.isAbsolute(stripped)) return void 0;
  const p = normalise(stripped);
  return p.startsWith("..") ? void 0 : p;
}
function normalise(p) {
  const n = posix.normalize(p);
  return n === "." ? "" : n.replace(/^\.\//, "").replace(/\/$/, "");
}
function tokens(text) {
  const out = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+)/g)) {
    const word = m[1] ?? m[2] ?? m[3] ?? "";
    const last = out[out.length - 1];
    if (last !== void 0 && last.endsWith("=") && m.index > 0 && !/\s/.test(text[m.index - 1])) out[out.length - 1] = last + word;
    else out.push(word);
  }
  return out;
}

// src/providers/analysis/yaml-ast.ts
var import_yaml = __toESM(require_dist(), 1);
function parseYaml(text) {
  const lineCounter = new import_yaml.LineCounter();
  let documents;
  try {
    documents = (0, import_yaml.parseAllDocuments)(text, { lineCounter, prettyErrors: false, strict: false, uniqueKeys: false });
  } catch (err) {
    return { ok: false, error: { line: 1, column: 1, message: `cannot be parsed (${err instanceof RangeError ? "nested too deeply" : "parser error"})` } };
  }
  const docs = Array.isArray(documents) ? documents : [];
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const pos = lineCounter.linePos(err.pos[0]);
      return { ok: false, error: { line: pos.line, column: pos.col, message: firstLine(err.message) } };
    }
  }
  for (const d of docs) {
    const dup = duplicateKey(d.contents);
    if (dup) {
      const pos = lineCounter.linePos(dup.offset);
      return { ok: false, error: { line: pos.line, column: pos.col, message: `Map keys must be unique ("${dup.key}" repeats)` } };
    }
  }
  const doc = docs[docs.length - 1] ?? (0, import_yaml.parseAllDocuments)("{}")[0];
  const line = (node) => {
    const range = node?.range;
    return range ? lineCounter.linePos(range[0]).line : void 0;
  };
  const position = (node) => {
    const range = node?.range;
    if (!range) return void 0;
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  return { ok: true, source: { doc, line, position }, documents: docs };
}
function duplicateKey(root) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if ((0, import_yaml.isMap)(node)) {
      const seen = /* @__PURE__ */ new Set();
      for (const pair of node.items) {
        const key = pair.key;
        if ((0, import_yaml.isScalar)(key)) {
          const text = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(text)) return { key: String(key.value).slice(0, 80), offset: key.range?.[0] ?? 0 };
          seen.add(text);
        }
        stack.push(pair.value);
      }
    } else if ((0, import_yaml.isSeq)(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return void 0;
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
function deref(src, node) {
  let current = node;
  for (let i = 0; i < 20 && (0, import_yaml.isAlias)(current); i++) current = current.resolve(src.doc);
  return current;
}
function asMap(src, node) {
  const n = deref(src, node);
  return (0, import_yaml.isMap)(n) ? n : void 0;
}
function asSeqItems(src, node) {
  const n = deref(src, node);
  return (0, import_yaml.isSeq)(n) ? n.items.map((i) => deref(src, i)) : void 0;
}
function scalarText(src, node) {
  const n = deref(src, node);
  if (!(0, import_yaml.isScalar)(n) || n.value === null || n.value === void 0) return void 0;
  return typeof n.value === "string" ? n.value : String(n.value);
}
function entries(src, node, mergeDepth = 0) {
  const map = asMap(src, node);
  if (!map) return [];
  const out = [];
  for (const pair of map.items) {
    const key = scalarText(src, pair.key);
    if (key === void 0) continue;
    if (key === "<<") {
      if (mergeDepth >= 8) continue;
      const merged = deref(src, pair.value);
      const sources = (0, import_yaml.isSeq)(merged) ? merged.items : [merged];
      for (const s of sources) for (const e of entries(src, s, mergeDepth + 1)) if (!out.some((o) => o.key === e.key)) out.push(e);
      continue;
    }
    out.push({ key, keyNode: pair.key, value: deref(src, pair.value) });
  }
  return out;
}
function get(src, node, key) {
  return entries(src, node).find((e) => e.key === key)?.value;
}
function getEntry(src, node, key) {
  return entries(src, node).find((e) => e.key === key);
}

// src/providers/analysis/image-builds.ts
var METADATA_ACTION_LABELS = ["created", "description", "licenses", "revision", "source", "title", "url", "version"].map((k) => OCI_PREFIX + k);
function buildsInScriptNode(src, node, path) {
  const n = deref(src, node);
  const items = (0, import_yaml2.isSeq)(n) ? n.items.flatMap((i) => (0, import_yaml2.isSeq)(deref(src, i)) ? deref(src, i).items : [i]) : [n];
  const out = [];
  for (const raw of items) {
    const item = deref(src, raw);
    if (!(0, import_yaml2.isScalar)(item) || typeof item.value !== "string") continue;
    const pos = src.position(item);
    const block = item.type === import_yaml2.Scalar.BLOCK_LITERAL || item.type === import_yaml2.Scalar.BLOCK_FOLDED;
    for (const b of labelledBuildsInScript(item.value)) {
      const build = { labelKeys: b.labelKeys, via: b.via };
      if (b.dockerfile !== void 0) build.dockerfile = b.dockerfile;
      if (path !== void 0) build.path = path;
      if (pos) {
        build.line = pos.line + b.lineOffset + (block ? 1 : 0);
        if (!block && b.lineOffset === 0) build.column = pos.column;
      }
      out.push(build);
    }
  }
  return out;
}
function uniqueBuilds(builds) {
  const seen = /* @__PURE__ */ new Set();
  return builds.filter((b) => {
    const key = `${b.path ?? ""}:${b.line ?? ""}:${b.column ?? ""}:${b.via}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function labelKeysInInput(text) {
  const keys = /* @__PURE__ */ new Set();
  for (const line of (text ?? "").split("\n")) {
    const key = line.split("=")[0].trim();
    if (key.startsWith(OCI_PREFIX) && key.length > OCI_PREFIX.length) keys.add(key);
  }
  return [...keys];
}
function applyCiImageLabels(images, pipelines) {
  const fallback = images.find((i) => i.path === "Dockerfile") ?? (images.length === 1 ? images[0] : void 0);
  for (const pipeline of pipelines) {
    for (const build of pipeline.imageBuilds ?? []) {
      const image = (build.dockerfile !== void 0 ? images.find((i) => i.path === build.dockerfile) : void 0) ?? fallback;
      if (!image?.labelKeys) continue;
      const path = build.path ?? pipeline.path ?? pipeline.name;
      const where = `${path}${build.line ? `:${build.line}` : ""}${build.column ? `:${build.column}` : ""}`;
      image.labels ??= {};
      for (const key of build.labelKeys) {
        if (image.labelKeys.includes(key)) continue;
        image.labelKeys.push(key);
        image.labels[key] = `set at build time by ${where}`;
      }
      const entry = { name: `${where} (${build.via})`, keys: build.labelKeys, via: build.via, path };
      if (build.line) entry.line = build.line;
      if (build.column) entry.column = build.column;
      (image.labelsFromCi ??= []).push(entry);
    }
  }
}

// src/providers/analysis/pipeline-detect.ts
import { posix as posix2 } from "node:path";
var TOP_LEVEL_BODY = /^(stages|jobs|steps|extends):/m;
var AZURE_MARKER = /^\s*-\s*(task|stage|job|deployment|checkout|pwsh|powershell)\s*:|^\s+vmImage\s*:|^extends:\s*\n\s+template\s*:|^(trigger|pr):/m;
function looksLikeAzurePipeline(path, text) {
  if (!/\.ya?ml$/i.test(path) || /^\.github\//.test(path) || /(^|\/)\.gitlab-ci\.ya?ml$/.test(path)) return false;
  return TOP_LEVEL_BODY.test(text) && AZURE_MARKER.test(text);
}
function azureTemplateRefs(path, text) {
  const out = [];
  for (const m of text.matchAll(/^\s*(?:-\s*)?template\s*:\s*['"]?([^'"#\s]+)/gm)) {
    const ref = m[1];
    if (ref.includes("@") && !ref.endsWith("@self") || ref.includes("$")) continue;
    const rel = ref.replace(/@self$/, "");
    out.push(rel.startsWith("/") ? rel.slice(1) : posix2.normalize(posix2.join(posix2.dirname(path), rel)));
  }
  return out;
}
function isComposePath(path) {
  return /(^|\/)(docker-)?compose(\.[^/]+)?\.ya?ml$/i.test(path);
}
function referencedDockerfiles(path, text) {
  const out = [];
  const dir = posix2.dirname(path);
  if (isComposePath(path)) {
    for (const m of text.matchAll(/^(\s*)build\s*:\s*(?:\{([^}]*)\}|\n((?:\1\s+.*\n?)+))/gm)) {
      const body = m[2] ?? m[3] ?? "";
      const context = /context\s*:\s*['"]?([^'",}\s]+)/.exec(body)?.[1] ?? ".";
      const dockerfile = /dockerfile\s*:\s*['"]?([^'",}\s]+)/.exec(body)?.[1];
      if (dockerfile && !dockerfile.includes("$")) out.push(posix2.normalize(posix2.join(dir, context, dockerfile)));
    }
  }
  for (const build of buildsInScript(text)) if (build.dockerfile) out.push(build.dockerfile);
  return out.filter((p) => !p.startsWith("../") && !posix2.isAbsolute(p));
}

// src/providers/analysis/azure-pipelines.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/providers/analysis/scans-catalogue.ts
var scanCategories = ["sast", "dependency", "container", "iac", "secrets"];
var trivyCategories = (scanType, scanners) => {
  const type = (scanType ?? "image").toLowerCase();
  if (type === "config") return ["iac"];
  const enabled = (scanners ?? (type === "image" ? "vuln,secret" : "vuln,secret")).toLowerCase();
  const cats = [];
  if (type === "image") cats.push("container");
  else if (enabled.includes("vuln")) cats.push("dependency");
  if (enabled.includes("secret")) cats.push("secrets");
  if (enabled.includes("misconfig") || enabled.includes("config")) cats.push("iac");
  return cats;
};
var githubActionScanners = [
  { action: "github/codeql-action/analyze", categories: ["sast"] },
  { action: "github/codeql-action/init", categories: ["sast"] },
  { action: "returntocorp/semgrep-action", categories: ["sast"] },
  { action: "semgrep/semgrep-action", categories: ["sast"] },
  { action: "sonarsource/sonarcloud-github-action", categories: ["sast"] },
  { action: "sonarsource/sonarqube-scan-action", categories: ["sast"] },
  { action: "bearer/bearer-action", categories: ["sast"] },
  { action: "checkmarx/ast-github-action", categories: ["sast", "dependency"] },
  { action: "shiftleftsecurity/scan-action", categories: ["sast", "dependency"] },
  { action: "snyk/actions/iac", categories: ["iac"] },
  { action: "snyk/actions/docker", categories: ["container"] },
  {
    action: "snyk/actions",
    categories: (inputs) => (inputs.command ?? "").includes("code") ? ["sast"] : ["dependency"]
  },
  {
    action: "microsoft/security-devops-action",
    categories: (inputs) => msdoCategories(inputs.categories, inputs.tools)
  },
  { action: "actions/dependency-review-action", categories: ["dependency"] },
  { action: "google/osv-scanner-action", categories: ["dependency"] },
  { action: "dependency-check/dependency-check_action", categories: ["dependency"] },
  { action: "pypa/gh-action-pip-audit", categories: ["dependency"] },
  { action: "golang/govulncheck-action", categories: ["dependency"] },
  { action: "actions-rust-lang/audit", categories: ["dependency"] },
  { action: "rustsec/audit-check", categories: ["dependency"] },
  { action: "aquasecurity/trivy-action", categories: (inputs) => trivyCategories(inputs["scan-type"], inputs.scanners) },
  {
    action: "anchore/scan-action",
    categories: (inputs) => inputs.image ? ["container"] : ["dependency"]
  },
  { action: "docker/scout-action", categories: ["container"] },
  { action: "crazy-max/ghaction-container-scan", categories: ["container"] },
  { action: "azure/container-scan", categories: ["container"] },
  { action: "sysdiglabs/scan-action", categories: ["container"] },
  { action: "lacework/lw-scanner-action", categories: ["container"] },
  { action: "bridgecrewio/checkov-action", categories: ["iac"] },
  { action: "aquasecurity/tfsec-action", categories: ["iac"] },
  { action: "aquasecurity/tfsec-sarif-action", categories: ["iac"] },
  { action: "aquasecurity/tfsec-pr-commenter-action", categories: ["iac"] },
  { action: "tenable/terrascan-action", categories: ["iac"] },
  { action: "accurics/terrascan-action", categories: ["iac"] },
  { action: "checkmarx/kics-github-action", categories: ["iac"] },
  { action: "stackrox/kube-linter-action", categories: ["iac"] },
  { action: "gitleaks/gitleaks-action", categories: ["secrets"] },
  { action: "zricethezav/gitleaks-action", categories: ["secrets"] },
  { action: "trufflesecurity/trufflehog", categories: ["secrets"] },
  { action: "gitguardian/ggshield-action", categories: ["secrets"] },
  { action: "gitguardian/ggshield/actions/secret", categories: ["secrets"] },
  { action: "secretlint/secretlint-action", categories: ["secrets"] }
];
function msdoCategories(categories, tools) {
  const out = /* @__PURE__ */ new Set();
  const cats = (categories ?? "").toLowerCase();
  const toolList = (tools ?? "").toLowerCase();
  if (!cats && !toolList) return ["sast", "iac", "container"];
  if (cats.includes("code") || /bandit|eslint|binskim/.test(toolList)) out.add("sast");
  if (cats.includes("iac") || /checkov|terrascan|templateanalyzer/.test(toolList)) out.add("iac");
  if (cats.includes("containers") || /trivy/.test(toolList)) out.add("container");
  if (cats.includes("secrets")) out.add("secrets");
  return [...out];
}
function recogniseAction(uses, inputs) {
  const path = uses.split("@")[0].toLowerCase();
  for (const s of githubActionScanners) {
    if (path === s.action || path.startsWith(`${s.action}/`)) {
      const categories = typeof s.categories === "function" ? s.categories(inputs) : s.categories;
      return { tool: path, categories };
    }
  }
  return void 0;
}
var gitlabTemplateScanners = [
  { template: /^(Security|Jobs)\/SAST\.(latest\.)?gitlab-ci\.yml$/, tool: "SAST.gitlab-ci.yml", categories: ["sast"] },
  { template: /^(Security|Jobs)\/SAST-IaC\.(latest\.)?gitlab-ci\.yml$/, tool: "SAST-IaC.gitlab-ci.yml", categories: ["iac"] },
  {
    template: /^(Security|Jobs)\/Dependency-Scanning\.(latest\.|v2\.)?gitlab-ci\.yml$/,
    tool: "Dependency-Scanning.gitlab-ci.yml",
    categories: ["dependency"]
  },
  {
    template: /^(Security|Jobs)\/Container-Scanning\.(latest\.)?gitlab-ci\.yml$/,
    tool: "Container-Scanning.gitlab-ci.yml",
    categories: ["container"]
  },
  {
    template: /^(Security|Jobs)\/Secret-Detection\.(latest\.)?gitlab-ci\.yml$/,
    tool: "Secret-Detection.gitlab-ci.yml",
    categories: ["secrets"]
  },
  {
    template: /^Auto-DevOps\.gitlab-ci\.yml$/,
    tool: "Auto-DevOps.gitlab-ci.yml",
    categories: ["sast", "dependency", "container", "iac", "secrets"]
  }
];
var gitlabComponentScanners = [
  { component: /\/components\/sast\/(sast|iac-sast)@/, categories: ["sast"] },
  { component: /\/components\/sast\/iac-sast@/, categories: ["iac"] },
  { component: /\/components\/secret-detection\//, categories: ["secrets"] },
  { component: /\/components\/dependency-scanning\//, categories: ["dependency"] },
  { component: /\/components\/container-scanning\//, categories: ["container"] }
];
var gitlabScannerJobs = {
  sast: /^(sast|(?!(kics-)?iac-sast$)[a-z0-9-]+-sast)$/,
  iac: /^(iac-sast|kics-iac-sast)$/,
  dependency: /^(dependency[-_]scanning|gemnasium(-maven|-python)?-dependency[-_]scanning)$/,
  container: /^container[-_]scanning$/,
  secrets: /^secret[-_]detection$/
};
var gitlabDisableVariables = {
  SAST_DISABLED: "sast",
  DEPENDENCY_SCANNING_DISABLED: "dependency",
  CONTAINER_SCANNING_DISABLED: "container",
  SECRET_DETECTION_DISABLED: "secrets"
};
var azureTaskScanners = [
  { task: "advancedsecurity-codeql-analyze", categories: ["sast"] },
  { task: "advancedsecurity-codeql-init", categories: ["sast"] },
  // Microsoft's 1ES CodeQL tasks, common in eng/ci pipelines.
  { task: "codeql3000init", categories: ["sast"] },
  { task: "codeql3000finalize", categories: ["sast"] },
  { task: "advancedsecurity-dependency-scanning", categories: ["dependency"] },
  { task: "microsoftsecuritydevops", categories: (inputs) => msdoCategories(inputs.categories, inputs.tools) },
  { task: "credscan", categories: ["secrets"] },
  { task: "sonarqubeanalyze", categories: ["sast"] },
  { task: "sonarcloudanalyze", categories: ["sast"] },
  {
    task: "snyksecurityscan",
    categories: (inputs) => (inputs.testType ?? "").toLowerCase() === "code" ? ["sast"] : (inputs.testType ?? "").toLowerCase() === "container" || inputs.dockerImageName ? ["container"] : ["dependency"]
  },
  { task: "whitesource", categories: ["dependency"] },
  { task: "mend", categories: ["dependency"] },
  { task: "dependency-check-build-task", categories: ["dependency"] },
  { task: "checkmarx ast", categories: ["sast"] },
  { task: "trivy", categories: ["container"] },
  { task: "checkov", categories: ["iac"] }
];
function recogniseAzureTask(task, inputs) {
  const name = task.split("@")[0].trim().toLowerCase();
  for (const s of azureTaskScanners) {
    if (name === s.task) {
      return { tool: task.split("@")[0].trim(), categories: typeof s.categories === "function" ? s.categories(inputs) : s.categories };
    }
  }
  return void 0;
}
var commandScanners = [
  { pattern: /\bcodeql\s+database\s+analyze\b/, tool: "codeql", categories: ["sast"] },
  { pattern: /\bsemgrep\s+(scan|ci|--config)\b/, tool: "semgrep", categories: ["sast"] },
  { pattern: /\bbandit\s+-r\b/, tool: "bandit", categories: ["sast"] },
  { pattern: /\bgosec\s/, tool: "gosec", categories: ["sast"] },
  { pattern: /\bbrakeman\b/, tool: "brakeman", categories: ["sast"] },
  { pattern: /\bsonar-scanner\b/, tool: "sonar-scanner", categories: ["sast"] },
  { pattern: /\bsnyk\s+code\s+test\b/, tool: "snyk code", categories: ["sast"] },
  { pattern: /\bsnyk\s+container\s+test\b/, tool: "snyk container", categories: ["container"] },
  { pattern: /\bsnyk\s+iac\s+test\b/, tool: "snyk iac", categories: ["iac"] },
  { pattern: /\bsnyk\s+test\b/, tool: "snyk", categories: ["dependency"] },
  { pattern: /\b(npm|pnpm|yarn)\s+audit\b/, tool: "npm audit", categories: ["dependency"] },
  { pattern: /\bpip-audit\b/, tool: "pip-audit", categories: ["dependency"] },
  { pattern: /\bsafety\s+(check|scan)\b/, tool: "safety", categories: ["dependency"] },
  { pattern: /\bosv-scanner\b/, tool: "osv-scanner", categories: ["dependency"] },
  { pattern: /\bgovulncheck\b/, tool: "govulncheck", categories: ["dependency"] },
  { pattern: /\bcargo\s+(audit|deny)\b/, tool: "cargo audit", categories: ["dependency"] },
  { pattern: /\bbundle(r-audit|\s+audit)\b/, tool: "bundler-audit", categories: ["dependency"] },
  { pattern: /\bdependency-check(\.sh)?\s/, tool: "dependency-check", categories: ["dependency"] },
  { pattern: /\btrivy\s+(image|i)\s/, tool: "trivy image", categories: ["container"] },
  { pattern: /\btrivy\s+(fs|filesystem|repo|repository|rootfs)\b/, tool: "trivy fs", categories: ["dependency", "secrets"] },
  { pattern: /\btrivy\s+(config|conf)\b/, tool: "trivy config", categories: ["iac"] },
  { pattern: /\bgrype\s+(dir:|\.)/, tool: "grype", categories: ["dependency"] },
  { pattern: /\bgrype\s+(?!dir:|\.)\S/, tool: "grype", categories: ["container"] },
  { pattern: /\bdocker\s+scout\s+(cves|quickview|recommendations)\b/, tool: "docker scout", categories: ["container"] },
  { pattern: /\bcheckov\b/, tool: "checkov", categories: ["iac"] },
  { pattern: /\btfsec\b/, tool: "tfsec", categories: ["iac"] },
  { pattern: /\bterrascan\s+scan\b/, tool: "terrascan", categories: ["iac"] },
  { pattern: /\bkics\s+scan\b/, tool: "kics", categories: ["iac"] },
  { pattern: /\bkube-linter\s+lint\b/, tool: "kube-linter", categories: ["iac"] },
  { pattern: /\bgitleaks\s+(detect|protect|git|dir)\b/, tool: "gitleaks", categories: ["secrets"] },
  { pattern: /\btrufflehog\s+(git|filesystem|github)\b/, tool: "trufflehog", categories: ["secrets"] },
  { pattern: /\bggshield\s+secret\s+scan\b/, tool: "ggshield", categories: ["secrets"] },
  { pattern: /\bsecretlint\b/, tool: "secretlint", categories: ["secrets"] },
  { pattern: /\bdetect-secrets\s+(scan|audit)\b/, tool: "detect-secrets", categories: ["secrets"] }
];
function recogniseCommands(script) {
  const out = [];
  for (const c of commandScanners) if (c.pattern.test(script)) out.push({ tool: c.tool, categories: c.categories });
  return out;
}
var ScanTally = class {
  found = /* @__PURE__ */ new Set();
  tools = /* @__PURE__ */ new Set();
  add(r) {
    if (!r) return;
    this.tools.add(r.tool);
    for (const c of r.categories) this.found.add(c);
  }
  remove(category) {
    this.found.delete(category);
  }
  /** Every category: true when found, false otherwise (or absent when `unknown` says so). */
  scans(unknown = /* @__PURE__ */ new Set()) {
    const out = {};
    for (const c of scanCategories) {
      if (this.found.has(c)) out[c] = true;
      else if (!unknown.has(c)) out[c] = false;
    }
    return out;
  }
};

// src/providers/analysis/pinning.ts
var FULL_SHA = /^[0-9a-fA-F]{40}$/;
var COMMIT_SHA = "a full commit SHA";
var IMAGE_DIGEST = "an image digest (@sha256:...)";
function unpinnedAt(src, node, spec, path) {
  const ref = { uses: spec.uses, kind: spec.kind, pinTo: spec.pinTo };
  if (spec.releaseTag !== void 0) ref.releaseTag = spec.releaseTag;
  if (path !== void 0) ref.path = path;
  const pos = src.position(node);
  if (pos) {
    ref.line = pos.line;
    ref.column = pos.column;
  }
  return ref;
}

// src/providers/analysis/azure-resources.ts
var REMOTE_TYPES = /* @__PURE__ */ new Set(["github", "githubenterprise", "git", "bitbucket"]);
function repositoryResources(src) {
  const out = /* @__PURE__ */ new Map();
  const repos = asSeqItems(src, get(src, get(src, src.doc.contents, "resources"), "repositories")) ?? [];
  for (const item of repos) {
    const aliasEntry = getEntry(src, item, "repository");
    const alias = aliasEntry ? scalarText(src, aliasEntry.value) : void 0;
    if (alias === void 0) continue;
    const type = (scalarText(src, get(src, item, "type")) ?? "").toLowerCase();
    const name = scalarText(src, get(src, item, "name")) ?? alias;
    const refEntry = getEntry(src, item, "ref");
    const ref = refEntry ? scalarText(src, refEntry.value) : void 0;
    const refText = ref === void 0 ? "no ref: the default branch" : `ref: ${ref}`;
    const describe = `${type || "unknown type"} ${name}, ${refText}`;
    const pinned = !REMOTE_TYPES.has(type) || ref !== void 0 && FULL_SHA.test(ref);
    const unpinned = pinned ? void 0 : unpinnedAt(src, refEntry?.value ?? aliasEntry.value, {
      uses: `repository resource ${alias} (${describe})`,
      kind: "repository-resource",
      pinTo: `${COMMIT_SHA} (ref: <sha>)`
    });
    out.set(alias, { alias, unpinned, describe });
  }
  return out;
}
function unpinnedTemplates(uses, resources) {
  const findings = [];
  const undeclared = [];
  for (const use of uses) {
    const at = use.text.lastIndexOf("@");
    if (at < 0) continue;
    const alias = use.text.slice(at + 1).trim();
    if (alias === "self") continue;
    const resource = resources.get(alias);
    if (!resource) {
      undeclared.push(use.text);
      continue;
    }
    if (!resource.unpinned) continue;
    findings.push(
      unpinnedAt(use.src, use.node, { uses: `template ${use.text} (repository resource ${alias}: ${resource.describe})`, kind: "template", pinTo: `${COMMIT_SHA} on repository resource ${alias}` }, use.path)
    );
  }
  return { findings, undeclared };
}

// src/providers/analysis/unresolved.ts
var SHOWN = 3;
function listed(items, name, one, many) {
  const unique = [...new Set(items)];
  if (unique.length === 0) return [];
  if (unique.length === 1) return [`${name(unique[0])} ${one}`];
  const shown = unique.slice(0, SHOWN).map(name).join(", ");
  const more = unique.length > SHOWN ? ` and ${unique.length - SHOWN} more` : "";
  return [`${shown}${more} ${many}`];
}

// src/providers/analysis/secret-names.ts
var SECRET_WORD = /(passw(or)?d|passphrase|(^|[_.-])pwd$|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|client[_.-]?secret|credentials?$|(^|[_.-])auth$|auth[_.-]?token|authorization|basic[_.-]?auth|connection[_.-]?string|conn[_.-]?str|webhook[_.-]?url|dsn$)/i;
var NOT_SECRET_SUFFIX = /(^|[_.-])(file|files|path|dir|name|names|id|url|uri|arn|ref|enabled|disabled|type|length|expiry|expires|ttl|format|mode|location|version|count|provider|endpoint|region|user|username|header|method|policy|scope|scopes|key_id|keyid|required|rotation|hash_algorithm|strategy|audience|issuer)$/i;
function looksLikeSecretName(name) {
  if (!SECRET_WORD.test(name)) return false;
  if (/webhook[_.-]?url$/i.test(name) || /dsn$/i.test(name)) return true;
  return !NOT_SECRET_SUFFIX.test(name);
}
var KNOWN_TOKEN_PATTERNS = [
  { id: "github-token", pattern: /\b(gh[pousr]_[A-Za-z0-9_]{36}|github_pat_[A-Za-z0-9_]{82})\b/ },
  { id: "gitlab-token", pattern: /\bglpat-[A-Za-z0-9_-]{20}\b/ },
  { id: "aws-access-key-id", pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/ },
  { id: "slack-token", pattern: /\bxox[bpaor]-(?:\d-)?(?:[a-zA-Z0-9]{1,40}-)+[a-zA-Z0-9]{1,40}\b/ },
  { id: "stripe-key", pattern: /\b[rs]k_live_[0-9a-zA-Z]{24,99}\b/ },
  { id: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { id: "npm-token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { id: "private-key", pattern: /-----BEGIN[ A-Z]*PRIVATE KEY-----/ }
];
function knownTokenIn(text) {
  for (const { id, pattern } of KNOWN_TOKEN_PATTERNS) if (pattern.test(text)) return id;
  return void 0;
}
function isReference(value) {
  const v = value.trim();
  return v === "" || /^(true|false|yes|no|on|off|null|none|~)$/i.test(v) || /^(\/|\.\.?\/|~\/)[^\s]*$/.test(v) || // a file path (e.g. GOOGLE_APPLICATION_CREDENTIALS, a mounted secret)
  v.includes("${{") || // GitHub expressions, Azure template expressions
  /\$\([\w.-]+\)/.test(v) || // Azure macro $(var)
  /\$\[/.test(v) || // Azure runtime expression
  /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) || // GitLab/shell $VAR or ${VAR}
  /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=?+][^}]*\}$/.test(v);
}

// src/providers/analysis/azure-pipelines.ts
var SCRIPT_KEYS = /* @__PURE__ */ new Set(["script", "bash", "pwsh", "powershell"]);
var MAX_TEMPLATES = 100;
async function analyseAzurePipeline(path, root, readFile) {
  const top = deref(root, root.doc.contents);
  if (!(0, import_yaml3.isMap)(top) && !(0, import_yaml3.isSeq)(top)) return { malformed: "a pipeline must be a mapping", line: root.line(top) ?? 1 };
  const tally = new ScanTally();
  const plaintext = [];
  const unresolved = [];
  const missing = [];
  const seen = /* @__PURE__ */ new Set([path]);
  const templateUses = [];
  const builds = [];
  const walkFile = async (filePath, src, primary, depth) => {
    const templates = [];
    const walk = (node, level) => {
      if (level > 60) return;
      const n = deref(src, node);
      if ((0, import_yaml3.isSeq)(n)) {
        for (const item of n.items) walk(item, level + 1);
        return;
      }
      if (!(0, import_yaml3.isMap)(n)) return;
      const task = scalarText(src, get(src, n, "task"));
      if (task !== void 0) {
        const inputs = {};
        for (const e of entries(src, get(src, n, "inputs"))) {
          const v = scalarText(src, e.value);
          if (v !== void 0) inputs[e.key] = v;
        }
        tally.add(recogniseAzureTask(task, inputs));
        const scriptInput = inputs.script ?? inputs.inlineScript ?? inputs.scriptSource;
        if (scriptInput) for (const r of recogniseCommands(scriptInput)) tally.add(r);
        const inputsNode = get(src, n, "inputs");
        for (const key of ["script", "inlineScript"]) builds.push(...buildsInScriptNode(src, get(src, inputsNode, key), primary ? void 0 : filePath));
        builds.push(...dockerTaskBuilds(src, task, inputsNode, inputs, primary ? void 0 : filePath));
        collectSecrets(src, get(src, n, "inputs"), plaintext, primary ? void 0 : filePath);
      }
      for (const e of entries(src, n)) {
        if (SCRIPT_KEYS.has(e.key)) {
          const script = scalarText(src, e.value);
          if (script) for (const r of recogniseCommands(script)) tally.add(r);
          builds.push(...buildsInScriptNode(src, e.value, primary ? void 0 : filePath));
        } else if (e.key === "template") {
          const t = scalarText(src, e.value);
          if (t) {
            templates.push(t);
            templateUses.push({ text: t, node: e.value, src, path: primary ? void 0 : filePath });
          }
        } else if (e.key === "variables") {
          collectVariables(src, e.value, plaintext, primary ? void 0 : filePath);
        } else if (e.key === "env") {
          collectSecrets(src, e.value, plaintext, primary ? void 0 : filePath);
        }
        if (e.key !== "inputs") walk(e.value, level + 1);
      }
    };
    walk(src.doc.contents, 0);
    for (const t of templates) {
      if (t.includes("@") && !t.endsWith("@self")) {
        unresolved.push(t);
        continue;
      }
      if (t.includes("${{") || t.includes("$(")) {
        unresolved.push(t);
        continue;
      }
      const rel = t.replace(/@self$/, "");
      const target = rel.startsWith("/") ? rel.slice(1) : joinPath(dirname(filePath), rel);
      if (seen.has(target) || seen.size >= MAX_TEMPLATES || depth >= 20) continue;
      seen.add(target);
      const text = readFile ? await readFile(target) : void 0;
      if (text === void 0) {
        missing.push(target);
        continue;
      }
      const parsed = parseYaml(text);
      if (!parsed.ok) {
        missing.push(`${target}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
        continue;
      }
      await walkFile(target, parsed.source, false, depth + 1);
    }
  };
  await walkFile(path, root, true, 0);
  const gaps = {};
  const unknown = /* @__PURE__ */ new Set();
  if (unresolved.length > 0 || missing.length > 0) {
    const why = [
      ...listed(unresolved, (u) => `template ${u}`, "is not in this repository", "are not in this repository"),
      ...listed(missing, (m) => `template ${m}`, "could not be read", "could not be read")
    ].join("; ");
    for (const c of scanCategories) {
      if (tally.found.has(c)) continue;
      unknown.add(c);
      gaps[`scans.${c}`] = { reason: missing.length > 0 ? "not-found" : "unsupported", message: why };
    }
  }
  const facts = { scans: tally.scans(unknown), scanTools: [...tally.tools].sort(), plaintextSecrets: plaintext, imageBuilds: uniqueBuilds(builds) };
  const resources = repositoryResources(root);
  const { findings, undeclared } = unpinnedTemplates(templateUses, resources);
  const unpinned = [...[...resources.values()].flatMap((r) => r.unpinned ? [r.unpinned] : []), ...findings];
  if (unpinned.length > 0 || undeclared.length === 0) facts.unpinnedActions = unpinned;
  else {
    gaps.unpinnedActions = {
      reason: "unsupported",
      message: `template ${undeclared[0]} names a repository resource this file does not declare (the pipeline that uses this template declares it)`
    };
  }
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}
function dockerTaskBuilds(src, task, inputsNode, inputs, path) {
  if (!/^docker@/i.test(task.trim()) || !/^(build|buildAndPush)$/i.test(inputs.command ?? "buildAndPush")) return [];
  const args = getEntry(src, inputsNode, "arguments");
  if (!args) return [];
  const keys = [...(inputs.arguments ?? "").matchAll(/--label[\s=]+['"]?(org\.opencontainers\.image\.[\w.-]+)=/g)].map((m) => m[1]);
  if (keys.length === 0) return [];
  const build = { labelKeys: [...new Set(keys)].sort(), via: "Docker@2 task arguments --label" };
  const file = inputs.Dockerfile ?? inputs.dockerfile;
  const dockerfile = file && !/[*?]/.test(file) ? resolveDockerfile(file, void 0) : void 0;
  if (dockerfile !== void 0) build.dockerfile = dockerfile;
  if (path !== void 0) build.path = path;
  const pos = src.position(args.value);
  if (pos) {
    build.line = pos.line;
    build.column = pos.column;
  }
  return [build];
}
function collectVariables(src, node, out, file) {
  const n = deref(src, node);
  if ((0, import_yaml3.isMap)(n)) {
    collectSecrets(src, n, out, file);
    return;
  }
  if (!(0, import_yaml3.isSeq)(n)) return;
  for (const item of n.items) {
    const name = scalarText(src, get(src, item, "name"));
    const valueNode = deref(src, get(src, item, "value"));
    if (name === void 0 || !(0, import_yaml3.isScalar)(valueNode) || typeof valueNode.value === "boolean" || valueNode.value === null) continue;
    const text = String(valueNode.value);
    if (isReference(text)) continue;
    if (looksLikeSecretName(name) || knownTokenIn(text)) out.push({ key: file ? `${file}: ${name}` : name, line: src.line(item) });
  }
}
function collectSecrets(src, node, out, file) {
  for (const e of entries(src, node)) {
    const value = deref(src, e.value);
    if (!(0, import_yaml3.isScalar)(value) || typeof value.value === "boolean" || value.value === null) continue;
    const text = String(value.value);
    if (isReference(text)) continue;
    if (looksLikeSecretName(e.key) || knownTokenIn(text)) out.push({ key: file ? `${file}: ${e.key}` : e.key, line: src.line(e.keyNode) });
  }
}
function dirname(p) {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}
function joinPath(dir, rel) {
  const parts = (dir ? `${dir}/${rel}` : rel).split("/");
  const out = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

// src/providers/analysis/dockerfile.ts
function parseDockerfile(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let escape = "\\";
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(lines[i]);
    if (!m) break;
    if (m[1].toLowerCase() === "escape" && (m[2] === "`" || m[2] === "\\")) escape = m[2];
  }
  const out = [];
  while (i < lines.length) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) {
      i++;
      continue;
    }
    const startLine = i + 1;
    let logical = "";
    let current = raw;
    for (; ; ) {
      const stripped = current.replace(/\s+$/, "");
      if (stripped.endsWith(escape) && !stripped.endsWith(escape + escape)) {
        logical += stripped.slice(0, -1);
        i++;
        while (i < lines.length && (lines[i].trim() === "" || lines[i].trim().startsWith("#"))) i++;
        if (i >= lines.length) break;
        current = lines[i];
        continue;
      }
      logical += current;
      i++;
      break;
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(logical);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const args = m[2].trim();
    const heredocs = [];
    if (keyword === "RUN" || keyword === "COPY" || keyword === "ADD") {
      const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
      for (let h = re.exec(args); h; h = re.exec(args)) {
        const stripTabs = h[1] === "-";
        const delimiter = h[3];
        const body = [];
        while (i < lines.length) {
          const l = lines[i];
          i++;
          if ((stripTabs ? l.replace(/^\t+/, "") : l) === delimiter) break;
          body.push(stripTabs ? l.replace(/^\t+/, "") : l);
        }
        heredocs.push({ name: delimiter, body: body.join("\n") });
      }
    }
    out.push({ keyword, args, line: startLine, heredocs });
  }
  return out;
}
function substitute(text, vars, unresolved) {
  return text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced, op, word, bare) => {
    if (all === "\\$") return "$";
    const name = braced ?? bare;
    const value = vars.get(name);
    const set = value !== void 0 && (op?.startsWith(":") ? value !== "" : true);
    if (op === ":-" || op === "-") return set ? value : substitute(word ?? "", vars, unresolved);
    if (op === ":+" || op === "+") return set ? substitute(word ?? "", vars, unresolved) : "";
    if (value === void 0) {
      unresolved?.add(name);
      return all;
    }
    return value;
  });
}
function splitWords(text) {
  const words = [];
  let cur = "";
  let quote = null;
  let has = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quote) {
      if (c === "\\" && quote === '"' && k + 1 < text.length) {
        cur += text[++k];
      } else if (c === quote) quote = null;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === "\\" && k + 1 < text.length) {
      cur += text[++k];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) words.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has || cur) words.push(cur);
  return words;
}
function keyValues(args) {
  const words = splitWords(args);
  if (words.length > 0 && !words[0].includes("=")) {
    const rest = args.replace(/^\s*\S+\s*/, "");
    return [[words[0], splitWords(rest).join(" ")]];
  }
  return words.filter((w) => w.includes("=")).map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]);
}
var SECRET_FILE = /(^|\/)(\.env(\.(?!example$|sample$|template$|dist$)[^/]+)?|id_(rsa|dsa|ecdsa|ed25519)|[^/]*\.(pem|key|p12|pfx|jks|keystore|ppk)|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|credentials(\.json)?|\.aws\/credentials|\.docker\/config\.json|kubeconfig|service[-_]?account[^/]*\.json)$/i;
function analyseDockerfileText(text) {
  const instructions = parseDockerfile(text);
  const globalArgs = /* @__PURE__ */ new Map();
  const stages = [];
  const baseImages = [];
  let stage;
  for (const ins of instructions) {
    if (ins.keyword === "FROM") {
      const words = splitWords(ins.args).filter((w) => !w.startsWith("--"));
      const rawRef = words[0] ?? "";
      const asIndex = words.findIndex((w) => w.toLowerCase() === "as");
      const name = asIndex > 0 ? words[asIndex + 1] : void 0;
      const unresolved = /* @__PURE__ */ new Set();
      const ref = substitute(rawRef, globalArgs, unresolved);
      const parent = stages.find((s) => s.name !== void 0 && s.name.toLowerCase() === ref.toLowerCase());
      const pinning = parent ? "stage" : unresolved.size > 0 || ref === "" ? "unresolved" : pinningOf(ref);
      const entry = { ref: ref || rawRef, pinning, line: ins.line };
      if (name) entry.stage = name;
      baseImages.push(entry);
      stage = {
        index: stages.length,
        line: ins.line,
        vars: new Map(parent ? parent.vars : []),
        labels: { ...parent?.labels ?? {} },
        secrets: [...parent?.secrets ?? []]
      };
      if (name) stage.name = name;
      if (parent) {
        stage.parent = parent;
        if (parent.user) stage.user = parent.user;
      }
      stages.push(stage);
      continue;
    }
    if (!stage) {
      if (ins.keyword === "ARG") for (const [k, v] of argPairs(ins.args)) globalArgs.set(k, v === void 0 ? void 0 : substitute(v, globalArgs));
      continue;
    }
    switch (ins.keyword) {
      case "ARG":
        for (const [k, v] of argPairs(ins.args)) {
          stage.vars.set(k, v !== void 0 ? substitute(v, stage.vars) : stage.vars.get(k) ?? globalArgs.get(k));
          if (looksLikeSecretName(k)) stage.secrets.push({ instruction: "ARG", name: k, line: ins.line });
        }
        break;
      case "ENV":
        for (const [k, v] of keyValues(ins.args)) {
          const value = substitute(v, stage.vars);
          stage.vars.set(k, value);
          if (looksLikeSecretName(k) || knownTokenIn(value)) stage.secrets.push({ instruction: "ENV", name: k, line: ins.line });
        }
        break;
      case "LABEL":
        for (const [k, v] of keyValues(ins.args)) stage.labels[substitute(k, stage.vars)] = substitute(v, stage.vars);
        break;
      case "USER": {
        const unresolved = /* @__PURE__ */ new Set();
        const value = substitute(splitWords(ins.args)[0] ?? "", stage.vars, unresolved);
        stage.user = { value, unresolved: [...unresolved], line: ins.line };
        break;
      }
      case "COPY":
      case "ADD": {
        const words = splitWords(ins.args).filter((w) => !w.startsWith("--"));
        let paths = words;
        const json = ins.args.replace(/^(\s*--\S+\s+)*/, "").trim();
        if (json.startsWith("[")) {
          try {
            const arr = JSON.parse(json);
            if (Array.isArray(arr)) paths = arr.map(String);
          } catch {
          }
        }
        const sources = paths.slice(0, -1);
        const dest = paths[paths.length - 1] ?? "";
        for (const s of sources) {
          if (s.startsWith("<<")) {
            if (SECRET_FILE.test(substitute(dest, stage.vars))) stage.secrets.push({ instruction: ins.keyword, name: dest, line: ins.line });
          } else if (SECRET_FILE.test(substitute(s, stage.vars).replace(/\/+$/, ""))) {
            stage.secrets.push({ instruction: ins.keyword, name: s, line: ins.line });
          }
        }
        break;
      }
      default:
        break;
    }
  }
  const final = stages[stages.length - 1];
  if (!final) return { malformed: "no FROM instruction", line: 1 };
  const facts = {
    baseImages,
    secretsInImage: final.secrets,
    labels: final.labels,
    labelKeys: Object.keys(final.labels),
    location: { path: "", line: final.line }
  };
  const gaps = {};
  if (!final.user) {
    facts.user = null;
    facts.runsAsRoot = true;
  } else if (final.user.unresolved.length > 0) {
    facts.user = final.user.value;
    gaps.runsAsRoot = {
      reason: "unsupported",
      message: `USER is set from build argument ${final.user.unresolved.join(", ")} with no default (line ${final.user.line})`
    };
  } else {
    facts.user = final.user.value;
    facts.runsAsRoot = /^(root|0)(:.*)?$/.test(final.user.value.trim()) || final.user.value.trim() === "";
  }
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}
function argPairs(args) {
  return splitWords(args).map((w) => {
    const eq = w.indexOf("=");
    return eq < 0 ? [w, void 0] : [w.slice(0, eq), w.slice(eq + 1)];
  });
}
function pinningOf(ref) {
  if (ref.toLowerCase() === "scratch") return "scratch";
  if (/@sha256:[0-9a-f]{64}$/i.test(ref)) return "digest";
  const lastSegment = ref.slice(ref.lastIndexOf("/") + 1);
  const colon = lastSegment.indexOf(":");
  if (colon < 0) return "latest";
  return lastSegment.slice(colon + 1) === "latest" ? "latest" : "tag";
}

// src/providers/analysis/github-actions.ts
var import_yaml4 = __toESM(require_dist(), 1);
var UNTRUSTED_INPUT = /\$\{\{\s*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|discussion\.(title|body)|pages\.[^}]*\.page_name|commits\.[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|display_title))|github\.head_ref)\s*\}\}/;
var PR_HEAD_REF = /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number/;
var PR_CHECKOUT_COMMAND = /\bgh\s+pr\s+checkout\b|\bgit\s+(fetch|checkout)\b[^\n]*(pull\/|refs\/pull|\$\{\{\s*github\.(event\.pull_request\.head|head_ref|event\.workflow_run\.head))/;
var PRIVILEGED_TRIGGERS = /* @__PURE__ */ new Set(["pull_request_target", "workflow_run"]);
var UNTRUSTED_TRIGGERS = [
  "pull_request_target",
  "workflow_run",
  "issue_comment",
  "issues",
  "pull_request_review",
  "pull_request_review_comment",
  "discussion",
  "discussion_comment",
  "pull_request",
  "gollum",
  "push"
];
function analyseGithubWorkflow(src) {
  const root = deref(src, src.doc.contents);
  if (!(0, import_yaml4.isMap)(root)) return { malformed: "a workflow must be a mapping", line: src.line(root) ?? 1 };
  const jobsEntry = getEntry(src, root, "jobs");
  if (!jobsEntry || !(0, import_yaml4.isMap)(jobsEntry.value)) return { malformed: "a workflow needs a `jobs` mapping", line: src.line(root) ?? 1 };
  const triggers = readTriggers(src, get(src, root, "on"));
  const tally = new ScanTally();
  const unpinned = [];
  const dangerous = [];
  const plaintext = [];
  const imageBuilds = [];
  const topPermissions = getEntry(src, root, "permissions");
  const topLevel = topPermissions ? describePermissions(src, topPermissions.value) : null;
  const offendingJobs = [];
  collectPlaintext(src, get(src, root, "env"), plaintext);
  for (const job of entries(src, jobsEntry.value)) {
    const jobLine = src.line(job.keyNode);
    const jobPermissions = getEntry(src, job.value, "permissions");
    if (jobPermissions) {
      if (describePermissions(src, jobPermissions.value) === "write-all") {
        offendingJobs.push({ job: job.key, line: src.line(jobPermissions.keyNode) ?? jobLine, why: "permissions: write-all" });
      }
    } else if (topLevel === null) {
      offendingJobs.push({ job: job.key, line: jobLine, why: "no permissions block at the top level or in the job (inherits the default token permissions)" });
    } else if (topLevel === "write-all") {
      offendingJobs.push({ job: job.key, line: jobLine, why: "inherits top-level permissions: write-all" });
    }
    const jobUses = getEntry(src, job.value, "uses");
    const jobUsesText = jobUses ? scalarText(src, jobUses.value) : void 0;
    if (jobUsesText !== void 0) {
      if (!isPinned(jobUsesText)) unpinned.push(unpinnedAt(src, jobUses.value, { uses: jobUsesText, kind: "reusable-workflow", pinTo: COMMIT_SHA }));
      tally.add(recogniseAction(jobUsesText, stringInputs(src, get(src, job.value, "with"))));
      collectPlaintext(src, get(src, job.value, "with"), plaintext);
      collectPlaintext(src, get(src, job.value, "secrets"), plaintext);
    }
    collectPlaintext(src, get(src, job.value, "env"), plaintext);
    const container = get(src, job.value, "container");
    collectPlaintext(src, get(src, container, "env"), plaintext);
    collectPlaintext(src, get(src, container, "credentials"), plaintext, true);
    for (const service of entries(src, get(src, job.value, "services"))) {
      collectPlaintext(src, get(src, service.value, "env"), plaintext);
      collectPlaintext(src, get(src, service.value, "credentials"), plaintext, true);
    }
    const steps = readSteps(src, get(src, job.value, "steps"));
    let prCheckout;
    const metadataSteps = /* @__PURE__ */ new Set();
    for (const step of steps) {
      imageBuilds.push(...imageBuildsOf(src, step, metadataSteps));
      if (step.uses !== void 0) {
        if (!isPinned(step.uses)) unpinned.push(unpinnedAt(src, step.usesNode, actionSpec(step.uses)));
        tally.add(recogniseAction(step.uses, step.inputs));
        if (/^actions\/github-script@/i.test(step.uses) && step.inputs.script) checkInjection(step.inputs.script, step.line, triggers, dangerous);
      }
      if (step.run !== void 0) {
        for (const r of recogniseCommands(step.run)) tally.add(r);
        checkInjection(step.run, step.line, triggers, dangerous);
      }
      collectPlaintext(src, get(src, step.node, "env"), plaintext);
      collectPlaintext(src, get(src, step.node, "with"), plaintext);
      if (prCheckout && (step.run !== void 0 || step.uses !== void 0) && step !== prCheckout) {
        for (const t of triggers.filter((t2) => PRIVILEGED_TRIGGERS.has(t2.name))) {
          if (dangerous.some((d) => d.trigger === t.name && d.line === prCheckout.line)) continue;
          dangerous.push({
            trigger: t.name,
            line: prCheckout.line,
            why: `job "${job.key}" checks out the pull request's code (line ${prCheckout.line ?? "?"}) and then runs it (line ${step.line ?? "?"}) with the ${t.name} token and secrets`
          });
        }
      }
      if (!prCheckout && checksOutPrCode(step)) prCheckout = step;
    }
  }
  const leastPrivilege = offendingJobs.length === 0 && (entries(src, jobsEntry.value).length > 0 || topLevel !== null && topLevel !== "write-all");
  return {
    scans: tally.scans(),
    scanTools: [...tally.tools].sort(),
    tokenPermissions: { leastPrivilege, topLevel, offendingJobs },
    unpinnedActions: unpinned,
    dangerousTriggers: dangerous,
    plaintextSecrets: plaintext,
    imageBuilds
  };
}
function imageBuildsOf(src, step, metadataSteps) {
  if (step.run !== void 0) return buildsInScriptNode(src, get(src, step.node, "run"));
  if (step.uses === void 0) return [];
  const action = step.uses.split("@")[0].toLowerCase();
  if (action === "docker/metadata-action") {
    if (step.id) metadataSteps.add(step.id);
    return [];
  }
  const fromMetadata = (text, output) => [...(text ?? "").matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].some((m) => metadataSteps.has(m[1]) && output.test(m[2]));
  let keys;
  let via;
  let dockerfile;
  if (action === "docker/build-push-action") {
    const metadata = fromMetadata(step.inputs.labels, /^labels$/);
    keys = [.../* @__PURE__ */ new Set([...metadata ? METADATA_ACTION_LABELS : [], ...labelKeysInInput(step.inputs.labels)])];
    via = metadata ? "docker/metadata-action labels into docker/build-push-action" : "docker/build-push-action labels";
    dockerfile = resolveDockerfile(step.inputs.file, step.inputs.context ?? ".");
  } else if (action === "docker/bake-action") {
    const metadata = fromMetadata(step.inputs.files, /^bake-file(-labels)?$/);
    const set = [...(step.inputs.set ?? "").matchAll(/\.labels\.(org\.opencontainers\.image\.[\w.-]+)=/g)].map((m) => m[1]);
    keys = [.../* @__PURE__ */ new Set([...metadata ? METADATA_ACTION_LABELS : [], ...set])];
    via = metadata ? "docker/metadata-action bake file into docker/bake-action" : "docker/bake-action set labels";
  } else {
    return [];
  }
  if (keys.length === 0) return [];
  const build = { labelKeys: keys.sort(), via };
  if (dockerfile !== void 0) build.dockerfile = dockerfile;
  const pos = src.position(step.usesNode);
  if (pos) {
    build.line = pos.line;
    build.column = pos.column;
  }
  return [build];
}
function readTriggers(src, node) {
  const n = deref(src, node);
  if ((0, import_yaml4.isScalar)(n)) return [{ name: String(n.value), line: src.line(n) }];
  if ((0, import_yaml4.isSeq)(n)) return n.items.map((i) => ({ name: scalarText(src, i) ?? "", line: src.line(i) })).filter((t) => t.name);
  return entries(src, n).map((e) => ({ name: e.key, line: src.line(e.keyNode) }));
}
function describePermissions(src, node) {
  const text = scalarText(src, node);
  if (text !== void 0) return text;
  const items = entries(src, node);
  if (items.length === 0) return "{}";
  return items.map((e) => `${e.key}: ${scalarText(src, e.value) ?? "?"}`).join(", ");
}
function actionSpec(uses) {
  return uses.startsWith("docker://") ? { uses, kind: "docker-image", pinTo: IMAGE_DIGEST } : { uses, kind: "action", pinTo: COMMIT_SHA };
}
function isPinned(uses) {
  if (uses.startsWith("./") || uses.startsWith("../")) return true;
  if (uses.startsWith("docker://")) return /@sha256:[0-9a-f]{64}$/i.test(uses);
  const at = uses.lastIndexOf("@");
  return at > 0 && FULL_SHA.test(uses.slice(at + 1));
}
function readSteps(src, node) {
  return (asSeqItems(src, node) ?? []).map((stepNode) => {
    const usesEntry = getEntry(src, stepNode, "uses");
    const run = scalarText(src, get(src, stepNode, "run"));
    const step = { node: stepNode, line: src.line(stepNode), inputs: stringInputs(src, get(src, stepNode, "with")) };
    const uses = usesEntry ? scalarText(src, usesEntry.value) : void 0;
    if (uses !== void 0) {
      step.uses = uses.trim();
      step.usesNode = usesEntry.value;
    }
    if (run !== void 0) step.run = run;
    const id = scalarText(src, get(src, stepNode, "id"));
    if (id !== void 0) step.id = id;
    return step;
  });
}
function stringInputs(src, node) {
  const out = {};
  for (const e of entries(src, node)) {
    const v = scalarText(src, e.value);
    if (v !== void 0) out[e.key] = v;
  }
  return out;
}
function checksOutPrCode(step) {
  if (step.uses && /^actions\/checkout@/i.test(step.uses)) {
    return PR_HEAD_REF.test(step.inputs.ref ?? "") || /pull_request\.head\.repo/.test(step.inputs.repository ?? "");
  }
  return step.run !== void 0 && PR_CHECKOUT_COMMAND.test(step.run);
}
function checkInjection(script, line, triggers, out) {
  const m = UNTRUSTED_INPUT.exec(script);
  if (!m) return;
  const names = triggers.map((t) => t.name);
  const trigger = UNTRUSTED_TRIGGERS.find((t) => names.includes(t)) ?? names[0] ?? "unknown";
  out.push({ trigger, line, why: `script interpolates ${m[0]} (attacker-controlled) directly into code; pass it through env instead` });
}
function collectPlaintext(src, node, out, everyKeyIsSecret = false) {
  for (const e of entries(src, node)) {
    const value = deref(src, e.value);
    if (!(0, import_yaml4.isScalar)(value) || typeof value.value === "boolean" || value.value === null) continue;
    const text = String(value.value);
    if (isReference(text)) continue;
    const secretKey = everyKeyIsSecret ? /pass|token|secret|key/i.test(e.key) : looksLikeSecretName(e.key);
    if (secretKey || knownTokenIn(text)) out.push({ key: e.key, line: src.line(e.keyNode) });
  }
}

// src/providers/analysis/gitlab-ci.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/providers/analysis/gitlab-includes.ts
var import_yaml5 = __toESM(require_dist(), 1);
function includeList(src, node) {
  const n = deref(src, node);
  if (n === void 0 || n === null) return [];
  const items = (0, import_yaml5.isSeq)(n) ? n.items.map((i) => deref(src, i)) : [n];
  return items.map((item) => {
    if ((0, import_yaml5.isScalar)(item)) {
      const s = String(item.value);
      return /^https?:\/\//.test(s) ? { node: item, remote: s } : { node: item, local: s };
    }
    const local = scalarText(src, get(src, item, "local"));
    if (local !== void 0) return { node: item, local };
    const template = scalarText(src, get(src, item, "template"));
    if (template !== void 0) return { node: get(src, item, "template"), template };
    const component = scalarText(src, get(src, item, "component"));
    if (component !== void 0) return { node: get(src, item, "component"), component };
    const project = getEntry(src, item, "project");
    const projectName = project ? scalarText(src, project.value) : void 0;
    if (projectName !== void 0) {
      const ref = getEntry(src, item, "ref");
      const inc = { node: ref?.value ?? project.value, project: projectName };
      const refText = ref ? scalarText(src, ref.value) : void 0;
      if (refText !== void 0) inc.ref = refText;
      return inc;
    }
    const remote = scalarText(src, get(src, item, "remote"));
    if (remote !== void 0) {
      const inc = { node: get(src, item, "remote"), remote };
      const integrity = scalarText(src, get(src, item, "integrity"));
      if (integrity !== void 0) inc.integrity = integrity;
      return inc;
    }
    return { node: item, other: "of an unknown form" };
  });
}
var FULL_RELEASE = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
var INTEGRITY = /^sha(256|384|512)-[A-Za-z0-9+/=]+$/;
function unpinnedInclude(src, inc, path) {
  if (inc.project !== void 0) {
    if (inc.ref !== void 0 && FULL_SHA.test(inc.ref)) return void 0;
    const ref = inc.ref === void 0 ? "no ref: the default branch" : `ref: ${inc.ref}`;
    return unpinnedAt(src, inc.node, { uses: `include: project ${inc.project} (${ref})`, kind: "include", pinTo: `${COMMIT_SHA} (ref: <sha>)` }, path);
  }
  if (inc.remote !== void 0) {
    if (inc.integrity !== void 0 && INTEGRITY.test(inc.integrity.trim())) return void 0;
    return unpinnedAt(src, inc.node, { uses: `include: remote ${inc.remote}`, kind: "include", pinTo: "a content digest (integrity: sha256-...)" }, path);
  }
  if (inc.component !== void 0) {
    const at = inc.component.lastIndexOf("@");
    const version = at > 0 ? inc.component.slice(at + 1) : "";
    if (FULL_SHA.test(version)) return void 0;
    const releaseTag = FULL_RELEASE.test(version);
    return unpinnedAt(
      src,
      inc.node,
      {
        uses: `include: component ${inc.component}${at > 0 ? "" : " (no version)"}`,
        kind: "component",
        pinTo: releaseTag ? `${COMMIT_SHA} (or a release tag, if the policy accepts them)` : COMMIT_SHA,
        releaseTag
      },
      path
    );
  }
  return void 0;
}

// src/providers/analysis/gitlab-ci.ts
var KNOWN_TEMPLATE_FOLDERS = /^(Security|Jobs|Workflows)\//;
var KEYWORDS = /* @__PURE__ */ new Set([
  "default",
  "include",
  "stages",
  "variables",
  "workflow",
  "image",
  "services",
  "cache",
  "before_script",
  "after_script",
  "types",
  "pages",
  "spec"
]);
var MAX_INCLUDE_DEPTH = 10;
var MAX_INCLUDES = 150;
async function analyseGitlabCi(path, root, readFile) {
  const top = deref(root, root.doc.contents);
  if (top !== null && top !== void 0 && !(0, import_yaml6.isMap)(top)) return { malformed: ".gitlab-ci.yml must be a mapping", line: root.line(top) ?? 1 };
  const tally = new ScanTally();
  const plaintext = [];
  const unresolved = [];
  const missing = [];
  const units = [{ path, src: root }];
  const seen = /* @__PURE__ */ new Set([path]);
  const disabled = /* @__PURE__ */ new Set();
  const unpinned = [];
  const builds = [];
  const scriptsOf = (unit, node) => {
    tallyScripts(unit.src, node, tally);
    builds.push(...buildsInScriptNode(unit.src, node, unit === units[0] ? void 0 : unit.path));
  };
  const visit = async (unit, depth) => {
    const includes = includeList(unit.src, get(unit.src, unit.src.doc.contents, "include"));
    for (const inc of includes) {
      const finding = unpinnedInclude(unit.src, inc, unit === units[0] ? void 0 : unit.path);
      if (finding) unpinned.push(finding);
      if (inc.template) {
        const t = gitlabTemplateScanners.find((s) => s.template.test(inc.template));
        if (t) tally.add({ tool: t.tool, categories: t.categories });
        else if (!KNOWN_TEMPLATE_FOLDERS.test(inc.template)) unresolved.push(`template ${inc.template}`);
      } else if (inc.component) {
        const hits = gitlabComponentScanners.filter((c) => c.component.test(inc.component));
        for (const h of hits) tally.add({ tool: inc.component.replace(/@.*$/, ""), categories: h.categories });
        if (hits.length === 0) unresolved.push(`component ${inc.component}`);
      } else if (inc.local) {
        const localPath = inc.local.replace(/^\/+/, "");
        if (/[*?[]/.test(localPath)) {
          unresolved.push(`local ${inc.local} (wildcard)`);
          continue;
        }
        if (seen.has(localPath) || seen.size >= MAX_INCLUDES || depth >= MAX_INCLUDE_DEPTH) continue;
        seen.add(localPath);
        const text = readFile ? await readFile(localPath) : void 0;
        if (text === void 0) {
          missing.push(localPath);
          continue;
        }
        const parsed = parseYaml(text);
        if (!parsed.ok) {
          missing.push(`${localPath}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
          continue;
        }
        const child = { path: localPath, src: parsed.source };
        units.push(child);
        await visit(child, depth + 1);
      } else if (inc.project !== void 0) {
        unresolved.push(`project ${inc.project}`);
      } else if (inc.remote !== void 0) {
        unresolved.push(`remote ${inc.remote}`);
      } else if (inc.other) {
        unresolved.push(inc.other);
      }
    }
  };
  await visit(units[0], 0);
  const jobs = /* @__PURE__ */ new Map();
  for (const unit of units) {
    for (const e of entries(unit.src, unit.src.doc.contents)) {
      if (!KEYWORDS.has(e.key) && (0, import_yaml6.isMap)(e.value)) jobs.set(e.key, { unit, node: e.value });
    }
    const globalVars = get(unit.src, unit.src.doc.contents, "variables");
    collectVariables2(unit, globalVars, plaintext, unit === units[0]);
    for (const v of entries(unit.src, globalVars)) {
      const cat = gitlabDisableVariables[v.key];
      const value = scalarText(unit.src, (0, import_yaml6.isMap)(v.value) ? get(unit.src, v.value, "value") : v.value);
      if (cat && value && /^(true|1|yes)$/i.test(value.trim())) disabled.add(cat);
    }
    for (const key of ["before_script", "after_script"]) scriptsOf(unit, get(unit.src, unit.src.doc.contents, key));
    const dflt = get(unit.src, unit.src.doc.contents, "default");
    for (const key of ["before_script", "after_script"]) scriptsOf(unit, get(unit.src, dflt, key));
  }
  for (const [name, job] of jobs) {
    collectVariables2(job.unit, get(job.unit.src, job.node, "variables"), plaintext, job.unit === units[0]);
    for (const inc of includeList(job.unit.src, get(job.unit.src, get(job.unit.src, job.node, "trigger"), "include"))) {
      const finding = unpinnedInclude(job.unit.src, inc, job.unit === units[0] ? void 0 : job.unit.path);
      if (finding) unpinned.push(finding);
    }
    if (name.startsWith(".")) continue;
    for (const part of withExtends(jobs, name)) {
      for (const key of ["script", "before_script", "after_script"]) scriptsOf(part.unit, get(part.unit.src, part.node, key));
    }
  }
  for (const cat of disabled) {
    const redeclared = [...jobs].some(([name, job]) => gitlabScannerJobs[cat].test(name) && get(job.unit.src, job.node, "rules") !== void 0);
    if (redeclared && tally.found.has(cat)) disabled.delete(cat);
    else tally.remove(cat);
  }
  const gaps = {};
  const unknown = /* @__PURE__ */ new Set();
  if (unresolved.length > 0 || missing.length > 0) {
    const why = [
      ...listed(unresolved, (u) => `include ${u}`, "is not in this repository (secpol cannot tell which jobs it adds)", "are not in this repository (secpol cannot tell which jobs they add)"),
      ...listed(missing, (m) => `local include ${m}`, "could not be read", "could not be read")
    ].join("; ");
    for (const c of scanCategories) {
      if (tally.found.has(c) || disabled.has(c)) continue;
      unknown.add(c);
      gaps[`scans.${c}`] = { reason: missing.length > 0 ? "not-found" : "unsupported", message: why };
    }
  }
  const facts = { scans: tally.scans(unknown), scanTools: [...tally.tools].sort(), plaintextSecrets: plaintext, unpinnedActions: unpinned, imageBuilds: uniqueBuilds(builds) };
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}
function withExtends(jobs, name) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const walk = (n, depth) => {
    const job = jobs.get(n);
    if (!job || seen.has(n) || depth > 11) return;
    seen.add(n);
    out.push(job);
    const ext = deref(job.unit.src, get(job.unit.src, job.node, "extends"));
    const parents = (0, import_yaml6.isSeq)(ext) ? ext.items.map((i) => scalarText(job.unit.src, i)) : [scalarText(job.unit.src, ext)];
    for (const p of parents) if (p) walk(p, depth + 1);
  };
  walk(name, 0);
  return out;
}
function tallyScripts(src, node, tally) {
  const n = deref(src, node);
  const lines = (0, import_yaml6.isSeq)(n) ? (asSeqItems(src, n) ?? []).flatMap((i) => (0, import_yaml6.isSeq)(i) ? i.items.map((x) => scalarText(src, x)) : [scalarText(src, i)]) : [scalarText(src, n)];
  const script = lines.filter((l) => l !== void 0).join("\n");
  if (script) for (const r of recogniseCommands(script)) tally.add(r);
}
function collectVariables2(unit, node, out, primary) {
  for (const e of entries(unit.src, node)) {
    const valueNode = (0, import_yaml6.isMap)(e.value) ? get(unit.src, e.value, "value") : e.value;
    const value = deref(unit.src, valueNode);
    if (!(0, import_yaml6.isScalar)(value) || typeof value.value === "boolean" || value.value === null) continue;
    const text = String(value.value);
    if (isReference(text) || /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/.test(text)) continue;
    if (looksLikeSecretName(e.key) || knownTokenIn(text)) {
      out.push(primary ? { key: e.key, line: unit.src.line(e.keyNode) } : { key: `${unit.path}: ${e.key}`, line: unit.src.line(e.keyNode) });
    }
  }
}

// src/providers/analysis/index.ts
function pipelinePlatformOf(path) {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return "github-actions";
  if (path === ".gitlab-ci.yml") return "gitlab-ci";
  if (/(^|\/)azure-pipelines[^/]*\.ya?ml$/.test(path)) return "azure-pipelines";
  return void 0;
}
function isDockerfilePath(path) {
  if (/\.(dockerignore|md|txt|rst|json|ya?ml|sh|ps1|py|js|ts|go|j2|tmpl|tpl|erb|template)$/i.test(path)) return false;
  return /(^|\/)(dockerfile|containerfile)(\.[^/]+)?$|\.(dockerfile|containerfile)$/i.test(path);
}
function resourceId(ids, path) {
  return `${ids.idPrefix}${ids.idPrefix.endsWith(":") ? "" : "/"}${path}`;
}
var NOT_APPLICABLE_TO = {
  "gitlab-ci": "GitLab CI",
  "azure-pipelines": "Azure Pipelines"
};
async function analysePipelineFile(file, ids, readFile, platformByContent) {
  const platform = pipelinePlatformOf(file.path) ?? platformByContent ?? "other";
  const pipeline = {
    id: resourceId(ids, file.path),
    kind: "pipeline",
    provider: ids.provider,
    name: file.path,
    platform,
    path: file.path,
    location: { path: file.path, line: 1 }
  };
  if (ids.repository) pipeline.repository = ids.repository;
  const parsed = parseYaml(file.text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    pipeline.location = { path: file.path, line, column };
    pipeline.gaps = { "*": { reason: "malformed", message: `${file.path}:${line}:${column}: ${message}` } };
    return pipeline;
  }
  const src = parsed.source;
  let facts;
  if (platform === "github-actions") facts = analyseGithubWorkflow(src);
  else if (platform === "gitlab-ci") facts = await analyseGitlabCi(file.path, src, readFile);
  else if (platform === "azure-pipelines") facts = await analyseAzurePipeline(file.path, src, readFile);
  else {
    pipeline.gaps = { "*": { reason: "unsupported", message: `${file.path}: not a recognised pipeline definition` } };
    return pipeline;
  }
  if ("malformed" in facts) {
    const line = facts.line ?? 1;
    pipeline.location = { path: file.path, line };
    pipeline.gaps = { "*": { reason: "malformed", message: `${file.path}:${line}:1: ${facts.malformed}` } };
    return pipeline;
  }
  const gaps = { ...facts.gaps ?? {} };
  Object.assign(pipeline, facts);
  if (platform !== "github-actions") {
    const what = NOT_APPLICABLE_TO[platform] ?? platform;
    gaps.tokenPermissions = { reason: "not-applicable", message: `${what} has no per-workflow GITHUB_TOKEN permissions` };
    gaps.dangerousTriggers = { reason: "not-applicable", message: `${what} has no pull_request_target/workflow_run triggers` };
  }
  if (Object.keys(gaps).length > 0) pipeline.gaps = gaps;
  else delete pipeline.gaps;
  return pipeline;
}
async function analyseDockerfile(file, ids) {
  const image = {
    id: resourceId(ids, file.path),
    kind: "container-image",
    provider: ids.provider,
    name: file.path,
    path: file.path,
    location: { path: file.path, line: 1 }
  };
  if (ids.repository) image.repository = ids.repository;
  const facts = analyseDockerfileText(file.text);
  if ("malformed" in facts) {
    image.gaps = { "*": { reason: "malformed", message: `${file.path}:${facts.line ?? 1}:1: ${facts.malformed}` } };
    return image;
  }
  Object.assign(image, facts);
  image.location = { path: file.path, line: facts.location?.line ?? 1 };
  return image;
}
function summariseCiScans(pipelines) {
  const scans = {};
  for (const key of scanCategories) {
    if (pipelines.some((p) => p.scans?.[key] === true)) scans[key] = true;
    else if (pipelines.every((p) => p.scans?.[key] === false)) scans[key] = false;
  }
  return scans;
}
function ciScanGaps(pipelines) {
  const gaps = {};
  const summary = summariseCiScans(pipelines);
  for (const key of scanCategories) {
    if (summary[key] !== void 0) continue;
    const unknown = pipelines.filter((p) => p.scans?.[key] === void 0);
    const reasons = unknown.map((p) => p.gaps?.[`scans.${key}`] ?? p.gaps?.["*"]).filter((g) => g !== void 0);
    const first = reasons[0];
    gaps[`ciScans.${key}`] = {
      reason: first?.reason ?? "error",
      message: `${unknown.map((p) => p.path ?? p.name).join(", ")}: ${first?.message ?? "not analysed"}`
    };
  }
  return gaps;
}
function isIacPath(path) {
  return /\.(tf|tfvars|bicep|tf\.json)$|(^|\/)Chart\.yaml$|(^|\/)(k8s|kubernetes|manifests|helm|charts|kustomize)\/.+\.ya?ml$|(^|\/)kustomization\.ya?ml$|(^|\/)(cloudformation|cfn)\/.+\.(ya?ml|json)$|\.template\.(json|ya?ml)$|(^|\/)(azuredeploy|mainTemplate)\.json$/.test(
    path
  );
}
function isIacContent(path, text) {
  if (/\.ya?ml$/.test(path)) {
    if (/^AWSTemplateFormatVersion\s*:/m.test(text)) return true;
    return /^apiVersion:\s*\S+/m.test(text) && /^kind:\s*(Deployment|StatefulSet|DaemonSet|Pod|Service|Ingress|CronJob|Job|ConfigMap|Secret|Namespace|Role|ClusterRole|RoleBinding|ClusterRoleBinding|ServiceAccount|NetworkPolicy|PersistentVolumeClaim|HorizontalPodAutoscaler)\s*$/m.test(text);
  }
  if (/\.json$/.test(path)) {
    return /"AWSTemplateFormatVersion"\s*:/.test(text) || /"\$schema"\s*:\s*"https:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/.test(text);
  }
  return false;
}

export {
  applyCiImageLabels,
  looksLikeAzurePipeline,
  azureTemplateRefs,
  isComposePath,
  referencedDockerfiles,
  pipelinePlatformOf,
  isDockerfilePath,
  analysePipelineFile,
  analyseDockerfile,
  summariseCiScans,
  ciScanGaps,
  isIacPath,
  isIacContent
};
