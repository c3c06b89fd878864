import { standardState, SUB_A } from '../fakes/azure/state.js';
import type { Fault } from '../fakes/azure/server.js';
import { fakeJwt, NOW, startHarness } from '../providers/azure/helpers.js';
import { conformance } from './suite.js';

const SECRETS = /kv-prod\/secrets$/;

conformance({
  name: 'azure',
  // The bearer tokens the stub credential hands out for ARM, Graph and Key Vault (fixed claims: the same every run).
  credentials: [fakeJwt('arm'), fakeJwt('graph'), fakeJwt('vault')],
  fact: { resourceId: `azure:${SUB_A}/rg-prod/keyvault/kv-prod/secret/*`, field: 'lastRotatedAt' },
  followsOrigins: true,
  async start({ failFact, foreignOrigin }) {
    const faults: Fault[] = [];
    if (failFact) faults.push({ host: 'arm', path: SECRETS, status: failFact });
    if (foreignOrigin) faults.push({ host: 'arm', path: SECRETS, status: 200, body: { value: [], nextLink: `${foreignOrigin}/steal` } });
    const harness = await startHarness(standardState(NOW), { faults });
    return {
      adapter: harness.adapter({}, { azureSubscription: [SUB_A] }),
      env: harness.env,
      requests: () => harness.fake.requests.length,
      unexpected: () => harness.fake.unexpected,
      close: () => harness.fake.close(),
    };
  },
});
