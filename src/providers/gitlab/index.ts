import { UserError } from '../../shared/errors.js';
import type { ProviderAdapter, ProviderEntry } from '../types.js';
import { collectGitlab } from './collect.js';
import { resolveTargets } from './targets.js';

/**
 * GitLab (gitlab.com or self-managed, REST v4 through @gitbeaker/rest): the target group
 * (subgroups included) or the named projects, or the project `origin` points to.
 */
export const gitlabProvider: ProviderEntry = {
  name: 'gitlab',
  kinds: ['organization', 'repository', 'pipeline', 'container-image', 'secret', 'token', 'environment'],
  plan(spec, env): ProviderAdapter[] {
    const targets = resolveTargets(spec, env);
    if (!targets) return [];
    const token = env.GITLAB_TOKEN;
    if (!token) throw new UserError('gitlab: set GITLAB_TOKEN to a GitLab access token with the read_api scope');
    const host = targets.baseUrl.replace(/^https?:\/\//, '');
    const label = targets.group ? `${host}/${targets.group}` : targets.projects.map((p) => `${host}/${p}`).join(', ');
    return [
      {
        name: 'gitlab',
        target: label,
        collect: (ctx) => collectGitlab(ctx, { token, targets, explicit: spec.explicit }),
      },
    ];
  },
};
