import { KeyClient } from '@azure/keyvault-keys';
import { z } from 'zod';
import type { DoctorCheck, DoctorReport, DoctorStatus, Env } from '../contract.js';
import { JsonApi } from './api.js';
import { describeIdentity, tokenClaims } from './claims.js';
import type { CollectDeps } from './collect.js';
import { azureGap } from './failures.js';
import { KEY_VAULT_READER } from './keyvault.js';
import { API } from './scan.js';
import { KeyVault, Subscription } from './schema.js';
import type { AzureSettings } from './settings.js';
import { GRAPH_NEEDS } from './tenant.js';
import { AzureHttp, TokenTransport } from './transport.js';
import { plural } from '../../shared/plural.js';

/** A JSON object of any shape: the probes only need the call to succeed. */
const AnyObject = z.object({}).loose();

/** Who the credential is (token claims) and one cheap real call per permission the collected facts need. */
export async function azureDoctor(settings: AzureSettings, deps: CollectDeps, env: Env, signal?: AbortSignal): Promise<DoctorReport> {
  const http = new AzureHttp([settings.armOrigin, settings.graphOrigin], env, deps.transport ?? {}, signal);
  const arm = new JsonApi(new TokenTransport(settings.armOrigin, deps.credential, settings.armScope, 'arm', http), signal);
  const graph = new JsonApi(new TokenTransport(settings.graphOrigin, deps.credential, settings.graphScope, 'graph', http), signal);
  const checks: DoctorCheck[] = [];
  const report = (): DoctorReport => ({ provider: 'azure', endpoint: `${settings.armOrigin}, ${settings.graphOrigin}`, ...(identity ? { identity } : {}), checks });

  let identity: string | undefined;
  try {
    identity = describeIdentity(await tokenClaims(deps.credential, settings.armScope, signal));
    checks.push({ name: 'sign-in (DefaultAzureCredential)', status: 'ok', detail: 'a token for Azure Resource Manager was issued' });
  } catch (err) {
    checks.push({ name: 'sign-in (DefaultAzureCredential)', status: 'missing', detail: azureGap(err, 'sign-in', 'a credential', true).message });
    return report();
  }

  const probe = async (name: string, needs: string, facts: string, call: () => Promise<string>): Promise<void> => {
    try {
      checks.push({ name, status: 'ok', detail: `${facts}: ${await call()}` });
    } catch (err) {
      const gap = azureGap(err, facts, needs, true);
      const status: DoctorStatus = gap.reason === 'forbidden' || gap.reason === 'unauthenticated' ? 'missing' : gap.reason === 'timeout' ? 'unreachable' : 'error';
      checks.push({ name, status, detail: gap.message });
    }
  };

  let subscriptions: string[] = settings.subscriptions ?? [];
  await probe('Reader: Microsoft.Resources/subscriptions/read', 'the Reader role on each subscription', 'subscriptions', async () => {
    const visible = await arm.list('/subscriptions', { 'api-version': API.subscriptions }, Subscription, 'subscriptions');
    if (subscriptions.length === 0) subscriptions = visible.map((s) => s.subscriptionId);
    return `${visible.length} visible`;
  });
  const first = subscriptions[0];
  let vaultUri: string | undefined;
  if (first) {
    await probe('Reader: Microsoft.KeyVault/vaults/read', 'the Reader role', 'Key Vault secret and key metadata', async () => {
      const vaults = await arm.list(`/subscriptions/${first}/providers/Microsoft.KeyVault/vaults`, { 'api-version': API.keyVault }, KeyVault, 'Key Vaults');
      vaultUri = vaults.find((v) => v.properties.vaultUri)?.properties.vaultUri;
      return `${plural(vaults.length, 'vault', 'vaults')} in ${first}`;
    });
    await probe('Reader: Microsoft.RecoveryServices/vaults/read', 'the Reader (or Backup Reader) role', 'backup policies', async () => {
      await arm.get(`/subscriptions/${first}/providers/Microsoft.RecoveryServices/vaults`, { 'api-version': API.recoveryServices }, AnyObject, 'Recovery Services vaults');
      return 'readable';
    });
    await probe('Reader: Microsoft.OperationalInsights/workspaces/read', 'the Reader role', 'log retention', async () => {
      await arm.get(`/subscriptions/${first}/providers/Microsoft.OperationalInsights/workspaces`, { 'api-version': API.logAnalytics }, AnyObject, 'Log Analytics workspaces');
      return 'readable';
    });
  }
  if (vaultUri) {
    const origin = new URL(vaultUri).origin;
    await probe('Key Vault Reader (data plane)', KEY_VAULT_READER, 'key rotation policies', async () => {
      const client = new KeyClient(origin, deps.credential, http.sdkOptions(origin, 'keyvault'));
      for await (const page of client.listPropertiesOfKeys({ abortSignal: signal }).byPage({ maxPageSize: 1 })) return `keys listed on ${origin} (${page.length} on the first page)`;
      return `keys listed on ${origin}`;
    });
  }
  const graphProbe = (name: string, needs: string, facts: string, path: string, query: Record<string, string>) =>
    probe(name, needs, facts, async () => {
      await graph.get(path, query, AnyObject, facts);
      return 'readable';
    });
  await graphProbe('Graph User.Read.All', GRAPH_NEEDS.users, 'tenant members', '/v1.0/users', { $top: '1', $select: 'id' });
  await graphProbe('Graph AuditLog.Read.All', GRAPH_NEEDS.registration, 'MFA registration', '/v1.0/reports/authenticationMethods/userRegistrationDetails', { $top: '1' });
  await graphProbe('Graph Policy.Read.All', GRAPH_NEEDS.policies, 'MFA enforcement (security defaults)', '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy', {});
  await graphProbe('Graph RoleManagement.Read.Directory', GRAPH_NEEDS.roles, 'Global Administrators', "/v1.0/directoryRoles(roleTemplateId='62e90394-69f5-4237-9190-012177145e10')/members", { $select: 'id' });
  return report();
}
