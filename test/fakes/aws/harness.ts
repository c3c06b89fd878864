import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderTargets } from '../../../src/providers/contract.js';
import { Redactor } from '../../../src/shared/redact.js';
import type { CollectContext } from '../../../src/providers/types.js';

/**
 * Test set-up for the AWS provider: fake credentials assembled at run time (never a literal
 * key pair in the repository), the SDK kept away from the instance metadata address and from
 * any profile (empty HOME, AWS_EC2_METADATA_DISABLED), every endpoint on the loopback fake.
 */

export const FAKE_KEY_ID = ['AKIA', 'FAKE', 'TEST', 'KEY0', '0001'].join('');
export const FAKE_SECRET = ['fake', 'secret', 'access', 'key', 'for', 'tests', 'only'].join('/');

/** Makes the SDK's own environment lookups (config files, IMDS, profiles) inert for this process. */
export function isolateSdk(): void {
  const home = mkdtempSync(join(tmpdir(), 'secpol-aws-home-'));
  process.env.HOME = home;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_CONFIG_FILE = join(home, 'no-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'no-credentials');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) {
    delete process.env[name];
  }
}

/** The environment a CLI run or an in-process collect gets: fake keys, loopback endpoint. */
export function awsEnv(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: FAKE_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
    AWS_ENDPOINT_URL: url,
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

export function awsTargets(options: Record<string, unknown> = {}, config: Record<string, unknown> = {}): ProviderTargets {
  return { path: '.', repos: [], explicit: true, options, config, filters: {}, stateFiles: [], noCache: true };
}

export function collectContext(env: Record<string, string>, now: Date, redactor = new Redactor()): CollectContext {
  return { now, env, progress: { update() {} }, redactor, debug() {} };
}

/** Fast polls for the credential report in tests. */
export const testTuning = { reportPollMs: 5, reportWaitMs: 2000 };
