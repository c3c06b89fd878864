import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  readRunInput
} from "./chunk-643WBRGH.js";
import {
  formatDuration
} from "./chunk-FXNNR3OJ.js";
import {
  findingSites,
  normalisePath,
  siteFingerprints
} from "./chunk-4MWBEDBQ.js";
import {
  BASELINE_SCHEMA
} from "./chunk-LS7IB64P.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";

// src/app/baseline.ts
var DEFAULT_BASELINE_MAX_AGE_MS = 90 * 864e5;
function baselineEntries(results) {
  const out = [];
  for (const r of results) {
    if (r.status !== "fail") continue;
    const sites = findingSites(r);
    siteFingerprints(r, sites).forEach((fingerprint, i) => {
      const path = sites[i].location ? normalisePath(sites[i].location.path) : "";
      out.push({ fingerprint, ruleId: r.ruleId, resourceId: r.resource.id, ...path ? { path } : {} });
    });
  }
  return out.sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.resourceId, b.resourceId) || cmp(a.fingerprint, b.fingerprint));
}
function baselineFile(results, createdAt, version) {
  return { schema: BASELINE_SCHEMA, createdAt, tool: { name: "secpol", version }, entries: baselineEntries(results) };
}
async function loadBaseline(file, shown) {
  const input = await readRunInput(file, shown);
  if (input.kind === "baseline") return { shown, createdAt: input.baseline.createdAt, entries: input.baseline.entries };
  if (input.kind === "report") return { shown, createdAt: input.report.startedAt, entries: baselineEntries(input.report.results) };
  throw new UserError([{ severity: "error", file: shown, message: "a snapshot is not a baseline: give a JSON report (--format json) or a file from `secpol baseline create`" }]);
}
function applyBaseline(results, baseline) {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const seen = /* @__PURE__ */ new Set();
  let existing = 0;
  let fresh = 0;
  for (const r of results) {
    if (r.status !== "fail" && r.status !== "waived") continue;
    const prints = siteFingerprints(r);
    for (const p of prints) seen.add(p);
    if (r.status !== "fail") continue;
    if (prints.every((p) => known.has(p))) {
      r.baseline = "existing";
      existing++;
    } else {
      r.baseline = "new";
      fresh++;
    }
  }
  return { file: baseline.shown, createdAt: baseline.createdAt, existing, new: fresh, fixed: baseline.entries.filter((e) => !seen.has(e.fingerprint)) };
}
function baselineAgeWarning(baseline, now, maxAgeMs = DEFAULT_BASELINE_MAX_AGE_MS) {
  const created = Date.parse(baseline.createdAt);
  if (Number.isNaN(created)) return { severity: "warning", file: baseline.shown, message: `baseline has no valid date ('${baseline.createdAt}'); recreate it with secpol baseline create` };
  const age = now.getTime() - created;
  if (age <= maxAgeMs) return void 0;
  return {
    severity: "warning",
    file: baseline.shown,
    message: `baseline is ${Math.floor(age / 864e5)} days old (older than ${formatDuration(maxAgeMs)}): review the failures it accepts and recreate it with secpol baseline create`
  };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export {
  baselineFile,
  loadBaseline,
  applyBaseline,
  baselineAgeWarning
};
