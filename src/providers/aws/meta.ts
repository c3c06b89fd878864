import type { Env, ProviderMeta } from '../contract.js';
import { AwsConfig } from './target.js';

const SERVICES = ['STS', 'SECRETS_MANAGER', 'IAM', 'BACKUP', 'RDS', 'CLOUDWATCH_LOGS', 'CLOUDTRAIL', 'S3', 'ACCOUNT'];

/** The AWS provider's contract (cheap: no SDK import; the implementation loads lazily). */
export const meta = {
  name: 'aws',
  summary: 'AWS accounts: Secrets Manager, IAM access keys and MFA, AWS Backup and RDS backups, CloudWatch Logs and CloudTrail retention',
  kinds: ['organization', 'secret', 'backup-plan', 'log-store'],
  options: [
    { flags: '--aws-region <region...>', description: 'AWS regions to scan (`all` = every region enabled for the account)', configKey: 'aws.regions' },
    { flags: '--aws-role-arn <arn...>', description: 'IAM roles to assume, one account each (external id and session name from secpol.yaml targets.aws)', configKey: 'aws.roleArns' },
  ],
  configTargets: { aws: AwsConfig },
  env: {
    credentials: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'],
    endpoints: ['AWS_ENDPOINT_URL', ...SERVICES.map((s) => `AWS_ENDPOINT_URL_${s}`), 'AWS_REGION', 'AWS_DEFAULT_REGION'],
  },
  isTargeted: (targets) => targets.options.awsRegion !== undefined || targets.options.awsRoleArn !== undefined || targets.config.aws !== undefined,
  hasCredential: (env: Env) =>
    !!(
      (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) ||
      env.AWS_PROFILE ||
      (env.AWS_ROLE_ARN && env.AWS_WEB_IDENTITY_TOKEN_FILE) ||
      env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
      env.AWS_CONTAINER_CREDENTIALS_FULL_URI
    ),
} as const satisfies ProviderMeta;
