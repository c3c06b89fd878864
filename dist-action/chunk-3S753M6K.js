import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/app/package-root.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, "utf8")).name === "secpol") return dir;
      } catch {
      }
    }
    dir = dirname(dir);
  }
  throw new Error("cannot locate the secpol package root");
}
function builtinPolicyDir() {
  return join(packageRoot(), "policies", "builtin");
}
function secpolVersion() {
  return "0.1.0";
}
function secpolReleaseCommit() {
  const commit = true ? "" : "";
  return /^[0-9a-f]{40}$/.test(commit) ? commit : void 0;
}

export {
  packageRoot,
  builtinPolicyDir,
  secpolVersion,
  secpolReleaseCommit
};
