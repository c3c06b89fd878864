import { createRequire as __secpolCreateRequire } from 'node:module';
const require = __secpolCreateRequire(import.meta.url);
import {
  processIo,
  runCli
} from "./chunk-7XWMAATI.js";
import "./chunk-VVDAFQY2.js";
import "./chunk-VLUQZEQT.js";
import "./chunk-BXBC5UEG.js";
import "./chunk-W3O4AOFU.js";
import "./chunk-756GVLWT.js";
import "./chunk-V2RFY25B.js";
import "./chunk-5PS2FENI.js";
import "./chunk-RTECYKWE.js";
import "./chunk-R4NHTPYD.js";
import "./chunk-72UQQLOD.js";
import "./chunk-3GGAOV5L.js";
import "./chunk-36U2GMZ7.js";

// src/bin.ts
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await runCli(process.argv.slice(2), processIo());
