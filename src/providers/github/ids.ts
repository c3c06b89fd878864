/**
 * Resource ids are `github:<path>`. Names come from the API and may hold anything
 * (escape sequences, newlines, `/`, Markdown): an id segment keeps safe characters and
 * percent-encodes the rest, so ids and paths never break. Display names keep the raw data.
 */
export function idSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9._~@+-]/gu, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A repository-relative file path: keeps `/` but encodes control characters and spaces. */
export function pathSegment(path: string): string {
  return path
    .split('/')
    .map((p) => idSegment(p))
    .join('/');
}

export const orgId = (org: string): string => `github:${idSegment(org)}`;
export const repoId = (owner: string, name: string): string => `github:${idSegment(owner)}/${idSegment(name)}`;
