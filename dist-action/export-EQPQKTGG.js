import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  renderComplianceExport
} from "./chunk-TH3CYTHP.js";
import "./chunk-IBXEJTIP.js";
import "./chunk-6DMZHOSZ.js";
import "./chunk-LS7IB64P.js";
import "./chunk-7GBTORYK.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-W373M6OA.js";
export {
  renderComplianceExport
};
