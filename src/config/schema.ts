import { z } from 'zod';
import { severities } from '../model/index.js';
import { parseDuration } from '../shared/duration.js';

/** The shape of secpol.yaml (docs/configuration.md). Strict: an unknown key is an error. */

export const providerNames = ['local', 'github', 'gitlab', 'azure-devops', 'aws', 'azure', 'snapshot'] as const;
export type ProviderName = (typeof providerNames)[number];

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

const TargetsSchema = z.strictObject({
  repos: z.array(z.string().regex(/^[^/\s]+\/[^\s]+$/, 'a repository is owner/name (GitLab: group/subgroup/name)')).optional(),
  githubOrg: nonEmpty.optional(),
  gitlabGroup: nonEmpty.optional(),
  adoOrg: z.url({ error: 'must be the organization URL, e.g. https://dev.azure.com/acme' }).optional(),
  adoProject: nonEmpty.optional(),
  /** Repository filters for org/group scans (`owner/name` globs). */
  include: z.array(nonEmpty).optional(),
  exclude: z.array(nonEmpty).optional(),
  includeArchived: z.boolean().optional(),
  includeForks: z.boolean().optional(),
});

/** `baseline: .secpol-baseline.json` or `{ file, maxAge: 90d }` (an older baseline warns). */
const BaselineSchema = z.union([
  nonEmpty,
  z.strictObject({
    file: nonEmpty,
    maxAge: z.string().refine((v) => parseDuration(v) !== undefined, 'must be a duration like 90d, 12w or 6mo').optional(),
  }),
]);

export const ConfigFileSchema = z.strictObject({
  failOn: z.enum(failOnValues).optional(),
  builtin: z.boolean().optional(),
  policies: stringList.optional(),
  providers: z.array(z.enum(providerNames)).optional(),
  state: stringList.optional(),
  targets: TargetsSchema.optional(),
  rules: z.record(z.string(), RuleOverrideSchema).optional(),
  waivers: z.array(WaiverSchema).optional(),
  baseline: BaselineSchema.optional(),
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
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
