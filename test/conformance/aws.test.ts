import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { createAwsAdapter } from '../../src/providers/aws/index.js';
import { AWS_SERVICES } from '../../src/providers/aws/transport.js';
import { awsEnv, awsTargets, FAKE_KEY_ID, FAKE_SECRET, isolateSdk, testTuning } from '../fakes/aws/harness.js';
import { startFakeAws, type FaultKind } from '../fakes/aws/server.js';
import { acmeAccount } from '../fakes/aws/state.js';
import { conformance } from './suite.js';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-06-01T00:00:00Z');
const LIST = 'secretsmanager:ListSecrets';
const VERSIONS = 'secretsmanager:ListSecretVersionIds';
/** The AWS fake answers access denied (403) and internal errors (500). */
const FAULTS: Record<number, FaultKind> = { 403: 'denied', 500: '500' };

beforeAll(() => isolateSdk());

/**
 * Another origin as AWS can name one: the run configures the fake as the endpoint of every
 * service but Secrets Manager, and the SDK's shared config file (a stale or planted profile)
 * gives Secrets Manager an `endpoint_url` elsewhere. The SDK would send its signed requests
 * there; the transport's origin guard must refuse them.
 */
function foreignEndpoint(fakeUrl: string, foreignOrigin: string): { env: Record<string, string>; restore(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'secpol-aws-config-'));
  const file = join(dir, 'config');
  writeFileSync(file, `[default]\nendpoint_url = ${foreignOrigin}\n`);
  const previous = process.env.AWS_CONFIG_FILE;
  process.env.AWS_CONFIG_FILE = file;
  const { AWS_ENDPOINT_URL: _everywhere, ...env } = awsEnv(fakeUrl);
  for (const service of AWS_SERVICES) if (service !== 'SECRETS_MANAGER') env[`AWS_ENDPOINT_URL_${service}`] = fakeUrl;
  return {
    env,
    restore() {
      if (previous === undefined) delete process.env.AWS_CONFIG_FILE;
      else process.env.AWS_CONFIG_FILE = previous;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

conformance({
  name: 'aws',
  credentials: [FAKE_SECRET],
  fact: { resourceId: `aws:${ACCOUNT}/eu-west-1/secretsmanager/prod/db-password`, field: 'lastRotatedAt', statuses: [403, 500] },
  pages: true,
  followsOrigins: true,
  async start({ failFact, hangFact, endlessPages, foreignOrigin }) {
    const kind = hangFact ? 'hang' : failFact ? FAULTS[failFact] : undefined;
    const faults = kind ? [{ action: VERSIONS, kind }] : [];
    const account = acmeAccount(NOW);
    // One secret a page, and more secrets than the cap's pages hold.
    if (endlessPages) account.regions['eu-west-1']!.secrets.push(...Array.from({ length: 5 }, (_, i) => ({ name: `extra/${i}`, created: NOW })));
    const fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: ACCOUNT }, accounts: [account], faults, pageSize: endlessPages ? 1 : 2 });
    const foreign = foreignOrigin ? foreignEndpoint(fake.url, foreignOrigin) : undefined;
    const env = foreign?.env ?? awsEnv(fake.url);
    const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1'] }), env, { tuning: testTuning });
    return {
      adapter,
      env,
      requests: (paged) => (paged ? fake.requests.filter((r) => r.action === LIST).length : fake.requests.length),
      unexpected: () => fake.unexpected,
      close: () => {
        foreign?.restore();
        return fake.close();
      },
    };
  },
});
