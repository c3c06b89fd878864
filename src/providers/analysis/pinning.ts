import type { Pipeline } from '../../model/index.js';
import type { YamlSource } from './yaml-ast.js';

/**
 * Shared shape of `unpinnedActions` findings: every CI system's remote-code references
 * (GitHub actions, GitLab includes, Azure repository resources) are reported alike, with
 * the file, line and column of the reference.
 */
export type UnpinnedRef = NonNullable<Pipeline['unpinnedActions']>[number];

export const FULL_SHA = /^[0-9a-fA-F]{40}$/;
export const COMMIT_SHA = 'a full commit SHA';
export const IMAGE_DIGEST = 'an image digest (@sha256:...)';

export interface UnpinnedSpec {
  uses: string;
  kind: string;
  pinTo: string;
  releaseTag?: boolean;
}

/**
 * A finding located at `node` in `src`; `path` is given only for a file other than the
 * pipeline's own (a local include or template), since the pipeline's path is the default.
 */
export function unpinnedAt(src: YamlSource, node: unknown, spec: UnpinnedSpec, path?: string): UnpinnedRef {
  const ref: UnpinnedRef = { uses: spec.uses, kind: spec.kind, pinTo: spec.pinTo };
  if (spec.releaseTag !== undefined) ref.releaseTag = spec.releaseTag;
  if (path !== undefined) ref.path = path;
  const pos = src.position(node);
  if (pos) {
    ref.line = pos.line;
    ref.column = pos.column;
  }
  return ref;
}
