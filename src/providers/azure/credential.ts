import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Env } from '../contract.js';

/**
 * DefaultAzureCredential: service principal variables, workload identity (azure/login with
 * OIDC, AKS), managed identity, Azure CLI, …; `AZURE_TOKEN_CREDENTIALS` narrows the chain
 * (`prod`, `dev` or one credential's name), which the SDK reads itself.
 */
export function defaultCredential(env: Env): TokenCredential {
  const authorityHost = env.AZURE_AUTHORITY_HOST?.trim();
  return new DefaultAzureCredential(authorityHost ? { authorityHost } : {});
}
