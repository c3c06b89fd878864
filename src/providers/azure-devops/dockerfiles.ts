import type { Repository, Resource } from '../../model/index.js';
import { analyseDockerfile, isDockerfilePath } from '../analysis/index.js';
import type { Fetched } from './client.js';
import { PROVIDER } from './ids.js';

/** Dockerfiles read through the items API per repository (one request each), as GitLab does. */
export const MAX_DOCKERFILES = 5;

/**
 * The repository's Dockerfiles, analysed by the shared analyser. The file tree names them; when
 * the tree could not be read, the root `Dockerfile` is tried. A file that cannot be read stands
 * as a container image with a gap, so the `container.*` rules error instead of passing.
 */
export async function analyseDockerfiles(
  repository: Repository,
  files: readonly string[] | undefined,
  read: (path: string) => Promise<Fetched<string | undefined>>,
): Promise<{ resources: Resource[]; skippedFiles?: Repository['skippedFiles'] }> {
  const ids = { provider: PROVIDER, idPrefix: repository.id, repository: repository.id };
  const found = files ? files.filter(isDockerfilePath) : ['Dockerfile'];
  const resources: Resource[] = [];
  for (const path of found.slice(0, MAX_DOCKERFILES)) {
    const text = await read(path);
    if (!text.ok) {
      resources.push({ id: `${repository.id}/${path}`, kind: 'container-image', provider: PROVIDER, name: path, path, repository: repository.id, gaps: { '*': { ...text.gap, message: `Dockerfile ${path}: ${text.gap.message}` } } });
    } else if (text.value !== undefined) {
      resources.push(await analyseDockerfile({ path, text: text.value }, ids));
    }
  }
  if (found.length <= MAX_DOCKERFILES) return { resources };
  const reason = `not analysed: only the first ${MAX_DOCKERFILES} Dockerfiles are read through the API`;
  return { resources, skippedFiles: found.slice(MAX_DOCKERFILES).map((path) => ({ path, reason })) };
}
