import { COMMIT_SHA, FULL_SHA, unpinnedAt, type UnpinnedRef } from './pinning.js';
import { asSeqItems, get, getEntry, scalarText, type YamlSource } from './yaml-ast.js';

/**
 * Azure Pipelines repository resources (`resources.repositories`) and the templates taken
 * from them (`template: file.yml@alias`, `extends: template: ...@alias`). A repository
 * resource runs whatever its `ref` points at; only a commit is fixed.
 */

/** Repository types whose code lives outside this repository's history. */
const REMOTE_TYPES = new Set(['github', 'githubenterprise', 'git', 'bitbucket']);

export interface RepositoryResource {
  alias: string;
  /** The finding when the resource is not pinned to a commit; undefined when it is. */
  unpinned: UnpinnedRef | undefined;
  /** How the resource reads in a template finding: `github acme/templates, ref: refs/heads/main`. */
  describe: string;
}

/** `refs/heads/main` and `main` are branches, `refs/tags/v1` a tag; only a 40-hex commit is pinned. */
export function repositoryResources(src: YamlSource): Map<string, RepositoryResource> {
  const out = new Map<string, RepositoryResource>();
  const repos = asSeqItems(src, get(src, get(src, src.doc.contents, 'resources'), 'repositories')) ?? [];
  for (const item of repos) {
    const aliasEntry = getEntry(src, item, 'repository');
    const alias = aliasEntry ? scalarText(src, aliasEntry.value) : undefined;
    if (alias === undefined) continue;
    const type = (scalarText(src, get(src, item, 'type')) ?? '').toLowerCase();
    const name = scalarText(src, get(src, item, 'name')) ?? alias;
    const refEntry = getEntry(src, item, 'ref');
    const ref = refEntry ? scalarText(src, refEntry.value) : undefined;
    const refText = ref === undefined ? 'no ref: the default branch' : `ref: ${ref}`;
    const describe = `${type || 'unknown type'} ${name}, ${refText}`;
    const pinned = !REMOTE_TYPES.has(type) || (ref !== undefined && FULL_SHA.test(ref));
    const unpinned = pinned
      ? undefined
      : unpinnedAt(src, refEntry?.value ?? aliasEntry!.value, {
          uses: `repository resource ${alias} (${describe})`,
          kind: 'repository-resource',
          pinTo: `${COMMIT_SHA} (ref: <sha>)`,
        });
    out.set(alias, { alias, unpinned, describe });
  }
  return out;
}

export interface TemplateUse {
  text: string;
  node: unknown;
  src: YamlSource;
  /** The file it is written in when not the pipeline's own. */
  path: string | undefined;
}

/**
 * A template from another repository inherits that repository's pinning. An alias this
 * file does not declare (a template analysed on its own, whose caller declares it) cannot
 * be judged: it is returned in `undeclared`.
 */
export function unpinnedTemplates(uses: TemplateUse[], resources: Map<string, RepositoryResource>): { findings: UnpinnedRef[]; undeclared: string[] } {
  const findings: UnpinnedRef[] = [];
  const undeclared: string[] = [];
  for (const use of uses) {
    const at = use.text.lastIndexOf('@');
    if (at < 0) continue;
    const alias = use.text.slice(at + 1).trim();
    if (alias === 'self') continue;
    const resource = resources.get(alias);
    if (!resource) {
      undeclared.push(use.text);
      continue;
    }
    if (!resource.unpinned) continue;
    findings.push(
      unpinnedAt(use.src, use.node, { uses: `template ${use.text} (repository resource ${alias}: ${resource.describe})`, kind: 'template', pinTo: `${COMMIT_SHA} on repository resource ${alias}` }, use.path),
    );
  }
  return { findings, undeclared };
}
