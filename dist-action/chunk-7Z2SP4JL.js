import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/shared/limits.ts
import { statSync } from "node:fs";
var LIMITS = {
  policyFile: 1024 * 1024,
  configFile: 1024 * 1024,
  /** JSON state goes through JSON.parse: machine-written snapshots of large organizations. */
  jsonStateFile: 256 * 1024 * 1024,
  /** YAML state is parsed with positions, as policies are: hand-declared facts. */
  yamlStateFile: 4 * 1024 * 1024,
  /** .gitignore patterns are matched one by one against every path. */
  gitignore: 64 * 1024
};
var MAX_ERRORS_PER_FILE = 100;
function formatBytes(bytes) {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, "MiB"] : [bytes / 1024, "KiB"];
  return `${Number(value.toFixed(1))} ${unit}`;
}
function sizeProblem(file, limit, what) {
  let info;
  try {
    info = statSync(file);
  } catch {
    return void 0;
  }
  if (info.isDirectory()) return void 0;
  if (!info.isFile()) return { severity: "error", file, message: `${what} is not a regular file` };
  if (info.size > limit) return { severity: "error", file, message: `${what} is ${formatBytes(info.size)}, larger than the ${formatBytes(limit)} limit` };
  return void 0;
}

export {
  LIMITS,
  MAX_ERRORS_PER_FILE,
  formatBytes,
  sizeProblem
};
