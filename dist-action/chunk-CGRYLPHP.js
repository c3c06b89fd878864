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
  /** True when `text` holds a registered secret as is or JSON-escaped (for caches that must refuse it). */
  holdsSecret(text) {
    for (const s of this.secrets) if (text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1))) return true;
    return false;
  }
  redact(text) {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join("[REDACTED]");
    return scrubCommonSecrets(out);
  }
  /**
   * A copy of plain data (a report, a snapshot) with every string and every key redacted. Runs
   * on the raw values, before any format escapes them: once Markdown has turned `ghp_` into
   * `ghp\_`, or HTML `&` into `&amp;`, no pattern or registered value matches any more.
   */
  redactDeep(value) {
    return this.redactValue(value);
  }
  redactValue(value) {
    if (typeof value === "string") return value.length < 6 ? value : this.redact(value);
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item));
    const out = {};
    for (const [key, item] of Object.entries(value)) out[key.length < 6 ? key : this.redact(key)] = this.redactValue(item);
    return out;
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
  const out = text.replace(COMMON_SECRETS, (...args) => {
    const groups = args[args.length - 1];
    if (groups.auth) return `${groups.auth}[REDACTED]`;
    if (groups.scheme) return "//[REDACTED]@";
    return "[REDACTED]";
  });
  return out.includes("@") ? maskRegistryCredentials(out) : out;
}
var NOT_CREDENTIAL = /[\s/:@"'=([{,;]/;
var REGISTRY_HOST = /[A-Za-z0-9][A-Za-z0-9.-]*(?::\d+)?\//y;
function maskRegistryCredentials(text) {
  let out = "";
  let copied = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    REGISTRY_HOST.lastIndex = at + 1;
    if (!REGISTRY_HOST.test(text)) continue;
    let colon = at - 1;
    while (colon >= copied && !NOT_CREDENTIAL.test(text[colon])) colon--;
    if (colon < copied || colon === at - 1 || text[colon] !== ":") continue;
    let start = colon - 1;
    while (start >= copied && !NOT_CREDENTIAL.test(text[start])) start--;
    if (start === colon - 1) continue;
    out += `${text.slice(copied, start + 1)}[REDACTED]`;
    copied = at;
  }
  return copied === 0 ? text : out + text.slice(copied);
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
