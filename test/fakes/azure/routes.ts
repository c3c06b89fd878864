import type { FakeReply } from '../loopback.js';
import type { FakeAzureState, FakeRecoveryVault, FakeSubscription, FakeVault, FakeWorkspace } from './state.js';

/**
 * What Azure answers to the GET requests the provider makes, once the host and the token are
 * known good: Resource Manager lists and children, Microsoft Graph, a Key Vault data plane.
 * Every list is paged (`{value, nextLink}` / `@odata.nextLink`, absolute links) at `pageSize`.
 * `undefined`: a request Azure would answer but this imitation does not know.
 */
export interface AzureRoutes {
  arm(url: URL): FakeReply | undefined;
  graph(url: URL): FakeReply | undefined;
  vault(url: URL, vault: FakeVault): FakeReply | undefined;
}

/** The child collections the provider reads under each resource type it lists. */
const CHILDREN = new Map([
  ['Microsoft.KeyVault/vaults', ['secrets', 'keys']],
  ['Microsoft.RecoveryServices/vaults', ['backupPolicies', 'backupProtectedItems', 'backupJobs']],
  ['Microsoft.OperationalInsights/workspaces', ['tables']],
]);

export const armError = (status: number, code: string, message: string): FakeReply => ({ status, body: { error: { code, message } } });

export function azureRoutes(state: FakeAzureState, pageSize: number, vaultUrl: (name: string) => string): AzureRoutes {
  const page = (url: URL, items: unknown[], nextKey: 'nextLink' | '@odata.nextLink'): FakeReply => {
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const body: Record<string, unknown> = { value: items.slice(skip, skip + pageSize) };
    if (skip + pageSize < items.length) {
      const next = new URL(url);
      next.searchParams.set('$skiptoken', String(skip + pageSize));
      body[nextKey] = next.toString();
    }
    return { status: 200, body };
  };

  const arm = (url: URL): FakeReply | undefined => {
    const p = decodeURIComponent(url.pathname);
    if (p === '/subscriptions') return page(url, state.subscriptions.map((s) => ({ id: `/subscriptions/${s.id}`, subscriptionId: s.id, displayName: `sub ${s.id.slice(-1)}`, state: 'Enabled', tenantId: state.tenant.id })), 'nextLink');
    const list = /^\/subscriptions\/([^/]+)\/providers\/([^/]+\/[^/]+)$/.exec(p);
    const child = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)\/([^/]+)$/.exec(p);
    const type = list?.[2] ?? child?.[3] ?? '';
    if (!CHILDREN.has(type) || (child && !CHILDREN.get(type)!.includes(child[5]!))) return undefined;
    const subscriptionId = (list ?? child)![1]!;
    const sub = state.subscriptions.find((s) => s.id === subscriptionId);
    if (!sub) return armError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
    if (list) return page(url, resources(sub, type), 'nextLink');
    const [, , rg, , name, kind] = child as unknown as [string, string, string, string, string, string];
    return children(url, sub, type, rg, name, kind) ?? armError(404, 'ResourceNotFound', `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
  };

  const resources = (sub: FakeSubscription, type: string): unknown[] => {
    const id = (rg: string, name: string) => `/subscriptions/${sub.id}/resourceGroups/${rg}/providers/${type}/${name}`;
    if (type === 'Microsoft.KeyVault/vaults') {
      return sub.vaults.map((v) => ({ id: id(v.resourceGroup, v.name), name: v.name, type, location: 'westeurope', properties: { tenantId: state.tenant.id, vaultUri: `${vaultUrl(v.name)}/`, enableRbacAuthorization: true } }));
    }
    if (type === 'Microsoft.RecoveryServices/vaults') return sub.recoveryVaults.map((v) => ({ id: id(v.resourceGroup, v.name), name: v.name, type, location: 'westeurope', properties: {} }));
    return sub.workspaces.map((w) => ({ id: id(w.resourceGroup, w.name), name: w.name, type, properties: { customerId: 'c', sku: { name: 'PerGB2018' }, retentionInDays: w.retentionInDays } }));
  };

  /** A child collection of a resource; undefined when the resource does not exist. */
  const children = (url: URL, sub: FakeSubscription, type: string, rg: string, name: string, kind: string): FakeReply | undefined => {
    const named = <T extends { name: string; resourceGroup: string }>(items: T[]) => items.find((i) => i.name === name && i.resourceGroup === rg);
    if (type === 'Microsoft.KeyVault/vaults') {
      const vault = named(sub.vaults);
      return vault && page(url, vaultItems(sub, vault, kind as 'secrets' | 'keys'), 'nextLink');
    }
    if (type === 'Microsoft.RecoveryServices/vaults') {
      const vault = named(sub.recoveryVaults);
      return vault && backup(url, sub, vault, kind);
    }
    const ws = named(sub.workspaces);
    return ws && page(url, tables(sub, ws), 'nextLink');
  };

  const vaultItems = (sub: FakeSubscription, vault: FakeVault, kind: 'secrets' | 'keys'): unknown[] =>
    (kind === 'secrets' ? vault.secrets : vault.keys).map((item) => {
      const attributes: Record<string, unknown> = { enabled: item.enabled ?? true, updated: item.created };
      if (item.created !== undefined) attributes.created = item.created;
      if (item.exp !== undefined) attributes.exp = item.exp;
      return {
        id: `/subscriptions/${sub.id}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault.name}/${kind}/${item.name}`,
        name: item.name,
        type: `Microsoft.KeyVault/vaults/${kind}`,
        // Never a value: ARM does not return one.
        properties: kind === 'secrets' ? { attributes, secretUri: `${vaultUrl(vault.name)}/secrets/${item.name}` } : { attributes, kty: 'RSA', keyUri: `${vaultUrl(vault.name)}/keys/${item.name}` },
      };
    });

  const backup = (url: URL, sub: FakeSubscription, vault: FakeRecoveryVault, kind: string): FakeReply | undefined => {
    const vaultId = `/subscriptions/${sub.id}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`;
    if (kind === 'backupPolicies') return page(url, vault.policies.map((p) => ({ id: `${vaultId}/backupPolicies/${p.name}`, name: p.name, type: 'Microsoft.RecoveryServices/vaults/backupPolicies', properties: p.properties })), 'nextLink');
    if (kind === 'backupProtectedItems') {
      return page(url, vault.protectedItems.map((i) => ({ id: `${vaultId}/backupFabrics/Azure/protectionContainers/c/protectedItems/${i.name}`, name: i.name, properties: { friendlyName: i.friendlyName, policyId: `${vaultId}/backupPolicies/${i.policy}`.toLowerCase(), protectionState: 'Protected' } })), 'nextLink');
    }
    if (kind === 'backupJobs') {
      if (!/operation eq 'Restore'/.test(url.searchParams.get('$filter') ?? '')) return armError(400, 'BMSUserErrorInvalidInput', 'expected a restore filter');
      return page(url, vault.jobs.map((j, i) => ({ id: `${vaultId}/backupJobs/j${i}`, name: `j${i}`, properties: { jobType: 'AzureIaaSVMJob', ...j } })), 'nextLink');
    }
    return undefined;
  };

  const tables = (sub: FakeSubscription, ws: FakeWorkspace): unknown[] =>
    ws.tables.map((t) => ({
      id: `/subscriptions/${sub.id}/resourceGroups/${ws.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${ws.name}/tables/${t.name}`,
      name: t.name,
      properties: { retentionInDays: t.retentionInDays, totalRetentionInDays: t.totalRetentionInDays, archiveRetentionInDays: t.totalRetentionInDays - t.retentionInDays, plan: 'Analytics', retentionInDaysAsDefault: t.retentionInDays === ws.retentionInDays, totalRetentionInDaysAsDefault: t.totalRetentionInDaysAsDefault ?? false },
    }));

  const graph = (url: URL): FakeReply | undefined => {
    const p = decodeURIComponent(url.pathname);
    const t = state.tenant;
    if (p === '/v1.0/users') return page(url, t.users, '@odata.nextLink');
    if (p === '/v1.0/reports/authenticationMethods/userRegistrationDetails') return page(url, t.registrations.map((r) => ({ ...r, userType: 'member', isAdmin: false, isMfaCapable: r.isMfaRegistered, methodsRegistered: [] })), '@odata.nextLink');
    if (p === '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy') return { status: 200, body: { id: '00000000-0000-0000-0000-000000000005', displayName: 'Security Defaults', isEnabled: t.securityDefaults } };
    if (p === '/v1.0/identity/conditionalAccess/policies') return page(url, t.conditionalAccess, '@odata.nextLink');
    if (p === "/v1.0/directoryRoles(roleTemplateId='62e90394-69f5-4237-9190-012177145e10')/members") return page(url, t.globalAdmins, '@odata.nextLink');
    return undefined;
  };

  const dataPlane = (url: URL, vault: FakeVault): FakeReply | undefined => {
    if (vault.dataPlane === 'forbidden') return { status: 403, body: { error: { code: 'Forbidden', message: 'Caller is not authorized to perform action on resource.', innererror: { code: 'ForbiddenByRbac' } } } };
    if (url.pathname === '/keys') return page(url, vault.keys.map((k) => ({ kid: `${vaultUrl(vault.name)}/keys/${k.name}`, attributes: { enabled: k.enabled ?? true, created: k.created, updated: k.created } })), 'nextLink');
    const m = /^\/keys\/([^/]+)\/rotationpolicy$/.exec(url.pathname);
    if (!m) return undefined;
    const key = vault.keys.find((k) => k.name === m[1]);
    if (!key) return { status: 404, body: { error: { code: 'KeyNotFound', message: `A key with (name/id) ${m[1]} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182` } } };
    const id = `${vaultUrl(vault.name)}/keys/${key.name}/rotationpolicy`;
    return { status: 200, body: key.rotationPolicy ? { id, ...key.rotationPolicy } : { id, lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }], attributes: { expiryTime: null, created: key.created, updated: key.created } } };
  };

  return { arm, graph, vault: dataPlane };
}
