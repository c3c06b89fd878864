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
  pages: true,
  async start({ failFact, hangFact, foreignOrigin, endlessPages }) {
    const faults: Fault[] = [];
    if (failFact) faults.push({ host: 'arm', path: SECRETS, status: failFact });
    if (hangFact) faults.push({ host: 'arm', path: SECRETS, hang: true });
    if (foreignOrigin) faults.push({ host: 'arm', path: SECRETS, status: 200, body: { value: [], nextLink: `${foreignOrigin}/steal` } });
    // One item a page: kv-prod's four secrets take more pages than the cap.
    const harness = await startHarness(standardState(NOW), { faults, ...(endlessPages ? { pageSize: 1 } : {}) });
    return {
      adapter: harness.adapter({}, { azureSubscription: [SUB_A] }),
      env: harness.env,
      requests: (paged) => (paged ? harness.fake.requests.filter((r) => r.host === 'arm' && SECRETS.test(r.path)).length : harness.fake.requests.length),
      unexpected: () => harness.fake.unexpected,
      close: () => harness.fake.close(),
    };
  },
});
