import { describe, expect, it } from 'vitest';
import { intervalHours, mapBackupPolicy } from '../../../src/providers/azure/backup-policy.js';
import { isoDurationDays } from '../../../src/providers/azure/duration.js';
import { resolveSettings } from '../../../src/providers/azure/settings.js';
import { requiresMfaForEveryone } from '../../../src/providers/azure/tenant.js';
import { BackupPolicy, ConditionalAccessPolicy } from '../../../src/providers/azure/schema.js';

describe('azure mapping helpers', () => {
  it('reads ISO 8601 durations of rotation policies in days', () => {
    expect(isoDurationDays('P90D')).toBe(90);
    expect(isoDurationDays('P1Y')).toBe(365);
    expect(isoDurationDays('P3M')).toBe(90);
    expect(isoDurationDays('P2W')).toBe(14);
    expect(isoDurationDays('PT12H')).toBe(0.5);
    expect(isoDurationDays('P')).toBeUndefined();
    expect(isoDurationDays('90 days')).toBeUndefined();
    expect(isoDurationDays(null)).toBeUndefined();
  });

  it('judges a weekly schedule by its longest gap', () => {
    const weekly = (days: string[]) => intervalHours({ schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: days });
    expect(weekly(['Sunday'])).toBe(168);
    expect(weekly(['Monday', 'Thursday'])).toBe(96);
    expect(intervalHours({ schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: 6 } })).toBe(6);
    expect(intervalHours({ schedulePolicyType: 'LongTermSchedulePolicy' })).toBeUndefined();
  });

  it('an unknown schedule kind is a problem, not an empty schedule list', () => {
    const policy = BackupPolicy.parse({ id: 'p', name: 'p', properties: { backupManagementType: 'AzureIaasVM', schedulePolicy: { schedulePolicyType: 'SomethingNew' }, retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 7, durationType: 'Days' } } } });
    const mapped = mapBackupPolicy(policy);
    expect(mapped.schedules).toEqual([]);
    expect(mapped.problem).toMatch(/SomethingNew/);
  });

  it('Conditional Access counts only enabled all-users, all-apps policies that require MFA', () => {
    const p = (over: object) => ConditionalAccessPolicy.parse({ id: 'x', state: 'enabled', conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } }, grantControls: { builtInControls: ['mfa'] }, ...over });
    expect(requiresMfaForEveryone(p({}))).toBe(true);
    expect(requiresMfaForEveryone(p({ state: 'disabled' }))).toBe(false);
    expect(requiresMfaForEveryone(p({ conditions: { users: { includeUsers: ['group-a'] }, applications: { includeApplications: ['All'] } } }))).toBe(false);
    expect(requiresMfaForEveryone(p({ grantControls: { builtInControls: ['compliantDevice'] } }))).toBe(false);
    expect(requiresMfaForEveryone(p({ grantControls: { authenticationStrength: { id: 'phishing-resistant' } } }))).toBe(true);
  });

  it('settings: https endpoints only, subscription ids checked, default scopes', () => {
    const s = resolveSettings({ options: {}, config: {}, explicit: true }, {});
    expect(s.armScope).toBe('https://management.azure.com/.default');
    expect(s.graphScope).toBe('https://graph.microsoft.com/.default');
    expect(() => resolveSettings({ options: {}, config: {}, explicit: true }, { AZURE_RESOURCE_MANAGER_URL: 'http://127.0.0.1:1' })).toThrow(/https/);
    expect(() => resolveSettings({ options: { azureSubscription: ['prod'] }, config: {}, explicit: true }, {})).toThrow(/not a subscription id/);
  });
});
