import { UserError } from '../../shared/errors.js';
import type { ProviderImplementation } from '../contract.js';
import type { ProviderAdapter } from '../types.js';
import { collectGitlab } from './collect.js';
import { gitlabDoctor } from './doctor.js';
import { resolveTargets } from './targets.js';

export { meta } from './meta.js';

export const NO_TOKEN = 'gitlab: set GITLAB_TOKEN to a GitLab access token with the read_api scope';

/**
 * GitLab (gitlab.com or self-managed, REST v4 through @gitbeaker/rest): the target group
 * (subgroups included) or the named projects, or the project `origin` points to.
 */
export const implementation: ProviderImplementation = {
  plan(spec, env): ProviderAdapter[] {
    const targets = resolveTargets(spec, env);
    if (!targets) return [];
    const token = env.GITLAB_TOKEN;
    if (!token) throw new UserError(NO_TOKEN);
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
  doctor: gitlabDoctor,
};
