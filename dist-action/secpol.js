import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  processIo,
  runCli
} from "./chunk-MNVEFFN3.js";
import "./chunk-YQET5QLY.js";
import "./chunk-DQJKIYIQ.js";
import "./chunk-6DMZHOSZ.js";
import "./chunk-6TDDEGUQ.js";
import "./chunk-FXNNR3OJ.js";
import "./chunk-SDQONHYZ.js";
import "./chunk-L26WBE74.js";
import "./chunk-2473HE6L.js";
import "./chunk-S4LFGLRT.js";
import "./chunk-7AH5QC2N.js";
import "./chunk-7Z2SP4JL.js";
import "./chunk-KZOSQBF2.js";
import "./chunk-AFOK5BK5.js";
import "./chunk-TY6H2BNP.js";
import "./chunk-ZSQFSEXC.js";
import "./chunk-SUSKIWMK.js";
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
