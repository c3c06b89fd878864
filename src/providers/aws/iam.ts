import { setTimeout as sleep } from 'node:timers/promises';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient, paginateGetGroup, paginateListEntitiesForPolicy } from '@aws-sdk/client-iam';
import type { Gap, Organization, Resource, Secret } from '../../model/index.js';
import { MalformedReport, parseCredentialReport, reportDate, ROOT, type CredentialReportRow } from './credential-report.js';
import { call, clientConfig, globalId, listAll, PROVIDER, accountId, unreadable, type AccountScope, type Call } from './scope.js';

/**
 * IAM (global): the credential report gives every user's console password, MFA and access
 * keys in two or three calls; `ListEntitiesForPolicy` on AdministratorAccess (plus one
 * `GetGroup` per group holding it) gives the administrators.
 */

const GENERATE = 'iam:GenerateCredentialReport';
const GET = 'iam:GetCredentialReport';
const ENTITIES = 'iam:ListEntitiesForPolicy';
const GROUP = 'iam:GetGroup';
const KEY_STORE = 'aws-iam-access-key';

export async function collectIam(scope: AccountScope, partition: string): Promise<Resource[]> {
  const client = new IAMClient(clientConfig(scope, 'IAM', scope.homeRegion));
  const [report, admins] = await Promise.all([credentialReport(scope, client), administrators(scope, client, partition)]);
  const org: Organization = { id: accountId(scope.account), kind: 'organization', provider: PROVIDER, name: scope.account, platform: 'aws' };
  const gaps: NonNullable<Organization['gaps']> = {
    mfaRequired: { reason: 'unsupported', message: 'AWS has no account-wide switch that enforces MFA (use an SCP or IAM condition aws:MultiFactorAuthPresent); see membersWithoutMfa' },
  };
  if (report.ok) org.membersWithoutMfa = usersWithoutMfa(report.value);
  else gaps.membersWithoutMfa = report.gap;
  if (admins.ok) {
    org.admins = admins.value;
    org.adminCount = admins.value.length;
  } else {
    gaps.admins = admins.gap;
    gaps.adminCount = admins.gap;
  }
  org.gaps = gaps;
  const keys: Secret[] = report.ok
    ? report.value.flatMap((row) => accessKeys(scope, row))
    : [unreadable<Secret>({ id: globalId(scope, 'iam/access-keys'), kind: 'secret', provider: PROVIDER, name: 'IAM user access keys', store: KEY_STORE, scope: 'global' }, report.gap)];
  return [org, ...keys];
}

async function credentialReport(scope: AccountScope, client: IAMClient): Promise<Call<CredentialReportRow[]>> {
  const site = (action: string) => ({ action, region: 'global' });
  const started = Date.now();
  let generated: Call<unknown> | undefined;
  for (;;) {
    const state = await call(site(GENERATE), () => client.send(new GenerateCredentialReportCommand({}), { abortSignal: scope.signal }));
    generated = state;
    if (!state.ok || state.value.State === 'COMPLETE') break;
    if (Date.now() - started > scope.tuning.reportWaitMs) {
      return { ok: false, gap: { reason: 'timeout', message: `${GENERATE} in global: the report was not ready after ${Math.round(scope.tuning.reportWaitMs / 1000)} s` } };
    }
    await sleep(scope.tuning.reportPollMs, undefined, { signal: scope.signal });
  }
  // Even when generating is denied a recent report may be readable.
  const got = await call(site(GET), () => client.send(new GetCredentialReportCommand({}), { abortSignal: scope.signal }));
  if (!got.ok) return { ok: false, gap: generated.ok ? got.gap : combine(generated.gap, got.gap) };
  if (!got.value.Content) return { ok: false, gap: { reason: 'malformed', message: `${GET} in global: the report has no content` } };
  try {
    return { ok: true, value: parseCredentialReport(new TextDecoder().decode(got.value.Content)) };
  } catch (err) {
    if (err instanceof MalformedReport) return { ok: false, gap: { reason: 'malformed', message: `${GET} in global: ${err.message}` } };
    throw err;
  }
}

function combine(first: Gap, second: Gap): Gap {
  return { reason: second.reason, message: `${first.message}; ${second.message}` };
}

function usersWithoutMfa(rows: CredentialReportRow[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    if (row.user === ROOT) {
      if (row.mfa_active === 'false') out.push('root');
    } else if (row.password_enabled === 'true' && row.mfa_active === 'false') out.push(row.user);
  }
  return out;
}

function accessKeys(scope: AccountScope, row: CredentialReportRow): Secret[] {
  const isRoot = row.user === ROOT;
  const user = isRoot ? 'root' : row.user;
  const slots = [
    { n: 1, active: row.access_key_1_active, created: row.access_key_1_last_rotated, used: row.access_key_1_last_used_date, service: row.access_key_1_last_used_service, region: row.access_key_1_last_used_region },
    { n: 2, active: row.access_key_2_active, created: row.access_key_2_last_rotated, used: row.access_key_2_last_used_date, service: row.access_key_2_last_used_service, region: row.access_key_2_last_used_region },
  ];
  return slots
    .filter((slot) => slot.active === 'true')
    .map((slot) => {
      const lastUsedAt = reportDate(slot.used);
      const createdAt = reportDate(slot.created);
      const secret: Secret = {
        id: globalId(scope, `iam/${isRoot ? 'root' : `user/${user}`}/access-key-${slot.n}`),
        kind: 'secret',
        provider: PROVIDER,
        name: `${user} access key ${slot.n}`,
        store: KEY_STORE,
        scope: 'global',
        // A key's value never changes: its age is its age since creation.
        lastRotatedAt: null,
        rotationEnabled: false,
        rotationIntervalDays: null,
        lastUsedAt,
        dateNote: lastUsedAt ? `last used ${lastUsedAt.slice(0, 10)} by ${slot.service} in ${slot.region}` : 'never used',
      };
      if (createdAt) secret.createdAt = createdAt;
      else secret.gaps = { createdAt: { reason: 'malformed', message: `${GET} in global: no creation date for ${user}'s key ${slot.n}` } };
      return secret;
    });
}

/** IAM users with AdministratorAccess directly or through a group (each once), then roles as `role/<name>`. */
async function administrators(scope: AccountScope, client: IAMClient, partition: string): Promise<Call<string[]>> {
  const site = { action: ENTITIES, region: 'global' };
  const policyArn = `arn:${partition}:iam::aws:policy/AdministratorAccess`;
  const pages = await listAll(site, paginateListEntitiesForPolicy({ client }, { PolicyArn: policyArn }, { abortSignal: scope.signal }), (page) => [page], scope.tuning.maxPages);
  if (pages.gap) return { ok: false, gap: pages.gap };
  const users = new Set<string>();
  const roles: string[] = [];
  const groups: string[] = [];
  for (const page of pages.items) {
    for (const u of page.PolicyUsers ?? []) if (u.UserName) users.add(u.UserName);
    for (const g of page.PolicyGroups ?? []) if (g.GroupName) groups.push(g.GroupName);
    for (const r of page.PolicyRoles ?? []) if (r.RoleName) roles.push(`role/${r.RoleName}`);
  }
  const members = await Promise.all(
    groups.map((GroupName) =>
      listAll({ action: GROUP, region: 'global' }, paginateGetGroup({ client }, { GroupName }, { abortSignal: scope.signal }), (page) => page.Users, scope.tuning.maxPages),
    ),
  );
  for (const listed of members) {
    if (listed.gap) return { ok: false, gap: listed.gap };
    for (const u of listed.items) if (u.UserName) users.add(u.UserName);
  }
  return { ok: true, value: [...[...users].sort(), ...roles.sort()] };
}
