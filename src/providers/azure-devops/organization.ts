import type { Gap, Gaps, Organization } from '../../model/index.js';
import type { AdoClient, Fetched } from './client.js';
import { gapsFor, orgId, PROVIDER, type Scope } from './ids.js';
import { IdentityRecord } from './schema.js';

const MFA_GAP: Gap = {
  reason: 'unsupported',
  message: 'Azure DevOps delegates MFA to Microsoft Entra ID conditional access; check the tenant policy there',
};
const DEFAULT_PERMISSION_GAP: Gap = {
  reason: 'unsupported',
  message: 'Azure DevOps has no organization-wide base repository permission; access comes from project groups',
};
const WORKFLOW_PERMISSION_GAP: Gap = {
  reason: 'unsupported',
  message: 'Azure Pipelines job tokens are scoped by project settings (job authorization scope), not a read/write default',
};

/** Service identities (build service, project collection service accounts) are not people with admin rights. */
function isPerson(identity: IdentityRecord): boolean {
  return identity.isContainer !== true && !/^Microsoft\.TeamFoundation\.(ServiceIdentity|BindPendingIdentity|UnauthenticatedIdentity)/i.test(identity.descriptor);
}

function descriptorOf(member: IdentityRecord['members'] extends (infer M)[] | undefined ? M : never): string | undefined {
  if (typeof member === 'string') return member;
  return member.identityType && member.identifier ? `${member.identityType};${member.identifier}` : undefined;
}

/** Looks identities up by descriptor, 50 per request. */
export async function resolveIdentities(client: AdoClient, descriptors: string[]): Promise<Fetched<IdentityRecord[]>> {
  const out: IdentityRecord[] = [];
  for (let i = 0; i < descriptors.length; i += 50) {
    const chunk = descriptors.slice(i, i + 50);
    const res = await client.listRaw('_apis/identities', { descriptors: chunk.join(','), queryMembership: 'None' }, IdentityRecord.nullable(), 'identity lookup', { host: 'identity' });
    if (!res.ok) return res;
    out.push(...res.value.filter((v): v is IdentityRecord => v !== null));
  }
  return { ok: true, value: out };
}

/** Transitive, non-service members of a group such as `[acme]\Project Collection Administrators`. */
export async function groupMembers(client: AdoClient, groupName: string): Promise<Fetched<string[]>> {
  const groups = await client.listRaw(
    '_apis/identities',
    { searchFilter: 'General', filterValue: groupName, queryMembership: 'Expanded' },
    IdentityRecord,
    `membership of ${groupName}`,
    { host: 'identity' },
  );
  if (!groups.ok) return groups;
  const group = groups.value.find((g) => g.isContainer !== false);
  if (!group) return { ok: false, gap: { reason: 'not-found', message: `${groupName} is not visible to this token`, outcome: 'error' } };
  const descriptors = (group.members ?? []).map(descriptorOf).filter((d): d is string => !!d);
  const members = await resolveIdentities(client, descriptors);
  if (!members.ok) return members;
  const names = members.value.filter(isPerson).map((m) => m.providerDisplayName ?? m.descriptor);
  return { ok: true, value: [...new Set(names)].sort() };
}

export async function collectOrganization(client: AdoClient, scope: Scope): Promise<Organization> {
  const gaps: Gaps = { mfaRequired: MFA_GAP, membersWithoutMfa: MFA_GAP, defaultPermission: DEFAULT_PERMISSION_GAP, defaultWorkflowPermissions: WORKFLOW_PERMISSION_GAP };
  const org: Organization = { id: orgId(scope), kind: 'organization', provider: PROVIDER, name: scope.org, platform: 'azure-devops', url: scope.orgUrl };
  const admins = await groupMembers(client, `[${scope.org}]\\Project Collection Administrators`);
  if (admins.ok) {
    org.admins = admins.value;
    org.adminCount = admins.value.length;
  } else {
    gapsFor(['admins', 'adminCount'], { ...admins.gap, message: `Project Collection Administrators: ${admins.gap.message}` }, gaps);
  }
  org.gaps = gaps;
  return org;
}
