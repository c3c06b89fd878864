import { KeyClient, type KeyRotationPolicy } from '@azure/keyvault-keys';
import type { Gap, Resource, Secret } from '../../model/index.js';
import { isoDurationDays } from './duration.js';
import { azureGap, gapsFor } from './failures.js';
import { unreadableSecrets } from './unreadable.js';
import { azureId, fromUnixSeconds, type ArmScope } from './ids.js';
import { API, listInScope, type AzureScan } from './scan.js';
import { KeyVault, VaultKey, VaultSecret } from './schema.js';

/**
 * Key Vault secrets (metadata through ARM: Reader is enough and vault firewalls do not block
 * it; never a value) and keys (list through ARM, rotation policy through the data plane).
 */

export const KEY_VAULT_READER = 'Key Vault Reader on the vault (RBAC) or an access policy with Key List + Get Rotation Policy';
const READER = 'the Reader role on the subscription (Microsoft.KeyVault/vaults/read)';
const SECRET_STORE = 'azure-key-vault';
const KEY_STORE = 'azure-key-vault-key';
const DISABLED: Gap = { reason: 'not-applicable', message: 'disabled in Key Vault (not served, so not evaluated)' };

export async function collectKeyVaults(scan: AzureScan, subscription: string): Promise<Resource[]> {
  const what = `Key Vaults of subscription ${subscription}`;
  const listed = await listInScope(scan, subscription, 'Microsoft.KeyVault/vaults', API.keyVault, KeyVault, what, READER);
  if ('none' in listed) return [];
  if ('gap' in listed) return [unreadableSecrets(`azure:${subscription}/keyvault`, `${subscription} Key Vaults`, SECRET_STORE, listed.gap)];
  const perVault = await Promise.all(listed.items.map(async ({ item, scope }) => [...(await secretsOf(scan, item, scope)), ...(await keysOf(scan, item, scope))]));
  return perVault.flat();
}

type Attributes = NonNullable<VaultSecret['properties']['attributes']>;

/** Facts common to secrets and keys: the current version's dates, expiry and enabled state. */
function versionFacts(attributes: Attributes | undefined, what: string): Partial<Secret> {
  const facts: Partial<Secret> = {};
  if (attributes?.enabled !== undefined) facts.enabled = attributes.enabled;
  if (attributes && 'exp' in attributes) facts.expiresAt = fromUnixSeconds(attributes.exp) ?? null;
  const created = fromUnixSeconds(attributes?.created);
  if (created) facts.lastRotatedAt = created;
  else facts.gaps = { lastRotatedAt: { reason: 'malformed', message: `${what}: Key Vault did not report when the current version was created` } };
  return facts;
}

async function secretsOf(scan: AzureScan, vault: KeyVault, scope: ArmScope): Promise<Secret[]> {
  const what = `secrets of Key Vault ${vault.name}`;
  let secrets: VaultSecret[];
  try {
    secrets = await scan.arm.list(`${vault.id}/secrets`, { 'api-version': API.keyVault, $top: '25' }, VaultSecret, what);
  } catch (err) {
    return [unreadableSecrets(azureId(scope, 'keyvault', vault.name, 'secret', '*'), `${vault.name}/*`, SECRET_STORE, azureGap(err, what, READER, scan.settings.explicit))];
  }
  return secrets.map((s) => {
    const base = vaultItem(scope, vault, 'secret', s.name, SECRET_STORE);
    const facts = versionFacts(s.properties.attributes, `secret ${base.name}`);
    if (facts.enabled === false) return { ...base, enabled: false, ...(facts.expiresAt !== undefined ? { expiresAt: facts.expiresAt } : {}), gaps: { '*': DISABLED } };
    const automation = scan.settings.secretRotation(vault.name, s.name);
    return {
      ...base,
      ...facts,
      // Key Vault secrets have no native rotation: only a declared automation rotates them.
      rotationEnabled: automation !== undefined,
      rotationIntervalDays: automation ? automation.intervalDays : null,
      dateNote: automation
        ? 'lastRotatedAt is when the current version was created; rotation is the automation declared in targets.azure.secretRotation'
        : 'lastRotatedAt is when the current version was created (Key Vault metadata through ARM)',
    };
  });
}

/** A Key Vault secret or key as the model's secret, before its dates and rotation are read. */
function vaultItem(scope: ArmScope, vault: KeyVault, type: 'secret' | 'key', name: string, store: Secret['store']): Secret {
  return { id: azureId(scope, 'keyvault', vault.name, type, name), kind: 'secret', provider: 'azure', name: `${vault.name}/${name}`, store, scope: vault.name };
}

async function keysOf(scan: AzureScan, vault: KeyVault, scope: ArmScope): Promise<Secret[]> {
  const what = `keys of Key Vault ${vault.name}`;
  let keys: VaultKey[];
  try {
    keys = await scan.arm.list(`${vault.id}/keys`, { 'api-version': API.keyVault }, VaultKey, what);
  } catch (err) {
    return [unreadableSecrets(azureId(scope, 'keyvault', vault.name, 'key', '*'), `${vault.name}/* (keys)`, KEY_STORE, azureGap(err, what, READER, scan.settings.explicit))];
  }
  const client = keyClientFor(scan, vault);
  const one = async (k: VaultKey): Promise<Secret> => {
    const base = vaultItem(scope, vault, 'key', k.name, KEY_STORE);
    const facts = versionFacts(k.properties.attributes, `key ${base.name}`);
    if (facts.enabled === false) return { ...base, enabled: false, gaps: { '*': DISABLED } };
    const rotation = await rotationOf(scan, client, k.name, base.name);
    const gaps = { ...facts.gaps, ...rotation.gaps };
    return { ...base, ...facts, ...rotation, ...(Object.keys(gaps).length > 0 ? { gaps } : {}) };
  };
  // The first data-plane call of a client answers the vault's challenge; the others then carry the token at once.
  const [first, ...rest] = keys;
  if (!first) return [];
  const head = await one(first);
  return [head, ...(await Promise.all(rest.map(one)))];
}

type KeyClientOrGap = { client: KeyClient } | { gap: Gap };

/** One data-plane client per vault (one challenge per vault); its pipeline refuses every other origin. */
function keyClientFor(scan: AzureScan, vault: KeyVault): KeyClientOrGap {
  const uri = vault.properties.vaultUri;
  if (!uri) return { gap: { reason: 'malformed', message: `Key Vault ${vault.name}: ARM did not report the vault URI` } };
  const url = new URL(uri);
  if (url.protocol !== 'https:') return { gap: { reason: 'malformed', message: `Key Vault ${vault.name}: vault URI is not https` } };
  // Challenge-resource verification stays on: the token is only fetched for the vault's own domain.
  return { client: new KeyClient(url.origin, scan.credential, scan.http.sdkOptions(url.origin, 'keyvault')) };
}

async function rotationOf(scan: AzureScan, client: KeyClientOrGap, key: string, name: string): Promise<Partial<Secret>> {
  const fields = ['rotationEnabled', 'rotationIntervalDays'];
  if ('gap' in client) return { gaps: gapsFor(fields, client.gap) };
  let policy: KeyRotationPolicy;
  try {
    policy = await client.client.getKeyRotationPolicy(key, { abortSignal: scan.signal });
  } catch (err) {
    return { gaps: gapsFor(fields, azureGap(err, `rotation policy of key ${name}`, KEY_VAULT_READER, scan.settings.explicit)) };
  }
  const rotate = (policy.lifetimeActions ?? []).find((a) => a.action.toLowerCase() === 'rotate');
  if (!rotate) return { rotationEnabled: false, rotationIntervalDays: null };
  const afterCreate = isoDurationDays(rotate.timeAfterCreate);
  const expiresIn = isoDurationDays(policy.expiresIn);
  const beforeExpiry = isoDurationDays(rotate.timeBeforeExpiry);
  const interval = afterCreate ?? (expiresIn !== undefined && beforeExpiry !== undefined ? Math.max(0, expiresIn - beforeExpiry) : undefined);
  return { rotationEnabled: true, rotationIntervalDays: interval === undefined ? null : Math.round(interval * 100) / 100 };
}
