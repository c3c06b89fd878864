import type { Gap, Secret } from '../../model/index.js';
import type { Redactor } from '../../shared/redact.js';
import type { GitlabVariable } from './schema.js';

const NO_DATES: Gap = {
  reason: 'unsupported',
  message: 'GitLab records no creation or change date for CI/CD variables, so their age cannot be known',
};

const NO_ROTATION: Gap = { reason: 'unsupported', message: 'GitLab CI/CD variables have no automatic rotation' };

/**
 * CI/CD variables -> secrets. The value is registered with the redactor and dropped; a key
 * defined for several environment scopes gets one resource per scope.
 */
export function variableResources(owner: string, variables: GitlabVariable[], redactor: Redactor): Secret[] {
  const counts = new Map<string, number>();
  for (const v of variables) counts.set(v.key, (counts.get(v.key) ?? 0) + 1);
  return variables.map((v) => {
    if (v.value) redactor.add(v.value);
    const scope = v.environment_scope ?? '*';
    const suffix = (counts.get(v.key) ?? 0) > 1 && scope !== '*' ? `@${scope}` : '';
    return {
      id: `${owner}/variable/${v.key}${suffix}`,
      kind: 'secret',
      provider: 'gitlab',
      name: v.key,
      store: 'gitlab-ci-variable',
      scope: `${owner.slice('gitlab:'.length)} (environments: ${scope})`,
      // Hidden variables are always masked too.
      masked: v.masked || v.hidden === true,
      protected: v.protected,
      dateNote: 'GitLab CI/CD variables carry no timestamps',
      gaps: { lastRotatedAt: NO_DATES, createdAt: NO_DATES, rotationEnabled: NO_ROTATION, rotationIntervalDays: NO_ROTATION },
    } satisfies Secret;
  });
}

/** Stands for variables that could not be listed, so that secret rules report the gap. */
export function unlistedVariables(owner: string, gap: Gap): Secret {
  return {
    id: `${owner}/variable/*`,
    kind: 'secret',
    provider: 'gitlab',
    name: `CI/CD variables of ${owner.slice('gitlab:'.length)}`,
    store: 'gitlab-ci-variable',
    gaps: { '*': gap },
  };
}
