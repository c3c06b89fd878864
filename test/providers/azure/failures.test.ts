import { afterEach, describe, expect, it } from 'vitest';
import { SUB_A, TENANT, standardState } from '../../fakes/azure/state.js';
import { NOW, byId, startHarness, type Harness } from './helpers.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.fake.close();
  harness = undefined;
});

const A = `azure:${SUB_A}/rg-prod`;

describe('azure provider failures become named gaps, never passes', () => {
  it('403 AuthorizationFailed on a list stands in an unreadable resource naming the Reader role', async () => {
    harness = await startHarness(standardState(NOW), { faults: [{ host: 'arm', path: /Microsoft\.RecoveryServices\/vaults$/, status: 403 }] });
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    const stand = byId(result, `azure:${SUB_A}/recoveryservices`, 'backup-plan');
    expect(stand.schedules).toBeUndefined();
    expect(stand.gaps?.schedules).toMatchObject({ reason: 'forbidden', outcome: 'error' });
    expect(stand.gaps?.lastRestoreTestAt?.message).toMatch(/AuthorizationFailed.*Reader/);
  });

  it('waits out a 429 with Retry-After and then reads the list', async () => {
    harness = await startHarness(standardState(NOW), { faults: [{ host: 'arm', path: /kv-prod\/secrets$/, status: 429, times: 1, headers: { 'retry-after': '1' } }] });
    const started = Date.now();
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(byId(result, `${A}/keyvault/kv-prod/secret/db-password`, 'secret').gaps).toBeUndefined();
    expect(result.stats.retries).toBeGreaterThanOrEqual(1);
  });

  it('persistent 429 gives a rate-limited gap', async () => {
    harness = await startHarness(standardState(NOW), { faults: [{ host: 'arm', path: /law-prod\/tables$/, status: 429, headers: { 'retry-after': '0' } }] });
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    expect(byId(result, `${A}/loganalytics/law-prod/table/*`, 'log-store').gaps?.retentionDays?.reason).toBe('rate-limited');
    // The workspace default was readable and stays.
    expect(byId(result, `${A}/loganalytics/law-prod`, 'log-store').retentionDays).toBe(30);
  });

  it('a malformed body is a malformed gap', async () => {
    harness = await startHarness(standardState(NOW), { faults: [{ host: 'arm', path: /kv-prod\/secrets$/, status: 200, body: '{"value": [{"name": ' }] });
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    const stand = byId(result, `${A}/keyvault/kv-prod/secret/*`, 'secret');
    expect(stand.gaps?.lastRotatedAt?.reason).toBe('malformed');
  });

  it('a body that breaks the schema is malformed, not silently empty', async () => {
    harness = await startHarness(standardState(NOW), { faults: [{ host: 'arm', path: /rsv-prod\/backupPolicies$/, status: 200, body: { value: [{ id: 'x', name: 'p', properties: { schedulePolicy: 3 } }] } }] });
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    expect(byId(result, `${A}/recoveryservices/rsv-prod/policy/*`, 'backup-plan').gaps?.schedules?.reason).toBe('malformed');
  });

  it('refuses a nextLink to another origin and a nextLink that repeats', async () => {
    harness = await startHarness(standardState(NOW), {
      faults: [
        { host: 'arm', path: /kv-prod\/secrets$/, status: 200, body: { value: [], nextLink: 'https://evil.localhost:1/steal' } },
        { host: 'arm', path: /rsv-prod\/backupPolicies$/, status: 200, body: { value: [], nextLink: 'SELF' } },
      ],
    });
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    expect(byId(result, `${A}/keyvault/kv-prod/secret/*`, 'secret').gaps?.lastRotatedAt).toMatchObject({ reason: 'malformed' });
    expect(byId(result, `${A}/recoveryservices/rsv-prod/policy/*`, 'backup-plan').gaps?.schedules?.message).toMatch(/repeats/);
    expect(harness.fake.requests.some((r) => r.hostname === 'evil.localhost')).toBe(false);
  });

  it('keeps Key Vault challenge-resource verification on: a challenge for another domain gets no token', async () => {
    const state = standardState(NOW);
    state.subscriptions[0]!.vaults[0]!.dataPlane = 'foreign-challenge';
    harness = await startHarness(state);
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    const signing = byId(result, `${A}/keyvault/kv-prod/key/signing`, 'secret');
    expect(signing.rotationEnabled).toBeUndefined();
    expect(signing.gaps?.rotationEnabled?.message).toMatch(/challenge/);
    expect(harness.credential.calls.some((c) => c.scopes[0] === 'https://vault.azure.net/.default')).toBe(false);
  });

  it('Graph permissions and licences missing: each tenant fact is a gap naming the permission', async () => {
    harness = await startHarness(standardState(NOW), {
      faults: [
        { host: 'graph', path: /userRegistrationDetails$/, status: 403, body: { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: 'premium' } } },
        { host: 'graph', path: /conditionalAccess\/policies$/, status: 403, body: { error: { code: 'AccessDenied', message: 'no' } } },
        { host: 'graph', path: /members$/, status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'no' } } },
      ],
    });
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    const org = byId(result, `azure:tenant/${TENANT}`, 'organization');
    expect(org.membersWithoutMfa).toBeUndefined();
    expect(org.gaps?.membersWithoutMfa?.message).toMatch(/AuditLog\.Read\.All.*P1/);
    expect(org.mfaRequired).toBeUndefined();
    expect(org.gaps?.mfaRequired?.message).toMatch(/Policy\.Read\.All/);
    expect(org.gaps?.admins?.message).toMatch(/RoleManagement\.Read\.Directory/);
  });

  it('security defaults alone make MFA required; no enforcing policy means not required', async () => {
    const on = standardState(NOW);
    on.tenant.securityDefaults = true;
    on.tenant.conditionalAccess = [];
    harness = await startHarness(on);
    expect(byId(await harness.collect({}, { azureSubscription: [SUB_A] }), `azure:tenant/${TENANT}`, 'organization').mfaRequired).toBe(true);
    await harness.fake.close();
    const off = standardState(NOW);
    off.tenant.conditionalAccess = [{ ...off.tenant.conditionalAccess[0]!, state: 'enabledForReportingButNotEnforced' }];
    harness = await startHarness(off);
    expect(byId(await harness.collect({}, { azureSubscription: [SUB_A] }), `azure:tenant/${TENANT}`, 'organization').mfaRequired).toBe(false);
  });

  it('a credential that cannot sign in leaves every fact a gap and says so', async () => {
    harness = await startHarness(standardState(NOW));
    harness.credential.getToken = async () => {
      throw Object.assign(new Error('no credential'), { name: 'CredentialUnavailableError' });
    };
    const result = await harness.collect({}, { azureSubscription: [SUB_A] });
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(/no Azure credential could sign in/);
    expect(byId(result, `azure:${SUB_A}/keyvault`, 'secret').gaps?.lastRotatedAt?.reason).toBe('unauthenticated');
    expect(harness.fake.requests).toEqual([]);
  });
});
