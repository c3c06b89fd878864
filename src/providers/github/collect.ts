import type { Gap, Resource } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import type { CollectContext, CollectResult } from '../types.js';
import { Limiter, mapLimit } from '../http/index.js';
import { GithubClient } from './client.js';
import { fetchRepoDetails } from './graphql.js';
import { repoId } from './ids.js';
import { collectOrganization } from './org.js';
import { filterRepos, getRepo, listOrgRepos, type RepoRef } from './repos.js';
import { collectRepository } from './repository.js';
import type { GithubSettings } from './settings.js';
import { collectsOrgLevel } from '../shard.js';

/** GitHub's most ids per `nodes` query: the throttling plugin starts GraphQL queries 1 s apart, so fewer queries is less wall time. */
const GRAPHQL_BATCH = 100;

function unreachable(owner: string, name: string, gap: Gap): Resource {
  return { id: repoId(owner, name), kind: 'repository', provider: 'github', platform: 'github', name: `${owner}/${name}`, gaps: { '*': gap } };
}

export async function collectGithub(settings: GithubSettings, ctx: CollectContext): Promise<CollectResult> {
  const client = await GithubClient.create(settings, { redactor: ctx.redactor, debug: ctx.debug, cacheDir: ctx.cacheDir, signal: ctx.signal, env: ctx.env });
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const target = settings.target;

  let refs: RepoRef[] = [];
  let orgWorkflowPermissions: 'read' | 'write' | undefined;
  if (target.kind === 'org') {
    ctx.progress.update(`github: reading organization ${target.org}`);
    const [org, listed] = await Promise.all([collectOrganization(client, target.org, settings.host, settings.explicit), listOrgRepos(client, target.org)]);
    if (collectsOrgLevel(settings.shard)) resources.push(org.organization, ...org.secrets, ...org.tokens);
    for (const note of org.notes) ctx.debug(`github: ${note}`);
    orgWorkflowPermissions = org.defaultWorkflowPermissions;
    if (listed.ok) refs = filterRepos(listed.value, settings);
    else {
      org.organization.gaps = { ...org.organization.gaps, repositories: listed.gap };
      diagnostics.push({ severity: 'error', message: `github: cannot list repositories of ${target.org}: ${listed.gap.message}` });
    }
  } else {
    const fetched = await mapLimit(target.repos, settings.concurrency, async (r) => ({ r, res: await getRepo(client, r.owner, r.name) }));
    for (const { r, res } of fetched) {
      if (res.ok) refs.push(res.value);
      else {
        resources.push(unreachable(r.owner, r.name, res.gap));
        diagnostics.push({ severity: 'error', message: `github: cannot read ${r.owner}/${r.name}: ${res.gap.message}` });
      }
    }
  }

  ctx.progress.update(`github: ${refs.length} repositories: reading settings`);
  // Pipelined: each GraphQL batch's repositories start their REST work while the next batch loads.
  const limiter = new Limiter(settings.concurrency, ctx.signal);
  const tasks: Promise<Resource[]>[] = [];
  let done = 0;
  for (let i = 0; i < refs.length; i += GRAPHQL_BATCH) {
    const batch = refs.slice(i, i + GRAPHQL_BATCH);
    const details = await fetchRepoDetails(client, batch, settings.explicit);
    for (const ref of batch) {
      tasks.push(
        limiter.run(async () => {
          const res = await collectRepository({ client, explicit: settings.explicit, orgWorkflowPermissions }, ref, details.get(ref.nodeId));
          done++;
          if (done % 25 === 0) ctx.progress.update(`github: ${done}/${refs.length} repositories`);
          return res;
        }),
      );
    }
  }
  for (const list of await Promise.all(tasks)) resources.push(...list);

  const s = client.stats;
  const stats: Record<string, number | string> = {
    'github.repositories': refs.length,
    'github.requests': s.requests,
    'github.notModified': s.notModified,
    'github.rateLimitUsed': s.restPoints + s.graphqlPoints,
    'github.restPoints': s.restPoints,
    'github.graphqlPoints': s.graphqlPoints,
    'github.retries': s.retries,
  };
  if (s.rateLimitRemaining !== undefined) stats['github.rateLimitRemaining'] = s.rateLimitRemaining;
  return { resources, diagnostics, stats };
}
