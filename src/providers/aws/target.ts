import { z } from 'zod';
import { UserError } from '../../shared/errors.js';
import type { Env, ProviderTargets } from '../contract.js';
import type { CategoryOverrides } from './log-category.js';

/** secpol.yaml `targets.aws` (strict: unknown keys are errors). */
export const AwsConfig = z.strictObject({
  /** Region names, or `all` for every region enabled for the account. */
  regions: z.array(z.string().min(1)).min(1).optional(),
  /** Roles to assume, one account each; without any, the credential's own account. */
  roleArns: z.array(z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN')).optional(),
  externalId: z.string().min(2).max(1224).optional(),
  sessionName: z.string().regex(/^[\w+=,.@-]{2,64}$/).optional(),
  /** Log-group name globs per category; they win over every built-in category. */
  logGroupCategories: z.partialRecord(z.enum(['application', 'audit', 'access', 'security', 'other']), z.array(z.string().min(1))).optional(),
});
export type AwsConfig = z.infer<typeof AwsConfig>;

export interface AwsTarget {
  /** Regions to scan; `all` asks the account which regions are enabled. */
  regions: string[] | 'all';
  roleArns: string[];
  externalId?: string;
  sessionName: string;
  categories: CategoryOverrides;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).map(String).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

/** The region the SDK would use: AWS_REGION, then AWS_DEFAULT_REGION. */
export function envRegion(env: Env): string | undefined {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}

export function resolveTarget(targets: ProviderTargets, env: Env): AwsTarget {
  const config = (targets.config.aws ?? {}) as AwsConfig;
  const regions = list(targets.options.awsRegion) ?? config.regions ?? (envRegion(env) ? [envRegion(env)!] : undefined);
  if (!regions) throw new UserError('aws: no region to scan: pass --aws-region <region...> (or `all`), set targets.aws.regions in secpol.yaml, or set AWS_REGION');
  const bad = regions.filter((r) => r !== 'all' && !REGION.test(r));
  if (bad.length) throw new UserError(`aws: '${bad[0]}' is not an AWS region name (e.g. eu-west-1), nor 'all'`);
  if (regions.includes('all') && regions.length > 1) throw new UserError("aws: --aws-region 'all' cannot be combined with region names");
  const roleArns = list(targets.options.awsRoleArn) ?? config.roleArns ?? [];
  const badArn = roleArns.find((a) => !ROLE_ARN.test(a));
  if (badArn) throw new UserError(`aws: '${badArn}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  return {
    regions: regions.includes('all') ? 'all' : [...new Set(regions)],
    roleArns: [...new Set(roleArns)],
    externalId: config.externalId,
    sessionName: config.sessionName ?? 'secpol',
    categories: config.logGroupCategories ?? {},
  };
}
