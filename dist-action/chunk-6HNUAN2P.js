import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/shared/errors.ts
function formatDiagnostic(d) {
  const where = d.file ? [d.file, d.line, d.line !== void 0 ? d.column : void 0].filter((p) => p !== void 0).join(":") : "";
  const prefix = d.severity === "warning" ? "warning: " : "";
  return where ? `${where}: ${prefix}${d.message}` : `${prefix}${d.message}`;
}
var UserError = class extends Error {
  diagnostics;
  constructor(diagnostics) {
    const list = typeof diagnostics === "string" ? [{ severity: "error", message: diagnostics }] : diagnostics;
    super(list.map(formatDiagnostic).join("\n"));
    this.name = "UserError";
    this.diagnostics = list;
  }
};
function isUserError(err) {
  return err instanceof UserError;
}
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}

export {
  formatDiagnostic,
  UserError,
  isUserError,
  errorMessage
};
