import { z } from 'zod';

/** The parts of ARM, Key Vault and Graph responses we read (unknown keys are ignored, missing ones fail). */

const armBase = { id: z.string().min(1), name: z.string().min(1) };

export const Subscription = z.object({
  subscriptionId: z.string().min(1),
  displayName: z.string().optional(),
  state: z.string().optional(),
  tenantId: z.string().optional(),
});
export type Subscription = z.infer<typeof Subscription>;

export const KeyVault = z.object({
  ...armBase,
  properties: z.object({ vaultUri: z.url().optional(), tenantId: z.string().optional() }),
});
export type KeyVault = z.infer<typeof KeyVault>;

/** Key Vault attribute times are unix seconds. */
const Attributes = z.object({
  enabled: z.boolean().optional(),
  created: z.number().optional(),
  updated: z.number().optional(),
  exp: z.number().nullish(),
  nbf: z.number().nullish(),
});

export const VaultSecret = z.object({ ...armBase, properties: z.object({ attributes: Attributes.optional(), contentType: z.string().nullish() }) });
export type VaultSecret = z.infer<typeof VaultSecret>;

export const VaultKey = z.object({ ...armBase, properties: z.object({ attributes: Attributes.optional(), keyUri: z.string().optional() }) });
export type VaultKey = z.infer<typeof VaultKey>;

const Duration = z.object({ count: z.number().int().nonnegative(), durationType: z.string() });
const TierSchedule = z.object({ retentionDuration: Duration.nullish() }).nullish();

export const RetentionPolicy = z.object({
  retentionPolicyType: z.string(),
  /** SimpleRetentionPolicy */
  retentionDuration: Duration.nullish(),
  /** LongTermRetentionPolicy */
  dailySchedule: TierSchedule,
  weeklySchedule: TierSchedule,
  monthlySchedule: TierSchedule,
  yearlySchedule: TierSchedule,
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const SchedulePolicy = z.object({
  schedulePolicyType: z.string(),
  scheduleRunFrequency: z.string().nullish(),
  scheduleRunDays: z.array(z.string()).nullish(),
  hourlySchedule: z.object({ interval: z.number().positive().nullish() }).nullish(),
  dailySchedule: z.object({}).nullish(),
  weeklySchedule: z.object({ scheduleRunDays: z.array(z.string()).nullish() }).nullish(),
  /** LogSchedulePolicy */
  scheduleFrequencyInMins: z.number().positive().nullish(),
});
export type SchedulePolicy = z.infer<typeof SchedulePolicy>;

export const SubProtectionPolicy = z.object({
  policyType: z.string(),
  schedulePolicy: SchedulePolicy.nullish(),
  retentionPolicy: RetentionPolicy.nullish(),
});
export type SubProtectionPolicy = z.infer<typeof SubProtectionPolicy>;

export const BackupPolicy = z.object({
  ...armBase,
  properties: z.object({
    backupManagementType: z.string(),
    workLoadType: z.string().nullish(),
    schedulePolicy: SchedulePolicy.nullish(),
    retentionPolicy: RetentionPolicy.nullish(),
    subProtectionPolicy: z.array(SubProtectionPolicy).nullish(),
  }),
});
export type BackupPolicy = z.infer<typeof BackupPolicy>;

export const ProtectedItem = z.object({
  ...armBase,
  properties: z.object({ friendlyName: z.string().nullish(), sourceResourceId: z.string().nullish(), policyId: z.string().nullish() }),
});
export type ProtectedItem = z.infer<typeof ProtectedItem>;

export const BackupJob = z.object({
  ...armBase,
  properties: z.object({ operation: z.string().nullish(), status: z.string().nullish(), startTime: z.string().nullish(), endTime: z.string().nullish() }),
});
export type BackupJob = z.infer<typeof BackupJob>;

export const RecoveryVault = z.object(armBase);
export type RecoveryVault = z.infer<typeof RecoveryVault>;

export const Workspace = z.object({ ...armBase, properties: z.object({ retentionInDays: z.number().int().nullish() }) });
export type Workspace = z.infer<typeof Workspace>;

export const Table = z.object({
  ...armBase,
  properties: z.object({
    retentionInDays: z.number().int().nullish(),
    totalRetentionInDays: z.number().int().nullish(),
    totalRetentionInDaysAsDefault: z.boolean().nullish(),
    retentionInDaysAsDefault: z.boolean().nullish(),
  }),
});
export type Table = z.infer<typeof Table>;

export const RegistrationDetail = z.object({
  id: z.string(),
  userPrincipalName: z.string().nullish(),
  isMfaRegistered: z.boolean(),
});
export type RegistrationDetail = z.infer<typeof RegistrationDetail>;

export const User = z.object({
  id: z.string(),
  userPrincipalName: z.string().nullish(),
  accountEnabled: z.boolean().nullish(),
  userType: z.string().nullish(),
});
export type User = z.infer<typeof User>;

export const SecurityDefaults = z.object({ isEnabled: z.boolean() });

export const ConditionalAccessPolicy = z.object({
  id: z.string(),
  displayName: z.string().nullish(),
  state: z.string(),
  conditions: z
    .object({
      users: z.object({ includeUsers: z.array(z.string()).nullish() }).nullish(),
      applications: z.object({ includeApplications: z.array(z.string()).nullish() }).nullish(),
    })
    .nullish(),
  grantControls: z
    .object({ builtInControls: z.array(z.string()).nullish(), authenticationStrength: z.object({}).nullish() })
    .nullish(),
});
export type ConditionalAccessPolicy = z.infer<typeof ConditionalAccessPolicy>;

export const DirectoryObject = z.object({
  id: z.string(),
  userPrincipalName: z.string().nullish(),
  displayName: z.string().nullish(),
});
export type DirectoryObject = z.infer<typeof DirectoryObject>;
