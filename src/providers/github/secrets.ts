import type { Gap, Secret } from '../../model/index.js';
import type { GithubClient } from './client.js';
import { idSegment } from './ids.js';
import type { AccessArea } from './permissions.js';
import { ActionsSecretList } from './schema.js';

export interface SecretsResult {
  secrets: Secret[];
  gap?: Gap;
}

/** Actions secrets of a repository (`scope: repo`) or one of its environments (`environment:<name>`). */
export async function collectSecrets(
  client: GithubClient,
  where: { owner: string; repo: string; repoId: string; htmlUrl: string; environment?: string },
): Promise<SecretsResult> {
  const env = where.environment;
  const area: AccessArea = env === undefined ? 'secrets' : 'envSecrets';
  const res =
    env === undefined
      ? await client.list(area, 'GET /repos/{owner}/{repo}/actions/secrets', { owner: where.owner, repo: where.repo }, ActionsSecretList, 'secrets')
      : await client.list(
          area,
          'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets',
          { owner: where.owner, repo: where.repo, environment_name: env },
          ActionsSecretList,
          'secrets',
        );
  const prefix = env === undefined ? where.repoId : `${where.repoId}/environment/${idSegment(env)}`;
  if (!res.ok) return { secrets: [unknownSecrets(prefix, `Actions secrets of ${where.owner}/${where.repo}${env === undefined ? '' : ` environment ${env}`}`, env === undefined ? 'repo' : `environment:${env}`, res.gap)], gap: res.gap };
  return {
    secrets: res.value.map((s) => actionsSecret(prefix, s, env === undefined ? 'repo' : `environment:${env}`, `${where.htmlUrl}/settings/secrets/actions`)),
  };
}

/** One listed Actions secret: its name and dates (the API never returns a value). */
export function actionsSecret(prefix: string, s: { name: string; created_at: string; updated_at: string }, scope: string, url: string): Secret {
  return {
    id: `${prefix}/secret/${idSegment(s.name)}`,
    kind: 'secret',
    provider: 'github',
    name: s.name,
    store: 'github-actions',
    scope,
    createdAt: s.created_at,
    lastRotatedAt: s.updated_at,
    url,
  };
}

/**
 * Stands in for secrets we could not list, so that secret rules report skip/error with the
 * reason instead of silently evaluating nothing.
 */
export function unknownSecrets(prefix: string, name: string, scope: string, gap: Gap): Secret {
  return { id: `${prefix}/secrets`, kind: 'secret', provider: 'github', name, store: 'github-actions', scope, gaps: { '*': gap } };
}
