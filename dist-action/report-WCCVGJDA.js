import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  STEP_SUMMARY_LIMIT,
  annotationsOf,
  githubStepSummary,
  notEvaluated,
  renderGithub,
  renderMarkdown
} from "./chunk-XNP4DKQF.js";
import {
  renderComplianceExport
} from "./chunk-TYA42APM.js";
import {
  PIECE_SIZE,
  PieceBuffer,
  atOrAbove,
  compareResults,
  diagnosticPosition,
  durationSeconds,
  formatLocation,
  groupByResource,
  resultLocations,
  ruleHelpUrl,
  severityTitle,
  sortResults,
  statusCounts,
  summaryLine,
  waiverStateLabel,
  waiversNeedingAttention
} from "./chunk-BEEJZFJI.js";
import {
  escapeHtml,
  escapeMarkdown,
  isHttpUrl,
  oneLine,
  stripControl,
  terminalText,
  xmlText
} from "./chunk-WYMJAFFR.js";
import {
  frameworks,
  severities
} from "./chunk-ZJVLZNFP.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-W373M6OA.js";

// src/report/azure/index.ts
function renderAzure(report) {
  const lines = annotationsOf(report).map(logIssue);
  const summary = summaryLine(report);
  lines.push(summary);
  if (runFails(report)) lines.push(`##vso[task.complete result=Failed;]${escapeData(summary)}`);
  return `${lines.join("\n")}
`;
}
function runFails(report) {
  const deciding = report.results.filter((r) => r.status === "fail" || r.status === "error");
  return atOrAbove(deciding, report.failOn).length > 0 || report.diagnostics.some((d) => d.severity === "error");
}
function logIssue(a) {
  const properties = [["type", a.level]];
  if (a.location && a.location.path !== "") {
    properties.push(["sourcepath", a.location.path.replace(/^(?:\.\/)+/, "")]);
    if (a.location.line !== void 0 && a.location.line >= 1) {
      properties.push(["linenumber", String(Math.floor(a.location.line))]);
      if (a.location.column !== void 0 && a.location.column >= 1) properties.push(["columnnumber", String(Math.floor(a.location.column))]);
    }
  }
  properties.push(["code", a.result.ruleId]);
  const head = properties.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(";");
  return `##vso[task.logissue ${head};]${escapeData(`${a.title}: ${a.message}`)}`;
}
function escapeData(text2) {
  return text2.replace(/%/g, "%AZP25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text2) {
  return escapeData(text2).replace(/]/g, "%5D").replace(/;/g, "%3B");
}

// src/report/codequality/index.ts
import { createHash } from "node:crypto";
var severityOf = { critical: "blocker", high: "critical", medium: "major", low: "minor" };
var FALLBACK_ANCHOR = "secpol.yaml";
function renderCodeQuality(report) {
  return [...renderCodeQualityChunks(report)].join("");
}
function* renderCodeQualityChunks(report) {
  const anchor = normalisePath(report.anchorFile ?? "") || FALLBACK_ANCHOR;
  const results = report.results.filter((r) => r.status === "fail" || r.status === "error").sort(compareResults);
  const seen = /* @__PURE__ */ new Map();
  const pieces = new PieceBuffer();
  let first = true;
  for (const r of results) {
    for (const issue of issuesOf(r, anchor, seen)) {
      yield* pieces.add(`${first ? "[\n" : ",\n"}  ${JSON.stringify(issue)}`);
      first = false;
    }
  }
  yield* pieces.add(first ? "[]\n" : "\n]\n");
  yield pieces.take();
}
function issuesOf(r, anchor, seen) {
  const base = r.status === "error" ? notEvaluated(r) : clean(r.message) || clean(r.title);
  const located = (r.evidence ?? []).filter((e) => e.location && normalisePath(e.location.path));
  const entries = located.map((e) => ({ location: e.location, detail: e.message, anchored: false }));
  if (entries.length === 0) {
    const own = r.location && normalisePath(r.location.path) ? r.location : void 0;
    const unlocated = (r.evidence ?? []).map((e) => clean(e.message)).filter(Boolean);
    entries.push({ location: own ?? { path: anchor, line: 1 }, anchored: !own, ...unlocated.length ? { detail: unlocated.slice(0, 5).join("; ") } : {} });
  }
  return entries.map(({ location: location2, detail, anchored }) => {
    const path = normalisePath(location2.path);
    const line = location2.line !== void 0 && location2.line >= 1 ? Math.floor(location2.line) : 1;
    let description = detail ? `${base}: ${clean(detail)}` : base;
    description += ` [${anchored ? "resource" : "on"}: ${clean(r.resource.id)}]`;
    return {
      description,
      check_name: clean(r.ruleId),
      fingerprint: fingerprintOf([r.ruleId, r.resource.id, anchored ? "" : path, anchored ? "" : String(line)], seen),
      severity: r.status === "error" ? "info" : severityOf[r.severity],
      location: { path, lines: { begin: line } }
    };
  });
}
function clean(text2) {
  return oneLine(stripControl(text2));
}
function normalisePath(path) {
  return stripControl(path).replace(/\\/g, "/").replace(/^(?:\.\/)+/, "").replace(/\/{2,}/g, "/").trim();
}
function fingerprintOf(parts, seen) {
  const key = parts.join("\0");
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  return createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32);
}

// src/report/html/index.ts
import { createHash as createHash2 } from "node:crypto";
var CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --card: #f6f8fa;
  --critical: #a40e26; --high: #d1242f; --medium: #9a6700; --low: #0969da; --pass: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --card: #151b23;
  --critical: #ff7b72; --high: #f85149; --medium: #d29922; --low: #58a6ff; --pass: #3fb950; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1.5rem; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; }
.meta, .muted { color: var(--muted); }
.verdict { font-weight: 600; margin: 1rem 0; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
.cards li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; min-width: 7rem; }
.cards b { display: block; font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--card); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
ul.evidence { margin: .25rem 0 0; padding-left: 1.2rem; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.sev-critical { color: var(--critical); } .sev-high { color: var(--high); } .sev-medium { color: var(--medium); } .sev-low { color: var(--low); }
.pass { color: var(--pass); }
details { margin: .75rem 0; } summary { cursor: pointer; font-weight: 600; }
`.trim();
var CSS_HASH = createHash2("sha256").update(CSS).digest("base64");
var CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
function renderHtml(report) {
  return [...renderHtmlChunks(report)].join("");
}
var BATCH = PIECE_SIZE;
var Lines = class {
  lines = [];
  size = 0;
  push(...lines) {
    for (const line of lines) {
      this.lines.push(line);
      this.size += line.length;
    }
  }
  take() {
    if (this.lines.length > 0) this.lines.push("");
    const text2 = this.lines.join("\n");
    this.lines = [];
    this.size = 0;
    return text2;
  }
};
function* renderHtmlChunks(report) {
  const results = sortResults(report.results);
  const by = (status) => results.filter((r) => r.status === status);
  const seconds = durationSeconds(report);
  const ruleCells = /* @__PURE__ */ new Map();
  const ruleCellOf = (r) => {
    const key = `${r.ruleId}\0${r.title}`;
    let cell = ruleCells.get(key);
    if (cell === void 0) {
      cell = ruleCell(r, report);
      ruleCells.set(key, cell);
    }
    return cell;
  };
  const body = new Lines();
  body.push(
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.tool.name)} report \u2014 ${escapeHtml(report.finishedAt)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>"
  );
  body.push(`<h1>${escapeHtml(report.tool.name)} report</h1>`);
  body.push(
    `<p class="meta">${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} \xB7 started ${escapeHtml(report.startedAt)} \xB7 finished ${escapeHtml(report.finishedAt)}${seconds !== void 0 ? ` \xB7 ${seconds}s` : ""} \xB7 fail-on ${escapeHtml(report.failOn)}</p>`
  );
  body.push(`<p class="verdict">${escapeHtml(summaryLine(report))}</p>`);
  body.push('<ul class="cards">');
  for (const [label, n] of statusCounts(report)) body.push(`<li><b>${n}</b>${label}</li>`);
  body.push("</ul>");
  const fails = by("fail");
  if (fails.length > 0) {
    body.push("<h2>Failures</h2>");
    for (const severity of severities) {
      const group = fails.filter((r) => r.severity === severity);
      if (group.length === 0) continue;
      body.push(`<h3 class="sev-${severity}">${severityTitle[severity]} (${group.length})</h3>`);
      body.push("<table><thead><tr><th>Rule</th><th>Resource</th><th>Finding</th><th>Location</th><th>Remediation</th></tr></thead><tbody>");
      for (const r of group) {
        body.push(`<tr><td>${ruleCellOf(r)}</td><td>${resourceCell(r)}</td><td>${findingCell(r)}</td><td>${locationCell(r)}</td><td>${escapeHtml(r.remediation ?? "")}</td></tr>`);
        if (body.size >= BATCH) yield body.take();
      }
      body.push("</tbody></table>");
    }
  }
  const errors = by("error");
  if (errors.length > 0) {
    body.push(`<h2>Errors (${errors.length})</h2>`, '<p class="muted">These rules could not be evaluated; they are not passes.</p>');
    yield* table(body, ["Rule", "Severity", "Resource", "Reason"], errors, (r) => [ruleCellOf(r), sevCell(r.severity), resourceCell(r), escapeHtml(r.reason ?? r.message)]);
  }
  const waivers = waiversNeedingAttention(report.waivers);
  if (waivers.length > 0) {
    body.push("<h2>Waivers needing attention</h2>");
    body.push("<table><thead><tr><th>State</th><th>Rule</th><th>Resource</th><th>Expires</th><th>Reason</th><th>Approved by</th></tr></thead><tbody>");
    for (const w of waivers) {
      const state = w.state === "expired" ? "<strong>expired</strong> (no longer applied)" : escapeHtml(waiverStateLabel[w.state]);
      body.push(`<tr><td>${state}</td><td><code>${escapeHtml(w.rule)}</code></td><td><code>${escapeHtml(w.resource)}</code></td><td>${escapeHtml(w.expires)}</td><td>${escapeHtml(w.reason)}</td><td>${escapeHtml(w.approvedBy ?? "")}</td></tr>`);
    }
    body.push("</tbody></table>");
  }
  if (report.diagnostics.length > 0) {
    body.push("<h2>Diagnostics</h2>", "<ul>");
    for (const d of report.diagnostics) {
      const where = d.file ? `<code>${escapeHtml(diagnosticPosition(d))}</code>: ` : "";
      body.push(`<li><strong>${d.severity}</strong> ${where}${escapeHtml(d.message)}</li>`);
    }
    body.push("</ul>");
  }
  yield* collapsed(body, "Waived", by("waived"), ["Rule", "Resource", "Expires", "Reason", "Approved by"], (r) => [
    ruleCellOf(r),
    resourceCell(r),
    escapeHtml(r.waiver?.expires ?? "") + (r.waiver?.expiringSoon ? " <strong>(expiring soon)</strong>" : ""),
    escapeHtml(r.waiver?.reason ?? ""),
    escapeHtml(r.waiver?.approvedBy ?? "")
  ]);
  yield* collapsed(body, "Skipped", by("skip"), ["Rule", "Resource", "Reason"], (r) => [ruleCellOf(r), resourceCell(r), escapeHtml(r.reason ?? r.message)]);
  yield* collapsed(body, "Passed", by("pass"), ["Rule", "Resource", "Title"], (r) => [ruleCellOf(r), resourceCell(r), escapeHtml(r.title)]);
  body.push("</body>", "</html>");
  yield body.take();
}
function sevCell(severity) {
  return `<span class="sev sev-${severity}">${severity}</span>`;
}
function ruleCell(r, report) {
  const url = ruleHelpUrl(report, r.ruleId);
  const id = `<code>${escapeHtml(r.ruleId)}</code>`;
  const link = url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${id}</a>` : id;
  return `${link}<br><span class="muted">${escapeHtml(r.title)}</span>`;
}
function resourceCell(r) {
  return `<code>${escapeHtml(r.resource.id)}</code><br><span class="muted">${escapeHtml(r.resource.kind)}</span>`;
}
function findingCell(r) {
  const evidence = r.evidence ?? [];
  const items = evidence.map((e) => `<li>${escapeHtml(e.message)}${e.location ? ` <code>${escapeHtml(formatLocation(e.location))}</code>` : ""}</li>`);
  const waiver = r.waiver ? `<br><span class="muted">waived: ${escapeHtml(r.waiver.reason)} (until ${escapeHtml(r.waiver.expires)})</span>` : "";
  return `${escapeHtml(r.message)}${items.length > 0 ? `<ul class="evidence">${items.join("")}</ul>` : ""}${waiver}`;
}
function locationCell(r) {
  return resultLocations(r).map((l) => `<code>${escapeHtml(formatLocation(l))}</code>`).join("<br>");
}
function* table(body, headers, results, row) {
  body.push(`<table><thead><tr>${headers.map((x) => `<th>${x}</th>`).join("")}</tr></thead><tbody>`);
  for (const r of results) {
    body.push(`<tr>${row(r).map((cell) => `<td>${cell}</td>`).join("")}</tr>`);
    if (body.size >= BATCH) yield body.take();
  }
  body.push("</tbody></table>");
}
function* collapsed(body, title, results, headers, row) {
  if (results.length === 0) return;
  body.push(`<details><summary>${title} (${results.length})</summary>`);
  yield* table(body, headers, results, row);
  body.push("</details>");
}

// src/report/json/index.ts
function renderJson(report) {
  return [...renderJsonChunks(report)].join("");
}
function* renderJsonChunks(report) {
  const doc = {
    tool: { name: s(report.tool.name), version: s(report.tool.version) },
    startedAt: s(report.startedAt),
    finishedAt: s(report.finishedAt),
    failOn: report.failOn,
    summary: {
      pass: report.summary.pass,
      fail: report.summary.fail,
      error: report.summary.error,
      skip: report.summary.skip,
      waived: report.summary.waived
    },
    ...report.anchorFile !== void 0 ? { anchorFile: s(report.anchorFile) } : {},
    results: RESULTS_SLOT,
    rules: RULES_SLOT,
    waivers: report.waivers.map(jsonWaiver),
    diagnostics: report.diagnostics.map(jsonDiagnostic),
    stats: sortKeys(report.stats)
  };
  const pretty = JSON.stringify(doc, null, 2);
  const lines = new ResultLines();
  let from = 0;
  for (const [slot, count, line] of [
    [RESULTS_SLOT, report.results.length, (i) => lines.line(report.results[i])],
    [RULES_SLOT, report.rules.length, (i) => JSON.stringify(jsonRule(report.rules[i]))]
  ]) {
    const quoted = JSON.stringify(slot);
    const at = pretty.indexOf(quoted, from);
    if (count === 0) {
      yield `${pretty.slice(from, at)}[]`;
    } else {
      yield `${pretty.slice(from, at)}[
`;
      const pieces = new PieceBuffer();
      for (let i = 0; i < count; i++) {
        yield* pieces.add(`    ${line(i)}${i + 1 < count ? "," : ""}
`);
      }
      yield* pieces.add("  ]");
      yield pieces.take();
    }
    from = at + quoted.length;
  }
  yield `${pretty.slice(from)}
`;
}
var RESULTS_SLOT = "\0results";
var RULES_SLOT = "\0rules";
function s(text2) {
  return stripControl(text2);
}
function opt(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function jsonLocation(loc) {
  return { path: s(loc.path), ...opt("line", loc.line), ...opt("column", loc.column) };
}
function jsonControls(controls) {
  const out = {};
  for (const fw of frameworks) {
    const ids = controls[fw];
    if (ids && ids.length > 0) out[fw] = ids.map(s);
  }
  return out;
}
var ResultLines = class {
  heads = /* @__PURE__ */ new Map();
  controls = /* @__PURE__ */ new WeakMap();
  resources = /* @__PURE__ */ new WeakMap();
  strings = /* @__PURE__ */ new Map();
  line(r) {
    const shared = r.status !== "fail";
    let out = `${this.head(r)},"status":${JSON.stringify(r.status)},"message":${shared ? this.shared(r.message) : q(r.message)}`;
    if (r.reason !== void 0) out += `,"reason":${this.shared(r.reason)}`;
    out += `,"resource":${this.resource(r.resource)}`;
    if (r.location) out += `,"location":${location(r.location)}`;
    if (r.evidence) {
      out += ',"evidence":[';
      r.evidence.forEach((e, i) => {
        out += `${i === 0 ? "" : ","}{"message":${q(e.message)}${e.location ? `,"location":${location(e.location)}` : ""}}`;
      });
      out += "]";
    }
    out += `,"controls":${this.controlsOf(r.controls)}`;
    if (r.waiver) {
      const w = r.waiver;
      out += `,"waiver":${JSON.stringify({
        reason: s(w.reason),
        expires: s(w.expires),
        ...opt("approvedBy", w.approvedBy === void 0 ? void 0 : s(w.approvedBy)),
        expiringSoon: w.expiringSoon
      })}`;
    }
    return `${out}}`;
  }
  shared(text2) {
    let quoted = this.strings.get(text2);
    if (quoted === void 0) {
      quoted = q(text2);
      if (this.strings.size < 1e5) this.strings.set(text2, quoted);
    }
    return quoted;
  }
  head(r) {
    const cached = this.heads.get(r.ruleId);
    if (cached && cached.policyId === r.policyId && cached.title === r.title && cached.severity === r.severity) return cached.text;
    const text2 = `{"ruleId":${q(r.ruleId)},"policyId":${q(r.policyId)},"title":${q(r.title)},"severity":${JSON.stringify(r.severity)}`;
    this.heads.set(r.ruleId, { policyId: r.policyId, title: r.title, severity: r.severity, text: text2 });
    return text2;
  }
  resource(ref) {
    let text2 = this.resources.get(ref);
    if (text2 === void 0) {
      text2 = `{"id":${q(ref.id)},"kind":${JSON.stringify(ref.kind)},"provider":${q(ref.provider)},"name":${q(ref.name)}}`;
      this.resources.set(ref, text2);
    }
    return text2;
  }
  controlsOf(controls) {
    let text2 = this.controls.get(controls);
    if (text2 === void 0) {
      text2 = JSON.stringify(jsonControls(controls));
      this.controls.set(controls, text2);
    }
    return text2;
  }
};
function q(text2) {
  return JSON.stringify(s(text2));
}
function location(loc) {
  return JSON.stringify(jsonLocation(loc));
}
function jsonRule(rule) {
  return {
    id: s(rule.id),
    policyId: s(rule.policyId),
    title: s(rule.title),
    ...opt("description", rule.description === void 0 ? void 0 : s(rule.description)),
    severity: rule.severity,
    kind: rule.kind,
    ...opt("remediation", rule.remediation === void 0 ? void 0 : s(rule.remediation)),
    controls: jsonControls(rule.controls),
    tags: rule.tags.map(s),
    ...opt("helpUri", rule.helpUri === void 0 ? void 0 : s(rule.helpUri)),
    source: { file: s(rule.source.file), line: rule.source.line, column: rule.source.column }
  };
}
function jsonWaiver(w) {
  return {
    rule: s(w.rule),
    resource: s(w.resource),
    reason: s(w.reason),
    expires: s(w.expires),
    ...opt("approvedBy", w.approvedBy === void 0 ? void 0 : s(w.approvedBy)),
    state: w.state,
    matched: w.matched,
    ...opt("source", w.source && { file: s(w.source.file), line: w.source.line, column: w.source.column })
  };
}
function jsonDiagnostic(d) {
  return {
    severity: d.severity,
    message: s(d.message),
    ...opt("file", d.file === void 0 ? void 0 : s(d.file)),
    ...opt("line", d.line),
    ...opt("column", d.column)
  };
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return typeof value === "string" ? s(value) : value;
}

// src/report/junit/index.ts
function renderJunit(report) {
  return [...renderJunitChunks(report)].join("");
}
function* renderJunitChunks(report) {
  const byRule = /* @__PURE__ */ new Map();
  for (const r of report.results) {
    const list = byRule.get(r.ruleId);
    if (list) list.push(r);
    else byRule.set(r.ruleId, [r]);
  }
  for (const list of byRule.values()) list.sort(compareResults);
  const ruleIds = [...byRule.keys()].sort();
  const count = (results, status) => results.filter((r) => r.status === status).length;
  const skippedCount = (results) => count(results, "skip") + count(results, "waived");
  const seconds = durationSeconds(report) ?? 0;
  const attr = attributeWriter();
  const root = openTag("testsuites", [
    ["name", `${report.tool.name} ${report.tool.version}`],
    ["tests", String(report.results.length)],
    ["failures", String(count(report.results, "fail"))],
    ["errors", String(count(report.results, "error"))],
    ["skipped", String(skippedCount(report.results))],
    ["time", String(seconds)],
    ["timestamp", report.startedAt]
  ], attr);
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (ruleIds.length === 0) {
    yield `${declaration}${root}/>
`;
    return;
  }
  const pieces = new PieceBuffer();
  yield* pieces.add(`${declaration}${root}>
`);
  for (const ruleId of ruleIds) {
    const results = byRule.get(ruleId) ?? [];
    const first = results[0];
    if (!first) continue;
    const suite = openTag("testsuite", [
      ["name", ruleId],
      ["tests", String(results.length)],
      ["failures", String(count(results, "fail"))],
      ["errors", String(count(results, "error"))],
      ["skipped", String(skippedCount(results))],
      ["time", "0"],
      ["timestamp", report.startedAt]
    ], attr);
    yield* pieces.add([
      `  ${suite}>
    <properties>
`,
      `      ${openTag("property", [["name", "title"], ["value", first.title]], attr)}/>
`,
      `      ${openTag("property", [["name", "severity"], ["value", first.severity]], attr)}/>
`,
      `      ${openTag("property", [["name", "policy"], ["value", first.policyId]], attr)}/>
`,
      "    </properties>\n"
    ].join(""));
    for (const r of results) {
      yield* pieces.add(testcase(r, attr));
    }
    yield* pieces.add("  </testsuite>\n");
  }
  yield* pieces.add("</testsuites>\n");
  yield pieces.take();
}
function testcase(r, attr) {
  const attrs = [
    ["name", r.resource.id],
    ["classname", r.ruleId],
    ["time", "0"]
  ];
  if (r.location) {
    attrs.push(["file", r.location.path]);
    if (r.location.line) attrs.push(["line", String(r.location.line)]);
  }
  const open = `    ${openTag("testcase", attrs, attr)}`;
  let child;
  switch (r.status) {
    case "fail":
      child = `${openTag("failure", [["message", r.message], ["type", r.severity]], attributeOnce)}>${textContent(details(r))}</failure>`;
      break;
    case "error":
      child = `${openTag("error", [["message", r.reason ?? r.message], ["type", "evaluation-error"]], attr)}>${textContent(details(r))}</error>`;
      break;
    case "skip":
      child = `${openTag("skipped", [["message", `skipped: ${r.reason ?? r.message}`]], attr)}/>`;
      break;
    case "waived": {
      const w = r.waiver;
      const why = w ? `waived until ${w.expires}${w.expiringSoon ? " (expiring soon)" : ""}: ${w.reason}${w.approvedBy ? ` (approved by ${w.approvedBy})` : ""}` : "waived";
      child = `${openTag("skipped", [["message", why]], attr)}/>`;
      break;
    }
    case "pass":
      return `${open}/>
`;
  }
  return `${open}>
      ${child}
    </testcase>
`;
}
function details(r) {
  return detailLines(r).map(xmlText).join("\n");
}
function openTag(name, attrs, attribute) {
  let out = `<${name}`;
  for (const [key, value] of attrs) out += ` ${key}="${attribute(value)}"`;
  return out;
}
function attributeOnce(value) {
  return attributeValue(oneLine(xmlText(value)));
}
function attributeWriter() {
  const cache = /* @__PURE__ */ new Map();
  return (value) => {
    let escaped = cache.get(value);
    if (escaped === void 0) {
      escaped = attributeOnce(value);
      if (cache.size >= 1e5) cache.clear();
      cache.set(value, escaped);
    }
    return escaped;
  };
}
var ATTRIBUTE_SPECIAL = /[&<>"]/g;
var TEXT_SPECIAL = /[&<>]/g;
var ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function attributeValue(text2) {
  return text2.replace(ATTRIBUTE_SPECIAL, (c) => ENTITY[c]);
}
function textContent(text2) {
  return text2.replace(TEXT_SPECIAL, (c) => ENTITY[c]);
}
function detailLines(r) {
  const lines = [`${r.ruleId} [${r.severity}] on ${r.resource.id} (${r.resource.kind})`, r.message];
  if (r.reason) lines.push(`Reason: ${r.reason}`);
  if (r.location) lines.push(`Location: ${formatLocation(r.location)}`);
  for (const e of r.evidence ?? []) lines.push(`- ${oneLine(e.message)}${e.location ? ` (${formatLocation(e.location)})` : ""}`);
  if (r.remediation) lines.push(`Remediation: ${r.remediation}`);
  return lines;
}

// src/report/sarif/index.ts
import { createHash as createHash3 } from "node:crypto";
var MAX_RESULTS_PER_RUN = 25e3;
var MAX_TAGS_PER_RULE = 20;
var FALLBACK_ANCHOR2 = "secpol.yaml";
var FINGERPRINT_KEY = "secpolFingerprint/v1";
var NOT_EVALUATED_RULE = "secpol.not-evaluated";
var SRCROOT = "%SRCROOT%";
var securitySeverity = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
var levelOf = { critical: "error", high: "error", medium: "warning", low: "note" };
function renderSarif(report, options) {
  return [...renderSarifChunks(report, options)].join("");
}
var RESULTS_SLOT2 = "\0results";
function* renderSarifChunks(report, options) {
  const anchor = normalisePath2(options.anchorFile ?? report.anchorFile ?? FALLBACK_ANCHOR2) || FALLBACK_ANCHOR2;
  const selected = report.results.filter((r) => options.all || r.status === "fail" || r.status === "error").sort(compareResults);
  const { rules, indexOf } = buildRules(report, !options.all && selected.some((r) => r.status === "error"));
  const kept = [];
  let total = 0;
  for (const r of selected) {
    for (const entry of expand(r, anchor)) {
      if (total < MAX_RESULTS_PER_RUN) kept.push({ r, entry });
      total++;
    }
  }
  const notifications = report.diagnostics.map(toNotification);
  if (total > MAX_RESULTS_PER_RUN) {
    const omitted = total - MAX_RESULTS_PER_RUN;
    notifications.push({
      level: "warning",
      message: {
        text: `${omitted} result(s) left out: GitHub code scanning accepts at most ${MAX_RESULTS_PER_RUN} results per run; the most severe were kept. Use --format json for the full list.`
      },
      properties: { omittedResults: omitted }
    });
  }
  const invocation = {
    executionSuccessful: !report.diagnostics.some((d) => d.severity === "error"),
    ...isDateTime(report.startedAt) ? { startTimeUtc: report.startedAt } : {},
    ...isDateTime(report.finishedAt) ? { endTimeUtc: report.finishedAt } : {},
    toolExecutionNotifications: notifications
  };
  const log = {
    $schema: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: text(report.tool.name),
            version: text(report.tool.version),
            .../^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {},
            rules
          }
        },
        invocations: [invocation],
        columnKind: "utf16CodeUnits",
        results: RESULTS_SLOT2,
        properties: {
          failOn: report.failOn,
          summary: { ...report.summary },
          sarifAll: options.all
        }
      }
    ]
  };
  const pretty = JSON.stringify(log, null, 2);
  const slot = JSON.stringify(RESULTS_SLOT2);
  const at = pretty.indexOf(slot);
  if (kept.length === 0) {
    yield `${pretty.slice(0, at)}[]${pretty.slice(at + slot.length)}
`;
    return;
  }
  const lineStart = pretty.lastIndexOf("\n", at) + 1;
  const indent = `${/^ */.exec(pretty.slice(lineStart, at))?.[0] ?? ""}  `;
  const pieces = new PieceBuffer();
  yield* pieces.add(`${pretty.slice(0, at)}[`);
  const fingerprintsSeen = /* @__PURE__ */ new Map();
  for (let i = 0; i < kept.length; i++) {
    const { r, entry } = kept[i];
    const result = !options.all && r.status === "error" ? notEvaluatedResult(r, entry, indexOf(NOT_EVALUATED_RULE), fingerprintsSeen) : toSarifResult(r, entry, indexOf(r.ruleId), fingerprintsSeen);
    const item = JSON.stringify(result, null, 2).replace(/\n/g, `
${indent}`);
    yield* pieces.add(`${i === 0 ? "" : ","}
${indent}${item}`);
  }
  yield* pieces.add(`
${indent.slice(2)}]${pretty.slice(at + slot.length)}
`);
  yield pieces.take();
}
function text(value) {
  return stripControl(value);
}
function ident(value) {
  return oneLine(stripControl(value));
}
function buildRules(report, withNotEvaluated) {
  const metas = /* @__PURE__ */ new Map();
  for (const rule of report.rules) if (!metas.has(rule.id)) metas.set(rule.id, rule);
  for (const r of report.results) {
    if (metas.has(r.ruleId)) continue;
    metas.set(r.ruleId, {
      id: r.ruleId,
      policyId: r.policyId,
      title: r.title,
      severity: r.severity,
      kind: r.resource.kind,
      remediation: r.remediation,
      controls: r.controls,
      tags: [],
      source: { file: "", line: 0, column: 0 }
    });
  }
  const ids = [...metas.keys()];
  if (withNotEvaluated && !metas.has(NOT_EVALUATED_RULE)) ids.push(NOT_EVALUATED_RULE);
  ids.sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => metas.has(id) ? toDescriptor(metas.get(id)) : notEvaluatedDescriptor());
  return { rules, indexOf: (id) => index.get(id) ?? -1 };
}
function controlTags(controls) {
  const tags = [];
  for (const fw of frameworks) for (const id of controls[fw] ?? []) tags.push(`${fw}/${oneLine(text(id))}`);
  return tags;
}
function toDescriptor(rule) {
  const title = oneLine(text(rule.title)) || rule.id;
  const description = rule.description ? text(rule.description) : title;
  const remediation = rule.remediation ? text(rule.remediation) : void 0;
  const tags = [.../* @__PURE__ */ new Set(["security", ...rule.tags.map((t) => oneLine(text(t))).filter(Boolean), ...controlTags(rule.controls)])].slice(0, MAX_TAGS_PER_RULE);
  const md = [`**${escapeMarkdown(title)}**`];
  if (rule.description) md.push(escapeMarkdown(rule.description));
  if (remediation) md.push(`**Remediation:** ${escapeMarkdown(remediation)}`);
  const controls = controlTags(rule.controls);
  if (controls.length > 0) md.push(`**Controls:** ${controls.map(escapeMarkdown).join(", ")}`);
  return {
    id: ident(rule.id),
    name: ident(rule.id),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: remediation ?? description,
      markdown: md.join("\n\n")
    },
    ...isHttpUrl(rule.helpUri) ? { helpUri: rule.helpUri } : {},
    defaultConfiguration: { level: levelOf[rule.severity] },
    properties: {
      tags,
      precision: "high",
      "security-severity": securitySeverity[rule.severity],
      "problem.severity": rule.severity === "low" ? "recommendation" : levelOf[rule.severity],
      policyId: text(rule.policyId),
      resourceKind: rule.kind
    }
  };
}
function expand(r, anchor) {
  const evidence = r.evidence ?? [];
  const located = evidence.filter((e) => e.location && normalisePath2(e.location.path));
  const unlocated = evidence.filter((e) => !(e.location && normalisePath2(e.location.path)));
  const entries = located.map((e) => ({
    location: e.location,
    anchored: false,
    evidence: e.message,
    fingerprintLocation: e.location
  }));
  if (located.length === 0 || unlocated.length > 0) {
    const own = r.location && normalisePath2(r.location.path) ? r.location : void 0;
    entries.push({
      location: own ?? { path: anchor, line: 1 },
      anchored: own === void 0,
      ...unlocated.length > 0 ? { evidence: unlocated.map((e) => e.message).join("; ") } : {},
      ...own ? { fingerprintLocation: own } : {}
    });
  }
  return entries;
}
function messageFor(r, entry) {
  let message = oneLine(text(r.message)) || oneLine(text(r.title));
  if (entry.evidence) message += `: ${oneLine(text(entry.evidence))}`;
  if ((r.status === "error" || r.status === "skip") && r.reason) message += ` (${r.status === "skip" ? "skipped" : "not evaluated"}: ${oneLine(text(r.reason))})`;
  if (r.status === "waived" && r.waiver) message += ` (waived until ${oneLine(text(r.waiver.expires))}: ${oneLine(text(r.waiver.reason))})`;
  if (entry.anchored) message += ` [resource: ${ident(r.resource.id)}]`;
  return message;
}
function toSarifResult(r, entry, ruleIndex, seen) {
  const kind = r.status === "pass" ? "pass" : r.status === "skip" ? "notApplicable" : r.status === "error" ? "open" : "fail";
  const level = kind === "fail" ? levelOf[r.severity] : "none";
  const fingerprint = fingerprintOf2(r, entry, seen);
  const controls = {};
  for (const fw of frameworks) if (r.controls[fw]?.length) controls[fw] = (r.controls[fw] ?? []).map(text);
  return {
    ruleId: ident(r.ruleId),
    ruleIndex,
    ...kind !== "fail" ? { kind } : {},
    level,
    message: { text: messageFor(r, entry) },
    locations: [toLocation(entry.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...r.status === "waived" && r.waiver ? { suppressions: [{ kind: "external", status: "accepted", justification: text(r.waiver.reason) }] } : {},
    properties: {
      resourceId: ident(r.resource.id),
      kind: r.resource.kind,
      provider: text(r.resource.provider),
      resourceName: text(r.resource.name),
      policyId: text(r.policyId),
      status: r.status,
      severity: r.severity,
      ...Object.keys(controls).length > 0 ? { controls } : {},
      ...r.reason !== void 0 && (r.status === "error" || r.status === "skip") ? { reason: text(r.reason) } : {},
      ...r.waiver ? {
        waiver: {
          reason: text(r.waiver.reason),
          expires: text(r.waiver.expires),
          ...r.waiver.approvedBy !== void 0 ? { approvedBy: text(r.waiver.approvedBy) } : {},
          expiringSoon: r.waiver.expiringSoon
        }
      } : {}
    }
  };
}
function notEvaluatedDescriptor() {
  const text2 = "A rule could not be evaluated: secpol lacked the data (a permission, a 404, a timeout, a malformed response) to decide. It is not a pass.";
  return {
    id: NOT_EVALUATED_RULE,
    name: NOT_EVALUATED_RULE,
    shortDescription: { text: "A rule could not be evaluated" },
    fullDescription: { text: text2 },
    help: {
      text: `${text2} The message names the rule, the resource and the reason; grant the access it needs (secpol doctor lists what each provider lacks) or fix the input.`,
      markdown: `${escapeMarkdown(text2)}

The message names the rule, the resource and the reason; grant the access it needs (\`secpol doctor\` lists what each provider lacks) or fix the input.`
    },
    defaultConfiguration: { level: "note" },
    properties: { tags: ["security", "secpol-not-evaluated"], precision: "high", "problem.severity": "recommendation" }
  };
}
function notEvaluatedResult(r, entry, ruleIndex, seen) {
  const reason = oneLine(text(r.reason ?? "")) || oneLine(text(r.message));
  const message = `${ident(r.ruleId)} (${r.severity}) could not be evaluated for ${ident(r.resource.id)}: ${reason}. This is not a pass.`;
  return {
    ruleId: NOT_EVALUATED_RULE,
    ruleIndex,
    level: "note",
    message: { text: message },
    locations: [toLocation(entry.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf2({ ...r, ruleId: `${NOT_EVALUATED_RULE}\0${r.ruleId}` }, entry, seen) },
    properties: {
      evaluatedRuleId: ident(r.ruleId),
      resourceId: ident(r.resource.id),
      kind: r.resource.kind,
      provider: text(r.resource.provider),
      status: r.status,
      severity: r.severity,
      reason
    }
  };
}
function fingerprintOf2(r, entry, seen) {
  const loc = entry.fingerprintLocation;
  const parts = [r.ruleId, r.resource.id, loc ? normalisePath2(loc.path) : "", loc?.line !== void 0 ? String(loc.line) : ""];
  const hash = createHash3("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}
function toLocation(loc) {
  const path = normalisePath2(loc.path);
  const absolute = /^(?:[A-Za-z]:)?\//.test(path);
  const region = { startLine: loc.line !== void 0 && loc.line >= 1 ? Math.floor(loc.line) : 1 };
  if (loc.column !== void 0 && loc.column >= 1) region.startColumn = Math.floor(loc.column);
  return {
    physicalLocation: {
      artifactLocation: absolute ? { uri: `file://${path.startsWith("/") ? "" : "/"}${encodePath(path)}` } : { uri: encodePath(path), uriBaseId: SRCROOT },
      region
    }
  };
}
function normalisePath2(path) {
  const clean2 = String(path).replace(new RegExp("\\p{Cs}", "gu"), "\uFFFD").replace(/\\/g, "/").replace(/^(?:\.\/)+/, "").replace(/\/{2,}/g, "/");
  return clean2.trim() === "" ? "" : clean2;
}
function encodePath(path) {
  return path.split("/").map((segment, i) => i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)).join("/");
}
function toNotification(d) {
  const notification = { level: d.severity, message: { text: oneLine(text(d.message)) } };
  const file = d.file ? normalisePath2(d.file) : "";
  if (file) {
    const loc = toLocation({ path: file, line: d.line, column: d.column });
    notification.locations = [loc];
  }
  return notification;
}
function isDateTime(value) {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value);
}

// node_modules/chalk/source/vendor/ansi-styles/index.js
var ANSI_BACKGROUND_OFFSET = 10;
var wrapAnsi16 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
var wrapAnsi256 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
var wrapAnsi16m = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
var styles = {
  modifier: {
    reset: [0, 0],
    // 21 isn't widely supported and 22 does the same thing
    bold: [1, 22],
    dim: [2, 22],
    italic: [3, 23],
    underline: [4, 24],
    overline: [53, 55],
    inverse: [7, 27],
    hidden: [8, 28],
    strikethrough: [9, 29]
  },
  color: {
    black: [30, 39],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
    white: [37, 39],
    // Bright color
    blackBright: [90, 39],
    gray: [90, 39],
    // Alias of `blackBright`
    grey: [90, 39],
    // Alias of `blackBright`
    redBright: [91, 39],
    greenBright: [92, 39],
    yellowBright: [93, 39],
    blueBright: [94, 39],
    magentaBright: [95, 39],
    cyanBright: [96, 39],
    whiteBright: [97, 39]
  },
  bgColor: {
    bgBlack: [40, 49],
    bgRed: [41, 49],
    bgGreen: [42, 49],
    bgYellow: [43, 49],
    bgBlue: [44, 49],
    bgMagenta: [45, 49],
    bgCyan: [46, 49],
    bgWhite: [47, 49],
    // Bright color
    bgBlackBright: [100, 49],
    bgGray: [100, 49],
    // Alias of `bgBlackBright`
    bgGrey: [100, 49],
    // Alias of `bgBlackBright`
    bgRedBright: [101, 49],
    bgGreenBright: [102, 49],
    bgYellowBright: [103, 49],
    bgBlueBright: [104, 49],
    bgMagentaBright: [105, 49],
    bgCyanBright: [106, 49],
    bgWhiteBright: [107, 49]
  }
};
var modifierNames = Object.keys(styles.modifier);
var foregroundColorNames = Object.keys(styles.color);
var backgroundColorNames = Object.keys(styles.bgColor);
var colorNames = [...foregroundColorNames, ...backgroundColorNames];
function assembleStyles() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group] of Object.entries(styles)) {
    for (const [styleName, style] of Object.entries(group)) {
      styles[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group[styleName] = styles[styleName];
      codes.set(style[0], style[1]);
    }
    Object.defineProperty(styles, groupName, {
      value: group,
      enumerable: false
    });
  }
  Object.defineProperty(styles, "codes", {
    value: codes,
    enumerable: false
  });
  styles.color.close = "\x1B[39m";
  styles.bgColor.close = "\x1B[49m";
  styles.color.ansi = wrapAnsi16();
  styles.color.ansi256 = wrapAnsi256();
  styles.color.ansi16m = wrapAnsi16m();
  styles.bgColor.ansi = wrapAnsi16(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi256 = wrapAnsi256(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi16m = wrapAnsi16m(ANSI_BACKGROUND_OFFSET);
  Object.defineProperties(styles, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex) {
        const matches = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex.toString(16));
        if (!matches) {
          return [0, 0, 0];
        }
        let [colorString] = matches;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise */
          integer >> 16 & 255,
          integer >> 8 & 255,
          integer & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex) => styles.rgbToAnsi256(...styles.hexToRgb(hex)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles.ansi256ToAnsi(styles.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex) => styles.ansi256ToAnsi(styles.hexToAnsi256(hex)),
      enumerable: false
    }
  });
  return styles;
}
var ansiStyles = assembleStyles();
var ansi_styles_default = ansiStyles;

// node_modules/chalk/source/vendor/supports-color/index.js
import process from "node:process";
import os from "node:os";
import tty from "node:tty";
function hasFlag(flag, argv = globalThis.Deno ? globalThis.Deno.args : process.argv) {
  const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
  const position = argv.indexOf(prefix + flag);
  const terminatorPosition = argv.indexOf("--");
  return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
}
var { env } = process;
var flagForceColor;
if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false") || hasFlag("color=never")) {
  flagForceColor = 0;
} else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
  flagForceColor = 1;
}
function envForceColor() {
  if ("FORCE_COLOR" in env) {
    if (env.FORCE_COLOR === "true") {
      return 1;
    }
    if (env.FORCE_COLOR === "false") {
      return 0;
    }
    return env.FORCE_COLOR.length === 0 ? 1 : Math.min(Number.parseInt(env.FORCE_COLOR, 10), 3);
  }
}
function translateLevel(level) {
  if (level === 0) {
    return false;
  }
  return {
    level,
    hasBasic: true,
    has256: level >= 2,
    has16m: level >= 3
  };
}
function _supportsColor(haveStream, { streamIsTTY, sniffFlags = true } = {}) {
  const noFlagForceColor = envForceColor();
  if (noFlagForceColor !== void 0) {
    flagForceColor = noFlagForceColor;
  }
  const forceColor = sniffFlags ? flagForceColor : noFlagForceColor;
  if (forceColor === 0) {
    return 0;
  }
  if (sniffFlags) {
    if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
      return 3;
    }
    if (hasFlag("color=256")) {
      return 2;
    }
  }
  if ("TF_BUILD" in env && "AGENT_NAME" in env) {
    return 1;
  }
  if (haveStream && !streamIsTTY && forceColor === void 0) {
    return 0;
  }
  const min = forceColor || 0;
  if (env.TERM === "dumb") {
    return min;
  }
  if (process.platform === "win32") {
    const osRelease = os.release().split(".");
    if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
      return Number(osRelease[2]) >= 14931 ? 3 : 2;
    }
    return 1;
  }
  if ("CI" in env) {
    if (["GITHUB_ACTIONS", "GITEA_ACTIONS", "CIRCLECI"].some((key) => key in env)) {
      return 3;
    }
    if (["TRAVIS", "APPVEYOR", "GITLAB_CI", "BUILDKITE", "DRONE"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
      return 1;
    }
    return min;
  }
  if ("TEAMCITY_VERSION" in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
  }
  if (env.COLORTERM === "truecolor") {
    return 3;
  }
  if (env.TERM === "xterm-kitty") {
    return 3;
  }
  if (env.TERM === "xterm-ghostty") {
    return 3;
  }
  if (env.TERM === "wezterm") {
    return 3;
  }
  if ("TERM_PROGRAM" in env) {
    const version = Number.parseInt((env.TERM_PROGRAM_VERSION || "").split(".")[0], 10);
    switch (env.TERM_PROGRAM) {
      case "iTerm.app": {
        return version >= 3 ? 3 : 2;
      }
      case "Apple_Terminal": {
        return 2;
      }
    }
  }
  if (/-256(color)?$/i.test(env.TERM)) {
    return 2;
  }
  if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
    return 1;
  }
  if ("COLORTERM" in env) {
    return 1;
  }
  return min;
}
function createSupportsColor(stream, options = {}) {
  const level = _supportsColor(stream, {
    streamIsTTY: stream && stream.isTTY,
    ...options
  });
  return translateLevel(level);
}
var supportsColor = {
  stdout: createSupportsColor({ isTTY: tty.isatty(1) }),
  stderr: createSupportsColor({ isTTY: tty.isatty(2) })
};
var supports_color_default = supportsColor;

// node_modules/chalk/source/utilities.js
function stringReplaceAll(string, substring, replacer) {
  let index = string.indexOf(substring);
  if (index === -1) {
    return string;
  }
  const substringLength = substring.length;
  let endIndex = 0;
  let returnValue = "";
  do {
    returnValue += string.slice(endIndex, index) + substring + replacer;
    endIndex = index + substringLength;
    index = string.indexOf(substring, endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}
function stringEncaseCRLFWithFirstIndex(string, prefix, postfix, index) {
  let endIndex = 0;
  let returnValue = "";
  do {
    const gotCR = string[index - 1] === "\r";
    returnValue += string.slice(endIndex, gotCR ? index - 1 : index) + prefix + (gotCR ? "\r\n" : "\n") + postfix;
    endIndex = index + 1;
    index = string.indexOf("\n", endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}

// node_modules/chalk/source/index.js
var { stdout: stdoutColor, stderr: stderrColor } = supports_color_default;
var GENERATOR = /* @__PURE__ */ Symbol("GENERATOR");
var STYLER = /* @__PURE__ */ Symbol("STYLER");
var IS_EMPTY = /* @__PURE__ */ Symbol("IS_EMPTY");
var levelMapping = [
  "ansi",
  "ansi",
  "ansi256",
  "ansi16m"
];
var styles2 = /* @__PURE__ */ Object.create(null);
var applyOptions = (object, options = {}) => {
  if (options.level && !(Number.isInteger(options.level) && options.level >= 0 && options.level <= 3)) {
    throw new Error("The `level` option should be an integer from 0 to 3");
  }
  const colorLevel = stdoutColor ? stdoutColor.level : 0;
  object.level = options.level === void 0 ? colorLevel : options.level;
};
var Chalk = class {
  constructor(options) {
    return chalkFactory(options);
  }
};
var chalkFactory = (options) => {
  const chalk2 = (...strings) => strings.join(" ");
  applyOptions(chalk2, options);
  Object.setPrototypeOf(chalk2, createChalk.prototype);
  return chalk2;
};
function createChalk(options) {
  return chalkFactory(options);
}
Object.setPrototypeOf(createChalk.prototype, Function.prototype);
for (const [styleName, style] of Object.entries(ansi_styles_default)) {
  styles2[styleName] = {
    get() {
      const builder = createBuilder(this, createStyler(style.open, style.close, this[STYLER]), this[IS_EMPTY]);
      Object.defineProperty(this, styleName, { value: builder });
      return builder;
    }
  };
}
styles2.visible = {
  get() {
    const builder = createBuilder(this, this[STYLER], true);
    Object.defineProperty(this, "visible", { value: builder });
    return builder;
  }
};
var getModelAnsi = (model, level, type, ...arguments_) => {
  if (model === "rgb") {
    if (level === "ansi16m") {
      return ansi_styles_default[type].ansi16m(...arguments_);
    }
    if (level === "ansi256") {
      return ansi_styles_default[type].ansi256(ansi_styles_default.rgbToAnsi256(...arguments_));
    }
    return ansi_styles_default[type].ansi(ansi_styles_default.rgbToAnsi(...arguments_));
  }
  if (model === "hex") {
    return getModelAnsi("rgb", level, type, ...ansi_styles_default.hexToRgb(...arguments_));
  }
  return ansi_styles_default[type][model](...arguments_);
};
var usedModels = ["rgb", "hex", "ansi256"];
for (const model of usedModels) {
  styles2[model] = {
    get() {
      const { level } = this;
      return function(...arguments_) {
        const styler = createStyler(getModelAnsi(model, levelMapping[level], "color", ...arguments_), ansi_styles_default.color.close, this[STYLER]);
        return createBuilder(this, styler, this[IS_EMPTY]);
      };
    }
  };
  const bgModel = "bg" + model[0].toUpperCase() + model.slice(1);
  styles2[bgModel] = {
    get() {
      const { level } = this;
      return function(...arguments_) {
        const styler = createStyler(getModelAnsi(model, levelMapping[level], "bgColor", ...arguments_), ansi_styles_default.bgColor.close, this[STYLER]);
        return createBuilder(this, styler, this[IS_EMPTY]);
      };
    }
  };
}
var proto = Object.defineProperties(() => {
}, {
  ...styles2,
  level: {
    enumerable: true,
    get() {
      return this[GENERATOR].level;
    },
    set(level) {
      this[GENERATOR].level = level;
    }
  }
});
var createStyler = (open, close, parent) => {
  let openAll;
  let closeAll;
  if (parent === void 0) {
    openAll = open;
    closeAll = close;
  } else {
    openAll = parent.openAll + open;
    closeAll = close + parent.closeAll;
  }
  return {
    open,
    close,
    openAll,
    closeAll,
    parent
  };
};
var createBuilder = (self, _styler, _isEmpty) => {
  const builder = (...arguments_) => applyStyle(builder, arguments_.length === 1 ? "" + arguments_[0] : arguments_.join(" "));
  Object.setPrototypeOf(builder, proto);
  builder[GENERATOR] = self;
  builder[STYLER] = _styler;
  builder[IS_EMPTY] = _isEmpty;
  return builder;
};
var applyStyle = (self, string) => {
  if (self.level <= 0 || !string) {
    return self[IS_EMPTY] ? "" : string;
  }
  let styler = self[STYLER];
  if (styler === void 0) {
    return string;
  }
  const { openAll, closeAll } = styler;
  if (string.includes("\x1B")) {
    while (styler !== void 0) {
      string = stringReplaceAll(string, styler.close, styler.open);
      styler = styler.parent;
    }
  }
  const lfIndex = string.indexOf("\n");
  if (lfIndex !== -1) {
    string = stringEncaseCRLFWithFirstIndex(string, closeAll, openAll, lfIndex);
  }
  return openAll + string + closeAll;
};
Object.defineProperties(createChalk.prototype, styles2);
var chalk = createChalk();
var chalkStderr = createChalk({ level: stderrColor ? stderrColor.level : 0 });

// src/report/text/index.ts
var EVIDENCE_LIMIT = 5;
var INDENT = "    ";
function renderText(report, options) {
  return [...renderTextChunks(report, options)].join("");
}
var BATCH2 = PIECE_SIZE;
function* renderTextChunks(report, options) {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  let out = [];
  let size = 0;
  const t = terminalText;
  const take = () => {
    const text2 = [...wrap(out, options.width), ""].join("\n");
    out = [];
    size = 0;
    return text2;
  };
  const header = `${t(report.tool.name)} ${t(report.tool.version)}`;
  const seconds = durationSeconds(report);
  out.push(c.bold(header) + c.dim(` \u2014 ${t(report.finishedAt)}${seconds !== void 0 ? ` (${seconds}s)` : ""}`));
  const shown = sortResults(report.results.filter((r) => options.verbose || r.status === "fail" || r.status === "error"));
  const groups = groupByResource(shown);
  const fixesShown = /* @__PURE__ */ new Set();
  for (const [, results] of groups) {
    const first = results[0];
    if (!first) continue;
    out.push("");
    out.push(`${c.bold(t(first.resource.id))} ${c.dim(`(${t(first.resource.kind)})`)}`);
    for (const r of results) {
      for (const line2 of renderResult(r, c, options, fixesShown)) {
        out.push(line2);
        size += line2.length;
      }
    }
    if (size >= BATCH2) yield take();
  }
  if (!options.verbose) {
    const quiet = countQuiet(report);
    if (quiet) {
      out.push("");
      out.push(c.dim(`${quiet} (use --verbose to list them)`));
    }
  }
  const waivers = waiversNeedingAttention(report.waivers);
  if (waivers.length > 0) {
    out.push("");
    out.push(c.bold("Waivers"));
    for (const w of waivers) {
      const label = waiverStateLabel[w.state];
      const colour = w.state === "expired" ? c.red : c.yellow;
      const what = w.state === "unused" ? "matched no result" : w.state === "expired" ? `expired ${t(w.expires)}, no longer applied` : `expires ${t(w.expires)}`;
      const source = w.source ? ` ${c.dim(`(${t(w.source.file)}:${w.source.line})`)}` : "";
      out.push(`  ${colour(label.toUpperCase())} ${t(w.rule)} on ${t(w.resource)}: ${what} \u2014 ${t(w.reason)}${w.approvedBy ? ` (approved by ${t(w.approvedBy)})` : ""}${source}`);
    }
  }
  if (report.diagnostics.length > 0) {
    out.push("");
    out.push(c.bold("Diagnostics"));
    for (const d of report.diagnostics) {
      const where = d.file ? `${diagnosticPosition({ ...d, file: t(d.file) })}: ` : "";
      const level = d.severity === "error" ? c.red("error") : c.yellow("warning");
      out.push(`  ${level} ${where}${t(d.message)}`);
    }
  }
  out.push("");
  const line = summaryLine(report);
  out.push(report.summary.fail > 0 || report.summary.error > 0 ? c.bold(line) : c.green(line));
  yield take();
}
var severityColour = (c, s2) => s2 === "critical" ? c.bold.red : s2 === "high" ? c.red : s2 === "medium" ? c.yellow : c.cyan;
var statusTag = { fail: "FAIL", error: "ERROR", waived: "WAIVED", skip: "SKIP", pass: "PASS" };
function renderResult(r, c, options, fixesShown) {
  const t = terminalText;
  const tag = statusTag[r.status].padEnd(6);
  const colouredTag = r.status === "fail" ? c.red(tag) : r.status === "error" ? c.magenta(tag) : r.status === "pass" ? c.green(tag) : c.dim(tag);
  const sev = severityColour(c, r.severity)(r.severity.padEnd(8));
  const lines = [`  ${colouredTag} ${sev} ${c.bold(t(r.ruleId))}  ${t(r.message)}`];
  if (r.location) lines.push(`${INDENT}${c.dim("at")} ${t(formatLocation(r.location))}`);
  if (r.reason && (r.status === "error" || r.status === "skip")) lines.push(`${INDENT}${c.dim("reason:")} ${t(r.reason)}`);
  const evidence = r.evidence ?? [];
  const limit = options.verbose ? evidence.length : EVIDENCE_LIMIT;
  for (const e of evidence.slice(0, limit)) {
    const where = e.location ? ` ${c.dim(`(${t(formatLocation(e.location))})`)}` : "";
    lines.push(`${INDENT}- ${t(e.message)}${where}`);
  }
  if (evidence.length > limit) lines.push(`${INDENT}${c.dim(`\u2026 and ${evidence.length - limit} more`)}`);
  if (r.waiver) {
    const soon = r.waiver.expiringSoon ? ` ${c.yellow("(expiring soon)")}` : "";
    lines.push(`${INDENT}${c.dim("waived:")} ${t(r.waiver.reason)} \u2014 until ${t(r.waiver.expires)}${soon}`);
  }
  if (r.remediation && (r.status === "fail" || r.status === "waived")) {
    const repeat = fixesShown.has(r.ruleId) && !options.verbose;
    fixesShown.add(r.ruleId);
    if (repeat) {
      lines.push(`${INDENT}${c.dim("fix:")} ${c.dim(`as above (secpol policy explain ${t(r.ruleId)})`)}`);
    } else {
      const [first = "", ...rest] = r.remediation.trim().split("\n").map(t).filter((l) => l !== "");
      lines.push(`${INDENT}${c.dim("fix:")} ${first}`, ...rest.map((l) => `${INDENT}     ${l}`));
    }
  }
  return lines;
}
function countQuiet(report) {
  const parts = [];
  const { pass, skip, waived } = report.summary;
  if (pass > 0) parts.push(`${pass} passed`);
  if (skip > 0) parts.push(`${skip} skipped`);
  if (waived > 0) parts.push(`${waived} waived`);
  return parts.length > 0 ? `${parts.join(", ")} not listed` : "";
}
function wrap(lines, width) {
  if (!width || width < 20) return lines;
  const out = [];
  for (const line of lines) {
    if (visibleLength(line) <= width) {
      out.push(line);
      continue;
    }
    const indent = /^ */.exec(line)?.[0] ?? "";
    let prefix = indent;
    let current = "";
    for (const word of line.slice(indent.length).split(" ")) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && visibleLength(prefix + candidate) > width) {
        out.push(prefix + current);
        prefix = `${indent}  `;
        current = word;
      } else {
        current = candidate;
      }
    }
    out.push(prefix + current);
  }
  return out;
}
var SGR = /\x1b\[[0-9;]*m/g;
function visibleLength(text2) {
  return [...text2.replace(SGR, "")].length;
}

// src/report/index.ts
var reportFormats = ["text", "json", "sarif", "junit", "markdown", "html", "github", "codequality", "azure"];
function isReportFormat(value) {
  return reportFormats.includes(value);
}
function renderReport(format, report, options = {}) {
  switch (format) {
    case "text":
      return renderText(report, { color: options.color ?? false, verbose: options.verbose ?? false, ...options.width ? { width: options.width } : {} });
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report, { all: options.sarifAll ?? false, ...options.anchorFile ? { anchorFile: options.anchorFile } : {} });
    case "junit":
      return renderJunit(report);
    case "markdown":
      return renderMarkdown(report);
    case "html":
      return renderHtml(report);
    case "github":
      return renderGithub(report);
    case "codequality":
      return renderCodeQuality(report);
    case "azure":
      return renderAzure(report);
  }
}
function renderReportChunks(format, report, options = {}) {
  switch (format) {
    case "json":
      return renderJsonChunks(report);
    case "junit":
      return renderJunitChunks(report);
    case "html":
      return renderHtmlChunks(report);
    case "codequality":
      return renderCodeQualityChunks(report);
    case "sarif":
      return renderSarifChunks(report, { all: options.sarifAll ?? false, ...options.anchorFile ? { anchorFile: options.anchorFile } : {} });
    case "text":
      return renderTextChunks(report, { color: options.color ?? false, verbose: options.verbose ?? false, ...options.width ? { width: options.width } : {} });
    default:
      return [renderReport(format, report, options)];
  }
}
export {
  STEP_SUMMARY_LIMIT,
  githubStepSummary,
  isReportFormat,
  renderAzure,
  renderCodeQuality,
  renderCodeQualityChunks,
  renderComplianceExport,
  renderGithub,
  renderHtml,
  renderHtmlChunks,
  renderJson,
  renderJsonChunks,
  renderJunit,
  renderJunitChunks,
  renderMarkdown,
  renderReport,
  renderReportChunks,
  renderSarif,
  renderSarifChunks,
  renderText,
  renderTextChunks,
  reportFormats,
  summaryLine
};
