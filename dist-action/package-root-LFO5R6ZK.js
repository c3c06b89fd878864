import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  builtinPolicyDir,
  packageRoot,
  secpolReleaseCommit,
  secpolVersion
} from "./chunk-3S753M6K.js";
import "./chunk-W373M6OA.js";
export {
  builtinPolicyDir,
  packageRoot,
  secpolReleaseCommit,
  secpolVersion
};
