import { createRequire as __secpolCreateRequire } from 'node:module';
const require = __secpolCreateRequire(import.meta.url);
import {
  renderComplianceExport
} from "./chunk-EOMG6KEC.js";
import "./chunk-BXBC5UEG.js";
import "./chunk-756GVLWT.js";
import "./chunk-5PS2FENI.js";
import "./chunk-36U2GMZ7.js";
export {
  renderComplianceExport
};
