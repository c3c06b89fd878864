import { createHash } from 'node:crypto';

/** `--shard i/n`: this run scans the i-th of n parts of an org/group/project's repositories. */
export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export const MAX_SHARDS = 256;

/** Parses `i/n` (1 <= i <= n <= 256); undefined when malformed. */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count && count <= MAX_SHARDS ? { index, count } : undefined;
}

/**
 * The shard (1-based) a repository belongs to: a hash of its resource id, so a repository stays
 * in its shard when others are added or removed, and every job computes the same partition
 * without talking to the others.
 */
export function shardOf(resourceId: string, count: number): number {
  const digest = createHash('sha256').update(resourceId).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** Whether this run collects the repository with this resource id (every repository without a shard). */
export function inShard(resourceId: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(resourceId, shard.count) === shard.index;
}

/** Organization-level resources (the org, its members, secrets and tokens) are collected by shard 1 only. */
export function collectsOrgLevel(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}
