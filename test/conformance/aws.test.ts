import { beforeAll } from 'vitest';
import { createAwsAdapter } from '../../src/providers/aws/index.js';
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

conformance({
  name: 'aws',
  credentials: [FAKE_SECRET],
  fact: { resourceId: `aws:${ACCOUNT}/eu-west-1/secretsmanager/prod/db-password`, field: 'lastRotatedAt', statuses: [403, 500] },
  pages: true,
  async start({ failFact, hangFact, endlessPages }) {
    const kind = hangFact ? 'hang' : failFact ? FAULTS[failFact] : undefined;
    const faults = kind ? [{ action: VERSIONS, kind }] : [];
    const account = acmeAccount(NOW);
    // One secret a page, and more secrets than the cap's pages hold.
    if (endlessPages) account.regions['eu-west-1']!.secrets.push(...Array.from({ length: 5 }, (_, i) => ({ name: `extra/${i}`, created: NOW })));
    const fake = await startFakeAws({ keys: { [FAKE_KEY_ID]: ACCOUNT }, accounts: [account], faults, pageSize: endlessPages ? 1 : 2 });
    const env = awsEnv(fake.url);
    const adapter = createAwsAdapter(awsTargets({ awsRegion: ['eu-west-1'] }), env, { tuning: testTuning });
    return {
      adapter,
      env,
      requests: (paged) => (paged ? fake.requests.filter((r) => r.action === LIST).length : fake.requests.length),
      unexpected: () => fake.unexpected,
      close: () => fake.close(),
    };
  },
});
