import { createRequire as __secpolCreateRequire } from 'node:module';
const require = __secpolCreateRequire(import.meta.url);
import {
  collect
} from "./chunk-2I2T3EVU.js";
import {
  evaluate,
  loadPolicySet,
  secpolVersion
} from "./chunk-VVDAFQY2.js";
import {
  loadSettings,
  selectProviders
} from "./chunk-VLUQZEQT.js";
import "./chunk-W3O4AOFU.js";
import {
  severityRank
} from "./chunk-756GVLWT.js";
import "./chunk-V2RFY25B.js";
import "./chunk-5PS2FENI.js";
import "./chunk-RTECYKWE.js";
import {
  Redactor
} from "./chunk-R4NHTPYD.js";
import "./chunk-72UQQLOD.js";
import "./chunk-3GGAOV5L.js";
import "./chunk-36U2GMZ7.js";

// src/app/run-check.ts
import { isAbsolute, relative, resolve } from "node:path";

// src/engine/exit.ts
function summarize(results) {
  const summary = { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}
function atOrAbove(severity, failOn) {
  return failOn !== "none" && severityRank[severity] >= severityRank[failOn];
}
function exitCodeFor(results, failOn, hadUserErrors) {
  let incomplete = false;
  for (const r of results) {
    if (r.status === "fail" && atOrAbove(r.severity, failOn)) return 1;
    if (r.status === "error" && atOrAbove(r.severity, failOn)) incomplete = true;
  }
  return hadUserErrors || incomplete ? 2 : 0;
}

// src/app/exit-code.ts
function exitCode(results, failOn, diagnostics) {
  const hadUserErrors = diagnostics.some((d) => d.severity === "error");
  if (hadUserErrors) return 2;
  return exitCodeFor(results, failOn, false);
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
  diagnostics.push(...policySet.diagnostics);
  const spec = settings.spec;
  let collectedStats = {};
  let results = [];
  let waivers = [];
  try {
    const providers = selectProviders(spec, deps.env);
    const collected = await collect(providers, spec, {
      now: startedAt,
      env: deps.env,
      progress: deps.progress,
      redactor,
      cacheDir: deps.cacheDir,
      debug: (m) => deps.debug(redactor.redact(m))
    });
    diagnostics.push(...collected.diagnostics);
    collectedStats = collected.stats;
    deps.progress.update(`evaluating ${policySet.rules.length} rules on ${collected.resources.length} resources`);
    const evalStarted = Date.now();
    const evaluated = evaluate(policySet.rules, collected.resources, { now: startedAt, waivers: settings.waivers });
    results = evaluated.results;
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
    anchorFile: settings.configFile ? relative(resolve(spec.path), settings.configFile) || "secpol.yaml" : "secpol.yaml"
  };
  return { report, exitCode: exitCode(results, settings.failOn, diagnostics), redactor };
}
function toMeta(rule, cwd) {
  const rel = relative(cwd, rule.source.file);
  const file = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : rule.source.file;
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
