import { z } from 'zod';
import { frameworks, resourceKinds, severities } from '../model/index.js';
import type { SourceRef } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { zodIssuesToDiagnostics } from '../shared/schema-diagnostics.js';
import type { DocPath, LocatedDocument } from '../shared/located-document.js';
import { parseCondition } from './condition-syntax.js';

/** What users write in a policy file. Strict: an unknown key is an error, never ignored. */

export const RULE_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/;
const POLICY_ID = /^[a-z0-9][a-z0-9._/-]*$/;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const RuleIdSchema = z.string().regex(RULE_ID, 'a rule id is lowercase words joined by dots and dashes, e.g. acme.min-approvals');

const ControlsSchema = z.strictObject(
  Object.fromEntries(frameworks.map((f) => [f, z.array(z.string().min(1)).optional()])) as Record<
    (typeof frameworks)[number],
    z.ZodOptional<z.ZodArray<z.ZodString>>
  >,
);

const ParamsSchema = z.record(z.string().regex(PARAM_NAME, 'a param name is a letter or "_" followed by letters, digits, "_" or "-"'), z.unknown());

const ExampleSchema = z.strictObject({
  name: z.string().optional(),
  expect: z.enum(['pass', 'fail', 'skip', 'error']),
  resource: z.record(z.string(), z.unknown()),
  now: z.iso.datetime({ offset: true }).optional(),
  params: ParamsSchema.optional(),
});

/** Conditions are checked by the grammar in condition-syntax.ts, which gives better messages than a zod union. */
const ConditionInput = z.unknown();

export const RuleSpecSchema = z.strictObject({
  id: RuleIdSchema,
  title: z.string().min(1),
  description: z.string().optional(),
  severity: z.enum(severities),
  resource: z.enum(resourceKinds),
  where: ConditionInput.optional(),
  params: ParamsSchema.optional(),
  /**
   * Take the params (defaults and secpol.yaml overrides) of another rule: two rules that split
   * one set of findings between them stay in step with one switch.
   */
  paramsOf: RuleIdSchema.optional(),
  assert: ConditionInput,
  message: z.string().min(1),
  /** Messages for particular failures, the first whose `when` holds wins; `message` otherwise. */
  messages: z.array(z.strictObject({ when: ConditionInput, text: z.string().min(1) })).min(1).optional(),
  /** Messages for passes that need saying how (e.g. labels set by CI), the first whose `when` holds wins; the title otherwise. */
  passMessages: z.array(z.strictObject({ when: ConditionInput, text: z.string().min(1) })).min(1).optional(),
  evidence: z.string().min(1).optional(),
  remediation: z.string().optional(),
  controls: ControlsSchema.optional(),
  tags: z.array(z.string().min(1)).optional(),
  // http(s) only: reports render it as a link, and a javascript: URL would be a script.
  helpUri: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  enabled: z.boolean().optional(),
  examples: z.array(ExampleSchema).optional(),
});
export type RuleSpec = z.infer<typeof RuleSpecSchema>;

export const PolicyFileSchema = z.strictObject({
  policy: z.string().regex(POLICY_ID, 'a policy id is lowercase letters, digits, ".", "_", "-" and "/"').optional(),
  rules: z.array(z.unknown()).min(1, 'a policy file needs at least one rule'),
});

/** A rule as written, validated in shape; conditions are still raw (params not substituted). */
export interface RuleDefinition {
  id: string;
  policyId: string;
  file: string;
  spec: RuleSpec;
  /** Where the rule mapping starts. */
  source: SourceRef;
  /** Position of a path relative to the rule mapping (`['assert', 'gte']`). */
  locate(path: DocPath, target?: 'value' | 'key'): SourceRef;
}

/**
 * Validates one rule mapping found at `prefix` in a parsed document: zod for its shape, the
 * condition grammar for `where`/`assert` (unknown operators named with the valid ones).
 */
export function validateRuleSpec(
  raw: unknown,
  doc: Pick<LocatedDocument, 'locate'>,
  file: string,
  prefix: DocPath,
): { spec?: RuleSpec; diagnostics: Diagnostic[] } {
  const parsed = RuleSpecSchema.safeParse(raw, { reportInput: true });
  const diagnostics: Diagnostic[] = [];
  if (!parsed.success) {
    diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues, doc.locate, file, { prefix, root: raw, schema: RuleSpecSchema }));
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const record = raw as Record<string, unknown>;
    const env = {
      mode: 'syntax' as const,
      report(path: DocPath, message: string, target?: 'value' | 'key') {
        const at = doc.locate([...prefix, ...path], target);
        diagnostics.push({ severity: 'error' as const, file, ...at, message });
      },
      at: () => ({ file, line: 1, column: 1 }),
    };
    for (const key of ['where', 'assert'] as const) {
      if (record[key] !== undefined) parseCondition(record[key], [key], env);
    }
  }
  if (diagnostics.length > 0 || !parsed.success) return { diagnostics };
  return { spec: parsed.data, diagnostics };
}
