import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  parseLocated,
  readSourceFile,
  zodIssuesToDiagnostics
} from "./chunk-VPWDGCSL.js";
import {
  severities
} from "./chunk-ZJVLZNFP.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";

// src/app/settings.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname, resolve } from "node:path";

// src/config/load.ts
import { existsSync } from "node:fs";
import path from "node:path";

// src/config/schema.ts
var providerNames = ["local", "github", "gitlab", "azure-devops", "aws", "azure", "snapshot"];
var failOnValues = [...severities, "none"];
var nonEmpty = external_exports.string().min(1, "must not be empty");
var stringList = external_exports.array(nonEmpty);
var RuleOverrideSchema = external_exports.strictObject({
  severity: external_exports.enum(severities).optional(),
  enabled: external_exports.boolean().optional(),
  params: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  resources: external_exports.strictObject({
    include: stringList.optional(),
    exclude: stringList.optional()
  }).optional()
});
var DATE = external_exports.iso.date();
var DATETIME = external_exports.iso.datetime({ offset: true });
var Expiry = external_exports.string().refine((v) => DATE.safeParse(v).success || DATETIME.safeParse(v).success, "must be a date like 2027-01-31 or a timestamp like 2027-01-31T12:00:00Z");
var WaiverSchema = external_exports.strictObject({
  rule: nonEmpty,
  resource: nonEmpty,
  reason: nonEmpty,
  expires: Expiry,
  approvedBy: nonEmpty.optional()
});
var TargetsSchema = external_exports.strictObject({
  repos: external_exports.array(external_exports.string().regex(/^[^/\s]+\/[^\s]+$/, "a repository is owner/name (GitLab: group/subgroup/name)")).optional(),
  githubOrg: nonEmpty.optional(),
  gitlabGroup: nonEmpty.optional(),
  adoOrg: external_exports.url({ error: "must be the organization URL, e.g. https://dev.azure.com/acme" }).optional(),
  adoProject: nonEmpty.optional(),
  /** Repository filters for org/group scans (`owner/name` globs). */
  include: external_exports.array(nonEmpty).optional(),
  exclude: external_exports.array(nonEmpty).optional(),
  includeArchived: external_exports.boolean().optional(),
  includeForks: external_exports.boolean().optional()
});
var ConfigFileSchema = external_exports.strictObject({
  failOn: external_exports.enum(failOnValues).optional(),
  builtin: external_exports.boolean().optional(),
  policies: stringList.optional(),
  providers: external_exports.array(external_exports.enum(providerNames)).optional(),
  state: stringList.optional(),
  targets: TargetsSchema.optional(),
  rules: external_exports.record(external_exports.string(), RuleOverrideSchema).optional(),
  waivers: external_exports.array(WaiverSchema).optional(),
  secrets: external_exports.strictObject({
    allowlist: external_exports.strictObject({
      paths: stringList.optional(),
      fingerprints: stringList.optional()
    }).optional()
  }).optional()
});

// src/config/load.ts
var DEFAULT_CONFIG_FILE = "secpol.yaml";
function emptyConfig(dir) {
  return { dir, policies: [], state: [], targets: {}, overrides: [], waivers: [], secrets: { allowlist: { paths: [], fingerprints: [] } } };
}
async function loadConfig(file, cwd) {
  let target;
  if (file !== void 0) {
    target = path.resolve(cwd, file);
  } else {
    target = path.join(cwd, DEFAULT_CONFIG_FILE);
    if (!existsSync(target)) return { config: emptyConfig(cwd), diagnostics: [] };
  }
  const relative = path.relative(cwd, target);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : file ?? DEFAULT_CONFIG_FILE;
  const read = await readSourceFile(target);
  if (read.text === void 0) {
    return { diagnostics: read.diagnostics.map((d) => ({ ...d, file: shown, message: `config ${d.message}` })) };
  }
  return parseConfigText(read.text, shown, target);
}
function parseConfigText(text, shown, absolute) {
  const doc = parseLocated(text, shown);
  const diagnostics = [...doc.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const dir = path.dirname(absolute);
  const value = doc.value ?? {};
  const parsed = ConfigFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues, doc.locate, shown, { root: value, schema: ConfigFileSchema }));
    return { diagnostics };
  }
  const data = parsed.data;
  const at = (p, target) => ({ file: shown, ...doc.locate(p, target) });
  if (data.targets?.adoProject !== void 0 && data.targets.adoOrg === void 0) {
    diagnostics.push({ severity: "error", ...at(["targets", "adoProject"], "key"), message: "targets.adoProject needs targets.adoOrg (the organization URL)" });
  }
  const config = emptyConfig(dir);
  config.file = absolute;
  if (data.failOn !== void 0) config.failOn = data.failOn;
  if (data.builtin !== void 0) config.builtin = data.builtin;
  if (data.providers !== void 0) config.providers = [...new Set(data.providers)];
  config.policies = (data.policies ?? []).map((p) => path.resolve(dir, p));
  config.state = (data.state ?? []).map((p) => path.resolve(dir, p));
  if (data.targets) config.targets = { ...data.targets };
  config.secrets = { allowlist: { paths: data.secrets?.allowlist?.paths ?? [], fingerprints: data.secrets?.allowlist?.fingerprints ?? [] } };
  for (const [rule, o] of Object.entries(data.rules ?? {})) {
    const override = { rule, source: at(["rules", rule], "key") };
    if (o.severity !== void 0) override.severity = o.severity;
    if (o.enabled !== void 0) override.enabled = o.enabled;
    if (o.params !== void 0) override.params = o.params;
    if (o.resources !== void 0) {
      override.resources = {};
      if (o.resources.include !== void 0) override.resources.include = o.resources.include;
      if (o.resources.exclude !== void 0) override.resources.exclude = o.resources.exclude;
    }
    config.overrides.push(override);
  }
  (data.waivers ?? []).forEach((w, i) => {
    const waiver = { rule: w.rule, resource: w.resource, reason: w.reason, expires: w.expires, source: at(["waivers", i]) };
    if (w.approvedBy !== void 0) waiver.approvedBy = w.approvedBy;
    config.waivers.push(waiver);
  });
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { config, diagnostics };
}

// src/app/origin.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
async function gitOriginUrl(path2) {
  try {
    const { stdout } = await execFileAsync("git", ["-C", path2, "config", "--get", "remote.origin.url"], { timeout: 5e3 });
    const url = stdout.trim();
    return url ? stripCredentials(url) : void 0;
  } catch {
    return void 0;
  }
}
function stripCredentials(url) {
  return url.replace(/^(\w+:\/\/)[^/@]*@/, "$1");
}
function originPlatform(url, env) {
  const host = hostOf(url);
  if (!host) return void 0;
  const hostOfEnv = (name) => env[name] ? hostOf(env[name]) : void 0;
  if (host === "github.com" || host === hostOfEnv("GITHUB_SERVER_URL") || host === hostOfEnv("GITHUB_API_URL")) return "github";
  if (host === "dev.azure.com" || host.endsWith(".visualstudio.com") || host === "ssh.dev.azure.com" || host === hostOfEnv("SYSTEM_COLLECTIONURI"))
    return "azure-devops";
  if (host === "gitlab.com" || host === hostOfEnv("CI_SERVER_URL") || host === hostOfEnv("GITLAB_URL")) return "gitlab";
  return void 0;
}
function hostOf(url) {
  const scp = /^[^@/]+@([^:/]+):/.exec(url);
  if (scp) return scp[1].toLowerCase();
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return void 0;
  }
}

// src/app/settings.ts
var FAIL_ON = [...severities, "none"];
async function loadSettings(options, deps) {
  const path2 = resolve(deps.cwd, options.path ?? ".");
  if (!existsSync2(path2)) throw new UserError([{ severity: "error", file: options.path ?? ".", message: "no such file or directory" }]);
  const explicitConfig = options.config ? resolve(deps.cwd, options.config) : void 0;
  const defaultConfig = resolve(path2, "secpol.yaml");
  const configFile = explicitConfig ?? (existsSync2(defaultConfig) ? defaultConfig : void 0);
  const loaded = configFile ? await loadConfig(configFile, deps.cwd) : { config: void 0, diagnostics: [] };
  const config = loaded.config;
  const base = configFile ? dirname(configFile) : deps.cwd;
  const fromConfig = (paths) => (paths ?? []).map((p) => resolve(base, p));
  const failOn = options.failOn ?? config?.failOn ?? "high";
  if (!FAIL_ON.includes(failOn)) {
    throw new UserError(`--fail-on must be one of ${FAIL_ON.join(", ")} (got '${String(options.failOn)}')`);
  }
  const targets = config?.targets ?? {};
  const repos = [...options.repo ?? [], ...options.repo?.length ? [] : targets.repos ?? []];
  const spec = {
    path: path2,
    repos,
    githubOrg: options.githubOrg ?? targets.githubOrg,
    gitlabGroup: options.gitlabGroup ?? targets.gitlabGroup,
    adoOrg: options.adoOrg ?? targets.adoOrg,
    adoProject: options.adoProject ?? targets.adoProject,
    stateFiles: [...(options.state ?? []).map((p) => resolve(deps.cwd, p)), ...fromConfig(config?.state)],
    providers: options.provider?.length ? options.provider : config?.providers ?? [],
    originUrl: await gitOriginUrl(path2),
    noCache: options.cache === false,
    explicit: false,
    include: options.include ?? targets.include,
    exclude: options.exclude ?? targets.exclude,
    includeArchived: options.includeArchived ?? targets.includeArchived,
    includeForks: options.includeForks ?? targets.includeForks
  };
  spec.secretAllowlist = {
    paths: config?.secrets?.allowlist?.paths ?? [],
    fingerprints: config?.secrets?.allowlist?.fingerprints ?? []
  };
  spec.explicit = repos.length > 0 || !!spec.githubOrg || !!spec.gitlabGroup || !!spec.adoOrg;
  return {
    spec,
    failOn,
    builtin: options.builtin !== false && config?.builtin !== false,
    policyPaths: [...(options.policies ?? []).map((p) => resolve(deps.cwd, p)), ...fromConfig(config?.policies)],
    overrides: config?.overrides ?? [],
    waivers: config?.waivers ?? [],
    configFile,
    diagnostics: loaded.diagnostics
  };
}

// src/providers/registry.ts
var providerLoaders = {
  snapshot: async () => (await import("./snapshot-BK7XAARV.js")).snapshotProvider,
  local: async () => (await import("./local-DZAOLUX3.js")).localProvider,
  github: async () => (await import("./github-DI2N3OJP.js")).githubProvider,
  gitlab: async () => (await import("./gitlab-VD3PWQRB.js")).gitlabProvider,
  "azure-devops": async () => (await import("./azure-devops-DDCZWFW7.js")).azureDevOpsProvider
};
var providerNames2 = Object.keys(providerLoaders);

// src/app/plan.ts
var TOKEN_VARS = {
  github: ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_APP_PRIVATE_KEY"],
  gitlab: ["GITLAB_TOKEN"],
  "azure-devops": ["AZURE_DEVOPS_TOKEN", "AZURE_DEVOPS_EXT_PAT", "SYSTEM_ACCESSTOKEN"]
};
function hasToken(provider, env) {
  return TOKEN_VARS[provider].some((name) => !!env[name]);
}
function selectProviders(spec, env) {
  if (spec.providers.length > 0) {
    const unknown = spec.providers.filter((p) => !providerNames2.includes(p));
    if (unknown.length > 0) {
      throw new UserError(`unknown provider ${unknown.map((u) => `'${u}'`).join(", ")}; known: ${providerNames2.join(", ")}`);
    }
    const chosen2 = [...new Set(spec.providers)];
    if (spec.stateFiles.length > 0 && !chosen2.includes("snapshot")) chosen2.push("snapshot");
    return chosen2;
  }
  const chosen = [];
  if (spec.stateFiles.length > 0) chosen.push("snapshot");
  if (spec.repos.length > 0 || spec.githubOrg) chosen.push("github");
  if (spec.gitlabGroup) chosen.push("gitlab");
  if (spec.adoOrg || spec.adoProject) chosen.push("azure-devops");
  if (chosen.length > 0) return chosen;
  chosen.push("local");
  const platform = spec.originUrl ? originPlatform(spec.originUrl, env) : void 0;
  if (platform && hasToken(platform, env)) chosen.push(platform);
  return chosen;
}

export {
  providerLoaders,
  gitOriginUrl,
  originPlatform,
  loadSettings,
  hasToken,
  selectProviders
};
