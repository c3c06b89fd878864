import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/shared/redact.ts
var Redactor = class {
  secrets = /* @__PURE__ */ new Set();
  add(secret) {
    if (secret && secret.length >= 6) this.secrets.add(secret);
  }
  redact(text) {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join("[REDACTED]");
    return scrubCommonSecrets(out);
  }
  /**
   * `redact` over a text that arrives in pieces, without joining all of it: the text is cut
   * into batches of about `batchSize` characters and each batch is redacted on its own. The
   * result is the same as redacting the joined text, whatever the pieces, because a batch only
   * ends where no match can cross: right after a line break (the token and URL patterns never
   * span one, nor does a registered secret unless it holds one, in which case everything is
   * one batch), and not after white space alone or after an `authorization:`/`bearer`/`token`/
   * `basic` that could go on in the next line. A replacement ends in `]`, so it cannot make a
   * batch end in one of those words.
   */
  *redactChunks(chunks, batchSize = 1 << 16) {
    const oneBatch = [...this.secrets].some((s) => /[\r\n]/.test(s));
    let batch = [];
    let size = 0;
    let limit = batchSize;
    for (const chunk of chunks) {
      batch.push(chunk);
      size += chunk.length;
      if (oneBatch || size < limit) continue;
      const text = batch.length === 1 ? chunk : batch.join("");
      const cut = text.lastIndexOf("\n") + 1;
      if (cut === 0 || !endsSafely(text.slice(Math.max(0, cut - 64), cut))) {
        batch = [text];
        limit = size * 2;
        continue;
      }
      yield this.redact(cut === text.length ? text : text.slice(0, cut));
      const rest = text.slice(cut);
      batch = rest === "" ? [] : [rest];
      size = rest.length;
      limit = batchSize;
    }
    if (batch.length > 0) yield this.redact(batch.join(""));
  }
};
var CONTINUES = /(?:authorization:|bearer|token|basic)$/i;
function endsSafely(head) {
  const end = head.trimEnd();
  return end !== "" && !CONTINUES.test(end.slice(-16));
}
var COMMON_SECRETS = new RegExp(
  [
    String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16})\b`,
    String.raw`(?<auth>authorization:\s*)(?:bearer|token|basic)\s+[^\s"']+`,
    String.raw`(?<scheme>\/\/)[^/\s:@]+:[^/\s@]+@`
  ].join("|"),
  "gi"
);
function scrubCommonSecrets(text) {
  return text.replace(COMMON_SECRETS, (...args) => {
    const groups = args[args.length - 1];
    if (groups.auth) return `${groups.auth}[REDACTED]`;
    if (groups.scheme) return "//[REDACTED]@";
    return "[REDACTED]";
  });
}
function maskSecret(value) {
  if (value.length <= 8) return "*".repeat(value.length);
  return value.slice(0, 4) + "*".repeat(Math.min(value.length - 4, 16));
}

export {
  Redactor,
  scrubCommonSecrets,
  maskSecret
};
