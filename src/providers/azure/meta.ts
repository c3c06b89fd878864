import type { ProviderMeta } from '../contract.js';
import { AzureTargets } from './config.js';

/** Variables that hold Azure credentials (registered with the redactor). */
export const CREDENTIAL_VARS = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PASSWORD', 'AZURE_PASSWORD'] as const;
/** Variables that say a non-interactive credential is configured. */
const SIGN_IN_VARS = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_TOKEN_CREDENTIALS', 'IDENTITY_ENDPOINT', 'MSI_ENDPOINT'];

export const meta: ProviderMeta = {
  name: 'azure',
  summary: 'Azure: Key Vault secret ages and key rotation, Recovery Services backup policies, Log Analytics retention, Entra ID MFA',
  kinds: ['secret', 'backup-plan', 'log-store', 'organization'],
  options: [{ flags: '--azure-subscription <id...>', description: 'Azure subscription ids (default: every subscription the credential can see)', configKey: 'azure.subscriptions' }],
  configTargets: { azure: AzureTargets },
  env: {
    credentials: [...CREDENTIAL_VARS],
    endpoints: ['AZURE_RESOURCE_MANAGER_URL', 'AZURE_GRAPH_URL', 'AZURE_AUTHORITY_HOST'],
  },
  isTargeted: (targets) => {
    const subs = targets.options.azureSubscription;
    return (Array.isArray(subs) && subs.length > 0) || targets.config.azure !== undefined;
  },
  // The Azure CLI / managed identity cannot be seen without probing; those need --provider azure.
  hasCredential: (env) => SIGN_IN_VARS.some((name) => Boolean(env[name])),
};
