import type { Organization, Secret, Token } from '../../model/index.js';
import type { GithubClient } from './client.js';
import { orgId } from './ids.js';
import {
  ActionsPermissionsOrg,
  ActionsSecretList,
  OrganizationFull,
  PatGrantList,
  SimpleUserList,
  WorkflowPermissions,
} from './schema.js';
import { roleGap } from './permissions.js';
import { actionsSecret, unknownSecrets } from './secrets.js';

export interface OrgCollection {
  organization: Organization;
  secrets: Secret[];
  tokens: Token[];
  /** Org default GITHUB_TOKEN permission, when known (a `read` org forces `read` on every repo). */
  defaultWorkflowPermissions?: 'read' | 'write';
  notes: string[];
}

const PERMISSION: Record<string, Organization['defaultPermission']> = { read: 'read', write: 'write', admin: 'admin', none: 'none' };

/** Organization settings, owners, 2FA, Actions policy, org secrets and fine-grained token grants. */
export async function collectOrganization(client: GithubClient, org: string, host: string, explicit: boolean): Promise<OrgCollection> {
  const id = orgId(org);
  const organization: Organization = { id, kind: 'organization', provider: 'github', platform: 'github', name: org, url: `https://${host}/${org}`, gaps: {} };
  const gaps = organization.gaps!;
  const notes: string[] = [];

  const [details, no2fa, admins, workflow, actions, secrets, grants] = await Promise.all([
    client.get('orgSettings', 'GET /orgs/{org}', { org }, OrganizationFull),
    client.list('orgMembers2fa', 'GET /orgs/{org}/members', { org, filter: '2fa_disabled' }, SimpleUserList),
    client.list('orgAdmins', 'GET /orgs/{org}/members', { org, role: 'admin' }, SimpleUserList),
    client.get('orgActions', 'GET /orgs/{org}/actions/permissions/workflow', { org }, WorkflowPermissions),
    client.get('orgActions', 'GET /orgs/{org}/actions/permissions', { org }, ActionsPermissionsOrg),
    client.list('orgSecrets', 'GET /orgs/{org}/actions/secrets', { org }, ActionsSecretList, 'secrets'),
    client.list('orgPatGrants', 'GET /orgs/{org}/personal-access-tokens', { org }, PatGrantList),
  ]);

  if (details.ok) {
    if (details.value.html_url) organization.url = details.value.html_url;
    // GitHub omits private keys (2FA requirement) for non-owners: absent is unknown, not false.
    if (typeof details.value.two_factor_requirement_enabled === 'boolean') organization.mfaRequired = details.value.two_factor_requirement_enabled;
    else gaps.mfaRequired = roleGap('orgSettings', explicit);
    const perm = details.value.default_repository_permission;
    if (perm) organization.defaultPermission = PERMISSION[perm];
    else gaps.defaultPermission = roleGap('orgSettings', explicit);
  } else {
    gaps.mfaRequired = details.gap;
    gaps.defaultPermission = details.gap;
  }
  if (no2fa.ok) organization.membersWithoutMfa = no2fa.value.map((u) => u.login).sort();
  // GitHub answers 422 to the 2FA filter for non-owners.
  else gaps.membersWithoutMfa = no2fa.status === 422 ? roleGap('orgMembers2fa', explicit) : no2fa.gap;
  if (admins.ok) {
    organization.admins = admins.value.map((u) => u.login).sort();
    organization.adminCount = organization.admins.length;
  } else {
    gaps.admins = admins.gap;
    gaps.adminCount = admins.gap;
  }
  let defaultWorkflowPermissions: 'read' | 'write' | undefined;
  if (workflow.ok) {
    defaultWorkflowPermissions = workflow.value.default_workflow_permissions;
    organization.defaultWorkflowPermissions = defaultWorkflowPermissions;
  } else gaps.defaultWorkflowPermissions = workflow.gap;
  if (actions.ok) {
    if (actions.value.allowed_actions) organization.allowedActions = actions.value.allowed_actions;
  } else gaps.allowedActions = actions.gap;

  const orgSecrets: Secret[] = [];
  if (secrets.ok) {
    for (const s of secrets.value) orgSecrets.push(actionsSecret(id, s, 'org', `https://${host}/organizations/${org}/settings/secrets/actions`));
  } else {
    orgSecrets.push(unknownSecrets(id, `Actions secrets of ${org}`, 'org', secrets.gap));
    gaps.secrets = secrets.gap;
  }

  const tokens: Token[] = [];
  if (grants.ok) {
    for (const g of grants.value) {
      tokens.push({
        id: `${id}/fine-grained-token/${g.token_id ?? g.id}`,
        kind: 'token',
        provider: 'github',
        name: `${g.token_name ?? `token ${g.token_id ?? g.id}`} (${g.owner.login})`,
        tokenType: 'fine-grained-pat',
        scope: 'org',
        scopes: Object.entries(g.permissions ?? {}).flatMap(([level, perms]) => Object.entries(perms).map(([p, v]) => `${level}:${p}:${v}`)),
        createdAt: g.access_granted_at ?? null,
        expiresAt: g.token_expires_at,
        lastUsedAt: g.token_last_used_at ?? null,
        active: g.token_expired === undefined ? undefined : !g.token_expired,
      });
    }
  } else notes.push(`fine-grained token grants not visible: ${grants.gap.message}`);

  if (Object.keys(gaps).length === 0) delete organization.gaps;
  return { organization, secrets: orgSecrets, tokens, defaultWorkflowPermissions, notes };
}
