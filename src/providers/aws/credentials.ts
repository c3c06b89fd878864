import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Redactor } from '../../shared/redact.js';
import type { Env } from '../contract.js';
import { configuredEndpoint, type Transport } from './transport.js';

/**
 * Credentials: a key pair in the given environment is used as is (the SDK's first choice too);
 * otherwise the SDK's default chain (profile/SSO, web identity for CI OIDC, container and
 * instance roles). A role ARN is assumed on top of that. Every value is handed to the
 * redactor before first use.
 */

export const CREDENTIAL_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

export const HOW_TO_PROVIDE =
  'provide AWS credentials with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), AWS_PROFILE (`aws sso login` first), or web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, as set by CI OIDC)';

export function baseCredentials(env: Env, transport: Transport, region: string, redactor: Redactor): AwsCredentialIdentityProvider {
  for (const name of CREDENTIAL_VARS) redactor.add(env[name]);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (accessKeyId && secretAccessKey && !env.AWS_PROFILE) {
    const identity = { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
    return () => Promise.resolve(identity);
  }
  return register(fromNodeProviderChain({ clientConfig: stsConfig(env, transport, region) }), redactor);
}

export function assumedRole(
  roleArn: string,
  options: { externalId?: string; sessionName: string },
  master: AwsCredentialIdentityProvider,
  env: Env,
  transport: Transport,
  region: string,
  redactor: Redactor,
): AwsCredentialIdentityProvider {
  return register(
    fromTemporaryCredentials({
      masterCredentials: master,
      params: { RoleArn: roleArn, RoleSessionName: options.sessionName, ...(options.externalId ? { ExternalId: options.externalId } : {}) },
      clientConfig: stsConfig(env, transport, region),
    }),
    redactor,
  );
}

function stsConfig(env: Env, transport: Transport, region: string) {
  const endpoint = configuredEndpoint(env, 'STS');
  return { region, requestHandler: transport.handler('STS'), ...(endpoint ? { endpoint } : {}) };
}

/**
 * Wraps a provider so that every identity it yields is known to the redactor, and is shared by
 * every client of the run until five minutes before it expires (one AssumeRole per account).
 */
function register(provider: AwsCredentialIdentityProvider, redactor: Redactor): AwsCredentialIdentityProvider {
  let current: ReturnType<AwsCredentialIdentityProvider> | undefined;
  return async (props) => {
    if (current) {
      const held = await current.catch(() => undefined);
      if (held && (!held.expiration || held.expiration.getTime() - Date.now() > REFRESH_MS)) return held;
    }
    current = provider(props).then((identity) => {
      redactor.add(identity.accessKeyId);
      redactor.add(identity.secretAccessKey);
      redactor.add(identity.sessionToken);
      return identity;
    });
    return current;
  };
}

const REFRESH_MS = 5 * 60_000;
