import { z } from 'zod';
import { GqlTree } from './tree.js';

/**
 * Zod schemas of the GitHub responses we read (REST v3 + GraphQL v4), trimmed to the
 * fields we use. Objects are loose: GitHub adds keys over time. Never default a field
 * to a passing value here: a missing fact must stay missing.
 */

const status = z.object({ status: z.enum(['enabled', 'disabled']) }).nullish();

export const SecurityAndAnalysis = z
  .object({
    secret_scanning: status,
    secret_scanning_push_protection: status,
    dependabot_security_updates: status,
  })
  .nullish();

export const MinimalRepository = z.object({
  id: z.number(),
  node_id: z.string(),
  name: z.string(),
  full_name: z.string(),
  owner: z.object({ login: z.string() }),
  private: z.boolean(),
  html_url: z.string(),
  fork: z.boolean(),
  archived: z.boolean(),
  visibility: z.enum(['public', 'private', 'internal']).optional(),
  default_branch: z.string().optional(),
  permissions: z.object({ admin: z.boolean(), push: z.boolean(), pull: z.boolean() }).partial().optional(),
  security_and_analysis: SecurityAndAnalysis,
});
export type MinimalRepository = z.infer<typeof MinimalRepository>;
export const MinimalRepositoryList = z.array(MinimalRepository);

export const OrganizationFull = z.object({
  login: z.string(),
  html_url: z.string().optional(),
  // Absent without owner rights + admin:org: absence is a gap, not `false`.
  two_factor_requirement_enabled: z.boolean().nullish(),
  default_repository_permission: z.enum(['read', 'write', 'admin', 'none']).nullish(),
});

export const SimpleUserList = z.array(z.object({ login: z.string() }));

export const WorkflowPermissions = z.object({
  default_workflow_permissions: z.enum(['read', 'write']),
  can_approve_pull_request_reviews: z.boolean().optional(),
});

export const ActionsPermissionsOrg = z.object({
  enabled_repositories: z.enum(['all', 'none', 'selected']),
  allowed_actions: z.enum(['all', 'local_only', 'selected']).optional(),
});

export const ActionsSecret = z.object({
  name: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  visibility: z.enum(['all', 'private', 'selected']).optional(),
});
export const ActionsSecretList = z.array(ActionsSecret);

export const Webhook = z.object({
  id: z.number(),
  active: z.boolean().optional(),
  config: z.object({
    url: z.string().optional(),
    insecure_ssl: z.union([z.string(), z.number()]).optional(),
  }),
});
export const WebhookList = z.array(Webhook);

export const DeployKey = z.object({
  id: z.number(),
  title: z.string(),
  read_only: z.boolean(),
  created_at: z.string(),
});
export const DeployKeyList = z.array(DeployKey);

export const Collaborator = z.object({
  login: z.string(),
  permissions: z
    .object({ pull: z.boolean(), triage: z.boolean(), push: z.boolean(), maintain: z.boolean(), admin: z.boolean() })
    .partial()
    .optional(),
  role_name: z.string().optional(),
});
export const CollaboratorList = z.array(Collaborator);

export const EnvironmentItem = z.object({
  name: z.string(),
  protection_rules: z
    .array(
      z.object({
        type: z.string(),
        wait_timer: z.number().optional(),
        reviewers: z.array(z.object({ type: z.string() })).optional(),
      }),
    )
    .optional(),
  deployment_branch_policy: z.object({ protected_branches: z.boolean(), custom_branch_policies: z.boolean() }).nullable().optional(),
});
export const EnvironmentList = z.array(EnvironmentItem);

export const BranchPolicyList = z.array(z.object({ name: z.string() }));

export const GitTree = z.object({
  sha: z.string(),
  truncated: z.boolean(),
  tree: z.array(z.object({ path: z.string(), type: z.string(), size: z.number().optional() })),
});

export const FileContent = z.object({
  type: z.literal('file'),
  path: z.string(),
  encoding: z.string(),
  content: z.string(),
});

/** Effective rules on a branch: only rules from active rulesets (repo and org). */
export const BranchRule = z.object({
  type: z.string(),
  ruleset_source_type: z.string().optional(),
  ruleset_source: z.string().optional(),
  ruleset_id: z.number().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export const BranchRuleList = z.array(BranchRule);

export const PatGrant = z.object({
  id: z.number(),
  owner: z.object({ login: z.string() }),
  token_id: z.number().optional(),
  token_name: z.string().optional(),
  token_expired: z.boolean().optional(),
  token_expires_at: z.string().nullable(),
  token_last_used_at: z.string().nullable().optional(),
  access_granted_at: z.string().optional(),
  permissions: z.record(z.string(), z.record(z.string(), z.string())).optional(),
});
export const PatGrantList = z.array(PatGrant);

// ---- GraphQL ----

const pageInfo = z.object({ hasNextPage: z.boolean() });

export const GqlBranchProtectionRule = z.object({
  pattern: z.string(),
  isAdminEnforced: z.boolean(),
  allowsForcePushes: z.boolean(),
  allowsDeletions: z.boolean(),
  requiresApprovingReviews: z.boolean(),
  requiredApprovingReviewCount: z.number().nullable(),
  requiresCodeOwnerReviews: z.boolean(),
  dismissesStaleReviews: z.boolean(),
  requiresStatusChecks: z.boolean(),
  requiresStrictStatusChecks: z.boolean(),
  requiredStatusCheckContexts: z.array(z.string()).nullable(),
  requiresCommitSignatures: z.boolean(),
  bypassPullRequestAllowances: z
    .object({ nodes: z.array(z.object({ actor: z.object({ __typename: z.string(), login: z.string().optional(), slug: z.string().optional() }).nullable() })) })
    .optional(),
});
export type GqlBranchProtectionRule = z.infer<typeof GqlBranchProtectionRule>;

const refCondition = z.object({ include: z.array(z.string()), exclude: z.array(z.string()) }).nullable().optional();

export const GqlRuleset = z.object({
  databaseId: z.number().nullable().optional(),
  name: z.string(),
  enforcement: z.enum(['ACTIVE', 'DISABLED', 'EVALUATE']),
  target: z.enum(['BRANCH', 'TAG', 'PUSH', 'REPOSITORY']).nullable(),
  source: z.object({ __typename: z.string(), login: z.string().optional(), nameWithOwner: z.string().optional() }).nullable().optional(),
  conditions: z.object({
    refName: refCondition,
    repositoryName: z
      .object({ include: z.array(z.string()), exclude: z.array(z.string()), protected: z.boolean().optional() })
      .nullable()
      .optional(),
    repositoryId: z.object({ repositoryIds: z.array(z.string()) }).nullable().optional(),
    repositoryProperty: z
      .object({
        include: z.array(z.object({ name: z.string(), propertyValues: z.array(z.string()) })),
        exclude: z.array(z.object({ name: z.string(), propertyValues: z.array(z.string()) })),
      })
      .nullable()
      .optional(),
  }),
  bypassActors: z.object({
    pageInfo: pageInfo.optional(),
    nodes: z.array(
      z.object({
        bypassMode: z.string().nullable(),
        organizationAdmin: z.boolean(),
        repositoryRoleName: z.string().nullable(),
        actor: z.object({ __typename: z.string(), slug: z.string().optional(), login: z.string().optional() }).nullable(),
      }),
    ),
  }),
  rules: z.object({
    pageInfo: pageInfo.optional(),
    nodes: z.array(z.object({ type: z.string(), parameters: z.record(z.string(), z.unknown()).nullable() })),
  }),
});
export type GqlRuleset = z.infer<typeof GqlRuleset>;

/**
 * `Repository.environments` (ordered by name) with each environment's protection rules.
 * GraphQL has no deployment branch policy details (protected branches or custom patterns):
 * only a BRANCH_POLICY rule saying that one is set. Connection items may be null.
 */
export const GqlEnvironments = z.object({
  totalCount: z.number(),
  pageInfo,
  nodes: z.array(
    z
      .object({
        name: z.string(),
        protectionRules: z.object({
          pageInfo,
          nodes: z.array(z.object({ type: z.string(), timeout: z.number(), reviewers: z.object({ totalCount: z.number() }) }).nullable()),
        }),
      })
      .nullable(),
  ),
});
export type GqlEnvironments = z.infer<typeof GqlEnvironments>;

const connection = <T extends z.ZodType>(node: T) => z.object({ totalCount: z.number(), pageInfo, nodes: z.array(node) });

export const GqlRepository = z.object({
  id: z.string(),
  databaseId: z.number().nullable().optional(),
  nameWithOwner: z.string(),
  viewerPermission: z.enum(['ADMIN', 'MAINTAIN', 'WRITE', 'TRIAGE', 'READ']).nullable(),
  isSecurityPolicyEnabled: z.boolean().nullable(),
  hasVulnerabilityAlertsEnabled: z.boolean().optional(),
  defaultBranchRef: z.object({ name: z.string() }).nullable(),
  branchProtectionRules: connection(GqlBranchProtectionRule).optional(),
  rulesets: connection(GqlRuleset).nullable(),
  environments: GqlEnvironments,
  collaborators: z
    .object({
      totalCount: z.number(),
      pageInfo,
      edges: z.array(z.object({ permission: z.enum(['ADMIN', 'MAINTAIN', 'WRITE', 'TRIAGE', 'READ']), node: z.object({ login: z.string() }) })),
    })
    .nullable()
    .optional(),
  deployKeys: connection(z.object({ id: z.string(), title: z.string(), readOnly: z.boolean(), createdAt: z.string() })).optional(),
  workflows: z
    .object({
      entries: z
        .array(
          z.object({
            name: z.string(),
            path: z.string().optional(),
            type: z.string(),
            object: z
              .object({ text: z.string().nullable().optional(), isBinary: z.boolean().nullable().optional(), isTruncated: z.boolean().optional() })
              .nullable()
              .optional(),
          }),
        )
        .optional(),
    })
    .nullable(),
  rootDockerfile: z.object({ text: z.string().nullable().optional(), isTruncated: z.boolean().optional() }).nullable().optional(),
  tree: GqlTree,
});
export type GqlRepository = z.infer<typeof GqlRepository>;


export const GqlRateLimit = z.object({ cost: z.number(), remaining: z.number(), used: z.number().optional(), limit: z.number().optional() });

/** `GET /repos/{o}/{r}/branches/{b}/protection`: every sub-object is absent when that element is off. */
const enabled = z.object({ enabled: z.boolean() }).optional();
export const ClassicProtection = z.object({
  required_status_checks: z.object({ strict: z.boolean().optional(), contexts: z.array(z.string()) }).nullish(),
  enforce_admins: enabled,
  required_pull_request_reviews: z
    .object({
      dismiss_stale_reviews: z.boolean().optional(),
      require_code_owner_reviews: z.boolean().optional(),
      required_approving_review_count: z.number().optional(),
    })
    .optional(),
  allow_force_pushes: enabled,
  allow_deletions: enabled,
  required_signatures: enabled,
});

/** `GET /repos/{o}/{r}/rulesets/{id}` (admins see `bypass_actors`). */
export const RestRuleset = z.object({
  id: z.number(),
  name: z.string(),
  target: z.enum(['branch', 'tag', 'push', 'repository']).optional(),
  enforcement: z.enum(['disabled', 'active', 'evaluate']),
  bypass_actors: z
    .array(z.object({ actor_id: z.number().nullable().optional(), actor_type: z.string(), bypass_mode: z.string().optional() }))
    .optional(),
  rules: z.array(z.object({ type: z.string(), parameters: z.record(z.string(), z.unknown()).optional() })).optional(),
});
export type RestRuleset = z.infer<typeof RestRuleset>;
