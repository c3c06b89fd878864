import { createAzureDevOpsAdapter } from '../../src/providers/azure-devops/index.js';
import { acmeScenario } from '../fakes/azure-devops/scenario.js';
import { startFakeAzureDevOps } from '../fakes/azure-devops/server.js';
import { PAT, spec } from '../providers/azure-devops/helpers.js';
import { conformance } from './suite.js';

const POLICIES = /\/_apis\/policy\/configurations$/;
const PROJECTS = /^\/acme\/_apis\/projects$/;

conformance({
  name: 'azure-devops',
  // The node-api sends a PAT as Basic auth: the token and its encoding both count.
  credentials: [PAT, Buffer.from(`:${PAT}`).toString('base64')],
  fact: { resourceId: 'azure-devops:acme/web/api', field: 'branchProtection' },
  followsOrigins: true,
  pages: true,
  async start({ failFact, hangFact, foreignOrigin, endlessPages }) {
    const fake = await startFakeAzureDevOps(acmeScenario({ projects: endlessPages ? 5 : 1, reposPerProject: 2 }), {
      token: PAT,
      // One project a page: five projects take more pages than the cap.
      pageSize: endlessPages ? 1 : undefined,
      faults: failFact ? [{ path: POLICIES, status: failFact }] : undefined,
      ...(foreignOrigin ? { resourceAreas: 'listed', areaLocationUrl: `${foreignOrigin}/acme/` } : {}),
    });
    if (hangFact) fake.base.inject({ path: POLICIES, fault: { kind: 'hang' } });
    const env = { AZURE_DEVOPS_TOKEN: PAT };
    const adapter = createAzureDevOpsAdapter(spec({ adoOrg: fake.orgUrl }), env, { maxWaitMs: 1500 });
    return {
      adapter,
      env,
      requests: (paged) => (paged ? fake.requests.filter((r) => PROJECTS.test(r.path)).length : fake.requests.length),
      unexpected: () => fake.unexpected,
      close: () => fake.close(),
    };
  },
});
