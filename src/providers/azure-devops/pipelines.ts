import type { Pipeline } from '../../model/index.js';
import { analysePipelineFile, type ReadFile } from '../analysis/index.js';
import type { AdoClient, Fetched } from './client.js';
import { projectId, PROVIDER, type Scope } from './ids.js';
import { LOCATIONS } from './locations.js';
import { BuildDefinition, type Project } from './schema.js';

/** Build definitions with process, repository and variables (includeAllProperties), every page. */
export async function listDefinitions(client: AdoClient, project: Project): Promise<Fetched<BuildDefinition[]>> {
  return client.list(LOCATIONS.buildDefinitions, { project: project.id }, { includeAllProperties: true }, BuildDefinition, `build definitions of project ${project.name}`);
}

/** process.type 2 = YAML, 1 = classic designer. */
export function yamlPathOf(def: BuildDefinition): string | undefined {
  if (def.process?.type !== 2 || !def.process.yamlFilename) return undefined;
  return def.process.yamlFilename.replace(/\\/g, '/').replace(/^\/+/, '');
}

export function isAzureRepo(def: BuildDefinition): boolean {
  return (def.repository?.type ?? '').toLowerCase() === 'tfsgit';
}

const SECRET_NAME = /(pass(word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|conn(ection)?[_-]?str(ing)?|credential|sas[_-]?key)/i;

/** Variables defined on the definition (UI variables) that look like secrets but are stored in clear. */
export function plaintextVariables(def: BuildDefinition): { key: string }[] {
  const out: { key: string }[] = [];
  for (const [name, v] of Object.entries(def.variables ?? {})) {
    if (v.isSecret === true || !SECRET_NAME.test(name)) continue;
    const value = (v.value ?? '').trim();
    // An empty value or a pure reference to another variable holds no secret.
    if (!value || /^\$\([^)]*\)$/.test(value) || /^\$\{\{[^}]*\}\}$/.test(value)) continue;
    out.push({ key: `variables.${name}` });
  }
  return out;
}

/** Runs a YAML definition's file through the shared analyser and adds the definition's UI variables. */
export async function analyseYamlDefinition(
  scope: Scope,
  project: Project,
  repoResourceId: string,
  path: string,
  text: string,
  defs: BuildDefinition[],
  readFile: ReadFile,
): Promise<Pipeline> {
  // A definition's YAML file is Azure Pipelines whatever it is called (`.pipelines/ci.yml`, `eng/build.yml`).
  const pipeline = await analysePipelineFile({ path, text }, { provider: PROVIDER, idPrefix: repoResourceId, repository: repoResourceId }, readFile, 'azure-pipelines');
  const extra = defs.flatMap(plaintextVariables);
  if (extra.length) pipeline.plaintextSecrets = [...(pipeline.plaintextSecrets ?? []), ...extra];
  if (!pipeline.url && defs[0]) pipeline.url = `${scope.orgUrl}/${encodeURIComponent(project.name)}/_build?definitionId=${defs[0].id}`;
  return pipeline;
}

/** A classic (designer) definition: its variables are all we can judge without the task graph. */
export function classicPipeline(scope: Scope, project: Project, def: BuildDefinition, repositoryId: string | undefined): Pipeline {
  return {
    id: `${projectId(scope, project.name)}/build-definition/${folderOf(def)}${def.name}`,
    kind: 'pipeline',
    provider: PROVIDER,
    name: `${project.name}/${def.name}`,
    url: `${scope.orgUrl}/${encodeURIComponent(project.name)}/_build?definitionId=${def.id}`,
    platform: 'azure-pipelines',
    repository: repositoryId,
    plaintextSecrets: plaintextVariables(def),
    gaps: {
      scans: { reason: 'unsupported', message: 'classic (designer) build definitions are not analysed for scanning tasks; move them to YAML' },
      scanTools: { reason: 'unsupported', message: 'classic (designer) build definitions are not analysed for scanning tasks' },
      tokenPermissions: { reason: 'unsupported', message: 'classic definitions take the job authorization scope from project settings' },
      unpinnedActions: { reason: 'not-applicable', message: 'Azure Pipelines has no third-party actions to pin' },
      dangerousTriggers: { reason: 'unsupported', message: 'classic definition triggers are not analysed' },
    },
  };
}

/** Definition names are unique per folder only, so the folder (`\\team`) becomes part of the id (`team/`). */
function folderOf(def: BuildDefinition): string {
  const folder = (def.path ?? '').split('\\').filter(Boolean).join('/');
  return folder ? `${folder}/` : '';
}
