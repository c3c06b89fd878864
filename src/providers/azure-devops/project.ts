import type { Gap, Resource } from '../../model/index.js';
import { z } from 'zod';
import type { AdoClient, Fetched } from './client.js';
import type { OrgContext, PolicyState } from './context.js';
import { environmentResource, listChecks, listEnvironments } from './environments.js';
import { orgId, PROVIDER, repoId, type Scope } from './ids.js';
import { LOCATIONS } from './locations.js';
import { resolveIdentities } from './organization.js';
import { classicPipeline, isAzureRepo, listDefinitions, yamlPathOf } from './pipelines.js';
import { listRepositories } from './repositories.js';
import { collectRepository } from './repository-facts.js';
import { AccessControlList, PolicyConfiguration, type BuildDefinition, type GitRepository, type EnvironmentInstance, type Project, type ServiceEndpoint, type VariableGroup } from './schema.js';
import { listServiceEndpoints, listVariableGroups, serviceConnectionResources, variableGroupSecrets } from './secrets.js';
import { aclKey, GIT_NAMESPACE, GIT_PERMISSIONS } from './security.js';

const Permission = z.boolean();

/** Everything of one project: its lists in parallel, then each repository. */
export async function collectProject(oc: OrgContext, project: Project, onlyRepo: string | undefined): Promise<Resource[]> {
  const { client, scope } = oc;
  const [repos, policies, acls, defs, groups, endpoints, envs] = await Promise.all([
    listRepositories(client, project),
    client.list(LOCATIONS.policyConfigurations, { project: project.id }, {}, PolicyConfiguration, `branch policies of project ${project.name}`),
    client.listRaw(`_apis/accesscontrollists/${GIT_NAMESPACE}`, { token: `repoV2/${project.id}`, recurse: true }, AccessControlList, `Git permissions of project ${project.name}`),
    listDefinitions(client, project),
    // Project-level lists only where they are reported (--shard: shard 1).
    oc.orgLevel ? listVariableGroups(client, project) : undefined,
    oc.orgLevel ? listServiceEndpoints(client, project) : undefined,
    oc.orgLevel ? listEnvironments(client, project) : undefined,
  ]);
  const out: Resource[] = [];
  if (!repos.ok && oc.orgLevel) {
    // Without the repository list there is nothing to attach facts to; say so on a project-level resource.
    out.push({ id: `${orgId(scope)}/${project.name}`, kind: 'repository', provider: PROVIDER, name: project.name, gaps: { '*': repos.gap } });
  }
  const keep = (r: GitRepository) => oc.keepRepository({ fullName: `${project.name}/${r.name}`, name: r.name, archived: r.isDisabled === true, fork: r.isFork === true });
  // The repository origin points to is always read; a project or organization scan is filtered.
  const kept = repos.ok ? repos.value.filter((r) => (onlyRepo ? r.name.toLowerCase() === onlyRepo.toLowerCase() : keep(r))) : [];
  const idOf = (r: GitRepository) => repoId(scope, project.name, r.name);
  const repoList = kept.filter((r) => oc.inShard(idOf(r)));
  const policyState = await policiesVisible(client, project, policies, repoList.length > 0);
  const aclMap = aclIndex(oc.rootAcl, acls);
  await nameIdentities(oc, aclMap);

  const defsByRepo = new Map<string, BuildDefinition[]>();
  if (defs.ok) for (const d of defs.value) if (isAzureRepo(d) && d.repository?.id) defsByRepo.set(d.repository.id.toLowerCase(), [...(defsByRepo.get(d.repository.id.toLowerCase()) ?? []), d]);

  const repoResults = await Promise.all(repoList.map((repo) => collectRepository(oc, project, repo, policyState, aclMap, defs.ok ? (defsByRepo.get(repo.id.toLowerCase()) ?? []) : defs.gap)));
  for (const r of repoResults) out.push(...r);

  if (!defs.ok) {
    if (oc.orgLevel) out.push(placeholder(scope, project, 'build-definitions', 'pipeline', defs.gap));
  } else {
    const repoIds = new Map(kept.map((r) => [r.id.toLowerCase(), idOf(r)]));
    for (const d of defs.value) {
      if (yamlPathOf(d)) continue;
      const repoRef = d.repository?.id ? repoIds.get(d.repository.id.toLowerCase()) : undefined;
      if (onlyRepo && !repoRef) continue;
      // A classic pipeline goes with its repository's shard; one of no scanned repository with the project's.
      if (repoRef ? !oc.inShard(repoRef) : !oc.orgLevel) continue;
      out.push(classicPipeline(scope, project, d, repoRef));
    }
  }
  // A single-repository scan still reports the project's secrets and environments: its pipelines use them.
  if (groups && endpoints && envs) {
    out.push(...projectSecrets(scope, project, groups, endpoints));
    out.push(...(await projectEnvironments(oc, project, envs)));
  }
  return out;
}


/**
 * An empty policy list only means "no policies" when the token can read the repositories'
 * settings; otherwise it may be a view filtered by permissions, which must not pass.
 */
async function policiesVisible(client: AdoClient, project: Project, policies: Fetched<PolicyConfiguration[]>, needed: boolean): Promise<PolicyState> {
  if (!policies.ok) return { ok: false, gap: { ...policies.gap, message: `branch policies: ${policies.gap.message}` } };
  if (policies.value.length > 0 || !needed) return { ok: true, configs: policies.value };
  const probe = await client.listRaw(
    `_apis/permissions/${GIT_NAMESPACE}/${GIT_PERMISSIONS.read}`,
    { tokens: `repoV2/${project.id}`, alwaysAllowAdministrators: true },
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

function projectSecrets(scope: Scope, project: Project, groups: Fetched<VariableGroup[]>, endpoints: Fetched<ServiceEndpoint[]>): Resource[] {
  const out: Resource[] = [];
  if (groups.ok) for (const g of groups.value) out.push(...variableGroupSecrets(scope, project, g));
  else out.push(placeholder(scope, project, 'variable-groups', 'secret', groups.gap));
  if (endpoints.ok) for (const e of endpoints.value) out.push(...serviceConnectionResources(scope, project, e));
  else out.push(placeholder(scope, project, 'service-connections', 'token', endpoints.gap));
  return out;
}

/** A resource that stands for a list we could not read, so that its rules report an error rather than nothing. */
function placeholder(scope: Scope, project: Project, what: string, kind: 'secret' | 'token' | 'environment' | 'pipeline', gap: Gap): Resource {
  const base = { id: `${orgId(scope)}/${project.name}/${what}`, provider: PROVIDER, name: `${project.name}/${what}`, gaps: { '*': gap } };
  if (kind === 'secret') return { ...base, kind, store: what === 'variable-groups' ? 'ado-variable-group' : 'ado-service-connection' };
  if (kind === 'token') return { ...base, kind, tokenType: 'service-connection' };
  if (kind === 'pipeline') return { ...base, kind, platform: 'azure-pipelines' };
  return { ...base, kind };
}

async function projectEnvironments(oc: OrgContext, project: Project, envs: Fetched<EnvironmentInstance[]>): Promise<Resource[]> {
  if (!envs.ok) return [placeholder(oc.scope, project, 'environments', 'environment', envs.gap)];
  return Promise.all(envs.value.map(async (e) => environmentResource(oc.scope, project, e, await listChecks(oc.client, project, e))));
}
