// Shared by the GitHub benchmarks (not run by bench/run.mjs: its name starts with `_`): the
// loopback GitHub imitation and the scale organization (n repositories with a realistic mix of
// protection, rulesets, hooks, secrets, environments, workflows and Dockerfiles).
import { bundleAndLoad } from './_bundle.mjs';

const entry = `
import { implementation as githubProvider } from './src/providers/github/index.ts';
import { Redactor } from './src/shared/redact.ts';
import { FakeGithub } from './test/fakes/github/server.ts';
import { ALL_SCOPES, makeOrg, makeRepo } from './test/fakes/github/model.ts';
export { githubProvider, Redactor, FakeGithub, ALL_SCOPES, makeOrg, makeRepo };
`;

export const TOKEN = 'ghp_benchBenchBenchBenchBenchBench0001';

/** The real GitHub provider, the redactor and the imitation, bundled from the sources. */
export async function loadGithubParts() {
  return bundleAndLoad('github-bench.mjs', entry, { logLevel: 'error', define: { __SECPOL_VERSION__: '"bench"' } });
}

const ci = 'name: ci\non: [push]\npermissions: read-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';

/**
 * The organization `acme` with `repos` repositories, and TOKEN as an admin token.
 * `orgWorkflow`: the org's default GITHUB_TOKEN permission; under `write` a repository may
 * override it (a quarter of them here keep `write`, the rest chose `read`).
 */
export function scaleOrg({ makeOrg, makeRepo, ALL_SCOPES }, repos, { orgWorkflow = 'read' } = {}) {
  return {
    org: makeOrg('acme', { workflowPermissions: orgWorkflow }),
    repos: Array.from({ length: repos }, (_, i) =>
      makeRepo('acme', `svc-${String(i).padStart(4, '0')}`, {
        classicRules: i % 2 ? [{ pattern: 'main', requiresApprovingReviews: true, requiredApprovingReviewCount: 1 }] : [],
        rulesets: i % 3 === 0 ? [{ id: i + 1, name: 'main', source_type: 'Repository', enforcement: 'active', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } }, bypass_actors: [], rules: [{ type: 'non_fast_forward' }] }] : [],
        hooks: i % 4 === 0 ? [{ id: i, url: 'https://hooks.example.com/x', insecure_ssl: '0', active: true }] : [],
        workflowPermissions: orgWorkflow === 'write' && i % 4 === 1 ? 'write' : 'read',
        secrets: [{ name: 'NPM_TOKEN', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' }],
        environments: i % 5 === 0 ? [{ name: 'production', reviewers: 1, branchPolicy: { protected_branches: true, custom_branch_policies: false } }] : [],
        files: {
          '.github/workflows/ci.yml': ci,
          'src/index.ts': 'export {};\n',
          ...(i % 3 === 0 ? { Dockerfile: 'FROM node:20\nUSER node\n' } : {}),
        },
      }),
    ),
    tokens: { [TOKEN]: { kind: 'classic', scopes: ALL_SCOPES, admin: true } },
    apps: {},
  };
}
