import { z } from 'zod';

/**
 * The parts of GitLab v4 responses secpol reads. Objects are not strict (GitLab adds keys
 * every release) but every field we use is typed; nothing defaults to a passing value.
 */

const id = z.number().int();
const nullableString = z.string().nullable().optional();

export const GroupSchema = z.object({
  id,
  name: z.string(),
  full_path: z.string(),
  web_url: z.string().optional(),
  parent_id: id.nullable().optional(),
  require_two_factor_authentication: z.boolean().optional(),
  two_factor_grace_period: z.number().nullable().optional(),
});
export type GitlabGroup = z.infer<typeof GroupSchema>;

export const ProjectSchema = z.object({
  id,
  name: z.string(),
  path_with_namespace: z.string(),
  web_url: z.string().optional(),
  default_branch: nullableString,
  visibility: z.enum(['public', 'private', 'internal']).optional(),
  archived: z.boolean().optional(),
  empty_repo: z.boolean().optional(),
  forked_from_project: z.object({ id }).nullable().optional(),
  namespace: z.object({ id, kind: z.string(), path: z.string(), full_path: z.string().optional() }).optional(),
  only_allow_merge_if_pipeline_succeeds: z.boolean().optional(),
  merge_method: z.string().optional(),
  ci_config_path: nullableString,
  jobs_enabled: z.boolean().optional(),
  builds_access_level: z.string().optional(),
});
export type GitlabProject = z.infer<typeof ProjectSchema>;

export const MemberSchema = z.object({
  id,
  username: z.string(),
  access_level: z.number().int(),
  state: z.string().optional(),
});
export type GitlabMember = z.infer<typeof MemberSchema>;

/** `/users` item: `two_factor_enabled` is only in the administrator view. */
export const UserSchema = z.object({
  id,
  username: z.string(),
  state: z.string().optional(),
  two_factor_enabled: z.boolean().optional(),
  is_admin: z.boolean().optional(),
});

export const AccessLevelSchema = z.object({
  access_level: z.number().int().nullable().optional(),
  access_level_description: z.string().optional(),
  user_id: id.nullable().optional(),
  group_id: id.nullable().optional(),
  deploy_key_id: id.nullable().optional(),
});
export type GitlabAccessLevel = z.infer<typeof AccessLevelSchema>;

/** The docs show `code_owner_approval_required` both as a boolean and as the string "false". */
const looseBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const ProtectedBranchSchema = z.object({
  id,
  name: z.string(),
  push_access_levels: z.array(AccessLevelSchema),
  merge_access_levels: z.array(AccessLevelSchema),
  allow_force_push: z.boolean(),
  code_owner_approval_required: looseBoolean.optional(),
});
export type GitlabProtectedBranch = z.infer<typeof ProtectedBranchSchema>;

export const ApprovalSettingsSchema = z.object({
  reset_approvals_on_push: z.boolean(),
  merge_requests_author_approval: z.boolean().optional(),
  merge_requests_disable_committers_approval: z.boolean().optional(),
});
export type GitlabApprovalSettings = z.infer<typeof ApprovalSettingsSchema>;

export const ApprovalRuleSchema = z.object({
  id,
  name: z.string(),
  rule_type: z.string(),
  approvals_required: z.number().int().nonnegative(),
  applies_to_all_protected_branches: z.boolean().optional(),
  protected_branches: z.array(z.object({ id, name: z.string() })).optional(),
});
export type GitlabApprovalRule = z.infer<typeof ApprovalRuleSchema>;

/** `null` when push rules were never configured for the project. */
export const PushRuleSchema = z.object({ reject_unsigned_commits: z.boolean().nullable().optional() }).nullable();

export const HookSchema = z.object({
  id,
  url: z.string(),
  enable_ssl_verification: z.boolean(),
  alert_status: z.string().optional(),
});

export const DeployKeySchema = z.object({
  id,
  title: z.string(),
  can_push: z.boolean(),
  created_at: nullableString,
});

export const AccessTokenSchema = z.object({
  id,
  name: z.string(),
  scopes: z.array(z.string()),
  created_at: nullableString,
  expires_at: z.string().nullable(),
  last_used_at: nullableString,
  revoked: z.boolean(),
  active: z.boolean(),
  access_level: z.number().int().optional(),
});
export type GitlabAccessToken = z.infer<typeof AccessTokenSchema>;

export const DeployTokenSchema = z.object({
  id,
  name: z.string(),
  username: z.string().optional(),
  expires_at: z.string().nullable(),
  revoked: z.boolean(),
  expired: z.boolean(),
  scopes: z.array(z.string()),
});
export type GitlabDeployToken = z.infer<typeof DeployTokenSchema>;

export const VariableSchema = z.object({
  key: z.string(),
  /** Read only to register it with the redactor; never copied into a resource. */
  value: z.string().nullable().optional(),
  variable_type: z.string().optional(),
  protected: z.boolean(),
  masked: z.boolean(),
  hidden: z.boolean().optional(),
  environment_scope: z.string().optional(),
});
export type GitlabVariable = z.infer<typeof VariableSchema>;

export const ProtectedEnvironmentSchema = z.object({
  name: z.string(),
  deploy_access_levels: z.array(AccessLevelSchema),
  required_approval_count: z.number().int().nonnegative().optional(),
  approval_rules: z
    .array(AccessLevelSchema.extend({ required_approvals: z.number().int().nonnegative() }))
    .optional(),
});
export type GitlabProtectedEnvironment = z.infer<typeof ProtectedEnvironmentSchema>;

export const EnvironmentSchema = z.object({ id, name: z.string(), tier: z.string().nullable().optional(), state: z.string().optional() });
export type GitlabEnvironment = z.infer<typeof EnvironmentSchema>;

export const TreeEntrySchema = z.object({ path: z.string(), type: z.string() });

export const listOf = <T extends z.ZodType>(item: T) => z.array(item);
