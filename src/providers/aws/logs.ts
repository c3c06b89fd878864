import { CloudTrailClient, DescribeTrailsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient, paginateDescribeLogGroups, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { GetBucketLifecycleConfigurationCommand, S3Client, type LifecycleRule } from '@aws-sdk/client-s3';
import type { Gap, LogStore } from '../../model/index.js';
import { gapFor, isNotFound } from './errors.js';
import type { categoryMatcher } from './log-category.js';
import { call, clientConfig, globalId, listAll, PROVIDER, regionalId, unreadable, type AccountScope, type Call, type Listed, type RegionScope } from './scope.js';
import { configuredEndpoint } from './transport.js';

/**
 * CloudWatch Logs log groups and CloudTrail trails' S3 buckets -> `log-store`.
 * `retentionInDays` absent = kept forever (`null`); a trail bucket keeps logs as long as the
 * shortest expiration among enabled lifecycle rules whose prefix covers the trail's logs.
 */

export type TrailList = Listed<Trail> & { region: string };

export async function listTrails(scope: RegionScope): Promise<TrailList> {
  const client = new CloudTrailClient(clientConfig(scope, 'CLOUDTRAIL', scope.region));
  // Shadow trails are the multi-region trails of other home regions: listed here, kept once by ARN.
  const got = await call({ action: 'cloudtrail:DescribeTrails', region: scope.region }, () =>
    client.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal: scope.signal }),
  );
  return got.ok ? { items: got.value.trailList ?? [], region: scope.region } : { items: [], gap: got.gap, region: scope.region };
}

export function listLogGroups(scope: RegionScope): Promise<Listed<LogGroup>> {
  const client = new CloudWatchLogsClient(clientConfig(scope, 'CLOUDWATCH_LOGS', scope.region));
  return listAll(
    { action: 'logs:DescribeLogGroups', region: scope.region },
    paginateDescribeLogGroups({ client, pageSize: 50 }, {}, { abortSignal: scope.signal }),
    (p) => p.logGroups,
    scope.tuning.maxPages,
  );
}

/** `arn:aws:logs:<region>:<account>:log-group:<name>:*` -> `<region>/<name>`. */
function logGroupKey(arn: string): string | undefined {
  const m = /^arn:[^:]+:logs:([^:]+):[^:]*:log-group:(.+?)(?::\*)?$/.exec(arn);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export function trailDestinations(trails: readonly Trail[]): Set<string> {
  return new Set(trails.map((t) => (t.CloudWatchLogsLogGroupArn ? logGroupKey(t.CloudWatchLogsLogGroupArn) : undefined)).filter((k): k is string => !!k));
}

export function logGroupStores(scope: RegionScope, listed: Listed<LogGroup>, audit: Set<string>, categorize: ReturnType<typeof categoryMatcher>): LogStore[] {
  const out: LogStore[] = listed.items
    .filter((g) => g.logGroupName)
    .map((g) => {
      const name = g.logGroupName!;
      return {
        id: regionalId(scope, `logs/log-group/${name}`),
        kind: 'log-store',
        provider: PROVIDER,
        name: `${name} (${scope.region})`,
        url: `https://${scope.region}.console.aws.amazon.com/cloudwatch/home?region=${scope.region}#logsV2:log-groups/log-group/${encodeURIComponent(name)}`,
        category: categorize(name, audit.has(`${scope.region}/${name}`)),
        retentionDays: g.retentionInDays ?? null,
      };
    });
  if (listed.gap) out.push(unreadable<LogStore>({ id: regionalId(scope, 'logs/log-groups'), kind: 'log-store', provider: PROVIDER, name: `CloudWatch log groups in ${scope.region}`, category: 'other' }, listed.gap));
  return out;
}

/** A region whose trails could not be listed: its audit logs are unknown. */
export function unreadableTrails(scope: AccountScope, region: string, gap: Gap): LogStore {
  return unreadable<LogStore>({ id: globalId(scope, `${region}/cloudtrail/trails`), kind: 'log-store', provider: PROVIDER, name: `CloudTrail trails in ${region}`, category: 'audit' }, gap);
}

/** One audit `log-store` per bucket the trails deliver to. */
export async function trailBucketStores(scope: AccountScope, trails: readonly Trail[]): Promise<LogStore[]> {
  const byBucket = new Map<string, Trail[]>();
  for (const t of trails) if (t.S3BucketName) byBucket.set(t.S3BucketName, [...(byBucket.get(t.S3BucketName) ?? []), t]);
  return Promise.all(
    [...byBucket].map(async ([bucket, users]) => {
      const region = users[0]!.HomeRegion ?? scope.homeRegion;
      const store: LogStore = {
        id: globalId(scope, `s3/bucket/${bucket}`),
        kind: 'log-store',
        provider: PROVIDER,
        name: `s3://${bucket} (CloudTrail ${users.map((t) => t.Name).join(', ')})`,
        url: `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(bucket)}?tab=management`,
        category: 'audit',
      };
      const rules = await lifecycleRules(scope, bucket, region);
      if (!rules.ok) return { ...store, gaps: { retentionDays: rules.gap } };
      const retention = users.map((t) => shortestExpiration(rules.value, trailLogPrefix(t)));
      const known = retention.filter((d): d is number => d !== null);
      return { ...store, retentionDays: known.length ? Math.min(...known) : null };
    }),
  );
}

async function lifecycleRules(scope: AccountScope, bucket: string, region: string): Promise<Call<LifecycleRule[]>> {
  const client = new S3Client({
    ...clientConfig(scope, 'S3', region),
    followRegionRedirects: true,
    // Emulators and tests answer on one host: path-style addressing (the bucket in the path).
    forcePathStyle: !!configuredEndpoint(scope.env, 'S3'),
  });
  const site = { action: 's3:GetLifecycleConfiguration', region: 'global' };
  try {
    const out = await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }), { abortSignal: scope.signal });
    return { ok: true, value: out.Rules ?? [] };
  } catch (err) {
    // No lifecycle configuration: nothing ever expires.
    if (isNotFound(err, 'NoSuchLifecycleConfiguration')) return { ok: true, value: [] };
    return { ok: false, gap: gapFor(err, site) };
  }
}

function trailLogPrefix(trail: Trail): string {
  const prefix = (trail.S3KeyPrefix ?? '').replace(/^\/+|\/+$/g, '');
  return prefix ? `${prefix}/AWSLogs/` : 'AWSLogs/';
}

/** Days until the first enabled, untagged, size-unbounded expiration rule covering `prefix` deletes; `null` = never. */
export function shortestExpiration(rules: readonly LifecycleRule[], prefix: string): number | null {
  let shortest: number | null = null;
  for (const rule of rules) {
    if (rule.Status !== 'Enabled' || !rule.Expiration?.Days) continue;
    const filter = rule.Filter;
    if (filter?.Tag || filter?.And?.Tags?.length || filter?.ObjectSizeGreaterThan || filter?.ObjectSizeLessThan || filter?.And?.ObjectSizeGreaterThan || filter?.And?.ObjectSizeLessThan) continue;
    const rulePrefix = filter?.Prefix ?? filter?.And?.Prefix ?? rule.Prefix ?? '';
    if (!prefix.startsWith(rulePrefix)) continue;
    shortest = shortest === null ? rule.Expiration.Days : Math.min(shortest, rule.Expiration.Days);
  }
  return shortest;
}
