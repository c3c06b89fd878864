import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  external_exports
} from "./chunk-RVV4H2YY.js";

// src/model/gap.ts
var gapReasons = [
  "unsupported",
  // the platform or plan does not offer this data -> skip
  "not-applicable",
  // the data does not exist for this resource by nature -> skip
  "forbidden",
  // the credentials lack a permission or scope -> skip or error
  "unauthenticated",
  "not-found",
  "rate-limited",
  "unreachable",
  // DNS, connection refused, TLS: the API could not be reached
  "timeout",
  "malformed",
  // the response or file failed validation
  "error"
];
var GapReason = external_exports.enum(gapReasons);
var Gap = external_exports.strictObject({
  reason: GapReason,
  /** One line for humans; names the missing permission or scope when it is known. */
  message: external_exports.string(),
  /** Overrides the default outcome of the reason (skip for unsupported/not-applicable, error otherwise). */
  outcome: external_exports.enum(["skip", "error"]).optional()
});
var Gaps = external_exports.record(external_exports.string(), Gap);
function gapOutcome(gap) {
  if (gap.outcome) return gap.outcome;
  return gap.reason === "unsupported" || gap.reason === "not-applicable" ? "skip" : "error";
}

// src/model/resources.ts
var Timestamp = external_exports.union([external_exports.iso.datetime({ offset: true }), external_exports.iso.date()]);
var SourceLocation = external_exports.strictObject({
  path: external_exports.string(),
  line: external_exports.number().int().positive().optional(),
  column: external_exports.number().int().positive().optional()
});
var base = {
  /** `provider:path`, e.g. `github:acme/api`, `local:Dockerfile`. Unique in a snapshot. */
  id: external_exports.string().min(1),
  provider: external_exports.string().min(1),
  /** Display name (org login, repo full name, file path, secret name). */
  name: external_exports.string(),
  url: external_exports.string().optional(),
  /** The file that governs this resource, for locations in reports. */
  location: SourceLocation.optional(),
  /** Facts that could not be collected, keyed by field path. */
  gaps: Gaps.optional()
};
var Permission = external_exports.enum(["none", "read", "triage", "write", "maintain", "admin"]);
var Organization = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("organization"),
  platform: external_exports.string().optional(),
  mfaRequired: external_exports.boolean().optional(),
  /** Members known to have no second factor; empty when every member has one. */
  membersWithoutMfa: external_exports.array(external_exports.string()).optional(),
  admins: external_exports.array(external_exports.string()).optional(),
  adminCount: external_exports.number().int().nonnegative().optional(),
  /** Permission every member gets on every repository. */
  defaultPermission: Permission.optional(),
  /** Default GITHUB_TOKEN / CI job token permission for pipelines. */
  defaultWorkflowPermissions: external_exports.enum(["read", "write"]).nullable().optional(),
  /** Which third-party actions/pipeline steps may run: all, local_only (org-owned), selected. */
  allowedActions: external_exports.enum(["all", "local_only", "selected"]).optional()
});
var BranchProtection = external_exports.strictObject({
  /** Any protection (classic rule, ruleset in active enforcement, branch policy) applies. */
  protected: external_exports.boolean(),
  pullRequestRequired: external_exports.boolean().optional(),
  requiredApprovals: external_exports.number().int().nonnegative().optional(),
  dismissStaleApprovals: external_exports.boolean().optional(),
  codeOwnerReview: external_exports.boolean().optional(),
  statusChecksRequired: external_exports.boolean().optional(),
  requiredStatusChecks: external_exports.array(external_exports.string()).optional(),
  upToDateRequired: external_exports.boolean().optional(),
  forcePushAllowed: external_exports.boolean().optional(),
  deletionAllowed: external_exports.boolean().optional(),
  /** Administrators are held to the rules too (no admin bypass). */
  adminsIncluded: external_exports.boolean().optional(),
  signedCommitsRequired: external_exports.boolean().optional(),
  bypassActors: external_exports.array(external_exports.strictObject({ type: external_exports.string(), name: external_exports.string(), mode: external_exports.string().optional() })).optional(),
  /** Where the effective protection comes from, for explanations. */
  sources: external_exports.array(
    external_exports.strictObject({
      type: external_exports.enum(["classic", "ruleset", "branch-policy", "protected-branch", "declared"]),
      name: external_exports.string(),
      enforcement: external_exports.enum(["active", "evaluate", "disabled"]).optional()
    })
  ).optional()
});
var SecretFinding = external_exports.strictObject({
  path: external_exports.string(),
  line: external_exports.number().int().positive(),
  column: external_exports.number().int().positive().optional(),
  /** Detector rule id, e.g. `@secretlint/secretlint-rule-aws`. */
  detector: external_exports.string(),
  /** Stable, non-reversible fingerprint (sha256 prefix) for allowlists. Never the value. */
  fingerprint: external_exports.string(),
  /** The match with all but a few characters masked. */
  masked: external_exports.string(),
  /** Where it sits: `test` fixtures and `docs`/examples are reported apart from `code`. */
  context: external_exports.enum(["code", "test", "docs"]).optional(),
  /** A private key or a cloud key: listed as a secret wherever it sits. */
  highConfidence: external_exports.boolean().optional()
});
var CiScans = external_exports.strictObject({
  sast: external_exports.boolean().optional(),
  dependency: external_exports.boolean().optional(),
  container: external_exports.boolean().optional(),
  iac: external_exports.boolean().optional(),
  secrets: external_exports.boolean().optional()
});
var Repository = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("repository"),
  platform: external_exports.string().optional(),
  visibility: external_exports.enum(["public", "private", "internal"]).optional(),
  archived: external_exports.boolean().optional(),
  fork: external_exports.boolean().optional(),
  defaultBranch: external_exports.string().optional(),
  /** Effective protection of the default branch, all sources merged. */
  branchProtection: BranchProtection.optional(),
  secretScanning: external_exports.boolean().optional(),
  secretScanningPushProtection: external_exports.boolean().optional(),
  dependencyAlerts: external_exports.boolean().optional(),
  webhooks: external_exports.array(
    external_exports.strictObject({
      id: external_exports.string(),
      /** Scheme and host only: hook URLs often carry credentials in paths or queries. */
      target: external_exports.string(),
      active: external_exports.boolean().optional(),
      https: external_exports.boolean(),
      sslVerification: external_exports.boolean()
    })
  ).optional(),
  deployKeys: external_exports.array(external_exports.strictObject({ id: external_exports.string(), title: external_exports.string(), readOnly: external_exports.boolean(), createdAt: Timestamp.optional() })).optional(),
  collaborators: external_exports.array(external_exports.strictObject({ login: external_exports.string(), permission: Permission, outside: external_exports.boolean() })).optional(),
  securityPolicy: external_exports.boolean().optional(),
  codeowners: external_exports.boolean().optional(),
  /** Tracked `.env` files (examples and samples excluded). */
  envFilesCommitted: external_exports.array(SourceLocation).optional(),
  /** `.gitignore` makes git ignore `.env`. */
  envIgnored: external_exports.boolean().optional(),
  /** The working tree holds a `.env` file (committed or not; examples and templates excepted). */
  envFilesPresent: external_exports.boolean().optional(),
  secretFindings: external_exports.array(SecretFinding).optional(),
  /** Files the scanner passed over (binary, too large, outside the tree), stated not hidden. */
  skippedFiles: external_exports.array(external_exports.strictObject({ path: external_exports.string(), reason: external_exports.string() })).optional(),
  /** Files that could hold text but could not be read for the secret scan (a subset of skippedFiles). */
  unscannedFiles: external_exports.array(external_exports.strictObject({ path: external_exports.string(), reason: external_exports.string() })).optional(),
  /** The repository builds container images (Dockerfile/Containerfile present). */
  buildsImages: external_exports.boolean().optional(),
  /** The repository holds infrastructure as code (Terraform, Bicep/ARM, Kubernetes, Helm, CloudFormation). */
  hasIac: external_exports.boolean().optional(),
  /** Security scans that run in any of the repository's pipelines. */
  ciScans: CiScans.optional(),
  /** Pipeline files analysed for ciScans. */
  pipelineFiles: external_exports.array(external_exports.string()).optional(),
  /** Default GITHUB_TOKEN / CI job token permission for this repository's pipelines. */
  defaultWorkflowPermissions: external_exports.enum(["read", "write"]).nullable().optional()
});
var Pipeline = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("pipeline"),
  platform: external_exports.enum(["github-actions", "gitlab-ci", "azure-pipelines", "other"]),
  repository: external_exports.string().optional(),
  path: external_exports.string().optional(),
  scans: CiScans.optional(),
  /** Scanner names recognised in this file (e.g. `github/codeql-action`, `Security/SAST.gitlab-ci.yml`). */
  scanTools: external_exports.array(external_exports.string()).optional(),
  tokenPermissions: external_exports.strictObject({
    /** Every job runs with an explicit, non-write-all permission set (top level or per job). */
    leastPrivilege: external_exports.boolean(),
    topLevel: external_exports.string().nullable(),
    /** Jobs with neither a top-level nor a job-level permissions block, or write-all. */
    offendingJobs: external_exports.array(external_exports.strictObject({ job: external_exports.string(), line: external_exports.number().int().positive().optional(), why: external_exports.string() }))
  }).optional(),
  /** Remote code not pinned to an immutable version: actions, `docker://` images, GitLab includes, Azure repository resources. */
  unpinnedActions: external_exports.array(
    external_exports.strictObject({
      /** The reference as written, prefixed by what it is for includes and resources (`include: project acme/ci (ref: main)`). */
      uses: external_exports.string(),
      /** The file it is written in when that is not the pipeline's own file (a local include or template). */
      path: external_exports.string().optional(),
      line: external_exports.number().int().positive().optional(),
      column: external_exports.number().int().positive().optional(),
      /** action, reusable-workflow, docker-image, include, component, repository-resource, template. */
      kind: external_exports.string().optional(),
      /** `a full commit SHA`, an image digest for `docker://`, a content digest for remote includes. */
      pinTo: external_exports.string().optional(),
      /** GitLab components: the version is a full release (`@1.4.2`); the rule's param decides whether that is pinned enough. */
      releaseTag: external_exports.boolean().optional()
    })
  ).optional(),
  /** Image builds in this pipeline that set `org.opencontainers.image.*` labels at build time. */
  imageBuilds: external_exports.array(
    external_exports.strictObject({
      /** Repository-relative Dockerfile, when the build names one (`-f`, `file:`, `context:`); absent when it cannot be told. */
      dockerfile: external_exports.string().optional(),
      /** The OCI label keys the build sets. */
      labelKeys: external_exports.array(external_exports.string()),
      /** How: `docker/metadata-action`, `docker build --label`, `build-push-action labels` ... */
      via: external_exports.string(),
      path: external_exports.string().optional(),
      line: external_exports.number().int().positive().optional(),
      column: external_exports.number().int().positive().optional()
    })
  ).optional(),
  dangerousTriggers: external_exports.array(external_exports.strictObject({ trigger: external_exports.string(), line: external_exports.number().int().positive().optional(), why: external_exports.string() })).optional(),
  plaintextSecrets: external_exports.array(external_exports.strictObject({ key: external_exports.string(), line: external_exports.number().int().positive().optional() })).optional()
});
var ContainerImage = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("container-image"),
  repository: external_exports.string().optional(),
  path: external_exports.string().optional(),
  /** Effective USER of the final stage; `null` when unset (root). */
  user: external_exports.string().nullable().optional(),
  runsAsRoot: external_exports.boolean().optional(),
  baseImages: external_exports.array(
    external_exports.strictObject({
      ref: external_exports.string(),
      stage: external_exports.string().optional(),
      /** digest (@sha256), tag, latest (explicit or implied), unresolved (ARG without default), scratch, stage (FROM an earlier stage). */
      pinning: external_exports.enum(["digest", "tag", "latest", "unresolved", "scratch", "stage"]),
      line: external_exports.number().int().positive().optional()
    })
  ).optional(),
  secretsInImage: external_exports.array(external_exports.strictObject({ instruction: external_exports.string(), name: external_exports.string(), line: external_exports.number().int().positive().optional() })).optional(),
  labels: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  /** Labels a CI build sets on this image (`docker build --label`, `docker/metadata-action`), with where. */
  labelsFromCi: external_exports.array(
    external_exports.strictObject({
      /** `path:line:column (via)`, how messages name it. */
      name: external_exports.string(),
      keys: external_exports.array(external_exports.string()),
      via: external_exports.string(),
      path: external_exports.string(),
      line: external_exports.number().int().positive().optional(),
      column: external_exports.number().int().positive().optional()
    })
  ).optional(),
  /** Every key of `labels`: a key missing from this list is a label known to be unset (conditions cannot test map keys). */
  labelKeys: external_exports.array(external_exports.string()).optional()
});
var Secret = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("secret"),
  /** Where it lives: github-actions, gitlab-ci-variable, ado-variable-group, aws-secrets-manager, azure-key-vault, azure-key-vault-key, declared. */
  store: external_exports.string(),
  scope: external_exports.string().optional(),
  createdAt: Timestamp.optional(),
  /** When the value last changed; `null` when never rotated since creation is unknown. */
  lastRotatedAt: Timestamp.nullable().optional(),
  rotationEnabled: external_exports.boolean().optional(),
  rotationIntervalDays: external_exports.number().nonnegative().nullable().optional(),
  /** When the store stops serving the current value; `null` = no expiry is set. */
  expiresAt: Timestamp.nullable().optional(),
  /** The store serves it (Key Vault: the `enabled` attribute). Disabled secrets are not evaluated. */
  enabled: external_exports.boolean().optional(),
  masked: external_exports.boolean().optional(),
  protected: external_exports.boolean().optional(),
  /** When the credential was last used to authenticate (e.g. an IAM access key); `null` = never used. */
  lastUsedAt: Timestamp.nullable().optional(),
  /** Caveat about the dates (e.g. "modifiedOn is per variable group"). */
  dateNote: external_exports.string().optional()
});
var Token = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("token"),
  /** pat, fine-grained-pat, project-access-token, group-access-token, deploy-token, deploy-key, service-connection, app-key. */
  tokenType: external_exports.string(),
  scope: external_exports.string().optional(),
  scopes: external_exports.array(external_exports.string()).optional(),
  createdAt: Timestamp.nullable().optional(),
  /** `null` = never expires. */
  expiresAt: Timestamp.nullable().optional(),
  lastUsedAt: Timestamp.nullable().optional(),
  revoked: external_exports.boolean().optional(),
  active: external_exports.boolean().optional()
});
var Environment = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("environment"),
  repository: external_exports.string().optional(),
  /** Named or declared as production (name matches the production pattern or flagged by the platform). */
  production: external_exports.boolean().optional(),
  requiredReviewers: external_exports.number().int().nonnegative().optional(),
  /** Deployments limited to protected or selected branches. */
  branchRestricted: external_exports.boolean().optional(),
  allowedBranches: external_exports.array(external_exports.string()).optional(),
  waitTimerMinutes: external_exports.number().nonnegative().optional()
});
var BackupPlan = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("backup-plan"),
  target: external_exports.string().optional(),
  schedules: external_exports.array(
    external_exports.strictObject({
      name: external_exports.string().optional(),
      type: external_exports.enum(["full", "incremental", "differential", "snapshot", "log"]),
      /** Hours between runs (24 = daily). */
      intervalHours: external_exports.number().positive(),
      cron: external_exports.string().optional(),
      retentionDays: external_exports.number().nonnegative().nullable().optional()
    })
  ).optional(),
  retention: external_exports.strictObject({
    dailyDays: external_exports.number().nonnegative().nullable().optional(),
    weeklyWeeks: external_exports.number().nonnegative().nullable().optional(),
    monthlyMonths: external_exports.number().nonnegative().nullable().optional()
  }).optional(),
  lastRestoreTestAt: Timestamp.nullable().optional()
});
var LogStore = external_exports.strictObject({
  ...base,
  kind: external_exports.literal("log-store"),
  category: external_exports.enum(["application", "audit", "access", "security", "other"]),
  /** `null` = kept forever. */
  retentionDays: external_exports.number().nonnegative().nullable().optional()
});
var Resource = external_exports.discriminatedUnion("kind", [
  Organization,
  Repository,
  Pipeline,
  ContainerImage,
  Secret,
  Token,
  Environment,
  BackupPlan,
  LogStore
]);
var resourceKinds = [
  "organization",
  "repository",
  "pipeline",
  "container-image",
  "secret",
  "token",
  "environment",
  "backup-plan",
  "log-store"
];

// src/model/rule.ts
var severities = ["critical", "high", "medium", "low"];
var severityRank = { critical: 4, high: 3, medium: 2, low: 1 };
var frameworks = ["soc2", "iso27001", "cis-ssc", "nist-ssdf"];

// src/model/snapshot.ts
var SNAPSHOT_SCHEMA = "secpol/snapshot@1";
var Snapshot = external_exports.strictObject({
  schema: external_exports.literal(SNAPSHOT_SCHEMA),
  collectedAt: external_exports.iso.datetime({ offset: true }).optional(),
  sources: external_exports.array(external_exports.strictObject({ provider: external_exports.string(), target: external_exports.string().optional(), collectedAt: external_exports.string().optional() })).optional(),
  resources: external_exports.array(Resource)
});

// src/model/result.ts
var statuses = ["pass", "fail", "error", "skip", "waived"];

// src/model/report-file.ts
var text = external_exports.string();
var Location = external_exports.object({ path: text, line: external_exports.number().int().optional(), column: external_exports.number().int().optional() });
var Controls = external_exports.strictObject(Object.fromEntries(frameworks.map((f) => [f, external_exports.array(text).optional()])));
var ResourceRef = external_exports.object({ id: text, kind: external_exports.enum(resourceKinds), provider: text, name: text });
var Source = external_exports.object({ file: text, line: external_exports.number().int(), column: external_exports.number().int() });
var Severity = external_exports.enum(severities);
var ReportResult = external_exports.object({
  ruleId: text,
  policyId: text,
  title: text,
  severity: Severity,
  status: external_exports.enum(statuses),
  baseline: external_exports.enum(["new", "existing"]).optional(),
  message: text,
  reason: text.optional(),
  resource: ResourceRef,
  location: Location.optional(),
  evidence: external_exports.array(external_exports.object({ message: text, location: Location.optional(), context: text.optional() })).optional(),
  controls: Controls,
  waiver: external_exports.object({ reason: text, expires: text, approvedBy: text.optional(), expiringSoon: external_exports.boolean() }).optional()
});
var BaselineEntry = external_exports.object({ fingerprint: text, ruleId: text, resourceId: text, path: text.optional() });
var ReportFile = external_exports.object({
  tool: external_exports.object({ name: external_exports.literal("secpol"), version: text }),
  startedAt: text,
  finishedAt: text,
  failOn: external_exports.enum([...severities, "none"]),
  summary: external_exports.object({ pass: external_exports.number(), fail: external_exports.number(), error: external_exports.number(), skip: external_exports.number(), waived: external_exports.number() }),
  anchorFile: text.optional(),
  baseline: external_exports.object({ file: text, createdAt: text, existing: external_exports.number().int(), new: external_exports.number().int(), fixed: external_exports.array(BaselineEntry) }).optional(),
  shard: external_exports.object({ index: external_exports.number().int().positive(), count: external_exports.number().int().positive(), policySet: text, config: text, clock: text }).optional(),
  results: external_exports.array(ReportResult),
  rules: external_exports.array(
    external_exports.object({
      id: text,
      policyId: text,
      title: text,
      description: text.optional(),
      severity: Severity,
      kind: external_exports.enum(resourceKinds),
      remediation: text.optional(),
      controls: Controls,
      tags: external_exports.array(text),
      helpUri: text.optional(),
      source: Source
    })
  ),
  waivers: external_exports.array(
    external_exports.object({
      rule: text,
      resource: text,
      reason: text,
      expires: text,
      approvedBy: text.optional(),
      state: external_exports.enum(["active", "expiring-soon", "expired", "unused"]),
      matched: external_exports.number().int(),
      source: Source.optional()
    })
  ),
  diagnostics: external_exports.array(
    external_exports.object({ severity: external_exports.enum(["error", "warning"]), message: text, file: text.optional(), line: external_exports.number().optional(), column: external_exports.number().optional() })
  ),
  stats: external_exports.record(external_exports.string(), external_exports.unknown())
});
var BASELINE_SCHEMA = "secpol/baseline@1";
var BaselineFile = external_exports.strictObject({
  schema: external_exports.literal(BASELINE_SCHEMA),
  createdAt: external_exports.iso.datetime({ offset: true }),
  tool: external_exports.strictObject({ name: external_exports.literal("secpol"), version: text }),
  entries: external_exports.array(external_exports.strictObject({ fingerprint: external_exports.string().regex(/^[0-9a-f]{32}:\d+$/), ruleId: text, resourceId: text, path: text.optional() }))
});

export {
  gapOutcome,
  Resource,
  resourceKinds,
  severities,
  severityRank,
  frameworks,
  SNAPSHOT_SCHEMA,
  ReportFile,
  BASELINE_SCHEMA,
  BaselineFile
};
