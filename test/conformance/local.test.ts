import { createLocalProvider } from '../../src/providers/local/index.js';
import { providerTargets } from '../helpers/targets.js';
import { cleanup, fake, fixtureRepo } from '../providers/local/repo.js';
import { conformance } from './suite.js';

// The local provider reads no API: no request can fail or leave the machine. What it owes is
// schema-valid resources, no secret value from the files it scans in any output, and cancellation.
conformance({
  name: 'local',
  credentials: [fake.GITHUB_PAT, fake.AWS_SECRET, fake.NPM_TOKEN, fake.GITLAB_PAT],
  start() {
    const root = fixtureRepo('bad');
    const [adapter] = createLocalProvider().plan(providerTargets({ path: root }), {});
    return Promise.resolve({ adapter: adapter!, requests: () => 0, unexpected: () => [], close: () => Promise.resolve(cleanup()) });
  },
});
