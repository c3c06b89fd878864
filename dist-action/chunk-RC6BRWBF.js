import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  applyBaseline,
  baselineAgeWarning,
  loadBaseline
} from "./chunk-2USWYTFU.js";
import {
  exitCode,
  summarize
} from "./chunk-KB6Y4H7Z.js";
import {
  loadPolicySet
} from "./chunk-FMA6JHIR.js";
import {
  secpolVersion
} from "./chunk-3S753M6K.js";
import {
  collect
} from "./chunk-TYJHH6FJ.js";
import {
  selectProviders
} from "./chunk-BS57ITCU.js";
import {
  loadSettings
} from "./chunk-J2TCZS4T.js";
import {
  evaluate
} from "./chunk-AFUZLDG7.js";
import {
  Redactor
} from "./chunk-B7DHMJ7P.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";

// src/app/run-check.ts
import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

// src/app/run-identity.ts
import { createHash } from "node:crypto";
function policySetHash(rules) {
  return sha256(
    JSON.stringify(
      rules.filter((r) => r.enabled),
      (key, value) => key === "at" || key === "source" || key === "examples" ? void 0 : value
    )
  );
}
function configHash(settings, run, baseline) {
  const strip = (items) => items.map(({ source: _source, ...rest }) => rest);
  return sha256(
    JSON.stringify({
      failOn: settings.failOn,
      overrides: strip(settings.overrides),
      waivers: strip(settings.waivers),
      // The scan itself, without the shard: every shard must have been given the same targets.
      targets: [run.named, run.repos, run.flags, run.config, { ...run.filters, shard: void 0 }],
      baseline: baseline ? [baseline.createdAt, baseline.entries.map((e) => e.fingerprint)] : null
    })
  );
}
function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

// src/app/run-check.ts
async function runCheck(options, deps) {
  const startedAt = deps.now();
  const redactor = new Redactor();
  const settings = await loadSettings(options, deps);
  const diagnostics = [...settings.diagnostics];
  const policySet = await loadPolicySet({
    builtin: settings.builtin,
    paths: settings.policyPaths,
    overrides: settings.overrides,
    waivers: settings.waivers,
    cwd: deps.cwd
  });
  if (policySet.rules.length === 0) throw new UserError([...diagnostics, ...policySet.diagnostics]);
  for (const d of policySet.diagnostics) diagnostics.push(d);
  const run = settings.targets;
  const baseline = settings.baseline ? await loadBaseline(settings.baseline.file, settings.baseline.shown) : void 0;
  if (baseline) {
    const stale = baselineAgeWarning(baseline, startedAt, settings.baseline?.maxAgeMs);
    if (stale) diagnostics.push(stale);
  }
  let baselineOutcome;
  let collectedStats = {};
  let targets = [];
  let results = [];
  let waivers = [];
  try {
    const providers = selectProviders(run, deps.env);
    const collected = await collect(providers, run, {
      now: startedAt,
      env: deps.env,
      progress: deps.progress,
      redactor,
      cacheDir: deps.cacheDir,
      debug: (m) => deps.debug(redactor.redact(m))
    });
    for (const d of collected.diagnostics) diagnostics.push(d);
    collectedStats = collected.stats;
    targets = collected.sources.map((s) => `${s.provider} ${s.scanned ?? s.target}`);
    deps.progress.update(`evaluating ${policySet.rules.length} rules on ${collected.resources.length} resources`);
    const evalStarted = Date.now();
    const resources = collected.resources.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const evaluated = evaluate(policySet.rules, resources, { now: startedAt, waivers: settings.waivers });
    results = evaluated.results;
    if (baseline) baselineOutcome = applyBaseline(results, baseline);
    waivers = evaluated.waivers;
    collectedStats = {
      ...collectedStats,
      engine: { resources: collected.resources.length, rules: policySet.rules.length, results: results.length, ms: Date.now() - evalStarted }
    };
  } catch (err) {
    if (err && typeof err === "object" && "diagnostics" in err) diagnostics.push(...err.diagnostics);
    else throw err;
  }
  const report = {
    tool: { name: "secpol", version: secpolVersion() },
    startedAt: startedAt.toISOString(),
    finishedAt: deps.now().toISOString(),
    failOn: settings.failOn,
    summary: summarize(results),
    results,
    rules: policySet.rules.filter((r) => r.enabled).map((r) => toMeta(r, deps.cwd)),
    waivers,
    diagnostics: diagnostics.map((d) => ({ ...d, message: redactor.redact(d.message) })),
    stats: collectedStats,
    anchorFile: anchorFileOf(settings, run.path),
    ...baselineOutcome ? { baseline: baselineOutcome } : {},
    ...run.filters.shard ? {
      shard: {
        ...run.filters.shard,
        policySet: policySetHash(policySet.rules),
        config: configHash(settings, run, baseline),
        clock: startedAt.toISOString()
      }
    } : {},
    scope: {
      targets,
      ...settings.configFile ? { configFile: displayPath(settings.configFile, deps.cwd) } : {},
      policySources: [...settings.builtin ? ["built-in pack"] : [], ...settings.policyPaths.map((p) => displayPath(p, deps.cwd))],
      evaluatedAt: startedAt.toISOString()
    }
  };
  return { report, exitCode: exitCode(results, settings.failOn, diagnostics), redactor };
}
function anchorFileOf(settings, path) {
  if (!settings.configFile) return "secpol.yaml";
  const real = (p) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const from = settings.repositoryTop ?? real(resolve(path));
  const file = join(real(dirname(settings.configFile)), basename(settings.configFile));
  return relative(from, file).split(sep).join("/") || "secpol.yaml";
}
function displayPath(path, cwd) {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
function toMeta(rule, cwd) {
  const file = displayPath(rule.source.file, cwd);
  return {
    id: rule.id,
    policyId: rule.policyId,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    kind: rule.kind,
    remediation: rule.remediation,
    controls: rule.controls,
    tags: rule.tags,
    helpUri: rule.helpUri,
    source: { ...rule.source, file }
  };
}

export {
  runCheck
};
