import type { Secret, Token } from '../../model/index.js';
import type { AdoClient, Fetched } from './client.js';
import { projectId, PROVIDER, type Scope } from './ids.js';
import { LOCATIONS } from './locations.js';
import { ServiceEndpoint, VariableGroup, type Project } from './schema.js';

export const GROUP_DATE_NOTE = 'modifiedOn is per variable group: any change to the group moves it, so this is the latest possible rotation date of this variable, not a confirmed one';

export async function listVariableGroups(client: AdoClient, project: Project): Promise<Fetched<VariableGroup[]>> {
  return client.list(LOCATIONS.variableGroups, { project: project.id }, { queryOrder: 'IdAscending' }, VariableGroup, `variable groups of project ${project.name}`);
}

export async function listServiceEndpoints(client: AdoClient, project: Project): Promise<Fetched<ServiceEndpoint[]>> {
  return client.list(LOCATIONS.serviceEndpoints, { project: project.id }, {}, ServiceEndpoint, `service connections of project ${project.name}`, false);
}

/** One Secret per secret variable; Key Vault-linked groups hold references whose rotation lives in the vault. */
export function variableGroupSecrets(scope: Scope, project: Project, group: VariableGroup): Secret[] {
  const keyVault = (group.type ?? '').toLowerCase() === 'azurekeyvault';
  const out: Secret[] = [];
  for (const [name, v] of Object.entries(group.variables ?? {})) {
    if (!keyVault && v.isSecret !== true) continue;
    const secret: Secret = {
      id: `${projectId(scope, project.name)}/variable-group/${group.name}/${name}`,
      kind: 'secret',
      provider: PROVIDER,
      name: `${group.name}/${name}`,
      url: `${scope.orgUrl}/${encodeURIComponent(project.name)}/_library?itemType=VariableGroups&view=VariableGroupView&variableGroupId=${group.id}`,
      store: 'ado-variable-group',
      scope: keyVault ? `project:${project.name}; key-vault:${group.providerData?.vault ?? 'unknown'}` : `project:${project.name}`,
      masked: true,
      gaps: {},
    };
    if (group.createdOn) secret.createdAt = group.createdOn;
    else secret.gaps!.createdAt = { reason: 'malformed', message: `variable group ${group.name} has no createdOn` };
    if (keyVault) {
      secret.gaps!.lastRotatedAt = { reason: 'unsupported', message: `the value lives in Key Vault ${group.providerData?.vault ?? ''}; its rotation is checked by the azure provider`.replace('  ', ' ') };
      secret.gaps!.rotationEnabled = secret.gaps!.lastRotatedAt;
    } else {
      if (group.modifiedOn) {
        secret.lastRotatedAt = group.modifiedOn;
        secret.dateNote = GROUP_DATE_NOTE;
      } else secret.gaps!.lastRotatedAt = { reason: 'malformed', message: `variable group ${group.name} has no modifiedOn` };
      secret.gaps!.rotationEnabled = { reason: 'not-applicable', message: 'variable groups have no rotation feature; link the group to Key Vault to rotate there' };
    }
    out.push(secret);
  }
  return out;
}

/** Schemes that keep no long-lived credential in Azure DevOps. */
const SECRETLESS = new Set(['workloadidentityfederation', 'managedserviceidentity', 'none', 'installationtoken']);

/** Service connections as tokens (what they can reach) and, when they store a credential, as secrets. */
export function serviceConnectionResources(scope: Scope, project: Project, ep: ServiceEndpoint): (Token | Secret)[] {
  const scheme = ep.authorization?.scheme ?? 'unknown';
  const base = `${projectId(scope, project.name)}/service-connection/${ep.name}`;
  const url = `${scope.orgUrl}/${encodeURIComponent(project.name)}/_settings/adminservices?resourceId=${ep.id}`;
  const shared = (ep.serviceEndpointProjectReferences ?? []).map((r) => r.projectReference?.name).filter((n): n is string => !!n);
  const scopeText = shared.length > 1 ? `projects:${shared.join(',')}` : `project:${project.name}`;
  const secretless = SECRETLESS.has(scheme.toLowerCase());
  const token: Token = {
    id: base,
    kind: 'token',
    provider: PROVIDER,
    name: `${project.name}/${ep.name}`,
    url,
    tokenType: 'service-connection',
    scope: scopeText,
    scopes: [`type:${ep.type}`, `scheme:${scheme}`],
    active: ep.isReady,
    gaps: {
      createdAt: { reason: 'unsupported', message: 'the service endpoints API does not expose when a connection was created' },
      lastUsedAt: { reason: 'unsupported', message: 'usage history is not read (execution history needs one request per connection)' },
      expiresAt: secretless
        ? { reason: 'not-applicable', message: `scheme ${scheme} stores no long-lived credential (federated or managed identity)` }
        : { reason: 'unsupported', message: `the API does not expose when the ${scheme} credential expires; check it at its issuer` },
    },
  };
  if (secretless) return [token];
  const secret: Secret = {
    id: `${base}/credential`,
    kind: 'secret',
    provider: PROVIDER,
    name: `${project.name}/${ep.name}`,
    url,
    store: 'ado-service-connection',
    scope: scopeText,
    masked: true,
    gaps: {
      createdAt: { reason: 'unsupported', message: 'the service endpoints API does not expose when the credential was stored' },
      lastRotatedAt: { reason: 'unsupported', message: 'the service endpoints API does not expose when the credential last changed' },
      rotationEnabled: { reason: 'unsupported', message: 'service connection credentials have no rotation setting in Azure DevOps' },
    },
  };
  return [token, secret];
}
