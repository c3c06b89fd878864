export { loadPolicyFiles, parsePolicyText } from './load.js';
export type { LoadOptions } from './load.js';
export { compileRule, compileRules, ruleDefinition } from './compile.js';
export { runExamples, DEFAULT_EXAMPLE_NOW } from './tester.js';
export type { ExampleOutcome } from './tester.js';
export { RuleSpecSchema, PolicyFileSchema, validateRuleSpec, RULE_ID } from './schema.js';
export type { RuleDefinition, RuleSpec } from './schema.js';
export { compileRegex, fieldOperators } from './condition-syntax.js';
export { parseFieldPath } from './field-path.js';
