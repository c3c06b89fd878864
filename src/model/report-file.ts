import { z } from 'zod';
import { severities, frameworks } from './rule.js';
import { resourceKinds } from './resources.js';
import { statuses } from './result.js';

/**
 * A JSON report as `secpol check --format json` writes it, read back by `baseline`, `diff` and
 * `merge`. Reports are input like any other: every field they use is validated; keys this
 * version does not read are ignored (a newer report still merges what it shares).
 */
const text = z.string();
const Location = z.object({ path: text, line: z.number().int().optional(), column: z.number().int().optional() });
// The frameworks as optional keys of a strict object rather than a partial record over an
// enum: the same values pass, and zod checks an object several times faster (a record's
// keys go one by one through the enum; 250,000 results per merged shard).
const Controls = z.strictObject(Object.fromEntries(frameworks.map((f) => [f, z.array(text).optional()])) as Record<(typeof frameworks)[number], z.ZodOptional<z.ZodArray<z.ZodString>>>);
const ResourceRef = z.object({ id: text, kind: z.enum(resourceKinds), provider: text, name: text });
const Source = z.object({ file: text, line: z.number().int(), column: z.number().int() });
const Severity = z.enum(severities);

export const ReportResult = z.object({
  ruleId: text,
  policyId: text,
  title: text,
  severity: Severity,
  status: z.enum(statuses),
  baseline: z.enum(['new', 'existing']).optional(),
  message: text,
  reason: text.optional(),
  resource: ResourceRef,
  location: Location.optional(),
  evidence: z.array(z.object({ message: text, location: Location.optional(), context: text.optional() })).optional(),
  controls: Controls,
  waiver: z.object({ reason: text, expires: text, approvedBy: text.optional(), expiringSoon: z.boolean() }).optional(),
});

const BaselineEntry = z.object({ fingerprint: text, ruleId: text, resourceId: text, path: text.optional() });

export const ReportFile = z.object({
  tool: z.object({ name: z.literal('secpol'), version: text }),
  startedAt: text,
  finishedAt: text,
  failOn: z.enum([...severities, 'none']),
  summary: z.object({ pass: z.number(), fail: z.number(), error: z.number(), skip: z.number(), waived: z.number() }),
  anchorFile: text.optional(),
  baseline: z
    .object({ file: text, createdAt: text, existing: z.number().int(), new: z.number().int(), fixed: z.array(BaselineEntry) })
    .optional(),
  shard: z
    .object({ index: z.number().int().positive(), count: z.number().int().positive(), policySet: text, config: text, clock: text })
    .optional(),
  results: z.array(ReportResult),
  rules: z.array(
    z.object({
      id: text,
      policyId: text,
      title: text,
      description: text.optional(),
      severity: Severity,
      kind: z.enum(resourceKinds),
      remediation: text.optional(),
      controls: Controls,
      tags: z.array(text),
      helpUri: text.optional(),
      source: Source,
    }),
  ),
  waivers: z.array(
    z.object({
      rule: text,
      resource: text,
      reason: text,
      expires: text,
      approvedBy: text.optional(),
      state: z.enum(['active', 'expiring-soon', 'expired', 'unused']),
      matched: z.number().int(),
      source: Source.optional(),
    }),
  ),
  diagnostics: z.array(
    z.object({ severity: z.enum(['error', 'warning']), message: text, file: text.optional(), line: z.number().optional(), column: z.number().optional() }),
  ),
  stats: z.record(z.string(), z.unknown()),
});
export type ReportFile = z.infer<typeof ReportFile>;

/** A baseline file as `secpol baseline create` writes it. */
export const BASELINE_SCHEMA = 'secpol/baseline@1';
export const BaselineFile = z.strictObject({
  schema: z.literal(BASELINE_SCHEMA),
  createdAt: z.iso.datetime({ offset: true }),
  tool: z.strictObject({ name: z.literal('secpol'), version: text }),
  entries: z.array(z.strictObject({ fingerprint: z.string().regex(/^[0-9a-f]{32}:\d+$/), ruleId: text, resourceId: text, path: text.optional() })),
});
export type BaselineFile = z.infer<typeof BaselineFile>;
