import type { Diagnostic } from '../../shared/errors.js';
import type { Resource } from '../../model/index.js';
import type { CollectContext, CollectResult } from '../types.js';
import { mapLimit } from '../http/index.js';
import { fetchValidated } from './call.js';
import { DEFAULT_CONCURRENCY, createGitlabClient, type ClientOptions } from './client.js';
import { repositoryFilter } from '../repository-filter.js';
import { schedulePrefetch } from './graphql.js';
import { collectOrganization, fetchGroup, fetchGroupMembers } from './group.js';
import { collectProject } from './project.js';
import type { Run } from './run.js';
import { AccessTokenSchema, DeployTokenSchema, ProjectSchema, VariableSchema, listOf, type GitlabProject } from './schema.js';
import type { GitlabTargets } from './targets.js';
import { collectsOrgLevel, inShard } from '../shard.js';
import { accessTokenResource, deployTokenResource, isLiveToken, unlistedTokens } from './tokens.js';
import { unlistedVariables, variableResources } from './variables.js';

export interface CollectOptions extends Pick<ClientOptions, 'maxConcurrency' | 'maxRetries' | 'maxWaitMs' | 'timeoutMs'> {
  token: string;
  targets: GitlabTargets;
  explicit: boolean;
}

export async function collectGitlab(ctx: CollectContext, options: CollectOptions): Promise<CollectResult> {
  ctx.redactor.add(options.token);
  const client = createGitlabClient({ ...options, baseUrl: options.targets.baseUrl, env: ctx.env, signal: ctx.signal, debug: (m) => ctx.debug(m) });
  const run: Run = {
    client,
    explicit: options.explicit,
    now: ctx.now,
    redactor: ctx.redactor,
    signal: ctx.signal,
    debug: (m) => ctx.debug(m),
    premiumUnavailable: new Map(),
    topGroupMembers: new Map(),
    premiumConfirmed: new Map(),
    prefetched: new Map(),
  };
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const projects: GitlabProject[] = [];
  const { group, projects: projectPaths } = options.targets;

  if (group) {
    // Named projects are always read; the filters apply to what the group scan finds. --shard:
    // org-level resources in shard 1 only; this shard's projects only, before any per-project request.
    const keep = repositoryFilter(options.targets.filters ?? {});
    const shard = options.targets.filters?.shard;
    const orgLevel: Resource[] = [];
    const found = await collectGroup(run, group, orgLevel, diagnostics);
    if (collectsOrgLevel(shard)) resources.push(...orgLevel);
    projects.push(
      ...found.filter(
        (p) =>
          keep({ fullName: p.path_with_namespace, name: p.path_with_namespace.split('/').pop() ?? p.name, archived: p.archived === true, fork: !!p.forked_from_project }) &&
          inShard(`gitlab:${p.path_with_namespace}`, shard),
      ),
    );
  }
  for (const path of projectPaths) {
    const project = await fetchValidated(run, `project ${path}`, ProjectSchema, () => client.projects.show(path), 'Reporter role');
    if (project.ok) projects.push(project.value);
    else {
      diagnostics.push({ severity: 'error', message: `gitlab: ${project.gap.message}` });
      resources.push({ id: `gitlab:${path}`, kind: 'repository', provider: 'gitlab', name: path, gaps: { '*': project.gap } });
    }
  }

  const unique = [...new Map(projects.map((p) => [p.id, p])).values()];
  // Members, variables, branch rules, push rule, tree and CI file: 20 projects per GraphQL request.
  schedulePrefetch(
    run,
    unique.map((p) => p.path_with_namespace),
  );
  let done = 0;
  // Projects in flight = request slots: each project waits on short chains (tree -> file -> include).
  await mapLimit(unique, options.maxConcurrency ?? DEFAULT_CONCURRENCY, async (project) => {
    resources.push(...(await collectProject(run, project)));
    done += 1;
    ctx.progress.update(`gitlab: ${done}/${unique.length} projects`);
  });

  resources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const premium = [...run.premiumUnavailable.values()].flatMap((s) => [...s]);
  return {
    resources,
    diagnostics,
    stats: {
      projects: unique.length,
      requests: client.stats.requests,
      requestsPerProject: unique.length ? Math.round((client.stats.requests / unique.length) * 100) / 100 : 0,
      retries: client.stats.retries,
      rateLimitWaits: client.stats.rateLimitWaits,
      rateLimitWaitMs: client.stats.rateLimitWaitMs,
      rateLimitRemaining: client.stats.rateLimitRemaining,
      premiumUnavailable: [...new Set(premium)].sort().join(',') || 'none',
    },
  };
}

/** The group as an organization, its own tokens and variables, and every project below it (subgroups included). */
async function collectGroup(run: Run, path: string, resources: Resource[], diagnostics: Diagnostic[]): Promise<GitlabProject[]> {
  const groupId = `gitlab:${path}`;
  const fetched = await fetchGroup(run, path);
  if (!fetched.ok) {
    diagnostics.push({ severity: 'error', message: `gitlab: ${fetched.gap.message}` });
    resources.push({ id: groupId, kind: 'organization', provider: 'gitlab', name: path, gaps: { '*': fetched.gap } });
    return [];
  }
  const group = fetched.value;
  const c = run.client;
  const members = await fetchGroupMembers(run, group.id, path);
  if (group.parent_id === null || group.parent_id === undefined) {
    run.topGroupMembers.set(path, Promise.resolve(members.ok ? { ok: true, value: new Set(members.value.map((m) => m.username)) } : members));
  }
  const [org, tokens, deployTokens, variables, projects] = await Promise.all([
    collectOrganization(run, { group, members }),
    fetchValidated(run, `group access tokens of ${path}`, listOf(AccessTokenSchema), () => c.groupAccessTokens.all(group.id, { perPage: 100 }), 'Owner role'),
    fetchValidated(run, `deploy tokens of ${path}`, listOf(DeployTokenSchema), () => c.deployTokens.all({ groupId: group.id, perPage: 100 }), 'Maintainer role'),
    fetchValidated(run, `CI/CD variables of ${path}`, listOf(VariableSchema), () => c.groupVariables.all(group.id, { perPage: 100 }), 'Maintainer role'),
    fetchValidated(run, `projects of ${path}`, listOf(ProjectSchema), () =>
      c.groups.allProjects(group.id, { includeSubgroups: true, withShared: false, perPage: 100, orderBy: 'id', sort: 'asc' } as never),
    ),
  ]);
  resources.push(org);
  resources.push(...(tokens.ok ? tokens.value.filter(isLiveToken).map((t) => accessTokenResource(groupId, 'group', t)) : [unlistedTokens(groupId, 'group access tokens', tokens.gap)]));
  resources.push(...(deployTokens.ok ? deployTokens.value.filter(isLiveToken).map((t) => deployTokenResource(groupId, t)) : [unlistedTokens(groupId, 'deploy tokens', deployTokens.gap)]));
  resources.push(...(variables.ok ? variableResources(groupId, variables.value, run.redactor) : [unlistedVariables(groupId, variables.gap)]));
  if (!projects.ok) {
    diagnostics.push({ severity: 'error', message: `gitlab: ${projects.gap.message}` });
    org.gaps = { ...org.gaps, repositories: projects.gap };
    return [];
  }
  return projects.value;
}
