import { evaluate } from '../engine/evaluate.js';
import { Resource } from '../model/index.js';
import type { Rule, RuleExample, SourceRef } from '../model/index.js';
import { compileRule, ruleDefinition } from './compile.js';

/** The clock examples run at unless they give `now`: fixed, so examples never rot. */
export const DEFAULT_EXAMPLE_NOW = '2026-06-01T00:00:00Z';

export interface ExampleOutcome {
  rule: string;
  /** The example's name, `#<n>` when it has none, or what is missing. */
  example: string;
  expected: string;
  actual: string;
  ok: boolean;
  message: string;
  /** The result's rendered message, as a report would show it. */
  resultMessage?: string;
  at: SourceRef;
}

/**
 * Runs every rule's examples through the real engine (our RuleTester) and checks that each
 * rule has at least one `fail` example and one unknown (`skip` or `error`) example: a rule
 * that never demonstrates failing, or that has never been shown a gap, is not trusted.
 */
export function runExamples(rules: Rule[]): ExampleOutcome[] {
  const out: ExampleOutcome[] = [];
  for (const rule of rules) {
    rule.examples.forEach((example, i) => out.push(runExample(rule, example, i + 1)));
    const expects = new Set(rule.examples.map((e) => e.expect));
    if (!expects.has('fail')) {
      out.push(missing(rule, 'fail', 'the rule has no example expected to fail: add one that shows a violation'));
    }
    if (!expects.has('skip') && !expects.has('error')) {
      out.push(
        missing(rule, 'skip|error', 'the rule has no example with unknown data: add one whose resource lacks the field (with a gap) and expects skip or error'),
      );
    }
  }
  return out;
}

function missing(rule: Rule, expected: string, message: string): ExampleOutcome {
  return { rule: rule.id, example: `(missing ${expected} example)`, expected, actual: 'none', ok: false, message, at: rule.source };
}

function runExample(rule: Rule, example: RuleExample, n: number): ExampleOutcome {
  const label = example.name ?? `#${n}`;
  const base = { rule: rule.id, example: label, expected: example.expect, at: example.at };
  const id = `example:${rule.id}/${n}`;
  // The kind is always the rule's: an example of another kind would silently test nothing.
  const candidate = { id, provider: 'example', name: example.name ?? id, ...example.resource, kind: rule.kind };
  const parsed = Resource.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'resource'}: ${i.message}`).join('; ');
    return { ...base, actual: 'invalid', ok: false, message: `example resource does not fit the ${rule.kind} model: ${problems}` };
  }

  let subject = rule;
  if (example.params) {
    const def = ruleDefinition(rule);
    if (!def) return { ...base, actual: 'invalid', ok: false, message: 'example params need the rule definition (rule was not compiled by compileRule)' };
    const recompiled = compileRule(def, { rule: rule.id, params: example.params, source: example.at });
    if (!recompiled.rule) {
      return { ...base, actual: 'invalid', ok: false, message: recompiled.diagnostics.map((d) => d.message).join('; ') };
    }
    subject = recompiled.rule;
  }

  // Examples test the rule's logic: config scoping and disabling do not apply to them.
  const { match: _match, ...unscoped } = subject;
  const now = new Date(example.now ?? DEFAULT_EXAMPLE_NOW);
  const { results } = evaluate([{ ...unscoped, enabled: true }], [parsed.data], { now });
  const result = results[0];
  const actual = result?.status ?? 'none';
  const ok = actual === example.expect;
  const detail = result ? (result.reason ?? result.message) : 'no result';
  return { ...base, actual, ok, message: ok ? detail : `expected ${example.expect}, got ${actual}: ${detail}`, ...(result ? { resultMessage: result.message } : {}) };
}
