import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  buildProgram,
  runCli
} from "./chunk-OXWX3THP.js";
import "./chunk-D37RCNAY.js";
import "./chunk-SDQONHYZ.js";
import "./chunk-6DMZHOSZ.js";
import "./chunk-H4MPYACI.js";
import "./chunk-PC4BAM7X.js";
import "./chunk-LS7IB64P.js";
import "./chunk-7AH5QC2N.js";
import "./chunk-L5QX7PQ4.js";
import "./chunk-VTOSPDMA.js";
import "./chunk-6WQEB4TW.js";
import "./chunk-336B3YIU.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-B7DHMJ7P.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";
import "./chunk-W373M6OA.js";
export {
  UserError,
  buildProgram,
  runCli
};
