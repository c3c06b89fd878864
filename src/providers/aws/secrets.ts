import {
  paginateListSecrets,
  paginateListSecretVersionIds,
  SecretsManagerClient,
  type SecretListEntry,
  type SecretVersionsListEntry,
} from '@aws-sdk/client-secrets-manager';
import type { Secret } from '../../model/index.js';
import { scheduleIntervalHours } from './schedule.js';
import { clientConfig, listAll, PROVIDER, regionalId, unreadable, type RegionScope } from './scope.js';

/**
 * Secrets Manager -> `secret` (store `aws-secrets-manager`). `ListSecrets` carries every
 * rotation fact; one `ListSecretVersionIds` per secret gives the `AWSCURRENT` version's
 * creation date, the only date that is the value's age (`LastChangedDate` moves on tag
 * edits, `LastRotatedDate` exists only with automatic rotation). Values are never read.
 */

const STORE = 'aws-secrets-manager';
const LIST = 'secretsmanager:ListSecrets';
const VERSIONS = 'secretsmanager:ListSecretVersionIds';

export async function collectSecrets(scope: RegionScope): Promise<Secret[]> {
  const client = new SecretsManagerClient(clientConfig(scope, 'SECRETS_MANAGER', scope.region));
  const opts = { abortSignal: scope.signal };
  const listed = await listAll(
    { action: LIST, region: scope.region },
    paginateListSecrets({ client, pageSize: 100 }, { IncludePlannedDeletion: false }, opts),
    (page) => page.SecretList,
    scope.tuning.maxPages,
  );
  const live = listed.items.filter((s) => s.Name && !s.DeletedDate);
  const out = await Promise.all(live.map((entry) => secretOf(scope, client, entry)));
  if (listed.gap) {
    out.push(unreadable<Secret>({ id: regionalId(scope, 'secretsmanager'), kind: 'secret', provider: PROVIDER, name: `Secrets Manager secrets in ${scope.region}`, store: STORE, scope: scope.region }, listed.gap));
  }
  return out;
}

async function secretOf(scope: RegionScope, client: SecretsManagerClient, entry: SecretListEntry): Promise<Secret> {
  const name = entry.Name!;
  const secret: Secret = {
    id: regionalId(scope, `secretsmanager/${name}`),
    kind: 'secret',
    provider: PROVIDER,
    name,
    url: consoleUrl(scope.region, name),
    store: STORE,
    scope: scope.region,
    rotationEnabled: entry.RotationEnabled === true,
  };
  const gaps: NonNullable<Secret['gaps']> = {};
  if (entry.CreatedDate) secret.createdAt = entry.CreatedDate.toISOString();
  else gaps.createdAt = { reason: 'malformed', message: `${LIST} in ${scope.region}: no CreatedDate for ${name}` };

  const interval = rotationInterval(entry);
  if ('days' in interval) secret.rotationIntervalDays = interval.days;
  else gaps.rotationIntervalDays = { reason: 'malformed', message: `${LIST} in ${scope.region}: ${interval.error}` };

  const versions = await listAll(
    { action: VERSIONS, region: scope.region },
    paginateListSecretVersionIds({ client, pageSize: 100 }, { SecretId: entry.ARN ?? name }, { abortSignal: scope.signal }),
    (page) => page.Versions,
    scope.tuning.maxPages,
  );
  const current = currentVersion(versions.items);
  if (current?.CreatedDate) secret.lastRotatedAt = current.CreatedDate.toISOString();
  else if (versions.gap) gaps.lastRotatedAt = versions.gap;
  else {
    // A secret created without a value has no current version: nothing was ever rotated.
    secret.lastRotatedAt = null;
    secret.dateNote = 'no AWSCURRENT version: the secret holds no value yet';
  }
  if (Object.keys(gaps).length) secret.gaps = gaps;
  return secret;
}

function currentVersion(versions: SecretVersionsListEntry[]): SecretVersionsListEntry | undefined {
  return versions.find((v) => v.VersionStages?.includes('AWSCURRENT'));
}

/** `AutomaticallyAfterDays`, else the schedule expression; `null` when rotation is off. */
function rotationInterval(entry: SecretListEntry): { days: number | null } | { error: string } {
  if (entry.RotationEnabled !== true) return { days: null };
  const rules = entry.RotationRules;
  if (rules?.AutomaticallyAfterDays) return { days: rules.AutomaticallyAfterDays };
  if (rules?.ScheduleExpression) {
    const parsed = scheduleIntervalHours(rules.ScheduleExpression);
    return 'error' in parsed ? { error: `rotation schedule ${parsed.error}` } : { days: round2(parsed.intervalHours / 24) };
  }
  return { days: null };
}

function round2(n: number): number {
  return Math.floor(n * 100) / 100;
}

function consoleUrl(region: string, name: string): string {
  return `https://${region}.console.aws.amazon.com/secretsmanager/secret?name=${encodeURIComponent(name)}&region=${region}`;
}
