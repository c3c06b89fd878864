import { z } from 'zod';

/**
 * The default branch's file list. Small repositories come whole with the GraphQL batch (the
 * root tree expanded TREE_DEPTH levels deep); when that listing is not provably complete (a
 * directory below the last level, a directory GitHub did not expand, a very long directory)
 * the caller asks the recursive REST tree instead, so absence is only concluded from a full list.
 */
export const TREE_DEPTH = 3;

/**
 * Directories at least this long are not trusted to be listed whole by GraphQL (its
 * `Tree.entries` documents no limit or truncation flag); REST's tree says `truncated`.
 */
const MAX_GRAPHQL_DIRECTORY = 1000;

function selection(level: number): string {
  return level === TREE_DEPTH ? 'entries { name type }' : `entries { name type object { ... on Tree { ${selection(level + 1)} } } }`;
}

/** The GraphQL field (inside a Repository selection) that lists the root tree. */
export const TREE_FIELD = `
  tree: object(expression: "HEAD:") { ... on Tree { ${selection(1)} } }`;

type Level = { entries?: { name: string; type: string; object?: Level | null }[] | null };

function levelSchema(level: number): z.ZodType<Level> {
  const leaf = z.object({ name: z.string(), type: z.string() });
  const entry = level < TREE_DEPTH ? leaf.extend({ object: levelSchema(level + 1).nullable().optional() }) : leaf;
  return z.object({ entries: z.array(entry).nullable().optional() });
}

/** Bounded by TREE_DEPTH: a deeper answer is not followed (and is not what we asked). */
export const GqlTree = levelSchema(1).nullable().optional();
export type GqlTree = z.infer<typeof GqlTree>;

/** Blob paths in git order (pre-order, as REST's recursive tree lists them), or undefined when not provably complete. */
export function pathsFromGraphql(tree: GqlTree): string[] | undefined {
  if (!tree?.entries) return undefined;
  const paths: string[] = [];
  const walk = (level: Level, prefix: string, depth: number): boolean => {
    const entries = level.entries;
    if (!entries || entries.length >= MAX_GRAPHQL_DIRECTORY) return false;
    for (const e of entries) {
      const path = `${prefix}${e.name}`;
      if (e.type === 'blob') paths.push(path);
      else if (e.type === 'tree') {
        if (depth === TREE_DEPTH || !e.object || !walk(e.object, `${path}/`, depth + 1)) return false;
      }
    }
    return true;
  };
  return walk(tree, '', 1) ? paths : undefined;
}
