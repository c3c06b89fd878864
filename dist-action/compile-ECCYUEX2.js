import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  closest,
  compileRule,
  compileRules,
  ruleDefinition
} from "./chunk-HABV22VA.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-UBKRLGK6.js";
import "./chunk-PC4BAM7X.js";
import "./chunk-LS7IB64P.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-XCJ6UWEH.js";
import "./chunk-W373M6OA.js";
export {
  closest,
  compileRule,
  compileRules,
  ruleDefinition
};
