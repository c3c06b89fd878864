import type { Gap, Resource } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import type { CollectContext, CollectResult } from '../types.js';
import { AdoClient } from './client.js';
import type { OrgContext } from './context.js';
import { listSubscriptions } from './hooks.js';
import { orgId, PROVIDER, type Scope } from './ids.js';
import { LOCATIONS } from './locations.js';
import { collectOrganization } from './organization.js';
import { collectProject } from './project.js';
import { AccessControlList, Project } from './schema.js';
import { GIT_NAMESPACE } from './security.js';
import type { AdoTarget } from './target.js';
import { repositoryFilter } from '../repository-filter.js';
import { collectsOrgLevel, inShard } from '../shard.js';

export interface CollectOptions {
  concurrency?: number;
  maxWaitMs?: number;
}

export async function collectAzureDevOps(target: AdoTarget, explicit: boolean, ctx: CollectContext, options: CollectOptions = {}): Promise<CollectResult> {
  ctx.redactor.add(target.token);
  const scope: Scope = { org: target.org, orgUrl: target.orgUrl.replace(/\/+$/, ''), explicit };
  const client = new AdoClient({
    orgUrl: scope.orgUrl,
    token: target.token,
    bearer: target.bearer,
    explicit,
    concurrency: options.concurrency,
    maxWaitMs: options.maxWaitMs,
    env: ctx.env,
    signal: ctx.signal,
    debug: (m) => ctx.debug(m),
  });
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    const conn = await client.connectionData();
    if (!conn.ok) {
      const auth = conn.status === 401 || conn.status === 203;
      // Name the variable (never the value) when the token is what failed.
      diagnostics.push({ severity: 'error', message: ctx.redactor.redact(`${auth ? target.tokenVar : 'azure-devops'}: ${conn.message}`) });
      const gap: Gap = { reason: auth ? 'unauthenticated' : 'error', message: ctx.redactor.redact(conn.message) };
      resources.push({ id: orgId(scope), kind: 'organization', provider: PROVIDER, name: scope.org, platform: 'azure-devops', url: scope.orgUrl, gaps: { '*': gap } });
      return { resources, diagnostics, stats: statsOf(client) };
    }
    ctx.progress.update(`azure-devops: reading ${scope.org}`);
    // --shard: the organization and project-level resources in shard 1 only (orgLevel), this
    // shard's repositories only, chosen before any per-repository request (a single repository named by the origin is not sharded).
    const shard = target.repo ? undefined : target.filters.shard;
    const orgLevel = collectsOrgLevel(shard);
    const [org, projects, hooks, rootAcl] = await Promise.all([
      orgLevel ? collectOrganization(client, scope) : undefined,
      client.list(LOCATIONS.projects, {}, { stateFilter: 'wellFormed' }, Project, 'projects'),
      listSubscriptions(client),
      client.listRaw(`_apis/accesscontrollists/${GIT_NAMESPACE}`, { token: 'repoV2', recurse: false }, AccessControlList, 'Git permissions of the organization'),
    ]);
    if (org) resources.push(org);
    if (!projects.ok) {
      diagnostics.push({ severity: 'error', message: `azure-devops ${scope.org}: ${projects.gap.message}` });
      return { resources, diagnostics, stats: statsOf(client) };
    }
    let selected = projects.value;
    if (target.project) {
      selected = selected.filter((p) => p.name.toLowerCase() === target.project!.toLowerCase() || p.id === target.project);
      if (!selected.length) diagnostics.push({ severity: 'error', message: `azure-devops ${scope.org}: project '${target.project}' does not exist or is not visible to the token` });
    }
    const orgCtx: OrgContext = { scope, client, hooks, rootAcl, identityNames: new Map(), keepRepository: repositoryFilter(target.filters), orgLevel, inShard: (id) => inShard(id, shard) };
    for (const project of selected) {
      ctx.progress.update(`azure-devops: project ${project.name}`);
      resources.push(...(await collectProject(orgCtx, project, target.repo)));
    }
    if (target.repo && !resources.some((r) => r.kind === 'repository')) {
      diagnostics.push({ severity: 'warning', message: `azure-devops ${scope.org}: repository '${target.repo}' was not found in project '${target.project ?? ''}'` });
    }
    return { resources, diagnostics, stats: statsOf(client) };
  } finally {
    await client.dispose();
  }
}

function statsOf(client: AdoClient): Record<string, number> {
  return { ...client.stats };
}

