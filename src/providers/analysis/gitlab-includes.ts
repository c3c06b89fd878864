import { isScalar, isSeq } from 'yaml';
import { COMMIT_SHA, FULL_SHA, unpinnedAt, type UnpinnedRef } from './pinning.js';
import { deref, get, getEntry, scalarText, type YamlSource } from './yaml-ast.js';

/**
 * GitLab `include:` entries, read with their nodes so that pinning findings can point at
 * the line and column of the reference.
 */
export interface Include {
  /** The node to locate findings at (the value that decides the pinning). */
  node: unknown;
  local?: string;
  template?: string;
  component?: string;
  project?: string;
  /** `ref:` of a project include; undefined when absent (the default branch). */
  ref?: string;
  remote?: string;
  /** `integrity:` of a remote include (a content digest GitLab verifies). */
  integrity?: string;
  other?: string;
}

export function includeList(src: YamlSource, node: unknown): Include[] {
  const n = deref(src, node);
  if (n === undefined || n === null) return [];
  const items = isSeq(n) ? n.items.map((i) => deref(src, i)) : [n];
  return items.map((item): Include => {
    if (isScalar(item)) {
      const s = String(item.value);
      return /^https?:\/\//.test(s) ? { node: item, remote: s } : { node: item, local: s };
    }
    const local = scalarText(src, get(src, item, 'local'));
    if (local !== undefined) return { node: item, local };
    const template = scalarText(src, get(src, item, 'template'));
    if (template !== undefined) return { node: get(src, item, 'template'), template };
    const component = scalarText(src, get(src, item, 'component'));
    if (component !== undefined) return { node: get(src, item, 'component'), component };
    const project = getEntry(src, item, 'project');
    const projectName = project ? scalarText(src, project.value) : undefined;
    if (projectName !== undefined) {
      const ref = getEntry(src, item, 'ref');
      const inc: Include = { node: ref?.value ?? project!.value, project: projectName };
      const refText = ref ? scalarText(src, ref.value) : undefined;
      if (refText !== undefined) inc.ref = refText;
      return inc;
    }
    const remote = scalarText(src, get(src, item, 'remote'));
    if (remote !== undefined) {
      const inc: Include = { node: get(src, item, 'remote'), remote };
      const integrity = scalarText(src, get(src, item, 'integrity'));
      if (integrity !== undefined) inc.integrity = integrity;
      return inc;
    }
    return { node: item, other: 'of an unknown form' };
  });
}

/** `1.4.2`, `1.4.2-rc.1`: a full release version (partial `1` or `1.4` follow the newest release). */
const FULL_RELEASE = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const INTEGRITY = /^sha(256|384|512)-[A-Za-z0-9+/=]+$/;

/**
 * Whether an include runs code that someone else can change under the same reference.
 * `local:` and `template:` (shipped with the GitLab instance) are not remote code.
 */
export function unpinnedInclude(src: YamlSource, inc: Include, path?: string): UnpinnedRef | undefined {
  if (inc.project !== undefined) {
    if (inc.ref !== undefined && FULL_SHA.test(inc.ref)) return undefined;
    const ref = inc.ref === undefined ? 'no ref: the default branch' : `ref: ${inc.ref}`;
    return unpinnedAt(src, inc.node, { uses: `include: project ${inc.project} (${ref})`, kind: 'include', pinTo: `${COMMIT_SHA} (ref: <sha>)` }, path);
  }
  if (inc.remote !== undefined) {
    if (inc.integrity !== undefined && INTEGRITY.test(inc.integrity.trim())) return undefined;
    return unpinnedAt(src, inc.node, { uses: `include: remote ${inc.remote}`, kind: 'include', pinTo: 'a content digest (integrity: sha256-...)' }, path);
  }
  if (inc.component !== undefined) {
    const at = inc.component.lastIndexOf('@');
    const version = at > 0 ? inc.component.slice(at + 1) : '';
    if (FULL_SHA.test(version)) return undefined;
    const releaseTag = FULL_RELEASE.test(version);
    return unpinnedAt(
      src,
      inc.node,
      {
        uses: `include: component ${inc.component}${at > 0 ? '' : ' (no version)'}`,
        kind: 'component',
        pinTo: releaseTag ? `${COMMIT_SHA} (or a release tag, if the policy accepts them)` : COMMIT_SHA,
        releaseTag,
      },
      path,
    );
  }
  return undefined;
}
