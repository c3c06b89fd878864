import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  isHttpUrl,
  stripControl
} from "./chunk-6DMZHOSZ.js";
import {
  severities,
  severityRank
} from "./chunk-LS7IB64P.js";
import {
  plural
} from "./chunk-7GBTORYK.js";

// src/report/common.ts
var statusOrder = ["fail", "error", "waived", "skip", "pass"];
var severityTitle = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };
function statusCounts(report) {
  return [
    ["Failed", report.summary.fail],
    ["Errors", report.summary.error],
    ["Passed", report.summary.pass],
    ["Skipped", report.summary.skip],
    ["Waived", report.summary.waived]
  ];
}
var frameworkNames = {
  soc2: "SOC 2",
  iso27001: "ISO/IEC 27001:2022 Annex A",
  "cis-ssc": "CIS Software Supply Chain Security Guide",
  "nist-ssdf": "NIST SSDF (SP 800-218)"
};
var byText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function compareNatural(a, b) {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "variant" }) || byText(a, b);
}
var statusRank = Object.fromEntries(statusOrder.map((s, i) => [s, i]));
function compareResults(a, b) {
  return (statusRank[a.status] ?? -1) - (statusRank[b.status] ?? -1) || severityRank[b.severity] - severityRank[a.severity] || byText(a.ruleId, b.ruleId) || byText(a.resource.id, b.resource.id);
}
function sortResults(results) {
  return [...results].sort(compareResults);
}
function countBySeverity(results) {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const r of results) counts[r.severity] += 1;
  return counts;
}
function formatLocation(location) {
  let text = location.path.replace(/^(?:\.\/)+(?=.)/, "");
  if (location.line !== void 0 && location.line >= 1) {
    text += `:${location.line}`;
    if (location.column !== void 0 && location.column >= 1) text += `:${location.column}`;
  }
  return text;
}
function ruleHelpUrl(report, ruleId) {
  const uri = report.rules.find((rule) => rule.id === ruleId)?.helpUri;
  return isHttpUrl(uri) ? new URL(uri).href : void 0;
}
function diagnosticPosition(d) {
  return [d.file, d.line, d.line !== void 0 ? d.column : void 0].filter((p) => p !== void 0).join(":");
}
function resultLocations(result) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const loc of [result.location, ...(result.evidence ?? []).map((e) => e.location)]) {
    if (!loc) continue;
    const key = formatLocation(loc);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(loc);
  }
  return out;
}
function atOrAbove(results, failOn) {
  if (failOn === "none") return [];
  return results.filter((r) => severityRank[r.severity] >= severityRank[failOn]);
}
function summaryLine(report) {
  const { summary } = report;
  const fails = report.results.filter((r) => r.status === "fail");
  const bySeverity = countBySeverity(fails);
  const breakdown = severities.filter((s) => bySeverity[s] > 0).map((s) => `${bySeverity[s]} ${s}`);
  const existing = report.baseline?.existing ?? 0;
  const details = [...breakdown, ...existing > 0 ? [`${existing} in the baseline`] : []];
  const failed = `${summary.fail} failed${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
  const counts = [
    failed,
    plural(summary.error, "error", "errors"),
    `${summary.pass} passed`,
    `${summary.skip} skipped`,
    `${summary.waived} waived`
  ].join(", ");
  return `${counts} \u2014 ${verdict(report)}`;
}
function verdict(report) {
  if (report.failOn === "none") return "fail-on none: findings do not fail the run";
  const failing = atOrAbove(report.results.filter((r) => r.status === "fail" && r.baseline !== "existing"), report.failOn).length;
  const erring = atOrAbove(report.results.filter((r) => r.status === "error"), report.failOn).length;
  const parts = [];
  if (failing > 0) parts.push(report.baseline ? plural(failing, "new failure", "new failures") : plural(failing, "failure", "failures"));
  if (erring > 0) parts.push(plural(erring, "error", "errors"));
  if (parts.length === 0) return `fail-on ${report.failOn}: nothing at or above`;
  return `fail-on ${report.failOn}: ${parts.join(" and ")} at or above`;
}
function waiversNeedingAttention(waivers) {
  const order = ["expired", "expiring-soon", "unused"];
  return waivers.filter((w) => order.includes(w.state)).sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || byText(a.expires, b.expires) || byText(a.rule, b.rule) || byText(a.resource, b.resource));
}
var waiverStateLabel = {
  active: "active",
  "expiring-soon": "expiring soon",
  expired: "expired",
  unused: "unused"
};
function groupByResource(results) {
  const groups = /* @__PURE__ */ new Map();
  for (const r of results) {
    const list = groups.get(r.resource.id);
    if (list) list.push(r);
    else groups.set(r.resource.id, [r]);
  }
  return groups;
}
function durationSeconds(report) {
  const start = Date.parse(report.startedAt);
  const end = Date.parse(report.finishedAt);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return void 0;
  return Math.round(end - start) / 1e3;
}
var PIECE_SIZE = 1 << 16;
var PieceBuffer = class {
  parts = [];
  size = 0;
  /** Adds text; returns the pieces that are ready (none, or one once PIECE_SIZE is reached): `yield* pieces.add(text)`. */
  add(text) {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= PIECE_SIZE ? [this.take()] : [];
  }
  take() {
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    return text;
  }
};
function remediationLines(remediation) {
  const out = [];
  let inCode = false;
  for (const raw of stripControl(remediation).split("\n")) {
    const text = raw.replace(/\t/g, "  ").trimEnd();
    const fence = /^\s*(```|~~~)/.test(text);
    if (!inCode && text === "" && (out.length === 0 || out.at(-1)?.text === "")) continue;
    out.push({ text, code: inCode || fence });
    if (fence) inCode = !inCode;
  }
  while (out.length > 0 && out.at(-1)?.text === "") out.pop();
  return out;
}

export {
  severityTitle,
  statusCounts,
  frameworkNames,
  compareNatural,
  compareResults,
  sortResults,
  formatLocation,
  ruleHelpUrl,
  diagnosticPosition,
  resultLocations,
  atOrAbove,
  summaryLine,
  waiversNeedingAttention,
  waiverStateLabel,
  groupByResource,
  durationSeconds,
  PIECE_SIZE,
  PieceBuffer,
  remediationLines
};
