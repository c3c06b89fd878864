import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/providers/shard.ts
import { createHash } from "node:crypto";
var MAX_SHARDS = 256;
function parseShard(text) {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  if (!m) return void 0;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count && count <= MAX_SHARDS ? { index, count } : void 0;
}
function shardOf(resourceId, count) {
  const digest = createHash("sha256").update(resourceId).digest();
  return digest.readUInt32BE(0) % count + 1;
}
function inShard(resourceId, shard) {
  return !shard || shard.count === 1 || shardOf(resourceId, shard.count) === shard.index;
}
function collectsOrgLevel(shard) {
  return !shard || shard.index === 1;
}

export {
  MAX_SHARDS,
  parseShard,
  inShard,
  collectsOrgLevel
};
