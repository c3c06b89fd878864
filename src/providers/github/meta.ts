import { z } from 'zod';
import type { ProviderMeta } from '../contract.js';
import { remoteHostIs } from '../origin-host.js';

const credentials = ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_APP_PRIVATE_KEY'] as const;

/** GitHub and GitHub Enterprise Server (REST + GraphQL through Octokit). */
export const meta = {
  name: 'github',
  summary: 'GitHub / GitHub Enterprise Server: an organization, named repositories, or the repository origin points to',
  kinds: ['organization', 'repository', 'pipeline', 'container-image', 'secret', 'token', 'environment'],
  options: [{ flags: '--github-org <org>', description: 'scan every repository of a GitHub organization', configKey: 'githubOrg' }],
  configTargets: { githubOrg: z.string().min(1, 'must not be empty') },
  env: { credentials, endpoints: ['GITHUB_API_URL', 'GITHUB_GRAPHQL_URL', 'GITHUB_SERVER_URL'] },
  filtersRepositories: true,
  // `--repo owner/name` means GitHub unless `--provider` names another platform.
  isTargeted: (targets) => targets.repos.length > 0 || typeof targets.options.githubOrg === 'string',
  hasCredential: (env) => credentials.some((name) => !!env[name]),
  recognizesOrigin: (url, env) => remoteHostIs(url, env, ['github.com'], ['GITHUB_SERVER_URL', 'GITHUB_API_URL']),
} as const satisfies ProviderMeta;
