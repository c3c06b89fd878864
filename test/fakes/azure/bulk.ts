import { daysAgo, standardState, type FakeAzureState, type FakeSubscription } from './state.js';

/** A large estate for the benchmark, spread evenly over `subscriptions`. */
export interface BulkShape {
  subscriptions: number;
  vaults: number;
  secretsPerVault: number;
  keysPerVault: number;
  recoveryVaults: number;
  workspaces: number;
  tablesPerWorkspace: number;
  users: number;
}

export function bulkState(now: Date, shape: BulkShape): FakeAzureState {
  const base = standardState(now);
  const template = base.subscriptions[0]!;
  const subs: FakeSubscription[] = Array.from({ length: shape.subscriptions }, (_, s) => ({
    id: `00000000-0000-4000-8000-${String(s + 1).padStart(12, '0')}`,
    vaults: [],
    recoveryVaults: [],
    workspaces: [],
  }));
  for (let v = 0; v < shape.vaults; v++) {
    subs[v % subs.length]!.vaults.push({
      name: `kv-${v}`,
      resourceGroup: `rg-${v % 5}`,
      secrets: Array.from({ length: shape.secretsPerVault }, (_, i) => ({ name: `secret-${i}`, enabled: i % 50 !== 0, created: daysAgo(now, i % 200), exp: i % 3 ? null : daysAgo(now, -30) })),
      keys: Array.from({ length: shape.keysPerVault }, (_, i) => ({ name: `key-${i}`, enabled: true, created: daysAgo(now, i * 10), ...(i % 2 ? {} : { rotationPolicy: template.vaults[0]!.keys[0]!.rotationPolicy! }) })),
    });
  }
  for (let r = 0; r < shape.recoveryVaults; r++) {
    subs[r % subs.length]!.recoveryVaults.push({ ...template.recoveryVaults[0]!, name: `rsv-${r}`, resourceGroup: `rg-${r % 5}` });
  }
  const tableNames = ['AzureActivity', 'SigninLogs', 'AuditLogs', 'AppTraces', 'AppRequests', 'ContainerLogV2', 'Perf', 'Heartbeat'];
  for (let w = 0; w < shape.workspaces; w++) {
    subs[w % subs.length]!.workspaces.push({
      name: `law-${w}`,
      resourceGroup: `rg-${w % 5}`,
      retentionInDays: 30,
      tables: Array.from({ length: shape.tablesPerWorkspace }, (_, t) => ({ name: tableNames[t] ?? `Table${t}_CL`, retentionInDays: 30, totalRetentionInDays: t < 3 ? 400 : 30, totalRetentionInDaysAsDefault: t >= 3 })),
    });
  }
  const users = Array.from({ length: shape.users }, (_, i) => ({ id: `u${i}`, userPrincipalName: `user${i}@contoso.example`, accountEnabled: i % 20 !== 0, userType: (i % 10 === 0 ? 'Guest' : 'Member') as 'Member' | 'Guest' }));
  return {
    tenant: { ...base.tenant, users, registrations: users.map((u, i) => ({ id: u.id, userPrincipalName: u.userPrincipalName, isMfaRegistered: i % 7 !== 0 })) },
    subscriptions: subs,
  };
}
