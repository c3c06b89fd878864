import { createRequire as __secpolCreateRequire } from 'node:module';
const require = __secpolCreateRequire(import.meta.url);
import {
  csvCell,
  escapeMarkdown,
  isHttpUrl,
  oneLine,
  stripControl
} from "./chunk-BXBC5UEG.js";
import {
  severities,
  severityRank
} from "./chunk-756GVLWT.js";

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
var statusRank = Object.fromEntries(statusOrder.map((s2, i) => [s2, i]));
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
function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
function summaryLine(report) {
  const { summary } = report;
  const fails = report.results.filter((r) => r.status === "fail");
  const bySeverity = countBySeverity(fails);
  const breakdown = severities.filter((s2) => bySeverity[s2] > 0).map((s2) => `${bySeverity[s2]} ${s2}`);
  const failed = `${summary.fail} failed${breakdown.length > 0 ? ` (${breakdown.join(", ")})` : ""}`;
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
  const failing = atOrAbove(report.results.filter((r) => r.status === "fail"), report.failOn).length;
  const erring = atOrAbove(report.results.filter((r) => r.status === "error"), report.failOn).length;
  const parts = [];
  if (failing > 0) parts.push(plural(failing, "failure", "failures"));
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

// src/report/export/index.ts
function renderComplianceExport(report, framework, format) {
  const controls = collect(report, framework);
  switch (format) {
    case "json":
      return toJson(report, framework, controls);
    case "markdown":
      return toMarkdown(report, framework, controls);
    case "csv":
      return toCsv(report, framework, controls);
  }
}
function collect(report, framework) {
  const byControl = /* @__PURE__ */ new Map();
  const entry = (id) => {
    let c = byControl.get(id);
    if (!c) {
      c = { id, rules: [], counts: { pass: 0, fail: 0, error: 0, skip: 0, waived: 0 }, results: [] };
      byControl.set(id, c);
    }
    return c;
  };
  const addRule = (c, rule) => {
    if (!c.rules.some((r) => r.id === rule.id)) c.rules.push(rule);
  };
  for (const rule of report.rules) {
    for (const control of rule.controls[framework] ?? []) addRule(entry(control), { id: rule.id, title: rule.title, severity: rule.severity });
  }
  for (const result of report.results) {
    for (const control of result.controls[framework] ?? []) {
      const c = entry(control);
      addRule(c, { id: result.ruleId, title: result.title, severity: result.severity });
      c.counts[result.status] += 1;
      c.results.push(result);
    }
  }
  const controls = [...byControl.values()].sort((a, b) => compareNatural(a.id, b.id));
  for (const c of controls) {
    c.rules.sort((a, b) => compareNatural(a.id, b.id));
    c.results.sort(compareResults);
  }
  return controls;
}
var s = (text) => stripControl(text);
function toJson(report, framework, controls) {
  const doc = {
    framework,
    frameworkName: frameworkNames[framework],
    tool: { name: s(report.tool.name), version: s(report.tool.version) },
    generatedAt: s(report.finishedAt),
    startedAt: s(report.startedAt),
    controls: controls.map((c) => ({
      id: s(c.id),
      rules: c.rules.map((r) => ({ id: s(r.id), title: s(r.title), severity: r.severity })),
      counts: { ...c.counts },
      results: c.results.map((r) => ({
        ruleId: s(r.ruleId),
        resource: { id: s(r.resource.id), kind: r.resource.kind, provider: s(r.resource.provider) },
        status: r.status,
        severity: r.severity,
        timestamp: s(report.finishedAt),
        message: s(r.message),
        ...r.reason !== void 0 ? { reason: s(r.reason) } : {},
        ...r.waiver ? {
          waiver: {
            reason: s(r.waiver.reason),
            expires: s(r.waiver.expires),
            ...r.waiver.approvedBy !== void 0 ? { approvedBy: s(r.waiver.approvedBy) } : {}
          }
        } : {}
      }))
    }))
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function toMarkdown(report, framework, controls) {
  const out = [];
  out.push(`# ${escapeMarkdown(frameworkNames[framework])} evidence`);
  out.push("");
  out.push(`Generated by ${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)} at ${escapeMarkdown(report.finishedAt)}. ${controls.length} control(s) with mapped rules.`);
  if (controls.length === 0) out.push("", "No evaluated rule maps to a control of this framework.");
  for (const c of controls) {
    out.push("", `## ${escapeMarkdown(c.id)}`, "");
    out.push(`Rules: ${c.rules.map((r) => `${escapeMarkdown(r.id)} (${escapeMarkdown(r.title)})`).join(", ")}`);
    out.push("");
    out.push("| Passed | Failed | Errors | Skipped | Waived |");
    out.push("| ---: | ---: | ---: | ---: | ---: |");
    out.push(`| ${c.counts.pass} | ${c.counts.fail} | ${c.counts.error} | ${c.counts.skip} | ${c.counts.waived} |`);
    out.push("");
    out.push("| Rule | Resource | Status | Evaluated | Waiver |");
    out.push("| --- | --- | --- | --- | --- |");
    for (const r of c.results) {
      const waiver = r.waiver ? `${escapeMarkdown(r.waiver.reason)} (until ${escapeMarkdown(r.waiver.expires)}${r.waiver.approvedBy ? `, approved by ${escapeMarkdown(r.waiver.approvedBy)}` : ""})` : "";
      out.push(`| ${escapeMarkdown(r.ruleId)} | ${escapeMarkdown(r.resource.id)} | ${r.status} | ${escapeMarkdown(report.finishedAt)} | ${waiver} |`);
    }
  }
  return `${out.join("\n")}
`;
}
var CSV_HEADER = [
  "framework",
  "control",
  "rule_id",
  "rule_title",
  "severity",
  "resource_id",
  "resource_kind",
  "provider",
  "status",
  "timestamp",
  "message",
  "waiver_reason",
  "waiver_expires",
  "waiver_approved_by"
];
function toCsv(report, framework, controls) {
  const rows = [CSV_HEADER.join(",")];
  for (const c of controls) {
    for (const r of c.results) {
      rows.push(
        [
          framework,
          c.id,
          r.ruleId,
          r.title,
          r.severity,
          r.resource.id,
          r.resource.kind,
          r.resource.provider,
          r.status,
          report.finishedAt,
          oneLine(r.message),
          r.waiver?.reason,
          r.waiver?.expires,
          r.waiver?.approvedBy
        ].map(csvCell).join(",")
      );
    }
  }
  return `${rows.join("\r\n")}\r
`;
}

export {
  severityTitle,
  statusCounts,
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
  renderComplianceExport
};
