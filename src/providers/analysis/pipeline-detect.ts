import { posix } from 'node:path';
import { buildsInScript } from './build-commands.js';

/**
 * Pipelines and Dockerfiles found wherever a repository keeps them: Azure Pipelines
 * definitions by their shape (eng/ci/, .azure-pipelines/, build/, .pipelines/ ...), the
 * Dockerfiles that compose files and CI image builds name.
 */
const TOP_LEVEL_BODY = /^(stages|jobs|steps|extends):/m;
/** Keys and list items that only Azure Pipelines uses this way. */
const AZURE_MARKER = /^\s*-\s*(task|stage|job|deployment|checkout|pwsh|powershell)\s*:|^\s+vmImage\s*:|^extends:\s*\n\s+template\s*:|^(trigger|pr):/m;

/** A YAML file outside the known names that has the shape of an Azure Pipelines definition or template. */
export function looksLikeAzurePipeline(path: string, text: string): boolean {
  if (!/\.ya?ml$/i.test(path) || /^\.github\//.test(path) || /(^|\/)\.gitlab-ci\.ya?ml$/.test(path)) return false;
  return TOP_LEVEL_BODY.test(text) && AZURE_MARKER.test(text);
}

/** Repository paths of the local `template:` references in an Azure Pipelines file (other repositories excluded). */
export function azureTemplateRefs(path: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:-\s*)?template\s*:\s*['"]?([^'"#\s]+)/gm)) {
    const ref = m[1]!;
    if ((ref.includes('@') && !ref.endsWith('@self')) || ref.includes('$')) continue;
    const rel = ref.replace(/@self$/, '');
    out.push(rel.startsWith('/') ? rel.slice(1) : posix.normalize(posix.join(posix.dirname(path), rel)));
  }
  return out;
}

/** Compose files: `docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml` ... */
export function isComposePath(path: string): boolean {
  return /(^|\/)(docker-)?compose(\.[^/]+)?\.ya?ml$/i.test(path);
}

/**
 * Dockerfile paths named by a compose file (`build.dockerfile`, relative to `build.context`)
 * or by an image build in a CI file (`docker build -f`, `--file`, a context's `Dockerfile`). Paths are repository-relative; the caller
 * keeps those that exist.
 */
export function referencedDockerfiles(path: string, text: string): string[] {
  const out: string[] = [];
  const dir = posix.dirname(path);
  if (isComposePath(path)) {
    // build: { context: ./api, dockerfile: Dockerfile.prod } in block or flow style.
    for (const m of text.matchAll(/^(\s*)build\s*:\s*(?:\{([^}]*)\}|\n((?:\1\s+.*\n?)+))/gm)) {
      const body = m[2] ?? m[3] ?? '';
      const context = /context\s*:\s*['"]?([^'",}\s]+)/.exec(body)?.[1] ?? '.';
      const dockerfile = /dockerfile\s*:\s*['"]?([^'",}\s]+)/.exec(body)?.[1];
      if (dockerfile && !dockerfile.includes('$')) out.push(posix.normalize(posix.join(dir, context, dockerfile)));
    }
  }
  // The same command parser that finds CI-set labels: `-f`, `--file`, kaniko's context, `<context>/Dockerfile`.
  for (const build of buildsInScript(text)) if (build.dockerfile) out.push(build.dockerfile);
  return out.filter((p) => !p.startsWith('../') && !posix.isAbsolute(p));
}
