import type { Gap, Gaps, Pipeline, Repository, Resource } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import { summariseCiScans } from '../analysis/index.js';
import type { CollectContext, CollectResult } from '../types.js';
import { AdoClient, type Fetched } from './client.js';
import { environmentResource, listChecks, listEnvironments } from './environments.js';
import { listSubscriptions, webhooksFor } from './hooks.js';
import { gapsFor, orgId, PROVIDER, type Scope } from './ids.js';
import { LOCATIONS } from './locations.js';
import { collectOrganization, resolveIdentities } from './organization.js';
import { analyseYamlDefinition, classicPipeline, isAzureRepo, listDefinitions, yamlPathOf } from './pipelines.js';
import { branchProtectionFrom } from './policies.js';
import { baseRepository, listRepositories, listTree, readRepoFile, treeFacts } from './repositories.js';
import {
  AccessControlList,
  PolicyConfiguration,
  Project,
  type BuildDefinition,
  type EnvironmentInstance,
  type GitRepository,
  type HookSubscription,
  type ServiceEndpoint,
  type VariableGroup,
} from './schema.js';
import { serviceConnectionResources, listServiceEndpoints, listVariableGroups, variableGroupSecrets } from './secrets.js';
import { aclKey, branchSecurity, branchTokenChain, GIT_NAMESPACE, GIT_PERMISSIONS } from './security.js';
import type { AdoTarget } from './target.js';
import { z } from 'zod';

export interface CollectOptions {
  concurrency?: number;
  maxWaitMs?: number;
}

/** What the org-wide requests returned, shared by every project. */
interface OrgContext {
  scope: Scope;
  client: AdoClient;
  hooks: Fetched<HookSubscription[]>;
  rootAcl: Fetched<AccessControlList[]>;
  identityNames: Map<string, string>;
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
    signal: ctx.signal,
    debug: (m) => ctx.debug(m),
  });
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    const conn = await client.connectionData();
    if (!conn.ok) {
      diagnostics.push({ severity: 'error', message: ctx.redactor.redact(`${target.tokenVar}: ${conn.message}`) });
      const gap: Gap = { reason: conn.status === 401 || conn.status === 203 ? 'unauthenticated' : 'error', message: conn.message };
      resources.push({ id: orgId(scope), kind: 'organization', provider: PROVIDER, name: scope.org, platform: 'azure-devops', url: scope.orgUrl, gaps: { '*': gap } });
      return { resources, diagnostics, stats: statsOf(client) };
    }
    ctx.progress.update(`azure-devops: reading ${scope.org}`);
    const [org, projects, hooks, rootAcl] = await Promise.all([
      collectOrganization(client, scope),
      client.list(LOCATIONS.projects, {}, { stateFilter: 'wellFormed' }, Project, 'projects'),
      listSubscriptions(client),
      client.listRaw(`_apis/accesscontrollists/${GIT_NAMESPACE}`, { token: 'repoV2', recurse: false }, AccessControlList, 'Git permissions of the organization'),
    ]);
    resources.push(org);
    if (!projects.ok) {
      diagnostics.push({ severity: 'error', message: `azure-devops ${scope.org}: ${projects.gap.message}` });
      return { resources, diagnostics, stats: statsOf(client) };
    }
    let selected = projects.value;
    if (target.project) {
      selected = selected.filter((p) => p.name.toLowerCase() === target.project!.toLowerCase() || p.id === target.project);
      if (!selected.length) diagnostics.push({ severity: 'error', message: `azure-devops ${scope.org}: project '${target.project}' does not exist or is not visible to the token` });
    }
    const orgCtx: OrgContext = { scope, client, hooks, rootAcl, identityNames: new Map() };
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

const Permission = z.boolean();

async function collectProject(oc: OrgContext, project: Project, onlyRepo: string | undefined): Promise<Resource[]> {
  const { client, scope } = oc;
  const [repos, policies, acls, defs, groups, endpoints, envs] = await Promise.all([
    listRepositories(client, project),
    client.list(LOCATIONS.policyConfigurations, { project: project.id }, {}, PolicyConfiguration, `branch policies of project ${project.name}`),
    client.listRaw(`_apis/accesscontrollists/${GIT_NAMESPACE}`, { token: `repoV2/${project.id}`, recurse: true }, AccessControlList, `Git permissions of project ${project.name}`),
    listDefinitions(client, project),
    listVariableGroups(client, project),
    listServiceEndpoints(client, project),
    listEnvironments(client, project),
  ]);
  const out: Resource[] = [];
  if (!repos.ok) {
    // Without the repository list there is nothing to attach facts to; say so on a project-level resource.
    out.push({ id: `${orgId(scope)}/${project.name}`, kind: 'repository', provider: PROVIDER, name: project.name, gaps: { '*': repos.gap } });
  }
  const repoList = repos.ok ? repos.value.filter((r) => !onlyRepo || r.name.toLowerCase() === onlyRepo.toLowerCase()) : [];
  const policyState = await policiesVisible(client, project, policies, repoList.length > 0);
  const aclMap = aclIndex(oc.rootAcl, acls);
  await nameIdentities(oc, aclMap);

  const defsByRepo = new Map<string, BuildDefinition[]>();
  if (defs.ok) for (const d of defs.value) if (isAzureRepo(d) && d.repository?.id) defsByRepo.set(d.repository.id.toLowerCase(), [...(defsByRepo.get(d.repository.id.toLowerCase()) ?? []), d]);

  const repoResults = await Promise.all(repoList.map((repo) => collectRepository(oc, project, repo, policyState, aclMap, defs.ok ? (defsByRepo.get(repo.id.toLowerCase()) ?? []) : defs.gap)));
  for (const r of repoResults) out.push(...r);

  if (defs.ok) {
    const repoIds = new Map(repoList.map((r) => [r.id.toLowerCase(), `${orgId(scope)}/${project.name}/${r.name}`]));
    for (const d of defs.value) {
      if (yamlPathOf(d)) continue;
      const repoRef = d.repository?.id ? repoIds.get(d.repository.id.toLowerCase()) : undefined;
      if (onlyRepo && !repoRef) continue;
      out.push(classicPipeline(scope, project, d, repoRef));
    }
  }
  // A single-repository scan still reports the project's secrets and environments: its pipelines use them.
  out.push(...projectSecrets(scope, project, groups, endpoints));
  out.push(...(await projectEnvironments(oc, project, envs)));
  return out;
}

type PolicyState = { ok: true; configs: PolicyConfiguration[] } | { ok: false; gap: Gap };

/**
 * An empty policy list only means "no policies" when the token can read the repositories'
 * settings; otherwise it may be a view filtered by permissions, which must not pass.
 */
async function policiesVisible(client: AdoClient, project: Project, policies: Fetched<PolicyConfiguration[]>, needed: boolean): Promise<PolicyState> {
  if (!policies.ok) return { ok: false, gap: { ...policies.gap, message: `branch policies: ${policies.gap.message}` } };
  if (policies.value.length > 0 || !needed) return { ok: true, configs: policies.value };
  const probe = await client.listRaw(
    `_apis/permissions/${GIT_NAMESPACE}/${GIT_PERMISSIONS.read}`,
    { tokens: `repoV2/${project.id}`, alwaysAllowAdministrators: false },
    Permission,
    `Git read permission in project ${project.name}`,
  );
  if (probe.ok && probe.value.every(Boolean)) return { ok: true, configs: [] };
  const gap: Gap = probe.ok
    ? { reason: 'forbidden', message: `branch policies of project ${project.name}: the list is empty and the token cannot read the repositories' settings` }
    : { ...probe.gap, message: `branch policies of project ${project.name} came back empty and the permission check failed: ${probe.gap.message}` };
  return { ok: false, gap };
}

function aclIndex(root: Fetched<AccessControlList[]>, project: Fetched<AccessControlList[]>): Fetched<Map<string, AccessControlList>> {
  if (!root.ok) return root;
  if (!project.ok) return project;
  return { ok: true, value: new Map([...root.value, ...project.value].map((a) => [aclKey(a.token), a])) };
}

/** Turns ACE descriptors into display names for bypassActors (one lookup per 50 new descriptors). */
async function nameIdentities(oc: OrgContext, acls: Fetched<Map<string, AccessControlList>>): Promise<void> {
  if (!acls.ok) return;
  const wanted = new Set<string>();
  for (const acl of acls.value.values()) {
    for (const ace of Object.values(acl.acesDictionary ?? {})) {
      const bits = GIT_PERMISSIONS.forcePush | GIT_PERMISSIONS.policyExempt | GIT_PERMISSIONS.pullRequestBypassPolicy;
      if (ace.allow & bits && !oc.identityNames.has(ace.descriptor)) wanted.add(ace.descriptor);
    }
  }
  if (!wanted.size) return;
  const found = await resolveIdentities(oc.client, [...wanted]);
  if (!found.ok) return;
  for (const id of found.value) if (id.providerDisplayName) oc.identityNames.set(id.descriptor, id.providerDisplayName);
}

async function collectRepository(
  oc: OrgContext,
  project: Project,
  repo: GitRepository,
  policies: PolicyState,
  acls: Fetched<Map<string, AccessControlList>>,
  defs: BuildDefinition[] | Gap,
): Promise<Resource[]> {
  const { client, scope } = oc;
  const resource = baseRepository(scope, project, repo);
  const gaps = resource.gaps as Gaps;
  const out: Resource[] = [resource];
  const branch = resource.defaultBranch;

  if (oc.hooks.ok) resource.webhooks = webhooksFor(oc.hooks.value, project.id, repo.id);
  else gaps.webhooks = { ...oc.hooks.gap, message: `service hooks: ${oc.hooks.gap.message}` };

  const treeFields = ['buildsImages', 'hasIac', 'securityPolicy', 'envFilesCommitted'];
  const pipelineFields = ['ciScans', 'pipelineFiles'];
  if (!branch || repo.isDisabled) {
    const gap: Gap = repo.isDisabled
      ? { reason: 'not-applicable', message: 'the repository is disabled; its contents cannot be read' }
      : { reason: 'not-applicable', message: 'the repository is empty (no default branch)' };
    gapsFor([...treeFields, ...pipelineFields], gap, gaps);
    if (repo.isDisabled && branch) gaps.branchProtection = gap;
    return out;
  }

  if (policies.ok) resource.branchProtection = protectionWithSecurity(oc, project, repo, branch, policies.configs, acls, gaps);
  else gaps.branchProtection = policies.gap;

  const tree = await listTree(client, project, repo, branch);
  if (tree.ok) Object.assign(resource, treeFacts(tree.value));
  else gapsFor(treeFields, tree.gap, gaps);

  if (!Array.isArray(defs)) {
    gapsFor(pipelineFields, { ...defs, message: `pipelines: ${defs.message}` }, gaps);
    return out;
  }
  const files = new Set(tree.ok ? tree.value : []);
  const cache = new Map<string, Promise<Fetched<string | undefined>>>();
  const read = (path: string) => {
    const clean = path.replace(/^\/+/, '');
    if (tree.ok && !files.has(clean)) return Promise.resolve<Fetched<string | undefined>>({ ok: true, value: undefined });
    let p = cache.get(clean);
    if (!p) cache.set(clean, (p = readRepoFile(client, project, repo, branch, clean)));
    return p;
  };
  const byPath = new Map<string, BuildDefinition[]>();
  for (const d of defs) {
    const path = yamlPathOf(d);
    if (path) byPath.set(path, [...(byPath.get(path) ?? []), d]);
  }
  const pipelines: Pipeline[] = [];
  const failures: Gap[] = [];
  for (const [path, ds] of byPath) {
    const text = await read(path);
    if (!text.ok) {
      failures.push({ ...text.gap, message: `pipeline ${path}: ${text.gap.message}` });
      continue;
    }
    if (text.value === undefined) {
      failures.push({ reason: 'not-found', message: `pipeline ${path} is referenced by definition ${ds[0]?.name ?? ''} but missing on ${branch}`, outcome: 'error' });
      continue;
    }
    const readFile = async (p: string) => {
      const r = await read(p);
      return r.ok ? r.value : undefined;
    };
    pipelines.push(await analyseYamlDefinition(scope, project, resource.id, path, text.value, ds, readFile));
  }
  out.push(...pipelines);
  resource.pipelineFiles = pipelines.map((p) => p.path ?? p.name);
  if (failures.length) gapsFor(['ciScans'], failures[0] as Gap, gaps);
  else resource.ciScans = summariseCiScans(pipelines);
  return out;
}

function protectionWithSecurity(
  oc: OrgContext,
  project: Project,
  repo: GitRepository,
  branch: string,
  configs: PolicyConfiguration[],
  acls: Fetched<Map<string, AccessControlList>>,
  gaps: Gaps,
): Repository['branchProtection'] {
  const protection = branchProtectionFrom(configs, repo.id, `refs/heads/${branch}`);
  const securityFields = ['branchProtection.forcePushAllowed', 'branchProtection.deletionAllowed', 'branchProtection.adminsIncluded', 'branchProtection.bypassActors'];
  if (!acls.ok) {
    gapsFor(securityFields, { ...acls.gap, message: `branch security: ${acls.gap.message}` }, gaps);
    return protection;
  }
  const sec = branchSecurity(acls.value, branchTokenChain(project.id, repo.id, branch));
  // "Force push" in Azure Repos also grants deleting the branch.
  protection.forcePushAllowed = sec.forcePush.length > 0;
  protection.deletionAllowed = sec.forcePush.length > 0;
  protection.adminsIncluded = sec.bypass.length === 0;
  protection.bypassActors = sec.bypass.map((b) => ({ type: 'identity', name: oc.identityNames.get(b.descriptor) ?? b.descriptor, mode: b.mode }));
  return protection;
}

function projectSecrets(scope: Scope, project: Project, groups: Fetched<VariableGroup[]>, endpoints: Fetched<ServiceEndpoint[]>): Resource[] {
  const out: Resource[] = [];
  if (groups.ok) for (const g of groups.value) out.push(...variableGroupSecrets(scope, project, g));
  else out.push(placeholder(scope, project, 'variable-groups', 'secret', groups.gap));
  if (endpoints.ok) for (const e of endpoints.value) out.push(...serviceConnectionResources(scope, project, e));
  else out.push(placeholder(scope, project, 'service-connections', 'token', endpoints.gap));
  return out;
}

/** A resource that stands for a list we could not read, so that its rules report an error rather than nothing. */
function placeholder(scope: Scope, project: Project, what: string, kind: 'secret' | 'token' | 'environment', gap: Gap): Resource {
  const base = { id: `${orgId(scope)}/${project.name}/${what}`, provider: PROVIDER, name: `${project.name}/${what}`, gaps: { '*': gap } };
  if (kind === 'secret') return { ...base, kind, store: what === 'variable-groups' ? 'ado-variable-group' : 'ado-service-connection' };
  if (kind === 'token') return { ...base, kind, tokenType: 'service-connection' };
  return { ...base, kind };
}

async function projectEnvironments(oc: OrgContext, project: Project, envs: Fetched<EnvironmentInstance[]>): Promise<Resource[]> {
  if (!envs.ok) return [placeholder(oc.scope, project, 'environments', 'environment', envs.gap)];
  return Promise.all(envs.value.map(async (e) => environmentResource(oc.scope, project, e, await listChecks(oc.client, project, e))));
}
