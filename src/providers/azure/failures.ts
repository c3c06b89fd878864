import { isRestError } from '@azure/core-rest-pipeline';
import type { Gap, Gaps } from '../../model/index.js';
import { gapFromError, gapFromStatus } from '../http/index.js';
import { AzureHttpError, MalformedResponseError } from './api.js';

/**
 * Azure failures as gaps. `needs` names the role or permission that would have let us read
 * the fact, so every gap tells the user what to grant.
 */
export function azureGap(err: unknown, what: string, needs: string, explicit: boolean): Gap {
  if (err instanceof AzureHttpError) return fromStatus(err.status, err.code, what, needs, explicit);
  if (err instanceof MalformedResponseError) return { reason: 'malformed', message: err.message };
  if (isRestError(err) && err.statusCode) return fromStatus(err.statusCode, err.code, what, needs, explicit);
  const name = err instanceof Error ? err.name : '';
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError') {
    return { reason: 'unauthenticated', message: `${what}: no Azure credential could sign in (DefaultAzureCredential; see AZURE_TOKEN_CREDENTIALS)` };
  }
  if (err instanceof Error && /challenge resource .* does not match/.test(err.message)) {
    return { reason: 'error', message: `${what}: the vault's authentication challenge names another domain; refused (challenge-resource verification)` };
  }
  // Network failures, refused origins and runaway paging are classified by the shared core.
  return gapFromError(err, what);
}

function fromStatus(status: number, code: string | undefined, what: string, needs: string, explicit: boolean): Gap {
  if (status === 409 && code === 'MissingSubscriptionRegistration') {
    return { reason: 'not-applicable', message: `${what}: the resource provider is not registered on the subscription (nothing of this kind exists)` };
  }
  const label = code ? ` (${code})` : '';
  const message =
    status === 403 ? `${what}: forbidden${label}; needs ${needs}` : status === 401 ? `${what}: not authenticated${label}` : `${what}: HTTP ${status}${label}`;
  return gapFromStatus(status, message, { explicit });
}

/** The same gap for each of `fields`. */
export function gapsFor(fields: readonly string[], gap: Gap): Gaps {
  return Object.fromEntries(fields.map((f) => [f, gap]));
}
