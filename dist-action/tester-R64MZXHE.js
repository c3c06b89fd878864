import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  evaluate
} from "./chunk-AFUZLDG7.js";
import {
  compileRule,
  ruleDefinition
} from "./chunk-HABV22VA.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import {
  Resource
} from "./chunk-LS7IB64P.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-XCJ6UWEH.js";
import "./chunk-W373M6OA.js";

// src/policy/tester.ts
var DEFAULT_EXAMPLE_NOW = "2026-06-01T00:00:00Z";
function runExamples(rules) {
  const out = [];
  for (const rule of rules) {
    rule.examples.forEach((example, i) => out.push(runExample(rule, example, i + 1)));
    const expects = new Set(rule.examples.map((e) => e.expect));
    if (!expects.has("fail")) {
      out.push(missing(rule, "fail", "the rule has no example expected to fail: add one that shows a violation"));
    }
    if (!expects.has("skip") && !expects.has("error")) {
      out.push(
        missing(rule, "skip|error", "the rule has no example with unknown data: add one whose resource lacks the field (with a gap) and expects skip or error")
      );
    }
  }
  return out;
}
function missing(rule, expected, message) {
  return { rule: rule.id, example: `(missing ${expected} example)`, expected, actual: "none", ok: false, message, at: rule.source };
}
function runExample(rule, example, n) {
  const label = example.name ?? `#${n}`;
  const base = { rule: rule.id, example: label, expected: example.expect, at: example.at };
  const id = `example:${rule.id}/${n}`;
  const candidate = { id, provider: "example", name: example.name ?? id, ...example.resource, kind: rule.kind };
  const parsed = Resource.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "resource"}: ${i.message}`).join("; ");
    return { ...base, actual: "invalid", ok: false, message: `example resource does not fit the ${rule.kind} model: ${problems}` };
  }
  let subject = rule;
  if (example.params) {
    const def = ruleDefinition(rule);
    if (!def) return { ...base, actual: "invalid", ok: false, message: "example params need the rule definition (rule was not compiled by compileRule)" };
    const recompiled = compileRule(def, { rule: rule.id, params: example.params, source: example.at });
    if (!recompiled.rule) {
      return { ...base, actual: "invalid", ok: false, message: recompiled.diagnostics.map((d) => d.message).join("; ") };
    }
    subject = recompiled.rule;
  }
  const { match: _match, ...unscoped } = subject;
  const now = new Date(example.now ?? DEFAULT_EXAMPLE_NOW);
  const { results } = evaluate([{ ...unscoped, enabled: true }], [parsed.data], { now });
  const result = results[0];
  const actual = result?.status ?? "none";
  const ok = actual === example.expect;
  const detail = result ? result.reason ?? result.message : "no result";
  return { ...base, actual, ok, message: ok ? detail : `expected ${example.expect}, got ${actual}: ${detail}`, ...result ? { resultMessage: result.message } : {} };
}
export {
  DEFAULT_EXAMPLE_NOW,
  runExamples
};
