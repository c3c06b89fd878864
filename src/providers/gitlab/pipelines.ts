import type { ContainerImage, Gaps, Pipeline, Repository } from '../../model/index.js';
import {
  analyseDockerfile,
  analysePipelineFile,
  applyCiImageLabels,
  ciScanGaps,
  isDockerfilePath,
  isIacPath,
  summariseCiScans,
  type ReadFile,
  type ResourceIds,
} from '../analysis/index.js';
import { classifyFailure, fetchValidated, type Fetched } from './call.js';
import { GitlabHttpError } from './client.js';
import { DEFAULT_CI_PATH, type Prefetched } from './graphql.js';
import type { Run } from './run.js';
import { TreeEntrySchema, listOf, type GitlabProject } from './schema.js';

const TREE_PAGE = 100;
const TREE_MAX_PAGES = 10;
const MAX_DOCKERFILES = 5;
const SECURITY_POLICY = /^(\.gitlab\/|docs\/)?security\.md$/i;
const CODEOWNERS = /^(\.gitlab\/|docs\/)?CODEOWNERS$/;

export interface PipelineFacts {
  fields: Pick<Repository, 'ciScans' | 'pipelineFiles' | 'buildsImages' | 'hasIac' | 'securityPolicy' | 'codeowners' | 'skippedFiles'>;
  resources: (Pipeline | ContainerImage)[];
}

/**
 * One recursive tree listing answers which files exist (pipeline, Dockerfiles, IaC, SECURITY.md,
 * CODEOWNERS); only the pipeline file, its `include: local` files and a few Dockerfiles are read.
 */
export async function collectPipelineFacts(run: Run, project: GitlabProject, repoId: string, gaps: Gaps, pre: Prefetched = {}): Promise<PipelineFacts> {
  const ref = project.default_branch;
  const facts: PipelineFacts = { fields: {}, resources: [] };
  if (!ref || project.empty_repo) {
    const gap = { reason: 'not-applicable' as const, message: 'the repository is empty' };
    for (const field of ['ciScans', 'pipelineFiles', 'buildsImages', 'hasIac', 'securityPolicy', 'codeowners']) gaps[field] = gap;
    return facts;
  }
  // GraphQL's tree and CI file count only when they were read at the same branch REST names.
  const same = pre.rootRef === ref;
  const readFile = fileReader(run, project.id, ref, same && pre.defaultCiFile ? { [DEFAULT_CI_PATH]: pre.defaultCiFile.text } : {});
  const tree: Fetched<{ path: string; type: string }[]> =
    same && pre.tree
      ? { ok: true, value: pre.tree.map((path) => ({ path, type: 'blob' })) }
      : await fetchValidated(
          run,
          `repository tree of ${project.path_with_namespace}`,
          listOf(TreeEntrySchema),
          () => run.client.repositories.allRepositoryTrees(project.id, { recursive: true, ref, perPage: TREE_PAGE, maxPages: TREE_MAX_PAGES }),
          'Reporter role',
        );
  const blobs = tree.ok ? tree.value.filter((e) => e.type === 'blob').map((e) => e.path) : [];
  // A GraphQL tree is prefetched only when it was complete.
  const complete = tree.ok && (same && pre.tree !== undefined ? true : tree.value.length < TREE_PAGE * TREE_MAX_PAGES);
  const presence = (field: 'buildsImages' | 'hasIac' | 'securityPolicy' | 'codeowners', test: (path: string) => boolean): void => {
    if (blobs.some(test)) facts.fields[field] = true;
    else if (complete) facts.fields[field] = false;
    else if (!tree.ok) gaps[field] = tree.gap;
    else gaps[field] = { reason: 'unsupported', message: `repository tree larger than ${TREE_PAGE * TREE_MAX_PAGES} entries; ${field} not determined` };
  };
  presence('buildsImages', isDockerfilePath);
  presence('hasIac', isIacPath);
  presence('securityPolicy', (p) => SECURITY_POLICY.test(p));
  presence('codeowners', (p) => CODEOWNERS.test(p));

  const ciPath = project.ci_config_path || '.gitlab-ci.yml';
  let pipelines: Pipeline[] = [];
  if (ciPath.includes('@') || /^[a-z]+:\/\//i.test(ciPath)) {
    const gap = { reason: 'unsupported' as const, message: `the CI configuration lives outside the project (${ciPath})` };
    gaps.ciScans = gap;
    gaps.pipelineFiles = gap;
  } else {
    const ids = { provider: 'gitlab', idPrefix: repoId, repository: repoId };
    try {
      const text = complete && !blobs.includes(ciPath) ? undefined : await readFile(ciPath);
      pipelines = text === undefined ? [] : [await analyseGitlabCi(ciPath, text, ids, readFile)];
      facts.resources.push(...pipelines);
      facts.fields.pipelineFiles = pipelines.map((p) => p.path ?? ciPath);
      facts.fields.ciScans = summariseCiScans(pipelines);
      Object.assign(gaps, ciScanGaps(pipelines));
    } catch (err) {
      if (run.signal?.aborted) throw err;
      const { gap } = classifyFailure(run, err, `pipeline file ${ciPath}`, 'Reporter role');
      gaps.ciScans = gap;
      gaps.pipelineFiles = gap;
    }
  }
  const dockerfiles = blobs.filter(isDockerfilePath);
  if (dockerfiles.length > MAX_DOCKERFILES) {
    facts.fields.skippedFiles = dockerfiles.slice(MAX_DOCKERFILES).map((path) => ({ path, reason: `not analysed: only the first ${MAX_DOCKERFILES} Dockerfiles are read through the API` }));
  }
  for (const path of dockerfiles.slice(0, MAX_DOCKERFILES)) {
    try {
      const text = await readFile(path);
      if (text !== undefined) facts.resources.push(await analyseDockerfile({ path, text }, { provider: 'gitlab', idPrefix: repoId, repository: repoId }));
    } catch (err) {
      if (run.signal?.aborted) throw err;
      const { gap } = classifyFailure(run, err, `Dockerfile ${path}`, 'Reporter role');
      facts.resources.push({ id: `${repoId}/${path}`, kind: 'container-image', provider: 'gitlab', name: path, path, repository: repoId, gaps: { '*': gap } });
    }
  }
  applyCiImageLabels(facts.resources.filter((r): r is ContainerImage => r.kind === 'container-image'), pipelines);
  return facts;
}

/**
 * The shared analyser recognises GitLab CI by its default path; a project with a custom
 * `ci_config_path` is analysed under that name and the resource relabelled to the real path.
 */
async function analyseGitlabCi(path: string, text: string, ids: ResourceIds, readFile: ReadFile): Promise<Pipeline> {
  const pipeline = await analysePipelineFile({ path: DEFAULT_CI_PATH, text }, ids, readFile);
  if (path === DEFAULT_CI_PATH) return pipeline;
  const relabel = (message: string): string => (message.startsWith(`${DEFAULT_CI_PATH}:`) ? `${path}${message.slice(DEFAULT_CI_PATH.length)}` : message);
  const gaps = pipeline.gaps ? Object.fromEntries(Object.entries(pipeline.gaps).map(([k, g]) => [k, { ...g, message: relabel(g.message) }])) : undefined;
  return {
    ...pipeline,
    id: `${ids.idPrefix}/${path}`,
    name: path,
    path,
    ...(pipeline.location ? { location: { ...pipeline.location, path } } : {}),
    ...(gaps ? { gaps } : {}),
  };
}

/** Raw file at the default branch through the repository files API; undefined when absent; cached per project. */
function fileReader(run: Run, projectId: number, ref: string, known: Record<string, string | undefined>): ReadFile {
  const cache = new Map<string, Promise<string | undefined>>(Object.entries(known).map(([path, text]) => [path, Promise.resolve(text)]));
  return (path) => {
    const clean = path.replace(/^\.?\//, '');
    let pending = cache.get(clean);
    if (!pending) {
      pending = run.client.files.showRaw(projectId, clean, ref).then(
        (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body)),
        (err: unknown) => {
          if (err instanceof GitlabHttpError && err.status === 404) return undefined;
          throw err;
        },
      );
      cache.set(clean, pending);
    }
    return pending;
  };
}
