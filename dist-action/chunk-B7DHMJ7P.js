import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/shared/secret-matcher.ts
var SecretMatcher = class {
  /** `secrets`: non-empty strings (duplicates allowed). */
  constructor(secrets, replacement, regexLimit = 8) {
    this.replacement = replacement;
    const longestFirst = [...new Set(secrets)].filter((s) => s !== "").sort((a, b) => b.length - a.length);
    if (longestFirst.length === 0) return;
    if (longestFirst.length <= regexLimit) this.regex = new RegExp(longestFirst.map(escapeRegExp).join("|"), "g");
    else this.rolling = new RollingIndex(longestFirst);
  }
  replacement;
  regex;
  rolling;
  replace(text) {
    if (this.regex) return text.replace(this.regex, () => this.replacement);
    return this.rolling ? this.rolling.replace(text, this.replacement) : text;
  }
};
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
var BASE = 16777619;
var FILTER_BITS = 20;
var RollingIndex = class {
  /** The shortest secret's length: the window size. */
  width;
  /** BASE^(width-1), to take the leaving code unit out of the hash. */
  lead;
  filter = new Uint8Array(1 << FILTER_BITS);
  /** Secrets by the hash of their first `width` code units, longest first. */
  byHash = /* @__PURE__ */ new Map();
  constructor(longestFirst) {
    this.width = longestFirst[longestFirst.length - 1].length;
    let lead = 1;
    for (let i = 1; i < this.width; i++) lead = Math.imul(lead, BASE);
    this.lead = lead;
    for (const secret of longestFirst) {
      const h = this.hashAt(secret, 0);
      this.filter[h & (1 << FILTER_BITS) - 1] = 1;
      const list = this.byHash.get(h);
      if (list) list.push(secret);
      else this.byHash.set(h, [secret]);
    }
  }
  hashAt(text, from) {
    let h = 0;
    for (let i = from; i < from + this.width; i++) h = Math.imul(h, BASE) + text.charCodeAt(i) | 0;
    return h;
  }
  replace(text, replacement) {
    const { width, lead, filter, byHash } = this;
    const last = text.length - width;
    if (last < 0) return text;
    const mask = (1 << FILTER_BITS) - 1;
    let out = "";
    let copied = 0;
    let h = this.hashAt(text, 0);
    for (let i = 0; i <= last; ) {
      if (filter[h & mask] === 1) {
        const found = byHash.get(h)?.find((s) => text.startsWith(s, i));
        if (found !== void 0) {
          out += text.slice(copied, i) + replacement;
          i += found.length;
          copied = i;
          if (i <= last) h = this.hashAt(text, i);
          continue;
        }
      }
      if (i < last) h = Math.imul(h - Math.imul(text.charCodeAt(i), lead) | 0, BASE) + text.charCodeAt(i + width) | 0;
      i++;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
};

// src/shared/redact.ts
var Redactor = class {
  secrets = /* @__PURE__ */ new Set();
  /** Built on first use after a change; undefined while nothing is registered. */
  matcher;
  stale = false;
  add(secret) {
    if (secret && secret.length >= 6 && !this.secrets.has(secret)) {
      this.secrets.add(secret);
      this.stale = true;
    }
  }
  /** True when `text` holds a registered secret as is or JSON-escaped (for caches that must refuse it). */
  holdsSecret(text) {
    for (const s of this.secrets) if (text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1))) return true;
    return false;
  }
  /** Every registered secret replaced in one pass over the text (the longest where several start at one place), then common shapes. */
  redact(text) {
    if (this.stale) {
      this.matcher = new SecretMatcher([...this.secrets], "[REDACTED]");
      this.stale = false;
    }
    return scrubCommonSecrets(this.matcher ? this.matcher.replace(text) : text);
  }
  /**
   * Plain data (a report, a snapshot) with every string and every key redacted. Runs on the
   * raw values, before any format escapes them: once Markdown has turned `ghp_` into `ghp\_`,
   * or HTML `&` into `&amp;`, no pattern or registered value matches any more.
   *
   * The input is never changed. Plain objects and arrays in which nothing needed redacting are
   * returned as they are rather than copied (a 250,000-result report is mostly such parts, and
   * renderers cache by identity what results share); a part shared in the input stays shared,
   * redacted or not.
   */
  redactDeep(value) {
    return this.redactValue(value, /* @__PURE__ */ new Map(), /* @__PURE__ */ new Map());
  }
  redactValue(value, strings, objects) {
    if (typeof value === "string") {
      if (value.length < 6) return value;
      let redacted = strings.get(value);
      if (redacted === void 0) {
        redacted = this.redact(value);
        strings.set(value, redacted);
      }
      return redacted;
    }
    if (value === null || typeof value !== "object") return value;
    const done = objects.get(value);
    if (done !== void 0) return done;
    let out;
    if (Array.isArray(value)) {
      let copy;
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        const redacted = this.redactValue(item, strings, objects);
        if (copy === void 0 && redacted !== item) copy = value.slice(0, i);
        copy?.push(redacted);
      }
      out = copy ?? value;
    } else {
      const proto = Object.getPrototypeOf(value);
      let copy = proto === Object.prototype || proto === null ? void 0 : {};
      const keys = Object.keys(value);
      const source = value;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const item = source[key];
        const redactedKey = key.length < 6 ? key : this.redactValue(key, strings, objects);
        const redacted = this.redactValue(item, strings, objects);
        if (copy === void 0 && (redacted !== item || redactedKey !== key)) {
          copy = {};
          for (let j = 0; j < i; j++) copy[keys[j]] = source[keys[j]];
        }
        if (copy !== void 0) copy[redactedKey] = redacted;
      }
      out = copy ?? value;
    }
    if (out !== value) objects.set(value, out);
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
