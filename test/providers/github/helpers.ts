import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { implementation as githubProvider } from '../../../src/providers/github/index.js';
import type { ProviderTargets } from '../../../src/providers/contract.js';
import type { CollectResult } from '../../../src/providers/types.js';
import { providerTargets, type TargetsShorthand } from '../../helpers/targets.js';
import type { Resource } from '../../../src/model/index.js';
import { Redactor } from '../../../src/shared/redact.js';
import { FakeGithub, type FakeOptions } from '../../fakes/github/server.js';
import { ALL_SCOPES, makeOrg, makeRepo, type FakeRepo, type FakeState } from '../../fakes/github/model.js';

export const ADMIN_TOKEN = 'ghp_adminAdminAdminAdminAdminAdmin0001';
export const READER_TOKEN = 'ghp_writerWriterWriterWriterWriter0002';
export const FINE_TOKEN = 'github_pat_fineFineFineFineFineFineFine_0003';

export function spec(over: TargetsShorthand = {}): ProviderTargets {
  return providerTargets({ providers: ['github'], ...over });
}

const CI = `name: ci
on: [push]
permissions: read-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`;

/** The standard organization: one repo per protection story, plus an archived repo and a fork. */
export function standardState(): FakeState {
  const repos: FakeRepo[] = [
    makeRepo('acme', 'api', {
      classicRules: [
        { pattern: 'main', requiresApprovingReviews: true, requiredApprovingReviewCount: 2, dismissesStaleReviews: true, isAdminEnforced: true, requiresStatusChecks: true, requiresStrictStatusChecks: true, requiredStatusCheckContexts: ['ci/build'] },
        { pattern: 'release/*', requiresApprovingReviews: true, requiredApprovingReviewCount: 1 },
      ],
      hooks: [
        { id: 1, url: 'https://hooks.example.com/path?token=s3cr3t', insecure_ssl: '0', active: true },
        { id: 2, url: 'http://plain.example.com/hook', insecure_ssl: '1', active: true },
      ],
      secrets: [{ name: 'DB_PASSWORD', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-06-01T00:00:00Z' }],
      environments: [
        { name: 'production', reviewers: 2, branchPolicy: { protected_branches: false, custom_branch_policies: true }, branchPolicies: ['main'], secrets: [{ name: 'DEPLOY_KEY', created_at: '2025-02-01T00:00:00Z', updated_at: '2025-02-01T00:00:00Z' }] },
        { name: 'staging', reviewers: 0, branchPolicy: null },
      ],
      outsideCollaborators: [{ login: 'contractor', permission: 'write' }],
      deployKeys: [{ id: 7, title: 'ci deploy', read_only: false, created_at: '2024-03-01T00:00:00Z' }],
      workflowPermissions: 'write',
      files: {
        '.github/workflows/ci.yml': CI,
        'Dockerfile': 'FROM node:20\nUSER node\n',
        'infra/main.tf': 'resource "x" "y" {}\n',
        '.github/CODEOWNERS': '* @acme/devs\n',
        'README.md': '# api\n',
      },
    }),
    makeRepo('acme', 'web', {
      visibility: 'public',
      rulesets: [
        {
          id: 42,
          name: 'protect main',
          source_type: 'Repository',
          enforcement: 'active',
          conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
          bypass_actors: [],
          rules: [
            { type: 'pull_request', parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: false } },
            { type: 'non_fast_forward' },
            { type: 'deletion' },
          ],
        },
      ],
      files: { 'README.md': 'web\n' },
    }),
    makeRepo('acme', 'evaluate', {
      rulesets: [
        { id: 43, name: 'trial', source_type: 'Repository', enforcement: 'evaluate', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } }, bypass_actors: [], rules: [{ type: 'pull_request', parameters: { required_approving_review_count: 1 } }] },
      ],
    }),
    makeRepo('acme', 'bypass', {
      rulesets: [
        {
          id: 44,
          name: 'leaky',
          source_type: 'Repository',
          enforcement: 'active',
          conditions: { ref_name: { include: ['refs/heads/main'], exclude: [] } },
          bypass_actors: [{ actor_type: 'RepositoryRole', role: 'write', bypass_mode: 'always' }],
          rules: [{ type: 'pull_request', parameters: { required_approving_review_count: 1 } }],
        },
      ],
    }),
    makeRepo('acme', 'legacy', { archived: true }),
    makeRepo('acme', 'fork-of-thing', { fork: true }),
  ];
  return {
    org: makeOrg('acme', {
      secrets: [{ name: 'NPM_TOKEN', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-02-01T00:00:00Z', visibility: 'all' }],
      orgRulesets: [],
    }),
    repos,
    tokens: {
      [ADMIN_TOKEN]: { kind: 'classic', scopes: ALL_SCOPES, admin: true },
      [READER_TOKEN]: { kind: 'classic', scopes: ['repo', 'read:org'], admin: false },
    },
    apps: {},
  };
}

export interface Run {
  result: CollectResult;
  debug: string[];
  byId(id: string): Resource;
}

export async function collect(fake: FakeGithub, s: ProviderTargets, env: Record<string, string | undefined>, cacheDir?: string): Promise<Run> {
  const fullEnv = { GITHUB_API_URL: fake.apiUrl, SECPOL_HTTP_RETRY_BASE_MS: '5', ...env };
  const adapters = githubProvider.plan(s, fullEnv);
  if (adapters.length !== 1) throw new Error(`expected one adapter, got ${adapters.length}`);
  const debug: string[] = [];
  const redactor = new Redactor();
  const result = await adapters[0]!.collect({
    now: new Date('2026-06-01T00:00:00Z'),
    env: fullEnv,
    progress: { update: () => {} },
    redactor,
    cacheDir,
    debug: (m) => debug.push(redactor.redact(m)),
  });
  return {
    result,
    debug,
    byId(id: string) {
      const r = result.resources.find((x) => x.id === id);
      if (!r) throw new Error(`no resource ${id}; have ${result.resources.map((x) => x.id).join(', ')}`);
      return r;
    },
  };
}

/**
 * For one test file: returns a function that starts a FakeGithub; the fake started last is
 * closed after each test, which fails the test if it saw any unexpected request.
 */
export function fakeGithubPerTest(): (state: FakeState, options?: FakeOptions) => Promise<FakeGithub> {
  let fake: FakeGithub | undefined;
  afterEach(async () => {
    const last = fake;
    fake = undefined;
    await last?.close();
  });
  return async (state, options) => (fake = await new FakeGithub(state, options).start());
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'secpol-gh-'));
}

export { FakeGithub };
