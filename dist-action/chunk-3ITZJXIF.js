import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  atOrAbove,
  compareResults,
  diagnosticPosition,
  formatLocation,
  resultLocations,
  ruleHelpUrl,
  severityTitle,
  sortResults,
  statusCounts,
  summaryLine,
  waiverStateLabel,
  waiversNeedingAttention
} from "./chunk-IBXEJTIP.js";
import {
  escapeMarkdown,
  oneLine,
  stripControl,
  trustedMarkdown
} from "./chunk-6DMZHOSZ.js";
import {
  severities
} from "./chunk-LS7IB64P.js";
import {
  plural
} from "./chunk-7GBTORYK.js";

// src/report/markdown/index.ts
var MAX_DETAIL_ROWS = 200;
var DEFAULT_MARKDOWN_LIMIT = 6e4;
var RESERVE = 1500;
var Budget = class {
  left;
  omitted = 0;
  constructor(limit) {
    this.left = Math.max(limit - RESERVE, 0);
  }
  /** Charges a line; false (and nothing charged) when it does not fit. */
  take(line) {
    if (line.length + 1 > this.left) return false;
    this.left -= line.length + 1;
    return true;
  }
};
function renderMarkdown(report, options = {}) {
  const out = [];
  const budget = new Budget(options.limit ?? DEFAULT_MARKDOWN_LIMIT);
  const results = sortResults(report.results);
  const by = (status) => results.filter((r) => r.status === status);
  const rows = (list, row) => {
    const shown = list.slice(0, MAX_DETAIL_ROWS);
    for (let i = 0; i < shown.length; i++) {
      const line = row(shown[i]);
      if (!budget.take(line)) {
        budget.omitted += list.length - i;
        return;
      }
      out.push(line);
    }
    if (list.length > MAX_DETAIL_ROWS) {
      out.push("", `\u2026 and ${list.length - MAX_DETAIL_ROWS} more.`);
      budget.omitted += list.length - MAX_DETAIL_ROWS;
    }
  };
  out.push(`## ${escapeMarkdown(report.tool.name)} report`);
  out.push("");
  out.push(`**${escapeMarkdown(summaryLine(report))}**`);
  out.push("");
  out.push("| Status | Count |");
  out.push("| --- | ---: |");
  for (const [label, n] of statusCounts(report)) out.push(`| ${label} | ${n} |`);
  for (const line of out) budget.take(line);
  const fails = by("fail");
  if (fails.length > 0) {
    out.push("", "### Failures");
    for (const severity of severities) {
      const group = fails.filter((r) => r.severity === severity);
      if (group.length === 0) continue;
      out.push("", `#### ${severityTitle[severity]} (${group.length})`, "");
      out.push("| Rule | Resource | Finding | Location |");
      out.push("| --- | --- | --- | --- |");
      rows(group, (r) => `| ${ruleCell(r, report)} | ${escapeMarkdown(r.resource.id)} | ${findingCell(r)} | ${locationCell(r)} |`);
    }
    const fixes = remediations(fails);
    const fixLines = fixes.flatMap(([ruleId, text]) => [`**${escapeMarkdown(ruleId)}**`, "", trustedMarkdown(text), ""]);
    if (fixes.length > 0 && budget.take(fixLines.join("\n"))) out.push("", "<details><summary>How to fix</summary>", "", ...fixLines, "</details>");
  }
  const errors = by("error");
  if (errors.length > 0) {
    out.push("", `### Errors (${errors.length})`, "", "These rules could not be evaluated; they are not passes.", "");
    out.push("| Rule | Resource | Reason |");
    out.push("| --- | --- | --- |");
    rows(errors, (r) => `| ${ruleCell(r, report)} | ${escapeMarkdown(r.resource.id)} | ${escapeMarkdown(r.reason ?? r.message)} |`);
  }
  const waivers = waiversNeedingAttention(report.waivers);
  if (waivers.length > 0) {
    out.push("", "### Waivers needing attention", "");
    out.push("| State | Rule | Resource | Expires | Reason |");
    out.push("| --- | --- | --- | --- | --- |");
    for (const w of waivers) {
      const state = w.state === "expired" ? "**expired** (no longer applied)" : waiverStateLabel[w.state];
      const line = `| ${state} | ${escapeMarkdown(w.rule)} | ${escapeMarkdown(w.resource)} | ${escapeMarkdown(w.expires)} | ${escapeMarkdown(w.reason)} |`;
      if (budget.take(line)) out.push(line);
      else budget.omitted++;
    }
  }
  if (report.diagnostics.length > 0) {
    out.push("", "### Diagnostics", "");
    for (const d of report.diagnostics) {
      const where = d.file ? `${escapeMarkdown(diagnosticPosition(d))}: ` : "";
      const line = `- **${d.severity}** ${where}${escapeMarkdown(d.message)}`;
      if (budget.take(line)) out.push(line);
      else budget.omitted++;
    }
  }
  const details = (title, list, headers, row) => {
    if (list.length === 0) return;
    out.push("", `<details><summary>${title} (${list.length})</summary>`, "");
    out.push(`| ${headers.join(" | ")} |`);
    out.push(`| ${headers.map(() => "---").join(" | ")} |`);
    rows(list, (r) => `| ${row(r).join(" | ")} |`);
    out.push("", "</details>");
  };
  details("Waived", by("waived"), ["Rule", "Resource", "Expires", "Reason"], (r) => [
    escapeMarkdown(r.ruleId),
    escapeMarkdown(r.resource.id),
    escapeMarkdown(r.waiver?.expires ?? "") + (r.waiver?.expiringSoon ? " (expiring soon)" : ""),
    escapeMarkdown(r.waiver?.reason ?? "")
  ]);
  details("Skipped", by("skip"), ["Rule", "Resource", "Reason"], (r) => [escapeMarkdown(r.ruleId), escapeMarkdown(r.resource.id), escapeMarkdown(r.reason ?? r.message)]);
  details("Passed", by("pass"), ["Rule", "Resource"], (r) => [escapeMarkdown(r.ruleId), escapeMarkdown(r.resource.id)]);
  if (budget.omitted > 0) {
    const where = options.fullReport ? `the full report is in \`${escapeMarkdown(options.fullReport)}\`` : "write the full report with `--format json=<file>` or `--format html=<file>`";
    out.push("", `> ${budget.omitted} more rows did not fit in this summary; ${where}.`);
  }
  return `${out.join("\n")}
`;
}
function ruleCell(r, report) {
  const url = ruleHelpUrl(report, r.ruleId);
  const id = escapeMarkdown(r.ruleId);
  return url ? `[${id}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})` : id;
}
function findingCell(r) {
  const evidence = (r.evidence ?? []).slice(0, 5).map((e) => escapeMarkdown(e.message));
  const more = (r.evidence?.length ?? 0) > 5 ? [`\u2026 and ${(r.evidence?.length ?? 0) - 5} more (the JSON and SARIF reports list them all)`] : [];
  return [escapeMarkdown(r.message), ...evidence.map((e) => `\u2022 ${e}`), ...more].join("<br>");
}
function locationCell(r) {
  const locations = resultLocations(r);
  if (locations.length === 0) return "";
  const shown = locations.slice(0, 3).map((l) => escapeMarkdown(formatLocation(l)));
  return shown.join("<br>") + (locations.length > 3 ? `<br>\u2026 and ${locations.length - 3} more` : "");
}
function remediations(results) {
  const seen = /* @__PURE__ */ new Map();
  for (const r of results) if (r.remediation && !seen.has(r.ruleId)) seen.set(r.ruleId, r.remediation);
  return [...seen.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}

// src/report/annotations.ts
var EVIDENCE_SHOWN = 5;
function annotationsOf(report) {
  const shown = report.results.filter((r) => r.status === "fail" || r.status === "error");
  const deciding = new Set(atOrAbove(shown, report.failOn));
  const annotations = shown.map((r) => {
    const level = deciding.has(r) ? "error" : "warning";
    const location = resultLocations(r)[0];
    return { level, title: titleOf(r), message: messageOf(r), ...location ? { location: { ...location, path: clean(location.path) } } : {}, result: r };
  });
  return annotations.sort((a, b) => a.level === b.level ? compareResults(a.result, b.result) : a.level === "error" ? -1 : 1);
}
function clean(text) {
  return oneLine(stripControl(text));
}
function titleOf(r) {
  return `${clean(r.ruleId)} (${r.severity}): ${clean(r.title)}${r.status === "error" ? " \u2014 not evaluated" : ""}`;
}
function messageOf(r) {
  const lines = [r.status === "error" ? notEvaluated(r) : clean(r.message)];
  lines.push(`Resource: ${clean(r.resource.id)}`);
  const evidence = r.evidence ?? [];
  for (const e of evidence.slice(0, EVIDENCE_SHOWN)) lines.push(`- ${clean(e.message)}${e.location ? ` (${clean(formatLocation(e.location))})` : ""}`);
  if (evidence.length > EVIDENCE_SHOWN) lines.push(`- \u2026 and ${evidence.length - EVIDENCE_SHOWN} more`);
  if (r.remediation && r.status === "fail") lines.push(`Fix: ${stripControl(r.remediation).trim()}`);
  return lines.join("\n");
}
function notEvaluated(r) {
  const message = clean(r.message) || clean(r.reason ?? "");
  return /not (?:be )?evaluated/i.test(message) ? message : `could not be evaluated: ${message}`;
}

// src/report/github/index.ts
var ANNOTATIONS_PER_LEVEL = 10;
var STEP_SUMMARY_LIMIT = 1024 * 1024;
var MESSAGE_LIMIT = 4e3;
function renderGithub(report) {
  const annotations = annotationsOf(report);
  const lines = [];
  const counts = { error: 0, warning: 0 };
  let left = 0;
  for (const a of annotations) {
    if (counts[a.level] >= ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    counts[a.level]++;
    lines.push(workflowCommand(a));
  }
  if (left > 0) {
    lines.push(
      `secpol: ${plural(left, "more finding", "more findings")} not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} error and ${ANNOTATIONS_PER_LEVEL} warning annotations per step. The job summary and the other report formats list them all.`
    );
  }
  lines.push(summaryLine(report));
  return `${lines.join("\n")}
`;
}
function workflowCommand(a) {
  const properties = [];
  if (a.location && a.location.path !== "") {
    properties.push(["file", a.location.path.replace(/^(?:\.\/)+/, "")]);
    if (a.location.line !== void 0 && a.location.line >= 1) {
      properties.push(["line", String(Math.floor(a.location.line))]);
      if (a.location.column !== void 0 && a.location.column >= 1) properties.push(["col", String(Math.floor(a.location.column))]);
    }
  }
  properties.push(["title", a.title]);
  const message = a.message.length > MESSAGE_LIMIT ? `${a.message.slice(0, MESSAGE_LIMIT)}\u2026` : a.message;
  return `::${a.level} ${properties.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",")}::${escapeData(message)}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function githubStepSummary(report, budget = STEP_SUMMARY_LIMIT) {
  const full = renderMarkdown(report);
  if (Buffer.byteLength(full, "utf8") <= budget) return full;
  const lines = [`## ${escapeMarkdown(report.tool.name)} report`, "", `**${escapeMarkdown(summaryLine(report))}**`, "", "| Status | Count |", "| --- | ---: |"];
  for (const [label, n] of statusCounts(report)) lines.push(`| ${label} | ${n} |`);
  lines.push("", "The full report is larger than a job summary may be (1 MiB); write it with `--format markdown=<file>` or `--format json=<file>` and upload it as an artifact.");
  const short = `${lines.join("\n")}
`;
  return Buffer.byteLength(short, "utf8") <= budget ? short : "";
}

export {
  annotationsOf,
  notEvaluated,
  renderMarkdown,
  STEP_SUMMARY_LIMIT,
  renderGithub,
  escapeData,
  githubStepSummary
};
