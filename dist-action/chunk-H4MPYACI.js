import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/cli/io.ts
function processIo() {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd()
  };
}
function colorEnabled(io, flag) {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== void 0 && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== void 0 && io.env.FORCE_COLOR !== "0") return true;
  return io.stdoutIsTty && io.env.TERM !== "dumb";
}
function progressSink(io, quiet) {
  if (quiet || !io.stderrIsTty) return { update: () => {
  }, done: () => {
  } };
  let last = 0;
  let shown = false;
  return {
    update(message) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const clean = message.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, 100);
      io.err(`\r\x1B[2K${clean}`);
    },
    done() {
      if (shown) io.err("\r\x1B[2K");
    }
  };
}

export {
  processIo,
  colorEnabled,
  progressSink
};
