import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  AwsConfig
} from "./chunk-SDQONHYZ.js";
import {
  resourceKinds
} from "./chunk-LS7IB64P.js";
import {
  meta
} from "./chunk-7AH5QC2N.js";
import {
  meta as meta2
} from "./chunk-L5QX7PQ4.js";
import {
  meta as meta3
} from "./chunk-VTOSPDMA.js";
import {
  meta as meta4
} from "./chunk-6WQEB4TW.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";

// src/providers/snapshot/meta.ts
var meta5 = {
  name: "snapshot",
  summary: "normalized state files (--state), as written by `secpol snapshot`",
  kinds: resourceKinds,
  options: [],
  configTargets: {},
  env: { credentials: [], endpoints: [] },
  alongsideNamed: true,
  isTargeted: (targets) => targets.stateFiles.length > 0,
  hasCredential: () => true
};

// src/providers/aws/meta.ts
var SERVICES = ["STS", "SECRETS_MANAGER", "IAM", "BACKUP", "RDS", "CLOUDWATCH_LOGS", "CLOUDTRAIL", "S3", "ACCOUNT"];
var meta6 = {
  name: "aws",
  summary: "AWS accounts: Secrets Manager, IAM access keys and MFA, AWS Backup and RDS backups, CloudWatch Logs and CloudTrail retention",
  kinds: ["organization", "secret", "backup-plan", "log-store"],
  options: [
    { flags: "--aws-region <region...>", description: "AWS regions to scan (`all` = every region enabled for the account)", configKey: "aws.regions" },
    { flags: "--aws-role-arn <arn...>", description: "IAM roles to assume, one account each (external id and session name from secpol.yaml targets.aws)", configKey: "aws.roleArns" }
  ],
  configTargets: { aws: AwsConfig },
  env: {
    credentials: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"],
    endpoints: ["AWS_ENDPOINT_URL", ...SERVICES.map((s) => `AWS_ENDPOINT_URL_${s}`), "AWS_REGION", "AWS_DEFAULT_REGION"]
  },
  isTargeted: (targets) => targets.options.awsRegion !== void 0 || targets.options.awsRoleArn !== void 0 || targets.config.aws !== void 0,
  hasCredential: (env) => !!(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY || env.AWS_PROFILE || env.AWS_ROLE_ARN && env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI)
};

// src/providers/azure/config.ts
var nonEmpty = external_exports.string().min(1, "must not be empty");
var globs = external_exports.array(nonEmpty);
var logCategories = ["application", "audit", "access", "security", "other"];
var AzureTargets = external_exports.strictObject({
  /** Subscription ids; default: every subscription the credential can see. */
  subscriptions: external_exports.array(external_exports.string().regex(/^[0-9a-fA-F-]{36}$/, "a subscription id is a GUID")).optional(),
  /** Resource-group name globs (case-insensitive). */
  resourceGroups: external_exports.strictObject({ include: globs.optional(), exclude: globs.optional() }).optional(),
  /** Log Analytics table-name glob -> category; overrides the built-in audit/application lists. */
  logTables: external_exports.record(nonEmpty, external_exports.enum(logCategories)).optional(),
  /**
   * Key Vault secrets rotated by an automation (Event Grid SecretNearExpiry + a function):
   * `vault/secret` globs. Key Vault has no native secret rotation, so others are `rotationEnabled: false`.
   */
  secretRotation: external_exports.array(external_exports.strictObject({ match: nonEmpty, intervalDays: external_exports.number().positive().optional() })).optional()
});

// src/providers/azure/meta.ts
var CREDENTIAL_VARS = ["AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_PASSWORD"];
var SIGN_IN_VARS = ["AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_TOKEN_CREDENTIALS", "IDENTITY_ENDPOINT", "MSI_ENDPOINT"];
var meta7 = {
  name: "azure",
  summary: "Azure: Key Vault secret ages and key rotation, Recovery Services backup policies, Log Analytics retention, Entra ID MFA",
  kinds: ["secret", "backup-plan", "log-store", "organization"],
  options: [{ flags: "--azure-subscription <id...>", description: "Azure subscription ids (default: every subscription the credential can see)", configKey: "azure.subscriptions" }],
  configTargets: { azure: AzureTargets },
  env: {
    credentials: [...CREDENTIAL_VARS],
    endpoints: ["AZURE_RESOURCE_MANAGER_URL", "AZURE_GRAPH_URL", "AZURE_AUTHORITY_HOST"]
  },
  isTargeted: (targets) => {
    const subs = targets.options.azureSubscription;
    return Array.isArray(subs) && subs.length > 0 || targets.config.azure !== void 0;
  },
  // The Azure CLI / managed identity cannot be seen without probing; those need --provider azure.
  hasCredential: (env) => SIGN_IN_VARS.some((name) => Boolean(env[name]))
};

// src/providers/registry.ts
var register = (meta8, load) => ({
  meta: meta8,
  load: async () => (await load()).implementation
});
var registry = [
  register(meta5, () => import("./snapshot-Y465UPMH.js")),
  register(meta, () => import("./local-GBACX6T7.js")),
  register(meta2, () => import("./github-PH6OILNA.js")),
  register(meta3, () => import("./gitlab-FXNIZX5U.js")),
  register(meta4, () => import("./azure-devops-BIID7EBT.js")),
  register(meta6, () => import("./aws-OUW4XHFC.js")),
  register(meta7, () => import("./azure-M64UNOXF.js"))
];

// src/app/providers.ts
var providerRegistry = registry;
var providerMetas = registry.map((r) => r.meta);
var providerNames = providerMetas.map((m) => m.name);
function findProvider(name) {
  return registry.find((r) => r.meta.name === name);
}
function optionKey(flags) {
  const long = /--(?:no-)?([a-z0-9][a-z0-9-]*)/i.exec(flags)?.[1] ?? flags;
  return long.replace(/-([a-z0-9])/gi, (_, c) => c.toUpperCase());
}
var providerOptionKeys = providerMetas.flatMap((m) => m.options.map((o) => optionKey(o.flags)));
function configProviders() {
  const targets = {};
  for (const meta8 of providerMetas) Object.assign(targets, meta8.configTargets);
  return {
    names: providerNames,
    targets,
    check: (config) => providerMetas.flatMap((m) => [...m.checkTargets?.(pick(config, Object.keys(m.configTargets))) ?? []])
  };
}
function providerTargets(meta8, run, named = run.named.includes(meta8.name)) {
  const options = {};
  for (const option of meta8.options) {
    const key = optionKey(option.flags);
    const value = run.flags[key] ?? (option.configKey ? lookup(run.config, option.configKey) : void 0);
    if (value !== void 0) options[key] = value;
  }
  const base = {
    path: run.path,
    repos: run.repos,
    originUrl: run.originUrl,
    explicit: false,
    options,
    config: pick(run.config, Object.keys(meta8.configTargets)),
    filters: run.filters,
    stateFiles: run.stateFiles,
    noCache: run.noCache,
    secretAllowlist: run.secretAllowlist,
    named
  };
  return { ...base, explicit: meta8.isTargeted(base) || named && run.repos.length > 0 };
}
function originProvider(url, env) {
  return providerMetas.find((m) => m.recognizesOrigin?.(url, env))?.name;
}
function lookup(config, dotted) {
  let value = config;
  for (const part of dotted.split(".")) {
    if (!value || typeof value !== "object") return void 0;
    value = value[part];
  }
  return value;
}
function pick(config, keys) {
  const out = {};
  for (const key of keys) if (config[key] !== void 0) out[key] = config[key];
  return out;
}

export {
  providerRegistry,
  providerMetas,
  providerNames,
  findProvider,
  optionKey,
  providerOptionKeys,
  configProviders,
  providerTargets,
  originProvider
};
