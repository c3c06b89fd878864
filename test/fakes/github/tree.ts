import type { FakeRepo } from './model.js';

/**
 * GraphQL `object(expression: "HEAD:") { ... on Tree { entries { name type object { ... on Tree { entries … } } } } }`
 * answered from the repository's files, nested as deep as the selection asks (one level per
 * `entries`). As on GitHub: entries in git order (byte order, a directory sorting as `name/`),
 * `object` of a blob under a `... on Tree` fragment is `{}`, and an empty repository (no
 * HEAD) answers null.
 */
const FIELD = /\btree: object\(expression: "HEAD:"\)/;

interface Dir {
  blobs: Set<string>;
  dirs: Map<string, Dir>;
}

function build(paths: string[]): Dir {
  const root: Dir = { blobs: new Set(), dirs: new Map() };
  for (const path of paths) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) dir.dirs.set(part, (next = { blobs: new Set(), dirs: new Map() }));
      dir = next;
    }
    dir.blobs.add(parts[parts.length - 1]!);
  }
  return root;
}

function entries(dir: Dir, level: number, depth: number): unknown[] {
  const all = [...[...dir.blobs].map((name) => ({ name, type: 'blob', key: name })), ...[...dir.dirs.keys()].map((name) => ({ name, type: 'tree', key: `${name}/` }))];
  all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return all.map(({ name, type }) => {
    if (level === depth) return { name, type };
    return { name, type, object: type === 'tree' ? { entries: entries(dir.dirs.get(name)!, level + 1, depth) } : {} };
  });
}

/** The selection of the aliased field: from its first `{` to the matching `}`. */
function selectionOf(query: string, from: number): string {
  const open = query.indexOf('{', from);
  let depth = 0;
  for (let i = open; i < query.length; i++) {
    if (query[i] === '{') depth++;
    else if (query[i] === '}' && --depth === 0) return query.slice(open, i + 1);
  }
  return query.slice(open);
}

/** `{ tree }` when the query asks for the root tree, else nothing. */
export function rootTreeField(repo: FakeRepo, query: string): { tree?: unknown } {
  const at = FIELD.exec(query);
  if (!at) return {};
  if (!repo.defaultBranch) return { tree: null };
  const depth = (selectionOf(query, at.index).match(/\bentries\b/g) ?? []).length;
  return { tree: { entries: entries(build(Object.keys(repo.files)), 1, depth) } };
}
