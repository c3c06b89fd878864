import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  processIo,
  runCli
} from "./chunk-EUYM26LY.js";
import "./chunk-HD5MZR3B.js";
import "./chunk-DQJKIYIQ.js";
import "./chunk-6DMZHOSZ.js";
import "./chunk-EVPTDKLT.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-SDQONHYZ.js";
import "./chunk-L26WBE74.js";
import "./chunk-2473HE6L.js";
import "./chunk-VLIIBWI3.js";
import "./chunk-7AH5QC2N.js";
import "./chunk-7Z2SP4JL.js";
import "./chunk-L5QX7PQ4.js";
import "./chunk-VTOSPDMA.js";
import "./chunk-TTZMJX2J.js";
import "./chunk-6WQEB4TW.js";
import "./chunk-ZSQFSEXC.js";
import "./chunk-336B3YIU.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-CGRYLPHP.js";
import "./chunk-XCJ6UWEH.js";
import "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/bin.ts
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await runCli(process.argv.slice(2), processIo());
