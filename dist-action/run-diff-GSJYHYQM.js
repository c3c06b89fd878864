import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  runCheck
} from "./chunk-RC6BRWBF.js";
import "./chunk-2USWYTFU.js";
import "./chunk-KB6Y4H7Z.js";
import {
  readRunInput
} from "./chunk-643WBRGH.js";
import "./chunk-FMA6JHIR.js";
import "./chunk-3S753M6K.js";
import "./chunk-TYJHH6FJ.js";
import "./chunk-BS57ITCU.js";
import "./chunk-J2TCZS4T.js";
import "./chunk-APWW3CZH.js";
import "./chunk-AFUZLDG7.js";
import "./chunk-HABV22VA.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-4MWBEDBQ.js";
import "./chunk-D37RCNAY.js";
import "./chunk-SDQONHYZ.js";
import "./chunk-652F6R4Q.js";
import "./chunk-PUCDVRQO.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import {
  frameworks,
  severityRank
} from "./chunk-LS7IB64P.js";
import "./chunk-7AH5QC2N.js";
import "./chunk-66KPFJW4.js";
import "./chunk-7Z2SP4JL.js";
import "./chunk-L5QX7PQ4.js";
import "./chunk-VTOSPDMA.js";
import "./chunk-6WQEB4TW.js";
import "./chunk-TTZMJX2J.js";
import "./chunk-336B3YIU.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-XCJ6UWEH.js";
import "./chunk-B7DHMJ7P.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/app/run-diff.ts
import { resolve } from "node:path";

// src/app/diff.ts
var keyOf = (r) => `${r.ruleId}\0${r.resource.id}`;
var byText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function diffRuns(oldRun, newRun) {
  const before = new Map(oldRun.report.results.map((r) => [keyOf(r), r]));
  const after = new Map(newRun.report.results.map((r) => [keyOf(r), r]));
  const newlyFailing = [];
  const newlyPassing = [];
  const newErrors = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (now.status === "fail" && was?.status !== "fail") newlyFailing.push(change(now, was));
    if (now.status === "error" && was?.status !== "error") newErrors.push(change(now, was));
    if (now.status === "pass" && (was?.status === "fail" || was?.status === "error")) newlyPassing.push(change(now, was));
  }
  const resources = (report) => new Map(report.results.map((r) => [r.resource.id, r.resource]));
  const oldResources = resources(oldRun.report);
  const newResources = resources(newRun.report);
  const added = [...newResources.values()].filter((r) => !oldResources.has(r.id));
  const removed = [...oldResources.values()].filter((r) => !newResources.has(r.id));
  const rules = /* @__PURE__ */ new Map();
  const controls = /* @__PURE__ */ new Map();
  const count = (list, field, lookup) => {
    for (const c of list) {
      const rule = rules.get(c.ruleId) ?? { ruleId: c.ruleId, title: c.title, severity: c.severity, newlyFailing: 0, newlyPassing: 0, newErrors: 0 };
      rule[field]++;
      rules.set(c.ruleId, rule);
      const result = lookup.get(`${c.ruleId}\0${c.resource.id}`);
      for (const fw of frameworks) {
        for (const control of result?.controls[fw] ?? []) {
          const k = `${fw}\0${control}`;
          const entry = controls.get(k) ?? { framework: fw, control, newlyFailing: 0, newlyPassing: 0, newErrors: 0 };
          entry[field]++;
          controls.set(k, entry);
        }
      }
    }
  };
  count(newlyFailing, "newlyFailing", after);
  count(newlyPassing, "newlyPassing", after);
  count(newErrors, "newErrors", after);
  const order = (a, b) => byText(a.ruleId, b.ruleId) || byText(a.resource.id, b.resource.id);
  return {
    old: { file: oldRun.file, startedAt: oldRun.report.startedAt },
    new: { file: newRun.file, startedAt: newRun.report.startedAt },
    failOn: newRun.report.failOn,
    newlyFailing: newlyFailing.sort(order),
    newlyPassing: newlyPassing.sort(order),
    newErrors: newErrors.sort(order),
    resourcesAdded: added.sort((a, b) => byText(a.id, b.id)),
    resourcesRemoved: removed.sort((a, b) => byText(a.id, b.id)),
    byRule: [...rules.values()].sort((a, b) => byText(a.ruleId, b.ruleId)),
    byControl: [...controls.values()].sort((a, b) => byText(a.framework, b.framework) || a.control.localeCompare(b.control, "en", { numeric: true }))
  };
}
function change(now, was) {
  return {
    ruleId: now.ruleId,
    title: now.title,
    severity: now.severity,
    resource: now.resource,
    ...was ? { from: was.status } : {},
    to: now.status,
    message: now.message
  };
}

// src/app/run-diff.ts
async function runDiff(oldFile, newFile, options, deps) {
  const [before, after] = await Promise.all([reportOf(oldFile, options, deps), reportOf(newFile, options, deps)]);
  const diff = diffRuns({ report: before, file: oldFile }, { report: after, file: newFile });
  return { diff, exitCode: diffExitCode(diff, options.failOn ?? after.failOn) };
}
async function reportOf(file, options, deps) {
  const input = await readRunInput(resolve(deps.cwd, file), file);
  if (input.kind === "report") return input.report;
  if (input.kind === "baseline") throw new UserError([{ severity: "error", file, message: "a baseline holds no results to compare: give a JSON report or a snapshot" }]);
  const outcome = await runCheck({ ...options, state: [file], provider: ["snapshot"], baseline: false }, deps);
  const errors = outcome.report.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new UserError(errors);
  return outcome.report;
}
function diffExitCode(diff, failOn) {
  if (failOn === "none") return 0;
  const counts = (list) => list.some((c) => severityRank[c.severity] >= severityRank[failOn]);
  if (counts(diff.newlyFailing)) return 1;
  return counts(diff.newErrors) ? 2 : 0;
}
export {
  diffExitCode,
  runDiff
};
