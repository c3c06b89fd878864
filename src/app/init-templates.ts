import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import type { CiPlatform } from './ci-platforms.js';

export const starterConfig = `# secpol configuration: https://github.com/secpol/secpol/blob/main/docs/configuration.md
failOn: high

# Extra policy files or directories, added to the built-in pack.
policies: []

# Per-rule overrides, keyed by rule id.
rules:
  branch.min-approvals:
    params:
      minApprovals: 1

# Accepted risks. Every waiver needs a reason and an expiry date.
waivers: []
#  - rule: branch.signed-commits
#    resource: "local:."
#    reason: Signing is being rolled out (SEC-123)
#    expires: 2027-03-31
#    approvedBy: security-team
`;

/** Where secpol's own repository lives: the Action, and what the GitLab and Azure jobs clone. */
export const SECPOL_REPOSITORY = 'secpol/secpol';

export interface CiJob {
  path: string;
  text: string;
  /** What to do next, for the user. */
  next: string;
}

/**
 * The CI job for `platform`, pinned to secpol `version`: on GitHub the Action at `actionRef`
 * (a full commit SHA) or else at the release tag; on GitLab and Azure DevOps a copy of the
 * component / step template shipped in templates/, whose version default is this release.
 */
export function ciJob(platform: CiPlatform, version: string, actionRef?: string): CiJob {
  const tag = `v${version}`;
  switch (platform) {
    case 'github':
      return { path: '.github/workflows/secpol.yml', text: githubWorkflow(tag, actionRef), next: 'commit it; findings show as annotations, in the job summary and in code scanning' };
    case 'gitlab':
      return {
        path: 'ci/secpol.gitlab-ci.yml',
        text: pinTemplate('secpol.yml', tag),
        next: 'add to .gitlab-ci.yml:  include: [{ local: ci/secpol.gitlab-ci.yml }]',
      };
    case 'azure-devops':
      return {
        path: 'ci/secpol.azure-pipelines.yml',
        text: pinTemplate('azure-pipelines.yml', tag),
        next: 'add to the steps of azure-pipelines.yml:  - template: ci/secpol.azure-pipelines.yml',
      };
  }
}

function githubWorkflow(tag: string, actionRef: string | undefined): string {
  const action = actionRef
    ? `${SECPOL_REPOSITORY}@${actionRef} # ${tag}`
    : `${SECPOL_REPOSITORY}@${tag} # pin to the tag's commit SHA: git ls-remote https://github.com/${SECPOL_REPOSITORY} refs/tags/${tag}`;
  return `name: secpol
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  secpol:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      # Annotations, the job summary and secpol.sarif; the step fails on findings at or above fail-on.
      - uses: ${action}
        with:
          fail-on: high
      - uses: github/codeql-action/upload-sarif@ce28f5bb42b7a9f2c824e633a3f6ee835bab6858 # v3.29.0
        if: always()
        with:
          sarif_file: secpol.sarif
          category: secpol
`;
}

const VERSION_DEFAULT = /default: v[0-9A-Za-z.+-]+ # pinned: secpol release/;

/** A template from templates/ with its version default set to `tag`. */
function pinTemplate(file: string, tag: string): string {
  const text = readFileSync(join(packageRoot(), 'templates', file), 'utf8');
  if (!VERSION_DEFAULT.test(text)) throw new Error(`templates/${file} has no pinned version default`);
  return text.replace(VERSION_DEFAULT, `default: ${tag} # pinned: secpol release`);
}

/** The platforms whose pipeline files the repository at `root` holds. */
export function ciFilesPlatforms(root: string): CiPlatform[] {
  const found: CiPlatform[] = [];
  const workflows = join(root, '.github', 'workflows');
  if (existsSync(workflows) && readdirSync(workflows).some((f) => /\.ya?ml$/.test(f))) found.push('github');
  if (existsSync(join(root, '.gitlab-ci.yml'))) found.push('gitlab');
  if (existsSync(join(root, 'azure-pipelines.yml')) || existsSync(join(root, '.azure-pipelines'))) found.push('azure-devops');
  return found;
}

/** A self-managed host named for its platform (gitlab.acme.com, github.acme.com): the platform, else undefined. */
export function platformFromHostName(url: string): CiPlatform | undefined {
  const host = /^[^@/]+@([^:/]+):/.exec(url)?.[1] ?? safeHost(url);
  if (!host) return undefined;
  const labels = host.toLowerCase().split('.');
  if (labels.some((l) => l === 'gitlab' || l.startsWith('gitlab-'))) return 'gitlab';
  if (labels.some((l) => l === 'github' || l.startsWith('github-'))) return 'github';
  if (labels.some((l) => l === 'azure' || l === 'tfs' || l === 'ado')) return 'azure-devops';
  return undefined;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
