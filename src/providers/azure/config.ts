import { z } from 'zod';

/** secpol.yaml `targets.azure` (strict: an unknown key is an error). */

const nonEmpty = z.string().min(1, 'must not be empty');
const globs = z.array(nonEmpty);

export const logCategories = ['application', 'audit', 'access', 'security', 'other'] as const;

export const AzureTargets = z.strictObject({
  /** Subscription ids; default: every subscription the credential can see. */
  subscriptions: z.array(z.string().regex(/^[0-9a-fA-F-]{36}$/, 'a subscription id is a GUID')).optional(),
  /** Resource-group name globs (case-insensitive). */
  resourceGroups: z.strictObject({ include: globs.optional(), exclude: globs.optional() }).optional(),
  /** Log Analytics table-name glob -> category; overrides the built-in audit/application lists. */
  logTables: z.record(nonEmpty, z.enum(logCategories)).optional(),
  /**
   * Key Vault secrets rotated by an automation (Event Grid SecretNearExpiry + a function):
   * `vault/secret` globs. Key Vault has no native secret rotation, so others are `rotationEnabled: false`.
   */
  secretRotation: z.array(z.strictObject({ match: nonEmpty, intervalDays: z.number().positive().optional() })).optional(),
});
export type AzureTargets = z.infer<typeof AzureTargets>;
