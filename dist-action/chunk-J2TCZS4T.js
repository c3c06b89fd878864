import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  gitOriginUrl
} from "./chunk-APWW3CZH.js";
import {
  parseDuration
} from "./chunk-FXNNR3OJ.js";
import {
  configProviders
} from "./chunk-D37RCNAY.js";
import {
  parseLocated,
  readSourceFile,
  zodIssuesToDiagnostics
} from "./chunk-PUCDVRQO.js";
import {
  quote
} from "./chunk-PC4BAM7X.js";
import {
  severities
} from "./chunk-LS7IB64P.js";
import {
  LIMITS,
  sizeProblem
} from "./chunk-7Z2SP4JL.js";
import {
  MAX_SHARDS,
  parseShard
} from "./chunk-TTZMJX2J.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";
import {
  require_picomatch
} from "./chunk-XCJ6UWEH.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";
import {
  __toESM
} from "./chunk-W373M6OA.js";

// src/app/settings.ts
import { existsSync as existsSync3, realpathSync } from "node:fs";
import { dirname as dirname2, relative as relative2, resolve as resolve2 } from "node:path";

// src/config/load.ts
import { existsSync } from "node:fs";
import path from "node:path";

// src/config/waivers.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var DEFAULT_WAIVER_MAX_DAYS = 365;
var WAIVER_MAX_DAYS_LIMIT = 3650;
var DAY_MS = 864e5;
var RULE_PROBES = ["zq9", "zq9.x-y.w_v", "a"];
var RESOURCE_PROBES = ["zq9:x", "zq9:x/y.z/w", "a:1/2/3/4/5/6"];
function matchesEverything(glob, probes) {
  const isMatch = (0, import_picomatch.default)(glob, { dot: true, windows: false });
  return probes.every((p) => isMatch(p));
}
function checkWaivers(waivers, now, maxDays) {
  const kept = [];
  const diagnostics = [];
  const latest = now.getTime() + maxDays * DAY_MS;
  for (const waiver of waivers) {
    const at = waiver.source ?? {};
    if (matchesEverything(waiver.rule, RULE_PROBES) && matchesEverything(waiver.resource, RESOURCE_PROBES)) {
      diagnostics.push({
        severity: "error",
        ...at,
        message: `waiver for rule ${quote(waiver.rule)} on resource ${quote(waiver.resource)} covers every rule on every resource; name the rules or the resources it accepts`
      });
      continue;
    }
    if (Date.parse(waiver.expires) > latest) {
      diagnostics.push({
        severity: "error",
        ...at,
        message: `waiver expires ${quote(waiver.expires)}, more than ${maxDays} days from now (latest ${new Date(latest).toISOString().slice(0, 10)}); waivers must be renewed (waiverMaxDays in secpol.yaml)`
      });
      continue;
    }
    kept.push(waiver);
  }
  return { waivers: kept, diagnostics };
}

// src/config/schema.ts
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
var BaselineSchema = external_exports.union([
  nonEmpty,
  external_exports.strictObject({
    file: nonEmpty,
    maxAge: external_exports.string().refine((v) => parseDuration(v) !== void 0, "must be a duration like 90d, 12w or 6mo").optional()
  })
]);
var NO_PROVIDERS = { names: [], targets: {}, check: () => [] };
function configFileSchema(providers) {
  const own = Object.fromEntries(Object.entries(providers.targets).map(([key, schema]) => [key, schema.optional()]));
  const targets = external_exports.strictObject({
    repos: external_exports.array(external_exports.string().regex(/^[^/\s]+\/[^\s]+$/, "a repository is owner/name (GitLab: group/subgroup/name)")).optional(),
    ...own,
    /** Repository filters for providers that scan many repositories (`owner/name` globs). */
    include: external_exports.array(nonEmpty).optional(),
    exclude: external_exports.array(nonEmpty).optional(),
    includeArchived: external_exports.boolean().optional(),
    includeForks: external_exports.boolean().optional()
  });
  const names = providers.names.length > 0 ? external_exports.enum(providers.names) : external_exports.never();
  return external_exports.strictObject({
    failOn: external_exports.enum(failOnValues).optional(),
    builtin: external_exports.boolean().optional(),
    policies: stringList.optional(),
    providers: external_exports.array(names).optional(),
    state: stringList.optional(),
    targets: targets.optional(),
    rules: external_exports.record(external_exports.string(), RuleOverrideSchema).optional(),
    waivers: external_exports.array(WaiverSchema).optional(),
    baseline: BaselineSchema.optional(),
    /** The longest a waiver may run, in days from the run (default 365). */
    waiverMaxDays: external_exports.number().int().min(1).max(WAIVER_MAX_DAYS_LIMIT).optional(),
    secrets: external_exports.strictObject({
      allowlist: external_exports.strictObject({
        paths: stringList.optional(),
        fingerprints: stringList.optional()
      }).optional()
    }).optional()
  });
}

// src/config/load.ts
var DEFAULT_CONFIG_FILE = "secpol.yaml";
function emptyConfig(dir) {
  return { dir, policies: [], state: [], targets: {}, overrides: [], waivers: [], secrets: { allowlist: { paths: [], fingerprints: [] } } };
}
async function loadConfig(file, cwd, providers = NO_PROVIDERS) {
  let target;
  if (file !== void 0) {
    target = path.resolve(cwd, file);
  } else {
    target = path.join(cwd, DEFAULT_CONFIG_FILE);
    if (!existsSync(target)) return { config: emptyConfig(cwd), diagnostics: [] };
  }
  const relative3 = path.relative(cwd, target);
  const shown = relative3 && !relative3.startsWith("..") && !path.isAbsolute(relative3) ? relative3.split(path.sep).join("/") : file ?? DEFAULT_CONFIG_FILE;
  const tooLarge = sizeProblem(target, LIMITS.configFile, "config file");
  if (tooLarge) return { diagnostics: [{ ...tooLarge, file: shown }] };
  const read = await readSourceFile(target);
  if (read.text === void 0) {
    return { diagnostics: read.diagnostics.map((d) => ({ ...d, file: shown, message: `config ${d.message}` })) };
  }
  return parseConfigText(read.text, shown, target, providers);
}
function parseConfigText(text, shown, absolute, providers = NO_PROVIDERS) {
  const doc = parseLocated(text, shown);
  const diagnostics = [...doc.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const dir = path.dirname(absolute);
  const value = doc.value ?? {};
  const schema = configFileSchema(providers);
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues, doc.locate, shown, { root: value, schema }));
    return { diagnostics };
  }
  const data = parsed.data;
  const at = (p, target) => ({ file: shown, ...doc.locate(p, target) });
  for (const problem of providers.check(data.targets ?? {})) {
    diagnostics.push({ severity: "error", ...at(["targets", problem.key], "key"), message: problem.message });
  }
  const config = emptyConfig(dir);
  config.file = absolute;
  if (data.failOn !== void 0) config.failOn = data.failOn;
  if (data.builtin !== void 0) config.builtin = data.builtin;
  if (data.waiverMaxDays !== void 0) config.waiverMaxDays = data.waiverMaxDays;
  if (data.providers !== void 0) config.providers = [...new Set(data.providers)];
  config.policies = (data.policies ?? []).map((p) => path.resolve(dir, p));
  config.state = (data.state ?? []).map((p) => path.resolve(dir, p));
  if (data.targets) config.targets = { ...data.targets };
  if (data.baseline !== void 0) {
    const b = typeof data.baseline === "string" ? { file: data.baseline } : data.baseline;
    config.baseline = { file: path.resolve(dir, b.file), ...b.maxAge !== void 0 ? { maxAgeMs: parseDuration(b.maxAge) } : {} };
  }
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

// src/app/work-tree.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
async function gitTopLevel(path2) {
  try {
    const { stdout } = await execFileAsync("git", ["-c", "core.fsmonitor=false", "-C", path2, "rev-parse", "--show-toplevel"], {
      timeout: 5e3,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }
    });
    const top = stdout.replace(/\n$/, "");
    return top ? resolve(top) : void 0;
  } catch {
    return void 0;
  }
}
function nearestConfig(path2, top) {
  let dir = path2;
  for (; ; ) {
    const candidate = join(dir, DEFAULT_CONFIG_FILE);
    if (existsSync2(candidate)) return candidate;
    if (top === void 0 || !isInside(dir, top) || dir === top) return void 0;
    const parent = dirname(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
function globsFromConfigDir(globs, configDir, top) {
  if (configDir === void 0 || top === void 0 || !isInside(configDir, top)) return [...globs];
  const prefix = relative(top, configDir).split(sep).join("/");
  if (prefix === "") return [...globs];
  return globs.map((glob) => {
    const negated = glob.startsWith("!");
    const body = (negated ? glob.slice(1) : glob).replace(/^\.\//, "").replace(/^\//, "");
    return `${negated ? "!" : ""}${prefix}/${body}`;
  });
}
function isInside(path2, top) {
  const rel = relative(top, path2);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}

// src/app/settings.ts
var FAIL_ON = [...severities, "none"];
async function loadSettings(options, deps) {
  const path2 = resolve2(deps.cwd, options.path ?? ".");
  if (!existsSync3(path2)) throw new UserError([{ severity: "error", file: options.path ?? ".", message: "no such file or directory" }]);
  const explicitConfig = options.config ? resolve2(deps.cwd, options.config) : void 0;
  const realPath = realOrSelf(path2);
  const repositoryTop = await gitTopLevel(realPath);
  const configFile = explicitConfig ?? nearestConfig(realPath, repositoryTop);
  const loaded = configFile ? await loadConfig(configFile, deps.cwd, configProviders()) : { config: void 0, diagnostics: [] };
  const config = loaded.config;
  const base = configFile ? dirname2(configFile) : deps.cwd;
  const fromConfig = (paths) => (paths ?? []).map((p) => resolve2(base, p));
  const failOn = options.failOn ?? config?.failOn ?? "high";
  if (!FAIL_ON.includes(failOn)) {
    throw new UserError(`--fail-on must be one of ${FAIL_ON.join(", ")} (got '${String(options.failOn)}')`);
  }
  const targets = config?.targets ?? {};
  const configRepos = Array.isArray(targets.repos) ? targets.repos : [];
  const repos = [...options.repo ?? [], ...options.repo?.length ? [] : configRepos];
  const flag = (value, key) => value ?? targets[key];
  const shard = options.shard === void 0 ? void 0 : parseShard(options.shard);
  if (options.shard !== void 0 && !shard) throw new UserError(`--shard must be i/n with 1 <= i <= n <= ${MAX_SHARDS} (got '${options.shard}')`);
  const run = {
    path: path2,
    repos,
    stateFiles: [...(options.state ?? []).map((p) => resolve2(deps.cwd, p)), ...fromConfig(config?.state)],
    named: options.provider?.length ? options.provider : config?.providers ?? [],
    originUrl: await gitOriginUrl(path2),
    noCache: options.cache === false,
    filters: {
      include: flag(options.include, "include"),
      exclude: flag(options.exclude, "exclude"),
      includeArchived: flag(options.includeArchived, "includeArchived"),
      includeForks: flag(options.includeForks, "includeForks"),
      ...shard ? { shard } : {}
    },
    secretAllowlist: {
      paths: globsFromConfigDir(config?.secrets?.allowlist?.paths ?? [], configFile ? realOrSelf(dirname2(configFile)) : void 0, repositoryTop),
      fingerprints: config?.secrets?.allowlist?.fingerprints ?? []
    },
    flags: options.providerOptions ?? {},
    config: targets
  };
  const waivers = checkWaivers(config?.waivers ?? [], deps.now?.() ?? /* @__PURE__ */ new Date(), config?.waiverMaxDays ?? DEFAULT_WAIVER_MAX_DAYS);
  return {
    targets: run,
    failOn,
    builtin: options.builtin !== false && config?.builtin !== false,
    policyPaths: [...(options.policies ?? []).map((p) => resolve2(deps.cwd, p)), ...fromConfig(config?.policies)],
    overrides: config?.overrides ?? [],
    waivers: waivers.waivers,
    configFile,
    ...repositoryTop !== void 0 ? { repositoryTop } : {},
    ...baselineOf(options, config?.baseline, deps.cwd) ?? {},
    diagnostics: [...loaded.diagnostics, ...waivers.diagnostics]
  };
}
function realOrSelf(path2) {
  try {
    return realpathSync(path2);
  } catch {
    return path2;
  }
}
function baselineOf(options, configured, cwd) {
  if (options.baseline === false) return void 0;
  const maxAge = configured?.maxAgeMs !== void 0 ? { maxAgeMs: configured.maxAgeMs } : {};
  if (options.baseline !== void 0) return { baseline: { file: resolve2(cwd, options.baseline), shown: options.baseline, ...maxAge } };
  if (configured) return { baseline: { file: configured.file, shown: relative2(cwd, configured.file) || configured.file, ...maxAge } };
  return void 0;
}

export {
  loadSettings
};
