import { isScalar, isSeq, Scalar } from 'yaml';
import type { ContainerImage, Pipeline } from '../../model/index.js';
import { labelledBuildsInScript, OCI_PREFIX } from './build-commands.js';
import { deref, type YamlSource } from './yaml-ast.js';

/**
 * Image builds in CI that set OCI labels at build time, and how they reach the Dockerfile
 * resources: `container.oci-labels` judges the image that is built, not only its Dockerfile.
 */
export type ImageBuild = NonNullable<Pipeline['imageBuilds']>[number];

/** The OCI labels `docker/metadata-action` outputs by default. */
export const METADATA_ACTION_LABELS = ['created', 'description', 'licenses', 'revision', 'source', 'title', 'url', 'version'].map((k) => OCI_PREFIX + k);

/** Labelled builds in a script node (a string, or a list of strings as GitLab writes them). */
export function buildsInScriptNode(src: YamlSource, node: unknown, path?: string): ImageBuild[] {
  const n = deref(src, node);
  const items = isSeq(n) ? n.items.flatMap((i) => (isSeq(deref(src, i)) ? (deref(src, i) as { items: unknown[] }).items : [i])) : [n];
  const out: ImageBuild[] = [];
  for (const raw of items) {
    const item = deref(src, raw);
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    const pos = src.position(item);
    // Block scalars start on the line after their indicator; their column is the text's own.
    const block = item.type === Scalar.BLOCK_LITERAL || item.type === Scalar.BLOCK_FOLDED;
    for (const b of labelledBuildsInScript(item.value)) {
      const build: ImageBuild = { labelKeys: b.labelKeys, via: b.via };
      if (b.dockerfile !== undefined) build.dockerfile = b.dockerfile;
      if (path !== undefined) build.path = path;
      if (pos) {
        build.line = pos.line + b.lineOffset + (block ? 1 : 0);
        if (!block && b.lineOffset === 0) build.column = pos.column;
      }
      out.push(build);
    }
  }
  return out;
}

/** One entry per place (a template job extended by several jobs is one build in the file). */
export function uniqueBuilds(builds: ImageBuild[]): ImageBuild[] {
  const seen = new Set<string>();
  return builds.filter((b) => {
    const key = `${b.path ?? ''}:${b.line ?? ''}:${b.column ?? ''}:${b.via}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** OCI label keys named in a `labels:` input (`key=value` per line). */
export function labelKeysInInput(text: string | undefined): string[] {
  const keys = new Set<string>();
  for (const line of (text ?? '').split('\n')) {
    const key = line.split('=')[0]!.trim();
    if (key.startsWith(OCI_PREFIX) && key.length > OCI_PREFIX.length) keys.add(key);
  }
  return [...keys];
}

/**
 * Adds the labels CI builds set to the images they build. A build names its Dockerfile
 * (`-f`, `file:`, `context:`); one that does not, or names one that is not in the
 * repository, is taken to build the root `Dockerfile`, or the only Dockerfile there is.
 * Images that were not analysed (no `labelKeys`) are left as they are.
 */
export function applyCiImageLabels(images: ContainerImage[], pipelines: Pipeline[]): void {
  const fallback = images.find((i) => i.path === 'Dockerfile') ?? (images.length === 1 ? images[0] : undefined);
  for (const pipeline of pipelines) {
    for (const build of pipeline.imageBuilds ?? []) {
      const image = (build.dockerfile !== undefined ? images.find((i) => i.path === build.dockerfile) : undefined) ?? fallback;
      if (!image?.labelKeys) continue;
      const path = build.path ?? pipeline.path ?? pipeline.name;
      const where = `${path}${build.line ? `:${build.line}` : ''}${build.column ? `:${build.column}` : ''}`;
      image.labels ??= {};
      for (const key of build.labelKeys) {
        if (image.labelKeys.includes(key)) continue;
        image.labelKeys.push(key);
        image.labels[key] = `set at build time by ${where}`;
      }
      const entry: NonNullable<ContainerImage['labelsFromCi']>[number] = { name: `${where} (${build.via})`, keys: build.labelKeys, via: build.via, path };
      if (build.line) entry.line = build.line;
      if (build.column) entry.column = build.column;
      (image.labelsFromCi ??= []).push(entry);
    }
  }
}
