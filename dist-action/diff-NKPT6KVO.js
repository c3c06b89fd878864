import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  escapeMarkdown,
  oneLine,
  stripControl
} from "./chunk-6DMZHOSZ.js";
import "./chunk-W373M6OA.js";

// src/report/diff/index.ts
var diffFormats = ["text", "json", "markdown"];
function renderDiff(diff, format) {
  if (format === "json") return `${JSON.stringify(diff, (_key, value) => typeof value === "string" ? stripControl(value) : value, 2)}
`;
  return format === "markdown" ? renderMarkdown(diff) : renderText(diff);
}
var t = (s) => oneLine(stripControl(s));
var md = (s) => escapeMarkdown(t(s));
function headline(diff) {
  return `${diff.newlyFailing.length} newly failing, ${diff.newlyPassing.length} newly passing, ${diff.newErrors.length} new errors; ${diff.resourcesAdded.length} resources added, ${diff.resourcesRemoved.length} removed`;
}
function transition(c) {
  return `${c.from ?? "absent"} -> ${c.to ?? "absent"}`;
}
function renderText(diff) {
  const out = [`secpol diff ${t(diff.old.file)} (${t(diff.old.startedAt)}) -> ${t(diff.new.file)} (${t(diff.new.startedAt)})`, ""];
  const section = (title, items) => {
    if (items.length === 0) return;
    out.push(`${title} (${items.length})`);
    for (const c of items) out.push(`  ${c.severity.toUpperCase().padEnd(8)} ${t(c.ruleId)}  ${t(c.resource.id)}  [${transition(c)}]  ${t(c.message)}`);
    out.push("");
  };
  section("Newly failing", diff.newlyFailing);
  section("New errors", diff.newErrors);
  section("Newly passing", diff.newlyPassing);
  for (const [title, list] of [
    ["Resources added", diff.resourcesAdded],
    ["Resources removed", diff.resourcesRemoved]
  ]) {
    if (list.length === 0) continue;
    out.push(`${title} (${list.length})`, ...list.map((r) => `  ${t(r.id)} (${r.kind})`), "");
  }
  if (diff.byRule.length > 0) {
    out.push("By rule (newly failing / newly passing / new errors)");
    for (const r of diff.byRule) out.push(`  ${t(r.ruleId).padEnd(40)} ${counts(r)}`);
    out.push("");
  }
  if (diff.byControl.length > 0) {
    out.push("By control (newly failing / newly passing / new errors)");
    for (const c of diff.byControl) out.push(`  ${`${c.framework} ${t(c.control)}`.padEnd(40)} ${counts(c)}`);
    out.push("");
  }
  out.push(headline(diff));
  return `${out.join("\n")}
`;
}
function counts(c) {
  return `+${c.newlyFailing} / -${c.newlyPassing} / ${c.newErrors}`;
}
function renderMarkdown(diff) {
  const out = [
    "## secpol: what changed",
    "",
    `${md(diff.old.file)} (${md(diff.old.startedAt)}) \u2192 ${md(diff.new.file)} (${md(diff.new.startedAt)})`,
    "",
    `**${md(headline(diff))}**`,
    ""
  ];
  const table = (title, items) => {
    if (items.length === 0) return;
    out.push(`### ${title} (${items.length})`, "", "| Severity | Rule | Resource | Change | Message |", "| --- | --- | --- | --- | --- |");
    for (const c of items) out.push(`| ${c.severity} | ${md(c.ruleId)} | ${md(c.resource.id)} | ${transition(c)} | ${md(c.message)} |`);
    out.push("");
  };
  table("Newly failing", diff.newlyFailing);
  table("New errors", diff.newErrors);
  table("Newly passing", diff.newlyPassing);
  for (const [title, list] of [
    ["Resources added", diff.resourcesAdded],
    ["Resources removed", diff.resourcesRemoved]
  ]) {
    if (list.length === 0) continue;
    out.push(`<details><summary>${title} (${list.length})</summary>`, "", ...list.map((r) => `- ${md(r.id)} (${r.kind})`), "", "</details>", "");
  }
  const countTable = (title, first, rows) => {
    if (rows.length === 0) return;
    out.push(`### ${title}`, "", `| ${first} | Newly failing | Newly passing | New errors |`, "| --- | ---: | ---: | ---: |");
    for (const { name, c } of rows) out.push(`| ${name} | ${c.newlyFailing} | ${c.newlyPassing} | ${c.newErrors} |`);
    out.push("");
  };
  countTable("By rule", "Rule", diff.byRule.map((r) => ({ name: md(r.ruleId), c: r })));
  countTable("By control", "Control", diff.byControl.map((c) => ({ name: `${c.framework} ${md(c.control)}`, c })));
  return `${out.join("\n").trimEnd()}
`;
}
export {
  diffFormats,
  renderDiff
};
