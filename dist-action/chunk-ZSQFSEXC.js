import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/providers/doctor-checks.ts
function doctorStatusOf(gap) {
  switch (gap.reason) {
    case "forbidden":
    case "not-found":
    case "unauthenticated":
      return "missing";
    case "timeout":
    case "rate-limited":
      return "unreachable";
    case "unsupported":
    case "not-applicable":
      return "unknown";
    default:
      return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|certificate|socket hang up|fetch failed/i.test(gap.message) ? "unreachable" : "error";
  }
}
function probeCheck(name, result) {
  if (result.ok) return { name, status: "ok", detail: "ok" };
  if (result.gap.reason === "malformed") return { name, status: "ok", detail: `ok (access granted; ${result.gap.message})` };
  const status = doctorStatusOf(result.gap);
  return { name, status, detail: `${status.toUpperCase()}: ${result.gap.message}` };
}
function doctorFails(checks) {
  return checks.some((c) => c.status === "missing" || c.status === "unreachable" || c.status === "error");
}

export {
  probeCheck,
  doctorFails
};
