import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  errorMessage
} from "./chunk-6HNUAN2P.js";

// src/providers/failure.ts
function gapFromStatus(status, message, options = {}) {
  const reason = reasonForStatus(status);
  const gap = { reason, message };
  if (reason === "forbidden" || reason === "not-found") gap.outcome = options.explicit ? "error" : "skip";
  return gap;
}
function reasonForStatus(status) {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 408 || status === 504) return "timeout";
  if (status === 429) return "rate-limited";
  return "error";
}
function gapFromError(err, what) {
  const msg = errorMessage(err);
  if (err && typeof err === "object" && "name" in err && err.name === "ZodError") {
    return { reason: "malformed", message: `${what}: response failed validation` };
  }
  if (/timeout|timed out|ETIMEDOUT|AbortError/i.test(msg)) return { reason: "timeout", message: `${what}: timed out` };
  if (/Unexpected end of JSON|JSON/i.test(msg)) return { reason: "malformed", message: `${what}: malformed response` };
  return { reason: "error", message: `${what}: ${msg.split("\n")[0]}` };
}

export {
  gapFromStatus,
  gapFromError
};
