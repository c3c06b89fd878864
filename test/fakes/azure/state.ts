/** The tenant, subscriptions and resources the Azure imitation serves (raw API shapes where the provider parses them). */

export interface FakeSecret {
  name: string;
  enabled?: boolean;
  /** Unix seconds; undefined = attribute missing. */
  created?: number;
  exp?: number | null;
}

export interface FakeKey extends FakeSecret {
  /** The data-plane rotation policy body; undefined = the service's default (Notify only). */
  rotationPolicy?: Record<string, unknown>;
}

export interface FakeVault {
  name: string;
  resourceGroup: string;
  secrets: FakeSecret[];
  keys: FakeKey[];
  /** How the data plane answers: ok, 403 ForbiddenByRbac, or a challenge naming another domain. */
  dataPlane?: 'ok' | 'forbidden' | 'foreign-challenge';
}

export interface FakeRecoveryVault {
  name: string;
  resourceGroup: string;
  /** `properties` of each policy, by name. */
  policies: { name: string; properties: Record<string, unknown> }[];
  protectedItems: { name: string; friendlyName: string; policy: string }[];
  jobs: { operation: string; status: string; startTime: string; endTime?: string }[];
}

export interface FakeWorkspace {
  name: string;
  resourceGroup: string;
  retentionInDays: number;
  tables: { name: string; retentionInDays: number; totalRetentionInDays: number; totalRetentionInDaysAsDefault?: boolean }[];
}

export interface FakeSubscription {
  id: string;
  vaults: FakeVault[];
  recoveryVaults: FakeRecoveryVault[];
  workspaces: FakeWorkspace[];
}

export interface FakeTenant {
  id: string;
  users: { id: string; userPrincipalName: string; accountEnabled: boolean; userType: 'Member' | 'Guest' }[];
  registrations: { id: string; userPrincipalName: string; isMfaRegistered: boolean }[];
  securityDefaults: boolean;
  conditionalAccess: Record<string, unknown>[];
  globalAdmins: { id: string; userPrincipalName?: string; displayName?: string }[];
}

export interface FakeAzureState {
  tenant: FakeTenant;
  subscriptions: FakeSubscription[];
}

const DAY = 86_400;
/** Unix seconds `days` before `now`. */
export const daysAgo = (now: Date, days: number): number => Math.floor(now.getTime() / 1000) - days * DAY;

export const SUB_A = '00000000-0000-4000-8000-00000000000a';
export const SUB_B = '00000000-0000-4000-8000-00000000000b';
export const TENANT = '11111111-1111-4111-8111-111111111111';

const vmPolicy = (hours: number | 'daily') => ({
  backupManagementType: 'AzureIaasVM',
  policyType: 'V2',
  schedulePolicy:
    hours === 'daily'
      ? { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2017-12-05T19:00:00Z'], scheduleWeeklyFrequency: 0 }
      : { schedulePolicyType: 'SimpleSchedulePolicyV2', scheduleRunFrequency: 'Hourly', hourlySchedule: { interval: hours, scheduleWindowDuration: 16, scheduleWindowStartTime: '2021-12-17T08:00:00Z' } },
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionTimes: ['2021-12-17T08:00:00+00:00'], retentionDuration: { count: 30, durationType: 'Days' } },
    weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionDuration: { count: 12, durationType: 'Weeks' } },
    monthlySchedule: { retentionScheduleFormatType: 'Weekly', retentionDuration: { count: 13, durationType: 'Months' } },
    yearlySchedule: { monthsOfYear: ['January'], retentionDuration: { count: 10, durationType: 'Years' } },
  },
  timeZone: 'UTC',
  protectedItemsCount: 1,
});

const workloadPolicy = {
  backupManagementType: 'AzureWorkload',
  workLoadType: 'SQLDataBase',
  settings: { timeZone: 'UTC', issqlcompression: false },
  subProtectionPolicy: [
    {
      policyType: 'Full',
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Sunday'], scheduleRunTimes: ['2018-01-24T02:00:00Z'] },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        weeklySchedule: { daysOfTheWeek: ['Sunday'], retentionDuration: { count: 8, durationType: 'Weeks' } },
        monthlySchedule: { retentionDuration: { count: 2, durationType: 'Years' } },
      },
    },
    {
      policyType: 'Differential',
      schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Weekly', scheduleRunDays: ['Wednesday', 'Friday'], scheduleRunTimes: ['2018-01-24T02:00:00Z'] },
      retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 30, durationType: 'Days' } },
    },
    {
      policyType: 'Log',
      schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 60 },
      retentionPolicy: { retentionPolicyType: 'SimpleRetentionPolicy', retentionDuration: { count: 15, durationType: 'Days' } },
    },
  ],
};

/** A tenant with two subscriptions holding one of everything the provider reads, good and bad. */
export function standardState(now: Date): FakeAzureState {
  return {
    tenant: {
      id: TENANT,
      users: [
        { id: 'u1', userPrincipalName: 'ada@contoso.example', accountEnabled: true, userType: 'Member' },
        { id: 'u2', userPrincipalName: 'bob@contoso.example', accountEnabled: true, userType: 'Member' },
        { id: 'u3', userPrincipalName: 'old@contoso.example', accountEnabled: false, userType: 'Member' },
        { id: 'u4', userPrincipalName: 'guest_x#EXT#@contoso.example', accountEnabled: true, userType: 'Guest' },
        { id: 'u5', userPrincipalName: 'new@contoso.example', accountEnabled: true, userType: 'Member' },
      ],
      registrations: [
        { id: 'u1', userPrincipalName: 'ada@contoso.example', isMfaRegistered: true },
        { id: 'u2', userPrincipalName: 'bob@contoso.example', isMfaRegistered: false },
        { id: 'u3', userPrincipalName: 'old@contoso.example', isMfaRegistered: false },
        { id: 'u4', userPrincipalName: 'guest_x#EXT#@contoso.example', isMfaRegistered: false },
      ],
      securityDefaults: false,
      conditionalAccess: [
        {
          id: 'ca1',
          displayName: 'Require MFA for all users',
          state: 'enabled',
          conditions: { users: { includeUsers: ['All'], excludeUsers: ['breakglass'] }, applications: { includeApplications: ['All'] } },
          grantControls: { operator: 'OR', builtInControls: ['mfa'] },
        },
      ],
      globalAdmins: [{ id: 'u1', userPrincipalName: 'ada@contoso.example' }, { id: 'sp1', displayName: 'automation-sp' }],
    },
    subscriptions: [
      {
        id: SUB_A,
        vaults: [
          {
            name: 'kv-prod',
            resourceGroup: 'rg-prod',
            secrets: [
              { name: 'db-password', enabled: true, created: daysAgo(now, 45), exp: daysAgo(now, -300) },
              { name: 'webhook-url', enabled: true, created: daysAgo(now, 10), exp: null },
              { name: 'retired', enabled: false, created: daysAgo(now, 900) },
              { name: 'ancient', enabled: true, created: daysAgo(now, 400) },
            ],
            keys: [
              { name: 'signing', enabled: true, created: daysAgo(now, 20), rotationPolicy: { lifetimeActions: [{ trigger: { timeAfterCreate: 'P90D' }, action: { type: 'Rotate' } }, { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }], attributes: { expiryTime: 'P1Y' } } },
              { name: 'legacy', enabled: true, created: daysAgo(now, 200) },
            ],
          },
          { name: 'kv-locked', resourceGroup: 'rg-prod', secrets: [{ name: 'api-key', enabled: true, created: daysAgo(now, 5) }], keys: [{ name: 'wrap', enabled: true, created: daysAgo(now, 5) }], dataPlane: 'forbidden' },
          { name: 'kv-sandbox', resourceGroup: 'rg-sandbox', secrets: [{ name: 'tmp', enabled: true, created: daysAgo(now, 500) }], keys: [] },
        ],
        recoveryVaults: [
          {
            name: 'rsv-prod',
            resourceGroup: 'rg-prod',
            policies: [
              { name: 'vm-4h', properties: vmPolicy(4) },
              { name: 'vm-daily', properties: vmPolicy('daily') },
              { name: 'sql', properties: workloadPolicy },
            ],
            protectedItems: [
              { name: 'VM;iaasvmcontainerv2;rg-prod;vm-web', friendlyName: 'vm-web', policy: 'vm-4h' },
              { name: 'VM;iaasvmcontainerv2;rg-prod;vm-db', friendlyName: 'vm-db', policy: 'vm-4h' },
              { name: 'SQLDataBase;mssqlserver;sales', friendlyName: 'sales', policy: 'sql' },
            ],
            jobs: [
              { operation: 'Restore', status: 'Completed', startTime: new Date(now.getTime() - 12 * 86_400_000).toISOString(), endTime: new Date(now.getTime() - 12 * 86_400_000 + 3_600_000).toISOString() },
              { operation: 'Restore', status: 'Failed', startTime: new Date(now.getTime() - 2 * 86_400_000).toISOString(), endTime: new Date(now.getTime() - 2 * 86_400_000 + 600_000).toISOString() },
            ],
          },
        ],
        workspaces: [
          {
            name: 'law-prod',
            resourceGroup: 'rg-prod',
            retentionInDays: 30,
            tables: [
              { name: 'AzureActivity', retentionInDays: 90, totalRetentionInDays: 730 },
              { name: 'SigninLogs', retentionInDays: 30, totalRetentionInDays: 90 },
              { name: 'AppTraces', retentionInDays: 30, totalRetentionInDays: 30, totalRetentionInDaysAsDefault: true },
              { name: 'ContainerLogV2', retentionInDays: 30, totalRetentionInDays: 180 },
              { name: 'Perf', retentionInDays: 30, totalRetentionInDays: 30 },
              { name: 'Custom_Audit_CL', retentionInDays: 30, totalRetentionInDays: 400 },
            ],
          },
        ],
      },
      {
        id: SUB_B,
        vaults: [],
        recoveryVaults: [
          { name: 'rsv-dev', resourceGroup: 'rg-dev', policies: [{ name: 'vm-daily', properties: vmPolicy('daily') }], protectedItems: [], jobs: [] },
        ],
        workspaces: [{ name: 'law-dev', resourceGroup: 'rg-dev', retentionInDays: 90, tables: [] }],
      },
    ],
  };
}
