import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  require_picomatch
} from "./chunk-XCJ6UWEH.js";
import {
  __toESM
} from "./chunk-W373M6OA.js";

// src/providers/repository-filter.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function repositoryFilter(filters) {
  const opts = { nocase: true, dot: true };
  const include = filters.include?.length ? (0, import_picomatch.default)([...filters.include], opts) : void 0;
  const exclude = filters.exclude?.length ? (0, import_picomatch.default)([...filters.exclude], opts) : void 0;
  return (r) => {
    if (r.archived && !filters.includeArchived) return false;
    if (r.fork && !filters.includeForks) return false;
    if (include && !include(r.fullName) && !include(r.name)) return false;
    if (exclude && (exclude(r.fullName) || exclude(r.name))) return false;
    return true;
  };
}

export {
  repositoryFilter
};
