import type { Gap, Organization } from '../../model/index.js';
import { tokenClaims } from './claims.js';
import { azureGap } from './failures.js';
import { tenantId as tenantResourceId } from './ids.js';
import type { AzureScan } from './scan.js';
import { ConditionalAccessPolicy, DirectoryObject, RegistrationDetail, SecurityDefaults, User } from './schema.js';

/** The Entra ID tenant as an `organization`: MFA registration, MFA enforcement, Global Administrators (Microsoft Graph). */

const GLOBAL_ADMIN_TEMPLATE = '62e90394-69f5-4237-9190-012177145e10';
export const GRAPH_NEEDS = {
  users: 'Graph User.Read.All (application permission)',
  registration: 'Graph AuditLog.Read.All (application permission) and an Entra ID P1/P2 licence',
  policies: 'Graph Policy.Read.All (application permission)',
  conditionalAccess: 'Graph Policy.Read.All (application permission) and an Entra ID P1/P2 licence for Conditional Access',
  roles: 'Graph RoleManagement.Read.Directory or Directory.Read.All (application permission)',
} as const;

type Outcome<T> = { ok: T } | { gap: Gap };

export async function collectTenant(scan: AzureScan, fallbackTenant: string | undefined): Promise<Organization | undefined> {
  const graph = scan.graph;
  const attempt = async <T>(what: string, needs: string, call: () => Promise<T>): Promise<Outcome<T>> => {
    try {
      return { ok: await call() };
    } catch (err) {
      return { gap: azureGap(err, what, needs, scan.settings.explicit) };
    }
  };
  let tenant: string | undefined;
  try {
    tenant = (await tokenClaims(scan.credential, scan.settings.graphScope, scan.signal)).tenantId;
  } catch {
    tenant = undefined;
  }
  tenant ??= fallbackTenant;
  if (!tenant) {
    scan.diagnostics.push({ severity: 'error', message: 'azure: the tenant could not be told (no Graph token and no subscription); Entra ID facts were not collected' });
    return undefined;
  }
  const org: Organization = { id: tenantResourceId(tenant), kind: 'organization', provider: 'azure', name: tenant, platform: 'azure' };
  const gaps: Record<string, Gap> = {};

  const [users, registrations, defaults, admins] = await Promise.all([
    attempt('tenant users', GRAPH_NEEDS.users, () =>
      graph.list('/v1.0/users', { $select: 'id,userPrincipalName,accountEnabled,userType', $top: '999' }, User, 'tenant users'),
    ),
    attempt('MFA registration report', GRAPH_NEEDS.registration, () =>
      graph.list('/v1.0/reports/authenticationMethods/userRegistrationDetails', { $top: '999' }, RegistrationDetail, 'MFA registration report'),
    ),
    attempt('security defaults', GRAPH_NEEDS.policies, () => graph.get('/v1.0/policies/identitySecurityDefaultsEnforcementPolicy', {}, SecurityDefaults, 'security defaults')),
    attempt('Global Administrators', GRAPH_NEEDS.roles, () =>
      graph.list(`/v1.0/directoryRoles(roleTemplateId='${GLOBAL_ADMIN_TEMPLATE}')/members`, { $select: 'id,userPrincipalName,displayName' }, DirectoryObject, 'Global Administrators'),
    ),
  ]);

  if ('gap' in users) gaps.membersWithoutMfa = users.gap;
  else if ('gap' in registrations) gaps.membersWithoutMfa = registrations.gap;
  else {
    const registered = new Map(registrations.ok.map((r) => [r.id, r.isMfaRegistered]));
    // Enabled member users only; a member missing from the report is not known to have MFA.
    org.membersWithoutMfa = users.ok
      .filter((u) => u.accountEnabled === true && u.userType?.toLowerCase() === 'member' && registered.get(u.id) !== true)
      .map((u) => u.userPrincipalName ?? u.id)
      .sort();
  }

  if ('gap' in defaults) gaps.mfaRequired = defaults.gap;
  else if (defaults.ok.isEnabled) org.mfaRequired = true;
  else {
    const policies = await attempt('Conditional Access policies', GRAPH_NEEDS.conditionalAccess, () =>
      graph.list('/v1.0/identity/conditionalAccess/policies', {}, ConditionalAccessPolicy, 'Conditional Access policies'),
    );
    if ('gap' in policies) gaps.mfaRequired = policies.gap;
    else org.mfaRequired = policies.ok.some(requiresMfaForEveryone);
  }

  if ('gap' in admins) {
    gaps.admins = admins.gap;
    gaps.adminCount = admins.gap;
  } else {
    org.admins = admins.ok.map((m) => m.userPrincipalName ?? m.displayName ?? m.id).sort();
    org.adminCount = admins.ok.length;
  }
  if (Object.keys(gaps).length > 0) org.gaps = gaps;
  return org;
}

/** An enabled policy for all users and all cloud apps that grants access only with MFA (or an authentication strength). */
export function requiresMfaForEveryone(p: ConditionalAccessPolicy): boolean {
  const users = p.conditions?.users?.includeUsers ?? [];
  const apps = p.conditions?.applications?.includeApplications ?? [];
  const grant = p.grantControls;
  const mfa = (grant?.builtInControls ?? []).some((c) => c.toLowerCase() === 'mfa') || Boolean(grant?.authenticationStrength);
  return p.state === 'enabled' && users.includes('All') && apps.includes('All') && mfa;
}
