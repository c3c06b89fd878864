import { beforeAll } from 'vitest';
import { createAwsAdapter } from '../../src/providers/aws/index.js';
import { awsEnv, awsTargets, FAKE_KEY_ID, FAKE_SECRET, isolateSdk, testTuning } from '../fakes/aws/harness.js';
import { startFakeAws, type FaultKind } from '../fakes/aws/server.js';
import { acmeAccount } from '../fakes/aws/state.js';
import { conformance } from './suite.js';

const ACCOUNT = '123456789012';
/** The AWS fake answers access denied (403) and internal errors (500). */
const FAULTS: Record<number, FaultKind> = { 403: 'denied', 500: '500' };

beforeAll(() => isolateSdk());

conformance({
  name: 'aws',
  credentials: [FAKE_SECRET],
  fact: { resourceId: `aws:${ACCOUNT}/eu-west-1/secretsmanager/prod/db-password`, field: 'lastRotatedAt', statuses: [403, 500] },
  async start({ failFact }) {
    const faults = failFact ? [{ action: 'secretsmanager:ListSecretVersionIds', kind: FAULTS[failFact]! }] : [];
    const fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: ACCOUNT }, accounts: [acmeAccount(new Date('2026-06-01T00:00:00Z'))], faults, pageSize: 2 });
    const env = awsEnv(fake.url);
    const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1'] }), env, { tuning: testTuning });
    return { adapter, env, requests: () => fake.requests.length, unexpected: () => fake.unexpected, close: () => fake.close() };
  },
});
