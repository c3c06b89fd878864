import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  processIo,
  runCli
} from "./chunk-IOW7T36E.js";
import "./chunk-S35TH4RA.js";
import "./chunk-JOX3LK7Z.js";
import "./chunk-WYMJAFFR.js";
import "./chunk-VPWDGCSL.js";
import "./chunk-ZJVLZNFP.js";
import "./chunk-66KPFJW4.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-XCJ6UWEH.js";
import "./chunk-FZ4LJW6X.js";
import "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import "./chunk-W373M6OA.js";

// src/bin.ts
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await runCli(process.argv.slice(2), processIo());
