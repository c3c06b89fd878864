import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  collect
} from "./chunk-6DDOMBR3.js";
import {
  evaluate,
  loadPolicySet,
  secpolVersion
} from "./chunk-S35TH4RA.js";
import {
  loadSettings,
  selectProviders
} from "./chunk-JOX3LK7Z.js";
import "./chunk-VPWDGCSL.js";
import {
  severityRank
} from "./chunk-ZJVLZNFP.js";
import "./chunk-66KPFJW4.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-XCJ6UWEH.js";
import {
  Redactor
} from "./chunk-FZ4LJW6X.js";
import "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

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
