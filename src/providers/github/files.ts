import type { ContainerImage, Gap, Pipeline } from '../../model/index.js';
import { analyseDockerfile, analysePipelineFile, applyCiImageLabels, ciScanGaps, isDockerfilePath, isIacPath, summariseCiScans } from '../analysis/index.js';
import type { GithubClient } from './client.js';
import { pathSegment } from './ids.js';
import type { GqlRepository } from './schema.js';
import { FileContent, GitTree } from './schema.js';
import { pathsFromGraphql, type GqlTree } from './tree.js';

/**
 * Pipeline and container files without cloning: the workflow files' text, the root
 * Dockerfile and (for shallow repositories) the file list come with the GraphQL batch;
 * otherwise the file list is one recursive tree request. Other Dockerfiles are read one by one.
 * The local provider's analysers turn them into resources, so rules mean the same everywhere.
 */
export interface FileFacts {
  pipelines: Pipeline[];
  images: ContainerImage[];
  repo: {
    pipelineFiles?: string[];
    ciScans?: ReturnType<typeof summariseCiScans>;
    buildsImages?: boolean;
    hasIac?: boolean;
    codeowners?: boolean;
  };
  gaps: Record<string, Gap>;
}

const MAX_DOCKERFILES = 20;
const CODEOWNERS = new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS']);

interface Ctx {
  client: GithubClient;
  owner: string;
  name: string;
  branch: string;
  repoId: string;
}

async function readFile(ctx: Ctx, path: string): Promise<{ text?: string; gap?: Gap }> {
  const res = await ctx.client.get('contents', 'GET /repos/{owner}/{repo}/contents/{path}', { owner: ctx.owner, repo: ctx.name, path, ref: ctx.branch }, FileContent);
  if (!res.ok) return { gap: res.gap };
  if (res.value.encoding !== 'base64') return { gap: { reason: 'malformed', message: `${path}: unexpected encoding ${res.value.encoding}` } };
  return { text: Buffer.from(res.value.content, 'base64').toString('utf8') };
}

function withSafeId<T extends { id: string }>(resource: T, ctx: Ctx, path: string): T {
  return { ...resource, id: `${ctx.repoId}/${pathSegment(path)}` };
}

type TreeListing = { paths: string[]; truncated: boolean } | { empty: true } | { gap: Gap };

/** The file list: from the GraphQL batch when complete, else one recursive REST tree request. */
async function listTree(ctx: Ctx, gqlTree: GqlTree): Promise<TreeListing> {
  const fromGraphql = pathsFromGraphql(gqlTree);
  if (fromGraphql) return { paths: fromGraphql, truncated: false };
  const tree = await ctx.client.get('contents', 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: ctx.owner, repo: ctx.name, tree_sha: ctx.branch, recursive: '1' }, GitTree);
  if (!tree.ok) return tree.status === 409 ? { empty: true } : { gap: tree.gap };
  return { paths: tree.value.tree.filter((t) => t.type === 'blob').map((t) => t.path), truncated: tree.value.truncated };
}

export async function collectFiles(ctx: Ctx, gql: Pick<GqlRepository, 'workflows' | 'rootDockerfile' | 'tree'>, workflowsGap: Gap | undefined): Promise<FileFacts> {
  const workflows = gql.workflows;
  const facts: FileFacts = { pipelines: [], images: [], repo: {}, gaps: {} };
  const ids = { provider: 'github', idPrefix: ctx.repoId, repository: ctx.repoId };
  const listing = listTree(ctx, gql.tree);

  if (workflowsGap) {
    facts.gaps.pipelineFiles = workflowsGap;
    facts.gaps.ciScans = workflowsGap;
  } else {
    const entries = (workflows?.entries ?? []).filter((e) => e.type === 'blob' && /\.ya?ml$/.test(e.name));
    for (const e of entries) {
      const path = e.path ?? `.github/workflows/${e.name}`;
      let text = e.object?.text ?? undefined;
      if (text === undefined || e.object?.isTruncated) {
        const read = await readFile(ctx, path);
        if (read.gap) {
          facts.gaps.ciScans = read.gap;
          continue;
        }
        text = read.text;
      }
      const pipeline = await analysePipelineFile({ path, text: text ?? '' }, ids);
      facts.pipelines.push(withSafeId(pipeline, ctx, path));
    }
    facts.repo.pipelineFiles = facts.pipelines.map((p) => p.path ?? p.name);
    if (!facts.gaps.ciScans) {
      facts.repo.ciScans = summariseCiScans(facts.pipelines);
      Object.assign(facts.gaps, ciScanGaps(facts.pipelines));
    }
  }

  const tree = await listing;
  // An empty repository has no tree (409): nothing to build, no IaC, no CODEOWNERS.
  if ('empty' in tree) {
    Object.assign(facts.repo, { buildsImages: false, hasIac: false, codeowners: false });
    return facts;
  }
  if ('gap' in tree) {
    for (const f of ['buildsImages', 'hasIac', 'codeowners']) facts.gaps[f] = tree.gap;
    return facts;
  }
  const paths = tree.paths;
  const dockerfiles = paths.filter(isDockerfilePath);
  const truncatedGap: Gap = { reason: 'error', message: 'repository tree too large: GitHub truncated the file list' };
  facts.repo.buildsImages = dockerfiles.length > 0 ? true : undefined;
  facts.repo.hasIac = paths.some(isIacPath) ? true : undefined;
  facts.repo.codeowners = paths.some((p) => CODEOWNERS.has(p)) ? true : undefined;
  for (const f of ['buildsImages', 'hasIac', 'codeowners'] as const) {
    if (facts.repo[f] === undefined) {
      if (tree.truncated) facts.gaps[f] = truncatedGap;
      else facts.repo[f] = false;
    }
  }
  if (dockerfiles.length > MAX_DOCKERFILES) {
    // Stated, not hidden: the images past the cap stand in as one resource with the reason.
    const rest = dockerfiles.slice(MAX_DOCKERFILES);
    facts.images.push({
      id: `${ctx.repoId}/dockerfiles-not-analysed`,
      kind: 'container-image',
      provider: 'github',
      name: `${rest.length} more Dockerfiles`,
      repository: ctx.repoId,
      gaps: { '*': { reason: 'unsupported', message: `only the first ${MAX_DOCKERFILES} Dockerfiles are read remotely; not analysed: ${rest.slice(0, 5).join(', ')}${rest.length > 5 ? ', …' : ''}` } },
    });
  }
  // The root Dockerfile's text came with the GraphQL batch.
  const rootText = gql.rootDockerfile && !gql.rootDockerfile.isTruncated ? (gql.rootDockerfile.text ?? undefined) : undefined;
  const reads = await Promise.all(
    dockerfiles.slice(0, MAX_DOCKERFILES).map(async (path) => ({ path, read: path === 'Dockerfile' && rootText !== undefined ? { text: rootText } : await readFile(ctx, path) })),
  );
  for (const { path, read } of reads) {
    if (read.gap) {
      facts.images.push({ id: `${ctx.repoId}/${pathSegment(path)}`, kind: 'container-image', provider: 'github', name: path, path, repository: ctx.repoId, gaps: { '*': read.gap } });
      continue;
    }
    const image = await analyseDockerfile({ path, text: read.text ?? '' }, ids);
    facts.images.push(withSafeId(image, ctx, path));
  }
  applyCiImageLabels(facts.images, facts.pipelines);
  return facts;
}
