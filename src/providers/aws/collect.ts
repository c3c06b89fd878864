import { AccountClient, paginateListRegions } from '@aws-sdk/client-account';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Trail } from '@aws-sdk/client-cloudtrail';
import type { Resource } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import type { CollectContext, CollectResult } from '../types.js';
import { collectBackupPlans } from './backup.js';
import { assumedRole, baseCredentials, HOW_TO_PROVIDE } from './credentials.js';
import { errorCode, gapFor, isCredentialFailure, RegionDisabled } from './errors.js';
import { collectIam } from './iam.js';
import { categoryMatcher } from './log-category.js';
import { listLogGroups, listTrails, logGroupStores, trailBucketStores, trailDestinations, unreadableTrails } from './logs.js';
import { collectRds } from './rds.js';
import { clientConfig, defaultTuning, listAll, type AccountScope, type RegionScope, type Tuning } from './scope.js';
import { collectSecrets } from './secrets.js';
import type { AwsTarget } from './target.js';
import { envRegion } from './target.js';
import { createTransport } from './transport.js';
import { httpSettings } from '../http/index.js';
import { plural } from '../../shared/plural.js';

export interface CollectOptions {
  tuning?: Partial<Tuning>;
  /** Requests in flight at once across the run. */
  concurrency?: number;
}

interface Outcome {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

/** The whole scan: each account (the credential's own, or each assumed role), its regions, its global services. */
export async function collectAws(target: AwsTarget, ctx: CollectContext, options: CollectOptions = {}): Promise<CollectResult> {
  const transport = createTransport(ctx.env, { concurrency: options.concurrency, signal: ctx.signal, debug: ctx.debug });
  const tuning = { ...defaultTuning, maxPages: httpSettings(ctx.env).maxPages, ...options.tuning };
  const homeRegion = target.regions === 'all' ? (envRegion(ctx.env) ?? 'us-east-1') : target.regions[0]!;
  const out: Outcome = { resources: [], diagnostics: [] };
  try {
    const base = baseCredentials(ctx.env, transport, homeRegion, ctx.redactor);
    const accounts = target.roleArns.length
      ? target.roleArns.map((arn) => ({ label: arn, credentials: assumedRole(arn, target, base, ctx.env, transport, homeRegion, ctx.redactor) }))
      : [{ label: 'the configured credentials', credentials: base }];
    for (const account of accounts) {
      const scoped = { credentials: account.credentials, transport, env: ctx.env, now: ctx.now, signal: ctx.signal, homeRegion, tuning };
      const result = await collectAccount(scoped, account.label, target, ctx);
      out.resources.push(...result.resources);
      out.diagnostics.push(...result.diagnostics);
    }
    // A cancelled run returns nothing: its gaps would only say "aborted".
    ctx.signal?.throwIfAborted();
  } finally {
    transport.destroy();
  }
  const stats: Record<string, number> = { requests: transport.core.stats.requests };
  for (const [service, n] of transport.counts) stats[`requests.${service.toLowerCase()}`] = n;
  return { ...out, stats };
}

async function collectAccount(partial: Omit<AccountScope, 'account'>, label: string, target: AwsTarget, ctx: CollectContext): Promise<Outcome> {
  const sts = new STSClient(clientConfig({ ...partial, account: '' }, 'STS', partial.homeRegion));
  let identity;
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: partial.signal });
  } catch (err) {
    const why = isCredentialFailure(err) ? `no valid credentials (${errorCode(err)}): ${HOW_TO_PROVIDE}` : gapFor(err, { action: 'sts:GetCallerIdentity', region: partial.homeRegion }).message;
    return { resources: [], diagnostics: [{ severity: 'error', message: `aws (${label}): ${ctx.redactor.redact(why)}` }] };
  }
  if (!identity.Account || !identity.Arn) return { resources: [], diagnostics: [{ severity: 'error', message: `aws (${label}): sts:GetCallerIdentity returned no account` }] };
  const scope: AccountScope = { ...partial, account: identity.Account };
  const partition = identity.Arn.split(':')[1] ?? 'aws';

  const regions = target.regions === 'all' ? await enabledRegions(scope) : { items: target.regions };
  const diagnostics: Diagnostic[] = [];
  if ('gap' in regions && regions.gap) {
    return { resources: [], diagnostics: [{ severity: 'error', message: `aws (${scope.account}): cannot list the enabled regions for --aws-region all: ${regions.gap.message}` }] };
  }
  ctx.progress.update(`aws ${scope.account}: ${plural(regions.items.length, 'region', 'regions')}`);
  const categorize = categoryMatcher(target.categories);
  const [iam, ...perRegion] = await Promise.all([collectIam(scope, partition), ...regions.items.map((region) => collectRegion({ ...scope, region }))]);
  const resources: Resource[] = [...iam];
  const trails = new Map<string, Trail>();
  const enabled = perRegion.filter((r): r is Exclude<typeof r, RegionDisabled> => !(r instanceof RegionDisabled));
  for (const r of perRegion) {
    if (r instanceof RegionDisabled) diagnostics.push({ severity: 'warning', message: `aws (${scope.account}): ${r.message}; skipped` });
  }
  for (const r of enabled) {
    resources.push(...r.resources);
    if (r.trails.gap) resources.push(unreadableTrails(scope, r.region, r.trails.gap));
    for (const t of r.trails.items) trails.set(t.TrailARN ?? `${t.HomeRegion}/${t.Name}`, t);
  }
  const audit = trailDestinations([...trails.values()]);
  for (const r of enabled) resources.push(...logGroupStores(r.scope, r.logGroups, audit, categorize));
  resources.push(...(await trailBucketStores(scope, [...trails.values()])));
  return { resources, diagnostics };
}

async function collectRegion(scope: RegionScope) {
  try {
    const [secrets, backups, rds, logGroups, trails] = await Promise.all([
      collectSecrets(scope),
      collectBackupPlans(scope),
      collectRds(scope),
      listLogGroups(scope),
      listTrails(scope),
    ]);
    return { region: scope.region, scope, resources: [...secrets, ...backups, ...rds], logGroups, trails };
  } catch (err) {
    if (err instanceof RegionDisabled) return err;
    throw err;
  }
}

/** `--aws-region all`: the regions enabled for the account (account:ListRegions). */
function enabledRegions(scope: AccountScope) {
  const client = new AccountClient(clientConfig(scope, 'ACCOUNT', scope.homeRegion));
  return listAll(
    { action: 'account:ListRegions', region: 'global' },
    paginateListRegions({ client, pageSize: 50 }, { RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] }, { abortSignal: scope.signal }),
    (p) => (p.Regions ?? []).map((r) => r.RegionName).filter((n): n is string => !!n),
    scope.tuning.maxPages,
  );
}
