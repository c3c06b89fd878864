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

// src/providers/analysis/pipeline-detect.ts
import { posix } from "node:path";
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
    out.push(rel.startsWith("/") ? rel.slice(1) : posix.normalize(posix.join(posix.dirname(path), rel)));
  }
  return out;
}
function isComposePath(path) {
  return /(^|\/)(docker-)?compose(\.[^/]+)?\.ya?ml$/i.test(path);
}
function referencedDockerfiles(path, text) {
  const out = [];
  const dir = posix.dirname(path);
  if (isComposePath(path)) {
    for (const m of text.matchAll(/^(\s*)build\s*:\s*(?:\{([^}]*)\}|\n((?:\1\s+.*\n?)+))/gm)) {
      const body = m[2] ?? m[3] ?? "";
      const context = /context\s*:\s*['"]?([^'",}\s]+)/.exec(body)?.[1] ?? ".";
      const dockerfile = /dockerfile\s*:\s*['"]?([^'",}\s]+)/.exec(body)?.[1];
      if (dockerfile && !dockerfile.includes("$")) out.push(posix.normalize(posix.join(dir, context, dockerfile)));
    }
  }
  for (const m of text.matchAll(/docker(?:\s+buildx)?\s+build\b[^\n]*?\s(?:-f|--file)[\s=]+['"]?([^'"\s;&|]+)/g)) {
    const file = m[1];
    if (!file.includes("$") && file !== "-") out.push(posix.normalize(file.replace(/^\.\//, "")));
  }
  return out.filter((p) => !p.startsWith("../") && !posix.isAbsolute(p));
}

// src/providers/analysis/azure-pipelines.ts
var import_yaml2 = __toESM(require_dist(), 1);

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
  return { ok: true, source: { doc, line }, documents: docs };
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

// src/providers/analysis/azure-pipelines.ts
var SCRIPT_KEYS = /* @__PURE__ */ new Set(["script", "bash", "pwsh", "powershell"]);
var MAX_TEMPLATES = 100;
async function analyseAzurePipeline(path, root, readFile) {
  const top = deref(root, root.doc.contents);
  if (!(0, import_yaml2.isMap)(top) && !(0, import_yaml2.isSeq)(top)) return { malformed: "a pipeline must be a mapping", line: root.line(top) ?? 1 };
  const tally = new ScanTally();
  const plaintext = [];
  const unresolved = [];
  const missing = [];
  const seen = /* @__PURE__ */ new Set([path]);
  const walkFile = async (filePath, src, primary, depth) => {
    const templates = [];
    const walk = (node, level) => {
      if (level > 60) return;
      const n = deref(src, node);
      if ((0, import_yaml2.isSeq)(n)) {
        for (const item of n.items) walk(item, level + 1);
        return;
      }
      if (!(0, import_yaml2.isMap)(n)) return;
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
        collectSecrets(src, get(src, n, "inputs"), plaintext, primary ? void 0 : filePath);
      }
      for (const e of entries(src, n)) {
        if (SCRIPT_KEYS.has(e.key)) {
          const script = scalarText(src, e.value);
          if (script) for (const r of recogniseCommands(script)) tally.add(r);
        } else if (e.key === "template") {
          const t = scalarText(src, e.value);
          if (t) templates.push(t);
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
      ...unresolved.map((u) => `template ${u} is not in this repository`),
      ...missing.map((m) => `template ${m} could not be read`)
    ].join("; ");
    for (const c of scanCategories) {
      if (tally.found.has(c)) continue;
      unknown.add(c);
      gaps[`scans.${c}`] = { reason: missing.length > 0 ? "not-found" : "unsupported", message: why };
    }
  }
  const facts = { scans: tally.scans(unknown), scanTools: [...tally.tools].sort(), plaintextSecrets: plaintext };
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}
function collectVariables(src, node, out, file) {
  const n = deref(src, node);
  if ((0, import_yaml2.isMap)(n)) {
    collectSecrets(src, n, out, file);
    return;
  }
  if (!(0, import_yaml2.isSeq)(n)) return;
  for (const item of n.items) {
    const name = scalarText(src, get(src, item, "name"));
    const valueNode = deref(src, get(src, item, "value"));
    if (name === void 0 || !(0, import_yaml2.isScalar)(valueNode) || typeof valueNode.value === "boolean" || valueNode.value === null) continue;
    const text = String(valueNode.value);
    if (isReference(text)) continue;
    if (looksLikeSecretName(name) || knownTokenIn(text)) out.push({ key: file ? `${file}: ${name}` : name, line: src.line(item) });
  }
}
function collectSecrets(src, node, out, file) {
  for (const e of entries(src, node)) {
    const value = deref(src, e.value);
    if (!(0, import_yaml2.isScalar)(value) || typeof value.value === "boolean" || value.value === null) continue;
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
var import_yaml3 = __toESM(require_dist(), 1);
var FULL_SHA = /^[0-9a-fA-F]{40}$/;
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
  if (!(0, import_yaml3.isMap)(root)) return { malformed: "a workflow must be a mapping", line: src.line(root) ?? 1 };
  const jobsEntry = getEntry(src, root, "jobs");
  if (!jobsEntry || !(0, import_yaml3.isMap)(jobsEntry.value)) return { malformed: "a workflow needs a `jobs` mapping", line: src.line(root) ?? 1 };
  const triggers = readTriggers(src, get(src, root, "on"));
  const tally = new ScanTally();
  const unpinned = [];
  const dangerous = [];
  const plaintext = [];
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
      if (!isPinned(jobUsesText)) unpinned.push({ uses: jobUsesText, line: src.line(jobUses.value), pinTo: pinTarget(jobUsesText) });
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
    for (const step of steps) {
      if (step.uses !== void 0) {
        if (!isPinned(step.uses)) unpinned.push({ uses: step.uses, line: step.usesLine, pinTo: pinTarget(step.uses) });
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
    plaintextSecrets: plaintext
  };
}
function readTriggers(src, node) {
  const n = deref(src, node);
  if ((0, import_yaml3.isScalar)(n)) return [{ name: String(n.value), line: src.line(n) }];
  if ((0, import_yaml3.isSeq)(n)) return n.items.map((i) => ({ name: scalarText(src, i) ?? "", line: src.line(i) })).filter((t) => t.name);
  return entries(src, n).map((e) => ({ name: e.key, line: src.line(e.keyNode) }));
}
function describePermissions(src, node) {
  const text = scalarText(src, node);
  if (text !== void 0) return text;
  const items = entries(src, node);
  if (items.length === 0) return "{}";
  return items.map((e) => `${e.key}: ${scalarText(src, e.value) ?? "?"}`).join(", ");
}
function pinTarget(uses) {
  return uses.startsWith("docker://") ? "an image digest (@sha256:...)" : "a full commit SHA";
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
      step.usesLine = src.line(usesEntry.value);
    }
    if (run !== void 0) step.run = run;
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
    if (!(0, import_yaml3.isScalar)(value) || typeof value.value === "boolean" || value.value === null) continue;
    const text = String(value.value);
    if (isReference(text)) continue;
    const secretKey = everyKeyIsSecret ? /pass|token|secret|key/i.test(e.key) : looksLikeSecretName(e.key);
    if (secretKey || knownTokenIn(text)) out.push({ key: e.key, line: src.line(e.keyNode) });
  }
}

// src/providers/analysis/gitlab-ci.ts
var import_yaml4 = __toESM(require_dist(), 1);
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
  if (top !== null && top !== void 0 && !(0, import_yaml4.isMap)(top)) return { malformed: ".gitlab-ci.yml must be a mapping", line: root.line(top) ?? 1 };
  const tally = new ScanTally();
  const plaintext = [];
  const unresolved = [];
  const missing = [];
  const units = [{ path, src: root }];
  const seen = /* @__PURE__ */ new Set([path]);
  const disabled = /* @__PURE__ */ new Set();
  const visit = async (unit, depth) => {
    const includes = includeList(unit.src, get(unit.src, unit.src.doc.contents, "include"));
    for (const inc of includes) {
      if (inc.template) {
        const t = gitlabTemplateScanners.find((s) => s.template.test(inc.template));
        if (t) tally.add({ tool: t.tool, categories: t.categories });
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
      } else if (inc.other) {
        unresolved.push(inc.other);
      }
    }
  };
  await visit(units[0], 0);
  const jobs = /* @__PURE__ */ new Map();
  for (const unit of units) {
    for (const e of entries(unit.src, unit.src.doc.contents)) {
      if (!KEYWORDS.has(e.key) && (0, import_yaml4.isMap)(e.value)) jobs.set(e.key, { unit, node: e.value });
    }
    const globalVars = get(unit.src, unit.src.doc.contents, "variables");
    collectVariables2(unit, globalVars, plaintext, unit === units[0]);
    for (const v of entries(unit.src, globalVars)) {
      const cat = gitlabDisableVariables[v.key];
      const value = scalarText(unit.src, (0, import_yaml4.isMap)(v.value) ? get(unit.src, v.value, "value") : v.value);
      if (cat && value && /^(true|1|yes)$/i.test(value.trim())) disabled.add(cat);
    }
    for (const key of ["before_script", "after_script"]) tallyScripts(unit.src, get(unit.src, unit.src.doc.contents, key), tally);
    const dflt = get(unit.src, unit.src.doc.contents, "default");
    for (const key of ["before_script", "after_script"]) tallyScripts(unit.src, get(unit.src, dflt, key), tally);
  }
  for (const [name, job] of jobs) {
    collectVariables2(job.unit, get(job.unit.src, job.node, "variables"), plaintext, job.unit === units[0]);
    if (name.startsWith(".")) continue;
    for (const part of withExtends(jobs, name)) {
      for (const key of ["script", "before_script", "after_script"]) tallyScripts(part.unit.src, get(part.unit.src, part.node, key), tally);
    }
  }
  for (const cat of disabled) tally.remove(cat);
  const gaps = {};
  const unknown = /* @__PURE__ */ new Set();
  if (unresolved.length > 0 || missing.length > 0) {
    const why = [
      ...unresolved.map((u) => `include ${u} is not in this repository`),
      ...missing.map((m) => `local include ${m} could not be read`)
    ].join("; ");
    for (const c of scanCategories) {
      if (tally.found.has(c) || disabled.has(c)) continue;
      unknown.add(c);
      gaps[`scans.${c}`] = { reason: missing.length > 0 ? "not-found" : "unsupported", message: why };
    }
  }
  const facts = { scans: tally.scans(unknown), scanTools: [...tally.tools].sort(), plaintextSecrets: plaintext };
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}
function includeList(src, node) {
  const n = deref(src, node);
  if (n === void 0 || n === null) return [];
  const items = (0, import_yaml4.isSeq)(n) ? n.items.map((i) => deref(src, i)) : [n];
  return items.map((item) => {
    if ((0, import_yaml4.isScalar)(item)) {
      const s = String(item.value);
      return /^https?:\/\//.test(s) ? { other: `remote ${s}` } : { local: s };
    }
    const local = scalarText(src, get(src, item, "local"));
    if (local !== void 0) return { local };
    const template = scalarText(src, get(src, item, "template"));
    if (template !== void 0) return { template };
    const component = scalarText(src, get(src, item, "component"));
    if (component !== void 0) return { component };
    const project = scalarText(src, get(src, item, "project"));
    if (project !== void 0) return { other: `project ${project}` };
    const remote = scalarText(src, get(src, item, "remote"));
    if (remote !== void 0) return { other: `remote ${remote}` };
    return { other: "of an unknown form" };
  });
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
    const parents = (0, import_yaml4.isSeq)(ext) ? ext.items.map((i) => scalarText(job.unit.src, i)) : [scalarText(job.unit.src, ext)];
    for (const p of parents) if (p) walk(p, depth + 1);
  };
  walk(name, 0);
  return out;
}
function tallyScripts(src, node, tally) {
  const n = deref(src, node);
  const lines = (0, import_yaml4.isSeq)(n) ? (asSeqItems(src, n) ?? []).flatMap((i) => (0, import_yaml4.isSeq)(i) ? i.items.map((x) => scalarText(src, x)) : [scalarText(src, i)]) : [scalarText(src, n)];
  const script = lines.filter((l) => l !== void 0).join("\n");
  if (script) for (const r of recogniseCommands(script)) tally.add(r);
}
function collectVariables2(unit, node, out, primary) {
  for (const e of entries(unit.src, node)) {
    const valueNode = (0, import_yaml4.isMap)(e.value) ? get(unit.src, e.value, "value") : e.value;
    const value = deref(unit.src, valueNode);
    if (!(0, import_yaml4.isScalar)(value) || typeof value.value === "boolean" || value.value === null) continue;
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
    gaps.unpinnedActions = { reason: "not-applicable", message: `${what} has no marketplace actions to pin` };
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
