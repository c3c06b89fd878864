import type { Gap, Gaps } from '../../model/index.js';

/** Resource ids: `azure-devops:<org>[/<project>[/<repo>]]/…`. */
export interface Scope {
  org: string;
  orgUrl: string;
  explicit: boolean;
}

export const PROVIDER = 'azure-devops';

export function orgId(scope: Scope): string {
  return `${PROVIDER}:${scope.org}`;
}

export function projectId(scope: Scope, project: string): string {
  return `${orgId(scope)}/${project}`;
}

export function repoId(scope: Scope, project: string, repo: string): string {
  return `${projectId(scope, project)}/${repo}`;
}

/** Adds the same gap to several fields. */
export function gapsFor(fields: string[], gap: Gap, into: Gaps = {}): Gaps {
  for (const f of fields) into[f] = gap;
  return into;
}

/** Clears userinfo, query and fragment (where tokens hide) from `u`, in place; returns it. */
export function withoutCredentials(u: URL): URL {
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  return u;
}

/** Web links can carry credentials (`https://user@host/…`): drop userinfo, query and fragment. */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return withoutCredentials(new URL(value)).toString();
  } catch {
    return undefined;
  }
}
