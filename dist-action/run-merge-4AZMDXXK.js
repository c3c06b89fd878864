import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  exitCode,
  summarize
} from "./chunk-KB6Y4H7Z.js";
import {
  readRunInput
} from "./chunk-643WBRGH.js";
import "./chunk-652F6R4Q.js";
import "./chunk-PUCDVRQO.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import "./chunk-LS7IB64P.js";
import "./chunk-66KPFJW4.js";
import "./chunk-RVV4H2YY.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/app/run-merge.ts
import { resolve } from "node:path";

// src/app/merge.ts
function mergeShardReports(inputs) {
  const first = checkShards(inputs);
  const results = mergeResults(inputs);
  const diagnostics = unique(inputs.flatMap((i) => i.report.diagnostics));
  const report = {
    tool: first.tool,
    startedAt: inputs.map((i) => i.report.startedAt).reduce((a, b) => b < a ? b : a),
    finishedAt: inputs.map((i) => i.report.finishedAt).reduce((a, b) => b > a ? b : a),
    failOn: first.failOn,
    summary: summarize(results),
    results,
    rules: first.rules,
    waivers: mergeWaivers(inputs.map((i) => i.report.waivers)),
    diagnostics,
    stats: sumStats(inputs.map((i) => i.report.stats)),
    ...first.anchorFile !== void 0 ? { anchorFile: first.anchorFile } : {},
    ...first.baseline ? { baseline: mergeBaseline(inputs.map((i) => i.report.baseline)) } : {}
  };
  return { report, exitCode: exitCode(results, report.failOn, diagnostics.filter((d) => d.severity === "error")) };
}
function refuse(message, file) {
  throw new UserError([{ severity: "error", ...file ? { file } : {}, message: `cannot merge: ${message}` }]);
}
function checkShards(inputs) {
  if (inputs.length === 0) refuse("no reports given");
  const sorted = [...inputs].sort((a, b) => (a.report.shard?.index ?? 0) - (b.report.shard?.index ?? 0));
  const first = sorted[0];
  for (const { report, file } of inputs) {
    const s = report.shard;
    if (!s) refuse("not a shard report (run secpol check --shard i/n --format json)", file);
    const f = first.report.shard;
    if (s.count !== f.count) refuse(`shard ${s.index}/${s.count} does not belong with ${f.index}/${f.count} of ${first.file}`, file);
    if (s.policySet !== f.policySet) refuse(`evaluated with a different policy set than ${first.file}`, file);
    if (s.config !== f.config) refuse(`evaluated with a different config (fail-on, overrides, waivers, targets or baseline) than ${first.file}`, file);
    if (s.clock !== f.clock) refuse(`evaluated at ${s.clock}, ${first.file} at ${f.clock}: pin one clock for every shard with SECPOL_NOW`, file);
    if (report.failOn !== first.report.failOn) refuse(`fail-on ${report.failOn} differs from ${first.file} (${first.report.failOn})`, file);
    if (report.tool.version !== first.report.tool.version) refuse(`written by secpol ${report.tool.version}, ${first.file} by ${first.report.tool.version}`, file);
    if (Boolean(report.baseline) !== Boolean(first.report.baseline)) refuse(`compared with a baseline and ${first.file} not (or the other way round)`, file);
  }
  const count = first.report.shard.count;
  const seen = /* @__PURE__ */ new Map();
  for (const { report, file } of inputs) {
    const previous = seen.get(report.shard.index);
    if (previous !== void 0) refuse(`shard ${report.shard.index}/${count} given twice (${previous} and ${file})`, file);
    seen.set(report.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) refuse(`shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} missing`);
  return first.report;
}
function mergeResults(inputs) {
  const byKey = /* @__PURE__ */ new Map();
  const merged = [];
  for (const { report, file } of inputs) {
    for (const result of report.results) {
      const key = `${result.ruleId}\0${result.resource.id}`;
      const earlier = byKey.get(key);
      if (earlier) {
        if (JSON.stringify(earlier.result) !== JSON.stringify(result)) refuse(`${earlier.file} and ${file} disagree on ${result.ruleId} for ${result.resource.id}`, file);
        continue;
      }
      byKey.set(key, { result, file });
      merged.push(result);
    }
  }
  return merged.sort((a, b) => a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0);
}
function mergeWaivers(lists) {
  const [head = []] = lists;
  return head.map((w, i) => {
    const copies = lists.map((l) => l[i]).filter(Boolean);
    const matched = copies.reduce((n, c) => n + c.matched, 0);
    const matching = copies.find((c) => c.matched > 0);
    const state = copies.some((c) => c.state === "expired") ? "expired" : matched === 0 ? "unused" : matching.state;
    return { ...w, matched, state };
  });
}
function mergeBaseline(parts) {
  const fixedSets = parts.map((p) => new Set(p.fixed.map((f) => f.fingerprint)));
  const fixed = parts[0].fixed.filter((e) => fixedSets.every((s) => s.has(e.fingerprint)));
  return {
    file: parts[0].file,
    createdAt: parts[0].createdAt,
    existing: parts.reduce((n, p) => n + p.existing, 0),
    new: parts.reduce((n, p) => n + p.new, 0),
    fixed
  };
}
function unique(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.severity, d.message, d.file, d.line, d.column]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function sumStats(all) {
  const objects = all.filter((v) => !!v && typeof v === "object" && !Array.isArray(v));
  if (objects.length === 0) return all.every((v) => typeof v === "number") ? all.reduce((a, b) => a + b, 0) : all[0];
  const out = {};
  for (const key of new Set(objects.flatMap((o) => Object.keys(o)))) {
    out[key] = sumStats(objects.filter((o) => key in o).map((o) => o[key]));
  }
  return out;
}

// src/app/run-merge.ts
async function runMerge(files, cwd) {
  const inputs = [];
  for (const file of files) {
    const input = await readRunInput(resolve(cwd, file), file);
    if (input.kind !== "report") throw new UserError([{ severity: "error", file, message: "cannot merge: not a JSON report (secpol check --shard i/n --format json)" }]);
    inputs.push({ report: input.report, file });
  }
  return mergeShardReports(inputs);
}
export {
  runMerge
};
