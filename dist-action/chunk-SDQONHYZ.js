import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  external_exports
} from "./chunk-RVV4H2YY.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";

// src/providers/aws/target.ts
var AwsConfig = external_exports.strictObject({
  /** Region names, or `all` for every region enabled for the account. */
  regions: external_exports.array(external_exports.string().min(1)).min(1).optional(),
  /** Roles to assume, one account each; without any, the credential's own account. */
  roleArns: external_exports.array(external_exports.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "an IAM role ARN")).optional(),
  externalId: external_exports.string().min(2).max(1224).optional(),
  sessionName: external_exports.string().regex(/^[\w+=,.@-]{2,64}$/).optional(),
  /** Log-group name globs per category; they win over every built-in category. */
  logGroupCategories: external_exports.partialRecord(external_exports.enum(["application", "audit", "access", "security", "other"]), external_exports.array(external_exports.string().min(1))).optional()
});
var REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
var ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
function list(value) {
  if (value === void 0) return void 0;
  const values = (Array.isArray(value) ? value : [value]).map(String).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : void 0;
}
function envRegion(env) {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || void 0;
}
function resolveTarget(targets, env) {
  const config = targets.config.aws ?? {};
  const regions = list(targets.options.awsRegion) ?? config.regions ?? (envRegion(env) ? [envRegion(env)] : void 0);
  if (!regions) throw new UserError("aws: no region to scan: pass --aws-region <region...> (or `all`), set targets.aws.regions in secpol.yaml, or set AWS_REGION");
  const bad = regions.filter((r) => r !== "all" && !REGION.test(r));
  if (bad.length) throw new UserError(`aws: '${bad[0]}' is not an AWS region name (e.g. eu-west-1), nor 'all'`);
  if (regions.includes("all") && regions.length > 1) throw new UserError("aws: --aws-region 'all' cannot be combined with region names");
  const roleArns = list(targets.options.awsRoleArn) ?? config.roleArns ?? [];
  const badArn = roleArns.find((a) => !ROLE_ARN.test(a));
  if (badArn) throw new UserError(`aws: '${badArn}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  return {
    regions: regions.includes("all") ? "all" : [...new Set(regions)],
    roleArns: [...new Set(roleArns)],
    externalId: config.externalId,
    sessionName: config.sessionName ?? "secpol",
    categories: config.logGroupCategories ?? {}
  };
}

export {
  AwsConfig,
  envRegion,
  resolveTarget
};
