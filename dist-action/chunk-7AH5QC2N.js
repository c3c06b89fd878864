import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/providers/local/meta.ts
var meta = {
  name: "local",
  summary: "the working tree at the check path (tracked files, pipelines, Dockerfiles, secrets in files); no network",
  kinds: ["repository", "pipeline", "container-image"],
  options: [],
  configTargets: {},
  env: { credentials: [], endpoints: [] },
  fallback: true,
  isTargeted: () => false,
  hasCredential: () => true
};

export {
  meta
};
