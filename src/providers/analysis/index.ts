import type { CiScans, ContainerImage, Pipeline } from '../../model/index.js';

/**
 * File analysers shared by every provider: the local provider reads files from disk, the
 * remote providers fetch the same files through their APIs, and both hand them here so that
 * a rule means the same thing everywhere.
 */
export interface FileInput {
  /** Repository-relative path with forward slashes. */
  path: string;
  text: string;
}

export interface ResourceIds {
  /** `local`, `github`, `gitlab`, `azure-devops`. */
  provider: string;
  /** Prefix for resource ids, e.g. `github:acme/api` -> ids `github:acme/api/.github/workflows/ci.yml`; `local:` for the local tree. */
  idPrefix: string;
  /** Id of the repository resource the file belongs to. */
  repository?: string;
}

/** Reads another repository file (for GitLab `include: local`); undefined when absent. */
export type ReadFile = (path: string) => Promise<string | undefined>;

export type PipelinePlatform = Pipeline['platform'];

/** Which CI system a path belongs to, or undefined when it is not a pipeline definition. */
export function pipelinePlatformOf(path: string): PipelinePlatform | undefined {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github-actions';
  if (path === '.gitlab-ci.yml') return 'gitlab-ci';
  if (/(^|\/)azure-pipelines[^/]*\.ya?ml$/.test(path)) return 'azure-pipelines';
  return undefined;
}

export function isDockerfilePath(path: string): boolean {
  return /(^|\/)(Dockerfile|Containerfile)(\.[^/]+)?$|\.(Dockerfile|dockerfile)$/.test(path);
}

/** Placeholder analysers (the local provider replaces them): every fact is an unsupported gap. */
export async function analysePipelineFile(file: FileInput, ids: ResourceIds, _readFile?: ReadFile): Promise<Pipeline> {
  return {
    id: `${ids.idPrefix}${ids.idPrefix.endsWith(':') ? '' : '/'}${file.path}`,
    kind: 'pipeline',
    provider: ids.provider,
    name: file.path,
    platform: pipelinePlatformOf(file.path) ?? 'other',
    path: file.path,
    repository: ids.repository,
    location: { path: file.path, line: 1 },
    gaps: { '*': { reason: 'unsupported', message: 'pipeline analysis not available yet' } },
  };
}

export async function analyseDockerfile(file: FileInput, ids: ResourceIds): Promise<ContainerImage> {
  return {
    id: `${ids.idPrefix}${ids.idPrefix.endsWith(':') ? '' : '/'}${file.path}`,
    kind: 'container-image',
    provider: ids.provider,
    name: file.path,
    path: file.path,
    repository: ids.repository,
    location: { path: file.path, line: 1 },
    gaps: { '*': { reason: 'unsupported', message: 'Dockerfile analysis not available yet' } },
  };
}

/** Which scans run in any of a repository's pipelines (true if any pipeline runs it). */
export function summariseCiScans(pipelines: Pipeline[]): CiScans {
  const scans: CiScans = {};
  for (const key of ['sast', 'dependency', 'container', 'iac', 'secrets'] as const) {
    scans[key] = pipelines.some((p) => p.scans?.[key] === true);
  }
  return scans;
}

/** Infrastructure-as-code paths (Terraform, Bicep/ARM, Kubernetes, Helm, CloudFormation). */
export function isIacPath(path: string): boolean {
  return /\.(tf|tfvars|bicep)$|(^|\/)Chart\.yaml$|(^|\/)(k8s|kubernetes|manifests|helm|charts)\/.+\.ya?ml$|(^|\/)(cloudformation|cfn)\/.+\.(ya?ml|json)$|\.template\.(json|ya?ml)$|(^|\/)azuredeploy\.json$/.test(
    path,
  );
}
