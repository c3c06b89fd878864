import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  keyHint,
  knownKeys
} from "./chunk-UBKRLGK6.js";
import {
  escapeUnsafe,
  quote
} from "./chunk-PC4BAM7X.js";
import {
  require_dist
} from "./chunk-BM5TH3ZM.js";
import {
  __toESM
} from "./chunk-W373M6OA.js";

// src/shared/source-file.ts
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
function decodeSource(bytes, file) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [binaryDiagnostic(file, "is not valid UTF-8 text")] };
  }
  return { text, diagnostics: [] };
}
async function readSourceFile(file) {
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { diagnostics: [readFailure(file, err)] };
  }
  return decodeSource(bytes, file);
}
function readSourceFileSync(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { diagnostics: [readFailure(file, err)] };
  }
  return decodeSource(bytes, file);
}
function readFailure(file, err) {
  const code = err.code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a file" : code === "EACCES" ? "permission denied" : `cannot be read (${code ?? "unknown error"})`;
  return { severity: "error", file, message: why };
}
function binaryDiagnostic(file, why) {
  return { severity: "error", file, line: 1, column: 1, message: `${why}: refusing binary content (expected a YAML or JSON text file)` };
}
function findNul(text) {
  return text.indexOf("\0");
}

// src/shared/yaml-locate.ts
var import_yaml = __toESM(require_dist(), 1);

// src/shared/located-document.ts
var MAX_ALIAS_COUNT = 100;
var START = { line: 1, column: 1 };
function formatDocPath(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[\w.-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${quote(seg).replace(/"/g, "'")}]`;
  }
  return out;
}

// src/shared/yaml-locate.ts
function parseLocated(text, file) {
  try {
    return parseLocatedUnsafe(text, file);
  } catch (err) {
    const why = err instanceof RangeError ? "the document is nested too deeply" : `cannot read YAML: ${err instanceof Error ? err.message : String(err)}`;
    return { value: void 0, locate: () => START, diagnostics: [{ severity: "error", file, ...START, message: why }] };
  }
}
function parseLocatedUnsafe(text, file) {
  const lineCounter = new import_yaml.LineCounter();
  const diagnostics = [];
  const fallback = { value: void 0, locate: () => START, diagnostics };
  if (findNul(text) >= 0) {
    diagnostics.push(binaryDiagnostic(file, "contains NUL bytes"));
    return fallback;
  }
  const source = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const doc = (0, import_yaml.parseDocument)(source, {
    lineCounter,
    // Node ranges (kept by default) are all `locate` needs; CST tokens would only cost memory.
    keepSourceTokens: false,
    uniqueKeys: true,
    prettyErrors: false,
    // Only the YAML 1.2 core schema: no !!binary, !!set, !!timestamp surprises.
    resolveKnownTags: false,
    logLevel: "error"
  });
  const pos = (offset) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const err of doc.errors) {
    const p = pos(err.pos[0]);
    diagnostics.push({ severity: "error", file, ...p, message: yamlErrorMessage(err.code, err.message) });
  }
  for (const warn of doc.warnings) {
    const p = pos(warn.pos[0]);
    diagnostics.push({ severity: "warning", file, ...p, message: yamlErrorMessage(warn.code, warn.message, "YAML") });
  }
  const locate = (path, target = "value") => {
    const offset = locateOffset(doc, path, target);
    return offset === void 0 ? START : pos(offset);
  };
  if (doc.errors.length > 0) return { value: void 0, locate, diagnostics };
  const complexKey = findComplexKey(doc);
  if (complexKey !== void 0) {
    diagnostics.push({ severity: "error", file, ...pos(complexKey), message: "mapping keys must be plain strings, not collections" });
    return { value: void 0, locate, diagnostics };
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      const at = firstAliasOffset(doc);
      diagnostics.push({
        severity: "error",
        file,
        ...at === void 0 ? START : pos(at),
        message: `too many YAML alias expansions (limit ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`
      });
    } else {
      diagnostics.push({ severity: "error", file, ...START, message: `cannot read YAML: ${err instanceof Error ? err.message : String(err)}` });
    }
    return { value: void 0, locate, diagnostics };
  }
  return { value, locate, diagnostics };
}
function yamlErrorMessage(code, message, prefix = "YAML syntax error") {
  const first = message.split("\n")[0] ?? message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY") return "duplicate key (map keys must be unique)";
  if (code === "MULTIPLE_DOCS") return "only one YAML document per file is allowed";
  return `${prefix}: ${escapeUnsafe(clean)}`;
}
function locateOffset(doc, path, target) {
  let node = doc.contents;
  let best = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if ((0, import_yaml.isAlias)(node)) node = node.resolve(doc);
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((p) => (0, import_yaml.isPair)(p) && (0, import_yaml.isScalar)(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const last = i === path.length - 1;
      const keyStart = rangeStart(pair.key);
      if (last && target === "key") return keyStart ?? best;
      const valueStart = rangeStart(pair.value);
      best = valueStart ?? keyStart ?? best;
      node = pair.value;
    } else if ((0, import_yaml.isSeq)(node)) {
      const item = typeof seg === "number" ? node.items[seg] : void 0;
      if (item === void 0) return best;
      best = rangeStart(item) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}
function rangeStart(node) {
  if (node && typeof node === "object" && "range" in node) {
    const range = node.range;
    if (range) return range[0];
  }
  return void 0;
}
function findComplexKey(doc) {
  let found;
  (0, import_yaml.visit)(doc, {
    Pair(_key, pair) {
      if ((0, import_yaml.isCollection)(pair.key)) {
        found = rangeStart(pair.key) ?? 0;
        return import_yaml.visit.BREAK;
      }
      return void 0;
    }
  });
  return found;
}
function firstAliasOffset(doc) {
  let found;
  (0, import_yaml.visit)(doc, {
    Alias(_key, node) {
      found = rangeStart(node);
      return import_yaml.visit.BREAK;
    }
  });
  return found;
}

// src/shared/schema-diagnostics.ts
function zodIssuesToDiagnostics(issues, locate, file, options = {}) {
  const out = [];
  const prefix = options.prefix ?? [];
  for (const raw of issues) {
    const issuePath = raw.path.filter((p) => typeof p !== "symbol");
    const issue = "input" in raw || !("root" in options) ? raw : { ...raw, input: valueAt(options.root, issuePath) };
    const path = [...prefix, ...issuePath];
    if (issue.code === "unrecognized_keys" && issue.keys && issue.keys.length > 0) {
      const known = options.schema ? knownKeys(options.schema, issuePath, options.root) : void 0;
      for (const key of issue.keys) {
        const at2 = locate([...path, key], "key");
        out.push({ severity: "error", file, ...at2, message: `unknown key ${quote(key)}${where(path)}${known ? keyHint(key, known) : ""}` });
      }
      continue;
    }
    const at = locate(path, isMissing(issue) ? "key" : "value");
    out.push({ severity: "error", file, ...at, message: issueMessage(issue, path) });
  }
  return out;
}
function isMissing(issue) {
  return issue.code === "invalid_type" && issue.input === void 0 && (!("input" in issue) ? /received undefined/.test(issue.message) : true);
}
function valueAt(root, path) {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, seg)) return void 0;
    cur = cur[seg];
  }
  return cur;
}
function where(path) {
  return path.length ? ` in ${formatDocPath(path)}` : "";
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${quote(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value)}`;
  return `${typeof value} ${String(value)}`;
}
function issueMessage(issue, path) {
  const name = path.length ? `"${formatDocPath(path)}"` : "the document";
  switch (issue.code) {
    case "invalid_type":
      if (isMissing(issue)) {
        const last = path[path.length - 1];
        return typeof last === "string" ? `missing required key ${quote(last)}${where(path.slice(0, -1))}` : `${name} is required`;
      }
      return `${name} must be ${article(String(issue.expected))}${"input" in issue ? `, got ${describe(issue.input)}` : ""}`;
    case "invalid_union": {
      if (issue.discriminator && issue.options) {
        const input = issue.input;
        const value = input && typeof input === "object" ? input[issue.discriminator] : void 0;
        const allowed = issue.options.map((v) => JSON.stringify(v)).join(", ");
        if (value === void 0) return `missing required key ${quote(issue.discriminator)}${where(path.slice(0, -1))} (one of ${allowed})`;
        return `${name} must be one of ${allowed}, got ${describe(value)}`;
      }
      const expected = (issue.errors ?? []).map((branch) => branch.length === 1 && branch[0].code === "invalid_type" && branch[0].path.length === 0 ? branch[0].expected : void 0);
      if (expected.length > 0 && expected.every((e) => e !== void 0)) {
        return `${name} must be ${expected.map((e) => article(String(e))).join(" or ")}${"input" in issue ? `, got ${describe(issue.input)}` : ""}`;
      }
      return `${name} does not match any of the allowed forms`;
    }
    case "invalid_value":
      if (issue.values && issue.values.length > 0) {
        return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${"input" in issue ? `, got ${describe(issue.input)}` : ""}`;
      }
      return `${name}: ${issue.message}`;
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "custom":
    default:
      return `${name}: ${lowerFirst(issue.message)}`;
  }
}
function article(expected) {
  const names = {
    string: "a string",
    number: "a number",
    boolean: "true or false",
    array: "a list",
    object: "a mapping",
    record: "a mapping",
    int: "an integer"
  };
  return names[expected] ?? expected;
}
function lowerFirst(s) {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

export {
  START,
  readSourceFile,
  readSourceFileSync,
  findNul,
  parseLocated,
  zodIssuesToDiagnostics
};
