import type { ContainerImage, Gap, Gaps, Pipeline, Repository, Resource } from '../../model/index.js';
import { applyCiImageLabels, summariseCiScans } from '../analysis/index.js';
import type { Fetched } from './client.js';
import type { OrgContext, PolicyState } from './context.js';
import { analyseDockerfiles } from './dockerfiles.js';
import { webhooksFor } from './hooks.js';
import { gapsFor } from './ids.js';
import { analyseYamlDefinition, yamlPathOf } from './pipelines.js';
import { branchProtectionFrom } from './policies.js';
import { baseRepository, listTree, readRepoFile, treeFacts } from './repositories.js';
import type { AccessControlList, BuildDefinition, GitRepository, PolicyConfiguration, Project } from './schema.js';
import { applyBranchSecurity, branchSecurity, branchTokenChain } from './security.js';

/** One repository: protection, webhooks, file facts and its YAML pipelines. */
export async function collectRepository(
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

  const files = new Set(tree.ok ? tree.value : []);
  const cache = new Map<string, Promise<Fetched<string | undefined>>>();
  const read = (path: string) => {
    const clean = path.replace(/^\/+/, '');
    if (tree.ok && !files.has(clean)) return Promise.resolve<Fetched<string | undefined>>({ ok: true, value: undefined });
    let p = cache.get(clean);
    if (!p) cache.set(clean, (p = readRepoFile(client, project, repo, branch, clean)));
    return p;
  };

  const images = await analyseDockerfiles(resource, tree.ok ? tree.value : undefined, read);
  out.push(...images.resources);
  if (images.skippedFiles) resource.skippedFiles = images.skippedFiles;

  if (!Array.isArray(defs)) {
    gapsFor(pipelineFields, { ...defs, message: `pipelines: ${defs.message}` }, gaps);
    return out;
  }
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
  applyCiImageLabels(images.resources.filter((r): r is ContainerImage => r.kind === 'container-image'), pipelines);
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
  applyBranchSecurity(protection, branchSecurity(acls.value, branchTokenChain(project.id, repo.id, branch)), (d) => oc.identityNames.get(d));
  return protection;
}

