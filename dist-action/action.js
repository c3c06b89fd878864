import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  runCli
} from "./chunk-OXWX3THP.js";
import "./chunk-D37RCNAY.js";
import "./chunk-SDQONHYZ.js";
import {
  escapeData
} from "./chunk-3ITZJXIF.js";
import "./chunk-IBXEJTIP.js";
import "./chunk-6DMZHOSZ.js";
import {
  processIo
} from "./chunk-H4MPYACI.js";
import "./chunk-PC4BAM7X.js";
import "./chunk-LS7IB64P.js";
import "./chunk-7AH5QC2N.js";
import "./chunk-L5QX7PQ4.js";
import "./chunk-VTOSPDMA.js";
import "./chunk-6WQEB4TW.js";
import "./chunk-7GBTORYK.js";
import "./chunk-336B3YIU.js";
import "./chunk-RVV4H2YY.js";
import "./chunk-B7DHMJ7P.js";
import {
  UserError,
  isUserError
} from "./chunk-6HNUAN2P.js";
import "./chunk-W373M6OA.js";

// src/action.ts
import { randomUUID } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/cli/action-inputs.ts
var optionInputs = [
  { input: "config", flag: "--config" },
  { input: "policies", flag: "--policies", list: true },
  { input: "state", flag: "--state", list: true },
  { input: "repos", flag: "--repo", list: true },
  { input: "github-org", flag: "--github-org" },
  { input: "gitlab-group", flag: "--gitlab-group" },
  { input: "ado-org", flag: "--ado-org" },
  { input: "ado-project", flag: "--ado-project" }
];
function actionInput(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function actionList(env, name) {
  return actionInput(env, name).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
}
function actionBoolean(env, name, fallback) {
  const value = actionInput(env, name);
  if (value === "") return fallback;
  if (/^(?:true|yes|on)$/i.test(value)) return true;
  if (/^(?:false|no|off)$/i.test(value)) return false;
  throw new UserError(`input '${name}' must be true or false, not '${value}'`);
}
function actionArgv(env, jsonFile2) {
  const argv = ["check", actionInput(env, "path") || "."];
  for (const { input, flag, list } of optionInputs) {
    const values = list ? actionList(env, input) : [actionInput(env, input)].filter((v) => v !== "");
    for (const value of values) argv.push(flag, value);
  }
  const failOn = actionInput(env, "fail-on");
  if (failOn) argv.push("--fail-on", failOn.toLowerCase());
  argv.push("--format", actionBoolean(env, "annotations", true) ? "github" : "text");
  const sarif2 = actionInput(env, "sarif");
  if (sarif2) argv.push("--format", `sarif=${sarif2}`);
  for (const spec of actionList(env, "formats")) {
    if (!spec.includes("=")) throw new UserError(`input 'formats': '${spec}' needs a file (format=file, one a line)`);
    argv.push("--format", spec);
  }
  argv.push("--format", `json=${jsonFile2}`);
  return argv;
}

// src/action.ts
var io = processIo();
var scratch = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), "secpol-"));
var jsonFile = join(scratch, "report.json");
var token = actionInput(process.env, "token");
if (token) {
  io.out(`::add-mask::${escapeData(token)}
`);
  process.env.GITHUB_TOKEN = token;
}
var exitCode;
try {
  exitCode = await runCli(actionArgv(process.env, jsonFile), io);
} catch (err) {
  if (!isUserError(err)) throw err;
  io.err(`secpol: ${err.message}
`);
  exitCode = 2;
}
var outputs = { "exit-code": String(exitCode) };
var sarif = actionInput(process.env, "sarif");
try {
  const report = JSON.parse(readFileSync(jsonFile, "utf8"));
  Object.assign(outputs, {
    failed: String(report.summary.fail),
    errors: String(report.summary.error),
    passed: String(report.summary.pass),
    skipped: String(report.summary.skip),
    waived: String(report.summary.waived)
  });
  if (sarif) outputs["sarif-file"] = sarif;
} catch {
}
rmSync(scratch, { recursive: true, force: true });
if (process.env.GITHUB_OUTPUT) {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}<<${delimiter}
${v}
${delimiter}
`).join(""));
}
process.exitCode = exitCode;
