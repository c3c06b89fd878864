import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/app/origin.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
async function gitOriginUrl(path) {
  try {
    const { stdout } = await execFileAsync("git", ["-C", path, "config", "--get", "remote.origin.url"], { timeout: 5e3 });
    const url = stdout.trim();
    return url ? stripCredentials(url) : void 0;
  } catch {
    return void 0;
  }
}
function stripCredentials(url) {
  return url.replace(/^(\w+:\/\/)[^/@]*@/, "$1");
}

export {
  gitOriginUrl,
  stripCredentials
};
