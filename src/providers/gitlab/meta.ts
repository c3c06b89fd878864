import { z } from 'zod';
import type { ProviderMeta } from '../contract.js';
import { remoteHostIs } from '../origin-host.js';

/** GitLab (gitlab.com or self-managed, REST v4 + GraphQL through @gitbeaker/rest). */
export const meta = {
  name: 'gitlab',
  summary: 'GitLab (gitlab.com or self-managed): a group and its subgroups, named projects, or the project origin points to',
  kinds: ['organization', 'repository', 'pipeline', 'container-image', 'secret', 'token', 'environment'],
  options: [{ flags: '--gitlab-group <group>', description: 'scan a GitLab group and its subgroups', configKey: 'gitlabGroup' }],
  configTargets: { gitlabGroup: z.string().min(1, 'must not be empty') },
  env: { credentials: ['GITLAB_TOKEN'], endpoints: ['CI_SERVER_URL', 'GITLAB_URL'] },
  filtersRepositories: true,
  isTargeted: (targets) => typeof targets.options.gitlabGroup === 'string',
  hasCredential: (env) => !!env.GITLAB_TOKEN,
  recognizesOrigin: (url, env) => remoteHostIs(url, env, ['gitlab.com'], ['CI_SERVER_URL', 'GITLAB_URL']),
} as const satisfies ProviderMeta;
