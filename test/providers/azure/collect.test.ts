import { afterEach, describe, expect, it } from 'vitest';
import { Resource } from '../../../src/model/index.js';
import { SUB_A, SUB_B, TENANT, daysAgo, standardState } from '../../fakes/azure/state.js';
import { NOW, byId, startHarness, type Harness } from './helpers.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.fake.close();
  harness = undefined;
});

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();
const A = `azure:${SUB_A}/rg-prod`;

describe('azure provider against the https imitation', () => {
  it('collects secrets, keys, backup policies, log retention and the tenant into the model', async () => {
    harness = await startHarness(standardState(NOW));
    const result = await harness.collect();
    expect(harness.fake.unexpected).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    for (const r of result.resources) expect(Resource.safeParse(r).success, r.id).toBe(true);

    const db = byId(result, `${A}/keyvault/kv-prod/secret/db-password`, 'secret');
    expect(db).toMatchObject({ name: 'kv-prod/db-password', store: 'azure-key-vault', enabled: true, lastRotatedAt: iso(daysAgo(NOW, 45)), expiresAt: iso(daysAgo(NOW, -300)), rotationEnabled: false, rotationIntervalDays: null });
    expect(db.gaps).toBeUndefined();
    expect(byId(result, `${A}/keyvault/kv-prod/secret/webhook-url`, 'secret').expiresAt).toBeNull();
    const retired = byId(result, `${A}/keyvault/kv-prod/secret/retired`, 'secret');
    expect(retired.enabled).toBe(false);
    expect(retired.lastRotatedAt).toBeUndefined();
    expect(retired.gaps?.['*']?.reason).toBe('not-applicable');

    const signing = byId(result, `${A}/keyvault/kv-prod/key/signing`, 'secret');
    expect(signing).toMatchObject({ store: 'azure-key-vault-key', rotationEnabled: true, rotationIntervalDays: 90, lastRotatedAt: iso(daysAgo(NOW, 20)) });
    expect(byId(result, `${A}/keyvault/kv-prod/key/legacy`, 'secret')).toMatchObject({ rotationEnabled: false, rotationIntervalDays: null });
    const locked = byId(result, `${A}/keyvault/kv-locked/key/wrap`, 'secret');
    expect(locked.rotationEnabled).toBeUndefined();
    expect(locked.gaps?.rotationEnabled).toMatchObject({ reason: 'forbidden' });
    expect(locked.gaps?.rotationEnabled?.message).toMatch(/Key Vault Reader/);
    // The vault firewall / data-plane role does not hide secret metadata: it comes through ARM.
    expect(byId(result, `${A}/keyvault/kv-locked/secret/api-key`, 'secret').lastRotatedAt).toBe(iso(daysAgo(NOW, 5)));

    const vm4h = byId(result, `${A}/recoveryservices/rsv-prod/policy/vm-4h`, 'backup-plan');
    expect(vm4h.schedules).toEqual([{ type: 'snapshot', intervalHours: 4, retentionDays: 30 }]);
    expect(vm4h.retention).toEqual({ dailyDays: 30, weeklyWeeks: 12, monthlyMonths: 13 });
    expect(vm4h.target).toBe('vm-db, vm-web');
    // The newest *completed* restore: the later failed one does not count.
    expect(vm4h.lastRestoreTestAt).toBe(new Date(NOW.getTime() - 12 * 86_400_000 + 3_600_000).toISOString());
    const sql = byId(result, `${A}/recoveryservices/rsv-prod/policy/sql`, 'backup-plan');
    expect(sql.schedules).toEqual([
      { name: 'Full', type: 'full', intervalHours: 168, retentionDays: 56 },
      { name: 'Differential', type: 'differential', intervalHours: 120, retentionDays: 30 },
      { name: 'Log', type: 'log', intervalHours: 1, retentionDays: 15 },
    ]);
    expect(sql.retention).toEqual({ dailyDays: 0, weeklyWeeks: 8, monthlyMonths: 24.33 });
    const dev = byId(result, `azure:${SUB_B}/rg-dev/recoveryservices/rsv-dev/policy/vm-daily`, 'backup-plan');
    expect(dev.lastRestoreTestAt).toBeNull();
    expect(dev.schedules).toEqual([{ type: 'snapshot', intervalHours: 24, retentionDays: 30 }]);

    expect(byId(result, `${A}/loganalytics/law-prod`, 'log-store')).toMatchObject({ category: 'application', retentionDays: 30 });
    expect(byId(result, `${A}/loganalytics/law-prod/table/AzureActivity`, 'log-store')).toMatchObject({ category: 'audit', retentionDays: 730 });
    expect(byId(result, `${A}/loganalytics/law-prod/table/SigninLogs`, 'log-store')).toMatchObject({ category: 'audit', retentionDays: 90 });
    expect(byId(result, `${A}/loganalytics/law-prod/table/ContainerLogV2`, 'log-store')).toMatchObject({ category: 'application', retentionDays: 180 });
    const ids = result.resources.map((r) => r.id);
    expect(ids).not.toContain(`${A}/loganalytics/law-prod/table/AppTraces`);
    expect(ids).not.toContain(`${A}/loganalytics/law-prod/table/Perf`);

    expect(byId(result, `azure:tenant/${TENANT}`, 'organization')).toMatchObject({
      platform: 'azure',
      mfaRequired: true,
      membersWithoutMfa: ['bob@contoso.example', 'new@contoso.example'],
      admins: ['ada@contoso.example', 'automation-sp'],
      adminCount: 2,
    });
    expect(result.stats.requests).toBe(harness.fake.requests.length);
  });

  it('pages through nextLink, sends each token only to its own origin, and asks for the vault token the challenge names', async () => {
    harness = await startHarness(standardState(NOW), { pageSize: 1 });
    await harness.collect();
    const { requests } = harness.fake;
    expect(requests.some((r) => r.query.$skiptoken)).toBe(true);
    expect(requests.filter((r) => r.host !== 'vault').every((r) => r.authorized)).toBe(true);
    const vault = requests.filter((r) => r.host === 'vault');
    expect(vault.filter((r) => !r.authorized).length).toBeGreaterThan(0);
    const scopes = harness.credential.calls.map((c) => c.scopes[0]);
    expect(new Set(scopes)).toEqual(new Set([`${harness.fake.armUrl}/.default`, `${harness.fake.graphUrl}/.default`, 'https://vault.localhost/.default']));
    expect(harness.credential.calls.find((c) => c.scopes[0] === 'https://vault.localhost/.default')?.tenantId).toBe(TENANT);
  });

  it('honours subscriptions, resource-group globs, declared secret rotation and table category overrides', async () => {
    harness = await startHarness(standardState(NOW));
    const result = await harness.collect(
      { resourceGroups: { exclude: ['RG-SANDBOX'] }, secretRotation: [{ match: 'kv-prod/db-*', intervalDays: 30 }], logTables: { '*_Audit_CL': 'audit', ContainerLogV2: 'other' } },
      { azureSubscription: [SUB_A] },
    );
    const ids = result.resources.map((r) => r.id);
    expect(ids.some((id) => id.includes('kv-sandbox'))).toBe(false);
    expect(ids.some((id) => id.includes(SUB_B))).toBe(false);
    expect(byId(result, `${A}/keyvault/kv-prod/secret/db-password`, 'secret')).toMatchObject({ rotationEnabled: true, rotationIntervalDays: 30 });
    expect(byId(result, `${A}/loganalytics/law-prod/table/Custom_Audit_CL`, 'log-store')).toMatchObject({ category: 'audit', retentionDays: 400 });
    expect(byId(result, `${A}/loganalytics/law-prod/table/ContainerLogV2`, 'log-store').category).toBe('other');
    expect(harness.fake.requests.some((r) => r.path.includes(SUB_B))).toBe(false);
  });
});
