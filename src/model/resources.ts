import { z } from 'zod';
import { Gaps } from './gap.js';

/**
 * The normalized resource model: provider-agnostic facts, one meaning per field.
 * Every fact is optional: absent means "not collected" (see `gaps` for why), `null`
 * means "known to be unset" (e.g. a token that never expires). Never default a field
 * to a passing value here.
 */

/** ISO 8601 timestamp (with offset) or a plain date for hand-declared facts. */
export const Timestamp = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const SourceLocation = z.strictObject({
  path: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type SourceLocation = z.infer<typeof SourceLocation>;

const base = {
  /** `provider:path`, e.g. `github:acme/api`, `local:Dockerfile`. Unique in a snapshot. */
  id: z.string().min(1),
  provider: z.string().min(1),
  /** Display name (org login, repo full name, file path, secret name). */
  name: z.string(),
  url: z.string().optional(),
  /** The file that governs this resource, for locations in reports. */
  location: SourceLocation.optional(),
  /** Facts that could not be collected, keyed by field path. */
  gaps: Gaps.optional(),
};

export const Permission = z.enum(['none', 'read', 'triage', 'write', 'maintain', 'admin']);
export type Permission = z.infer<typeof Permission>;

export const Organization = z.strictObject({
  ...base,
  kind: z.literal('organization'),
  platform: z.string().optional(),
  mfaRequired: z.boolean().optional(),
  /** Members known to have no second factor; empty when every member has one. */
  membersWithoutMfa: z.array(z.string()).optional(),
  admins: z.array(z.string()).optional(),
  adminCount: z.number().int().nonnegative().optional(),
  /** Permission every member gets on every repository. */
  defaultPermission: Permission.optional(),
  /** Default GITHUB_TOKEN / CI job token permission for pipelines. */
  defaultWorkflowPermissions: z.enum(['read', 'write']).nullable().optional(),
  /** Which third-party actions/pipeline steps may run: all, local_only (org-owned), selected. */
  allowedActions: z.enum(['all', 'local_only', 'selected']).optional(),
});
export type Organization = z.infer<typeof Organization>;

export const BranchProtection = z.strictObject({
  /** Any protection (classic rule, ruleset in active enforcement, branch policy) applies. */
  protected: z.boolean(),
  pullRequestRequired: z.boolean().optional(),
  requiredApprovals: z.number().int().nonnegative().optional(),
  dismissStaleApprovals: z.boolean().optional(),
  codeOwnerReview: z.boolean().optional(),
  statusChecksRequired: z.boolean().optional(),
  requiredStatusChecks: z.array(z.string()).optional(),
  upToDateRequired: z.boolean().optional(),
  forcePushAllowed: z.boolean().optional(),
  deletionAllowed: z.boolean().optional(),
  /** Administrators are held to the rules too (no admin bypass). */
  adminsIncluded: z.boolean().optional(),
  signedCommitsRequired: z.boolean().optional(),
  bypassActors: z.array(z.strictObject({ type: z.string(), name: z.string(), mode: z.string().optional() })).optional(),
  /** Where the effective protection comes from, for explanations. */
  sources: z
    .array(
      z.strictObject({
        type: z.enum(['classic', 'ruleset', 'branch-policy', 'protected-branch', 'declared']),
        name: z.string(),
        enforcement: z.enum(['active', 'evaluate', 'disabled']).optional(),
      }),
    )
    .optional(),
});
export type BranchProtection = z.infer<typeof BranchProtection>;

export const SecretFinding = z.strictObject({
  path: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive().optional(),
  /** Detector rule id, e.g. `@secretlint/secretlint-rule-aws`. */
  detector: z.string(),
  /** Stable, non-reversible fingerprint (sha256 prefix) for allowlists. Never the value. */
  fingerprint: z.string(),
  /** The match with all but a few characters masked. */
  masked: z.string(),
  /** Where it sits: `test` fixtures and `docs`/examples are reported apart from `code`. */
  context: z.enum(['code', 'test', 'docs']).optional(),
  /** A private key or a cloud key: listed as a secret wherever it sits. */
  highConfidence: z.boolean().optional(),
});
export type SecretFinding = z.infer<typeof SecretFinding>;

export const CiScans = z.strictObject({
  sast: z.boolean().optional(),
  dependency: z.boolean().optional(),
  container: z.boolean().optional(),
  iac: z.boolean().optional(),
  secrets: z.boolean().optional(),
});
export type CiScans = z.infer<typeof CiScans>;

export const Repository = z.strictObject({
  ...base,
  kind: z.literal('repository'),
  platform: z.string().optional(),
  visibility: z.enum(['public', 'private', 'internal']).optional(),
  archived: z.boolean().optional(),
  fork: z.boolean().optional(),
  defaultBranch: z.string().optional(),
  /** Effective protection of the default branch, all sources merged. */
  branchProtection: BranchProtection.optional(),
  secretScanning: z.boolean().optional(),
  secretScanningPushProtection: z.boolean().optional(),
  dependencyAlerts: z.boolean().optional(),
  webhooks: z
    .array(
      z.strictObject({
        id: z.string(),
        /** Scheme and host only: hook URLs often carry credentials in paths or queries. */
        target: z.string(),
        active: z.boolean().optional(),
        https: z.boolean(),
        sslVerification: z.boolean(),
      }),
    )
    .optional(),
  deployKeys: z
    .array(z.strictObject({ id: z.string(), title: z.string(), readOnly: z.boolean(), createdAt: Timestamp.optional() }))
    .optional(),
  collaborators: z
    .array(z.strictObject({ login: z.string(), permission: Permission, outside: z.boolean() }))
    .optional(),
  securityPolicy: z.boolean().optional(),
  codeowners: z.boolean().optional(),
  /** Tracked `.env` files (examples and samples excluded). */
  envFilesCommitted: z.array(SourceLocation).optional(),
  /** `.gitignore` makes git ignore `.env`. */
  envIgnored: z.boolean().optional(),
  /** The working tree holds a `.env` file (committed or not; examples and templates excepted). */
  envFilesPresent: z.boolean().optional(),
  secretFindings: z.array(SecretFinding).optional(),
  /** Files the scanner passed over (binary, too large, outside the tree), stated not hidden. */
  skippedFiles: z.array(z.strictObject({ path: z.string(), reason: z.string() })).optional(),
  /** Files that could hold text but could not be read for the secret scan (a subset of skippedFiles). */
  unscannedFiles: z.array(z.strictObject({ path: z.string(), reason: z.string() })).optional(),
  /** The repository builds container images (Dockerfile/Containerfile present). */
  buildsImages: z.boolean().optional(),
  /** The repository holds infrastructure as code (Terraform, Bicep/ARM, Kubernetes, Helm, CloudFormation). */
  hasIac: z.boolean().optional(),
  /** Security scans that run in any of the repository's pipelines. */
  ciScans: CiScans.optional(),
  /** Pipeline files analysed for ciScans. */
  pipelineFiles: z.array(z.string()).optional(),
  /** Default GITHUB_TOKEN / CI job token permission for this repository's pipelines. */
  defaultWorkflowPermissions: z.enum(['read', 'write']).nullable().optional(),
});
export type Repository = z.infer<typeof Repository>;

export const Pipeline = z.strictObject({
  ...base,
  kind: z.literal('pipeline'),
  platform: z.enum(['github-actions', 'gitlab-ci', 'azure-pipelines', 'other']),
  repository: z.string().optional(),
  path: z.string().optional(),
  scans: CiScans.optional(),
  /** Scanner names recognised in this file (e.g. `github/codeql-action`, `Security/SAST.gitlab-ci.yml`). */
  scanTools: z.array(z.string()).optional(),
  tokenPermissions: z
    .strictObject({
      /** Every job runs with an explicit, non-write-all permission set (top level or per job). */
      leastPrivilege: z.boolean(),
      topLevel: z.string().nullable(),
      /** Jobs with neither a top-level nor a job-level permissions block, or write-all. */
      offendingJobs: z.array(z.strictObject({ job: z.string(), line: z.number().int().positive().optional(), why: z.string() })),
    })
    .optional(),
  /** Remote code not pinned to an immutable version: actions, `docker://` images, GitLab includes, Azure repository resources. */
  unpinnedActions: z
    .array(
      z.strictObject({
        /** The reference as written, prefixed by what it is for includes and resources (`include: project acme/ci (ref: main)`). */
        uses: z.string(),
        /** The file it is written in when that is not the pipeline's own file (a local include or template). */
        path: z.string().optional(),
        line: z.number().int().positive().optional(),
        column: z.number().int().positive().optional(),
        /** action, reusable-workflow, docker-image, include, component, repository-resource, template. */
        kind: z.string().optional(),
        /** `a full commit SHA`, an image digest for `docker://`, a content digest for remote includes. */
        pinTo: z.string().optional(),
        /** GitLab components: the version is a full release (`@1.4.2`); the rule's param decides whether that is pinned enough. */
        releaseTag: z.boolean().optional(),
      }),
    )
    .optional(),
  /** Image builds in this pipeline that set `org.opencontainers.image.*` labels at build time. */
  imageBuilds: z
    .array(
      z.strictObject({
        /** Repository-relative Dockerfile, when the build names one (`-f`, `file:`, `context:`); absent when it cannot be told. */
        dockerfile: z.string().optional(),
        /** The OCI label keys the build sets. */
        labelKeys: z.array(z.string()),
        /** How: `docker/metadata-action`, `docker build --label`, `build-push-action labels` ... */
        via: z.string(),
        path: z.string().optional(),
        line: z.number().int().positive().optional(),
        column: z.number().int().positive().optional(),
      }),
    )
    .optional(),
  dangerousTriggers: z
    .array(z.strictObject({ trigger: z.string(), line: z.number().int().positive().optional(), why: z.string() }))
    .optional(),
  plaintextSecrets: z.array(z.strictObject({ key: z.string(), line: z.number().int().positive().optional() })).optional(),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const ContainerImage = z.strictObject({
  ...base,
  kind: z.literal('container-image'),
  repository: z.string().optional(),
  path: z.string().optional(),
  /** Effective USER of the final stage; `null` when unset (root). */
  user: z.string().nullable().optional(),
  runsAsRoot: z.boolean().optional(),
  baseImages: z
    .array(
      z.strictObject({
        ref: z.string(),
        stage: z.string().optional(),
        /** digest (@sha256), tag, latest (explicit or implied), unresolved (ARG without default), scratch, stage (FROM an earlier stage). */
        pinning: z.enum(['digest', 'tag', 'latest', 'unresolved', 'scratch', 'stage']),
        line: z.number().int().positive().optional(),
      }),
    )
    .optional(),
  secretsInImage: z
    .array(z.strictObject({ instruction: z.string(), name: z.string(), line: z.number().int().positive().optional() }))
    .optional(),
  labels: z.record(z.string(), z.string()).optional(),
  /** Labels a CI build sets on this image (`docker build --label`, `docker/metadata-action`), with where. */
  labelsFromCi: z
    .array(
      z.strictObject({
        /** `path:line:column (via)`, how messages name it. */
        name: z.string(),
        keys: z.array(z.string()),
        via: z.string(),
        path: z.string(),
        line: z.number().int().positive().optional(),
        column: z.number().int().positive().optional(),
      }),
    )
    .optional(),
  /** Every key of `labels`: a key missing from this list is a label known to be unset (conditions cannot test map keys). */
  labelKeys: z.array(z.string()).optional(),
});
export type ContainerImage = z.infer<typeof ContainerImage>;

export const Secret = z.strictObject({
  ...base,
  kind: z.literal('secret'),
  /** Where it lives: github-actions, gitlab-ci-variable, ado-variable-group, aws-secrets-manager, azure-key-vault, azure-key-vault-key, declared. */
  store: z.string(),
  scope: z.string().optional(),
  createdAt: Timestamp.optional(),
  /** When the value last changed; `null` when never rotated since creation is unknown. */
  lastRotatedAt: Timestamp.nullable().optional(),
  rotationEnabled: z.boolean().optional(),
  rotationIntervalDays: z.number().nonnegative().nullable().optional(),
  /** When the store stops serving the current value; `null` = no expiry is set. */
  expiresAt: Timestamp.nullable().optional(),
  /** The store serves it (Key Vault: the `enabled` attribute). Disabled secrets are not evaluated. */
  enabled: z.boolean().optional(),
  masked: z.boolean().optional(),
  protected: z.boolean().optional(),
  /** When the credential was last used to authenticate (e.g. an IAM access key); `null` = never used. */
  lastUsedAt: Timestamp.nullable().optional(),
  /** Caveat about the dates (e.g. "modifiedOn is per variable group"). */
  dateNote: z.string().optional(),
});
export type Secret = z.infer<typeof Secret>;

export const Token = z.strictObject({
  ...base,
  kind: z.literal('token'),
  /** pat, fine-grained-pat, project-access-token, group-access-token, deploy-token, deploy-key, service-connection, app-key. */
  tokenType: z.string(),
  scope: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  createdAt: Timestamp.nullable().optional(),
  /** `null` = never expires. */
  expiresAt: Timestamp.nullable().optional(),
  lastUsedAt: Timestamp.nullable().optional(),
  revoked: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type Token = z.infer<typeof Token>;

export const Environment = z.strictObject({
  ...base,
  kind: z.literal('environment'),
  repository: z.string().optional(),
  /** Named or declared as production (name matches the production pattern or flagged by the platform). */
  production: z.boolean().optional(),
  requiredReviewers: z.number().int().nonnegative().optional(),
  /** Deployments limited to protected or selected branches. */
  branchRestricted: z.boolean().optional(),
  allowedBranches: z.array(z.string()).optional(),
  waitTimerMinutes: z.number().nonnegative().optional(),
});
export type Environment = z.infer<typeof Environment>;

export const BackupPlan = z.strictObject({
  ...base,
  kind: z.literal('backup-plan'),
  target: z.string().optional(),
  schedules: z
    .array(
      z.strictObject({
        name: z.string().optional(),
        type: z.enum(['full', 'incremental', 'differential', 'snapshot', 'log']),
        /** Hours between runs (24 = daily). */
        intervalHours: z.number().positive(),
        cron: z.string().optional(),
        retentionDays: z.number().nonnegative().nullable().optional(),
      }),
    )
    .optional(),
  retention: z
    .strictObject({
      dailyDays: z.number().nonnegative().nullable().optional(),
      weeklyWeeks: z.number().nonnegative().nullable().optional(),
      monthlyMonths: z.number().nonnegative().nullable().optional(),
    })
    .optional(),
  lastRestoreTestAt: Timestamp.nullable().optional(),
});
export type BackupPlan = z.infer<typeof BackupPlan>;

export const LogStore = z.strictObject({
  ...base,
  kind: z.literal('log-store'),
  category: z.enum(['application', 'audit', 'access', 'security', 'other']),
  /** `null` = kept forever. */
  retentionDays: z.number().nonnegative().nullable().optional(),
});
export type LogStore = z.infer<typeof LogStore>;

export const Resource = z.discriminatedUnion('kind', [
  Organization,
  Repository,
  Pipeline,
  ContainerImage,
  Secret,
  Token,
  Environment,
  BackupPlan,
  LogStore,
]);
export type Resource = z.infer<typeof Resource>;
export type ResourceKind = Resource['kind'];
export const resourceKinds = [
  'organization',
  'repository',
  'pipeline',
  'container-image',
  'secret',
  'token',
  'environment',
  'backup-plan',
  'log-store',
] as const satisfies readonly ResourceKind[];
