import { z } from 'zod';
import { severities } from '../model/index.js';
import { WAIVER_MAX_DAYS_LIMIT } from './waivers.js';
import { parseDuration } from '../shared/duration.js';

/** The shape of secpol.yaml (docs/configuration.md). Strict: an unknown key is an error. */

export const failOnValues = [...severities, 'none'] as const;

const nonEmpty = z.string().min(1, 'must not be empty');
const stringList = z.array(nonEmpty);

const RuleOverrideSchema = z.strictObject({
  severity: z.enum(severities).optional(),
  enabled: z.boolean().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  resources: z
    .strictObject({
      include: stringList.optional(),
      exclude: stringList.optional(),
    })
    .optional(),
});

/** A date (`2027-01-31`, valid through that day, UTC) or a timestamp with offset. */
const DATE = z.iso.date();
const DATETIME = z.iso.datetime({ offset: true });
const Expiry = z
  .string()
  .refine((v) => DATE.safeParse(v).success || DATETIME.safeParse(v).success, 'must be a date like 2027-01-31 or a timestamp like 2027-01-31T12:00:00Z');

const WaiverSchema = z.strictObject({
  rule: nonEmpty,
  resource: nonEmpty,
  reason: nonEmpty,
  expires: Expiry,
  approvedBy: nonEmpty.optional(),
});

/**
 * What the providers add to the config (the app passes the registry's metas in: config/ never
 * names a provider): their names, their `targets` keys, and constraints across those keys.
 */
export interface ConfigProviders {
  readonly names: readonly string[];
  readonly targets: Readonly<Record<string, z.ZodType>>;
  check(targets: Readonly<Record<string, unknown>>): readonly { key: string; message: string }[];
}

/** `baseline: .secpol-baseline.json` or `{ file, maxAge: 90d }` (an older baseline warns). */
const BaselineSchema = z.union([
  nonEmpty,
  z.strictObject({
    file: nonEmpty,
    maxAge: z.string().refine((v) => parseDuration(v) !== undefined, 'must be a duration like 90d, 12w or 6mo').optional(),
  }),
]);

/** No provider keys: only the provider-neutral parts of `targets` are accepted. */
export const NO_PROVIDERS: ConfigProviders = { names: [], targets: {}, check: () => [] };

/** The schema of secpol.yaml for this set of providers. */
export function configFileSchema(providers: ConfigProviders) {
  const own = Object.fromEntries(Object.entries(providers.targets).map(([key, schema]) => [key, schema.optional()]));
  const targets = z.strictObject({
    repos: z.array(z.string().regex(/^[^/\s]+\/[^\s]+$/, 'a repository is owner/name (GitLab: group/subgroup/name)')).optional(),
    ...own,
    /** Repository filters for providers that scan many repositories (`owner/name` globs). */
    include: z.array(nonEmpty).optional(),
    exclude: z.array(nonEmpty).optional(),
    includeArchived: z.boolean().optional(),
    includeForks: z.boolean().optional(),
  });
  const names = providers.names.length > 0 ? z.enum(providers.names as [string, ...string[]]) : z.never();
  return z.strictObject({
    failOn: z.enum(failOnValues).optional(),
    builtin: z.boolean().optional(),
    policies: stringList.optional(),
    providers: z.array(names).optional(),
    state: stringList.optional(),
    targets: targets.optional(),
    rules: z.record(z.string(), RuleOverrideSchema).optional(),
    waivers: z.array(WaiverSchema).optional(),
    baseline: BaselineSchema.optional(),
    /** The longest a waiver may run, in days from the run (default 365). */
    waiverMaxDays: z.number().int().min(1).max(WAIVER_MAX_DAYS_LIMIT).optional(),
    secrets: z
      .strictObject({
        allowlist: z
          .strictObject({
            paths: stringList.optional(),
            fingerprints: stringList.optional(),
          })
          .optional(),
      })
      .optional(),
  });
}
export type ConfigFile = z.infer<ReturnType<typeof configFileSchema>>;
