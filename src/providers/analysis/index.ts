import type { CiScans, ContainerImage, Gaps, Pipeline } from '../../model/index.js';
import { analyseAzurePipeline } from './azure-pipelines.js';
import { analyseDockerfileText } from './dockerfile.js';
import { analyseGithubWorkflow } from './github-actions.js';
import { analyseGitlabCi } from './gitlab-ci.js';
import { scanCategories } from './scans-catalogue.js';
import type { FileInput, ReadFile, ResourceIds } from './types.js';
import { parseYaml } from './yaml-ast.js';

/**
 * File analysers shared by every provider: the local provider reads files from disk, the
 * remote providers fetch the same files through their APIs, and both hand them here so that
 * a rule means the same thing everywhere. Analysers are pure (no I/O but `readFile`).
 */
export type { FileInput, ReadFile, ResourceIds } from './types.js';
export { looksLikeSecretName } from './secret-names.js';
export { isPinned } from './github-actions.js';
export { applyCiImageLabels } from './image-builds.js';
export { parseDockerfile, pinningOf } from './dockerfile.js';
export * as scansCatalogue from './scans-catalogue.js';

export type PipelinePlatform = Pipeline['platform'];

/** Which CI system a path belongs to, or undefined when it is not a pipeline definition. */
export { azureTemplateRefs, isComposePath, looksLikeAzurePipeline, referencedDockerfiles } from './pipeline-detect.js';

export function pipelinePlatformOf(path: string): PipelinePlatform | undefined {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'github-actions';
  if (path === '.gitlab-ci.yml') return 'gitlab-ci';
  if (/(^|\/)azure-pipelines[^/]*\.ya?ml$/.test(path)) return 'azure-pipelines';
  return undefined;
}

/** `Dockerfile`, `dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile` (not `Dockerfile.dockerignore` or docs). */
export function isDockerfilePath(path: string): boolean {
  if (/\.(dockerignore|md|txt|rst|json|ya?ml|sh|ps1|py|js|ts|go|j2|tmpl|tpl|erb|template)$/i.test(path)) return false;
  return /(^|\/)(dockerfile|containerfile)(\.[^/]+)?$|\.(dockerfile|containerfile)$/i.test(path);
}

function resourceId(ids: ResourceIds, path: string): string {
  return `${ids.idPrefix}${ids.idPrefix.endsWith(':') ? '' : '/'}${path}`;
}

const NOT_APPLICABLE_TO: Record<string, string> = {
  'gitlab-ci': 'GitLab CI',
  'azure-pipelines': 'Azure Pipelines',
};

/**
 * Analyses one pipeline definition. A file that does not parse yields a resource with a
 * `malformed` gap at `*` (path:line:column in the message), so each of its rules reports an
 * error and the other files go on.
 */
export async function analysePipelineFile(file: FileInput, ids: ResourceIds, readFile?: ReadFile, platformByContent?: PipelinePlatform): Promise<Pipeline> {
  const platform = pipelinePlatformOf(file.path) ?? platformByContent ?? 'other';
  const pipeline: Pipeline = {
    id: resourceId(ids, file.path),
    kind: 'pipeline',
    provider: ids.provider,
    name: file.path,
    platform,
    path: file.path,
    location: { path: file.path, line: 1 },
  };
  if (ids.repository) pipeline.repository = ids.repository;

  const parsed = parseYaml(file.text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    pipeline.location = { path: file.path, line, column };
    pipeline.gaps = { '*': { reason: 'malformed', message: `${file.path}:${line}:${column}: ${message}` } };
    return pipeline;
  }
  const src = parsed.source;
  let facts;
  if (platform === 'github-actions') facts = analyseGithubWorkflow(src);
  else if (platform === 'gitlab-ci') facts = await analyseGitlabCi(file.path, src, readFile);
  else if (platform === 'azure-pipelines') facts = await analyseAzurePipeline(file.path, src, readFile);
  else {
    pipeline.gaps = { '*': { reason: 'unsupported', message: `${file.path}: not a recognised pipeline definition` } };
    return pipeline;
  }
  if ('malformed' in facts) {
    const line = facts.line ?? 1;
    pipeline.location = { path: file.path, line };
    pipeline.gaps = { '*': { reason: 'malformed', message: `${file.path}:${line}:1: ${facts.malformed}` } };
    return pipeline;
  }
  const gaps: Gaps = { ...(facts.gaps ?? {}) };
  Object.assign(pipeline, facts);
  if (platform !== 'github-actions') {
    const what = NOT_APPLICABLE_TO[platform] ?? platform;
    gaps.tokenPermissions = { reason: 'not-applicable', message: `${what} has no per-workflow GITHUB_TOKEN permissions` };
    gaps.dangerousTriggers = { reason: 'not-applicable', message: `${what} has no pull_request_target/workflow_run triggers` };
  }
  if (Object.keys(gaps).length > 0) pipeline.gaps = gaps;
  else delete pipeline.gaps;
  return pipeline;
}

/** Analyses one Dockerfile/Containerfile (multi-stage aware: the final stage is what runs). */
export async function analyseDockerfile(file: FileInput, ids: ResourceIds): Promise<ContainerImage> {
  const image: ContainerImage = {
    id: resourceId(ids, file.path),
    kind: 'container-image',
    provider: ids.provider,
    name: file.path,
    path: file.path,
    location: { path: file.path, line: 1 },
  };
  if (ids.repository) image.repository = ids.repository;
  const facts = analyseDockerfileText(file.text);
  if ('malformed' in facts) {
    image.gaps = { '*': { reason: 'malformed', message: `${file.path}:${facts.line ?? 1}:1: ${facts.malformed}` } };
    return image;
  }
  Object.assign(image, facts);
  image.location = { path: file.path, line: facts.location?.line ?? 1 };
  return image;
}

/**
 * Which scans run in any of a repository's pipelines: true if any pipeline runs it, false
 * when every pipeline is known not to, absent (unknown) when a pipeline could not tell
 * (malformed file, unresolvable include). Pair with `ciScanGaps` for the reasons.
 */
export function summariseCiScans(pipelines: Pipeline[]): CiScans {
  const scans: CiScans = {};
  for (const key of scanCategories) {
    if (pipelines.some((p) => p.scans?.[key] === true)) scans[key] = true;
    else if (pipelines.every((p) => p.scans?.[key] === false)) scans[key] = false;
  }
  return scans;
}

/** Gaps (`ciScans.<category>`) for the categories summariseCiScans left unknown. */
export function ciScanGaps(pipelines: Pipeline[]): Gaps {
  const gaps: Gaps = {};
  const summary = summariseCiScans(pipelines);
  for (const key of scanCategories) {
    if (summary[key] !== undefined) continue;
    const unknown = pipelines.filter((p) => p.scans?.[key] === undefined);
    const reasons = unknown.map((p) => p.gaps?.[`scans.${key}`] ?? p.gaps?.['*']).filter((g) => g !== undefined);
    const first = reasons[0];
    gaps[`ciScans.${key}`] = {
      reason: first?.reason ?? 'error',
      message: `${unknown.map((p) => p.path ?? p.name).join(', ')}: ${first?.message ?? 'not analysed'}`,
    };
  }
  return gaps;
}

/** Infrastructure-as-code paths (Terraform, Bicep/ARM, Kubernetes, Helm, CloudFormation). */
export function isIacPath(path: string): boolean {
  return /\.(tf|tfvars|bicep|tf\.json)$|(^|\/)Chart\.yaml$|(^|\/)(k8s|kubernetes|manifests|helm|charts|kustomize)\/.+\.ya?ml$|(^|\/)kustomization\.ya?ml$|(^|\/)(cloudformation|cfn)\/.+\.(ya?ml|json)$|\.template\.(json|ya?ml)$|(^|\/)(azuredeploy|mainTemplate)\.json$/.test(
    path,
  );
}

/** Content sniffing for IaC that lives under ordinary names (Kubernetes manifests, CloudFormation, ARM). */
export function isIacContent(path: string, text: string): boolean {
  if (/\.ya?ml$/.test(path)) {
    if (/^AWSTemplateFormatVersion\s*:/m.test(text)) return true;
    return /^apiVersion:\s*\S+/m.test(text) && /^kind:\s*(Deployment|StatefulSet|DaemonSet|Pod|Service|Ingress|CronJob|Job|ConfigMap|Secret|Namespace|Role|ClusterRole|RoleBinding|ClusterRoleBinding|ServiceAccount|NetworkPolicy|PersistentVolumeClaim|HorizontalPodAutoscaler)\s*$/m.test(text);
  }
  if (/\.json$/.test(path)) {
    return /"AWSTemplateFormatVersion"\s*:/.test(text) || /"\$schema"\s*:\s*"https:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/.test(text);
  }
  return false;
}
