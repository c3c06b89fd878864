import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  lineStarts,
  positionAt
} from "./chunk-66KPFJW4.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";
import {
  require_dist
} from "./chunk-BM5TH3ZM.js";
import {
  __toESM
} from "./chunk-W373M6OA.js";

// src/shared/quote.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeUnsafe(text) {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function quote(text) {
  return escapeUnsafe(JSON.stringify(text));
}

// src/shared/yaml-source.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

// src/shared/json-duplicates.ts
function findDuplicateJsonKey(text) {
  const open = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i, end);
        const key = raw.includes("\\") ? JSON.parse(raw) : raw.slice(1, -1);
        const keys = open[open.length - 1];
        if (keys.has(key)) return { key, offset: i };
        keys.add(key);
        expectKey = false;
      }
      i = end - 1;
    } else if (c === 123) {
      open.push(/* @__PURE__ */ new Set());
      expectKey = true;
    } else if (c === 91) {
      open.push(null);
    } else if (c === 125 || c === 93) {
      open.pop();
    } else if (c === 44) {
      expectKey = open[open.length - 1] instanceof Set;
    }
  }
  return void 0;
}
function stringEnd(text, start) {
  let from = start + 1;
  for (; ; ) {
    const quote2 = text.indexOf('"', from);
    if (quote2 < 0) return text.length;
    let backslashes = 0;
    for (let b = quote2 - 1; text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return quote2 + 1;
    from = quote2 + 1;
  }
}

// src/shared/yaml-source.ts
var MAX_ALIAS_COUNT = 100;
var START = { line: 1, column: 1 };
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
function parseLocatedJson(text, file) {
  if (findNul(text) >= 0) return parseLocated(text, file);
  const source = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const first = source.trimStart()[0];
  if (first !== "{" && first !== "[") return parseLocated(text, file);
  let value;
  try {
    value = JSON.parse(source);
  } catch {
    return parseLocated(text, file);
  }
  const duplicate = findDuplicateJsonKey(source);
  if (duplicate) {
    const at = positionAt(lineStarts(source), duplicate.offset);
    return { value: void 0, locate: () => START, diagnostics: [{ severity: "error", file, ...at, message: `duplicate key ${quote(duplicate.key)} (map keys must be unique)` }] };
  }
  let locator;
  return {
    value,
    diagnostics: [],
    locate(path, target) {
      locator ??= new JsonLocator(source);
      return locator.locate(path, target);
    }
  };
}
var JsonLocator = class {
  constructor(text) {
    this.text = text;
  }
  text;
  members = /* @__PURE__ */ new Map();
  starts;
  locate(path, target = "value") {
    let offset = this.ws(0);
    let best = offset;
    for (let i = 0; i < path.length; i++) {
      const members = this.membersOf(offset);
      const seg = path[i];
      if (Array.isArray(members)) {
        const next = typeof seg === "number" ? members[seg] : void 0;
        if (next === void 0) break;
        offset = best = next;
      } else if (members) {
        const member = members.get(String(seg));
        if (!member) break;
        if (i === path.length - 1 && target === "key") return this.position(member.key);
        offset = best = member.value;
      } else {
        break;
      }
    }
    return this.position(best);
  }
  membersOf(offset) {
    const cached = this.members.get(offset);
    if (cached) return cached;
    const t = this.text;
    const open = t.charCodeAt(offset);
    let out;
    if (open === 123) {
      const map = /* @__PURE__ */ new Map();
      let i = this.ws(offset + 1);
      while (i < t.length && t.charCodeAt(i) === 34) {
        const keyEnd = this.skipString(i);
        const key = JSON.parse(t.slice(i, keyEnd));
        const value = this.ws(this.ws(keyEnd) + 1);
        map.set(key, { key: i, value });
        i = this.ws(this.skipValue(value));
        if (t.charCodeAt(i) === 44) i = this.ws(i + 1);
      }
      out = map;
    } else if (open === 91) {
      const list = [];
      let i = this.ws(offset + 1);
      while (i < t.length && t.charCodeAt(i) !== 93) {
        list.push(i);
        i = this.ws(this.skipValue(i));
        if (t.charCodeAt(i) === 44) i = this.ws(i + 1);
      }
      out = list;
    }
    if (out) this.members.set(offset, out);
    return out;
  }
  ws(i) {
    const t = this.text;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
    return i;
  }
  /** End (exclusive) of the string starting at `i`. */
  skipString(i) {
    const t = this.text;
    let from = i + 1;
    for (; ; ) {
      const quote2 = t.indexOf('"', from);
      if (quote2 < 0) return t.length;
      let backslashes = 0;
      for (let b = quote2 - 1; t.charCodeAt(b) === 92; b--) backslashes++;
      if (backslashes % 2 === 0) return quote2 + 1;
      from = quote2 + 1;
    }
  }
  /** End (exclusive) of the value starting at `i`. */
  skipValue(i) {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === 34) return this.skipString(i);
    if (c === 123 || c === 91) {
      let depth = 0;
      let j2 = i;
      while (j2 < t.length) {
        const d = t.charCodeAt(j2);
        if (d === 34) {
          j2 = this.skipString(j2);
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if ((d === 125 || d === 93) && --depth === 0) return j2 + 1;
        j2++;
      }
      return t.length;
    }
    let j = i;
    while (j < t.length) {
      const d = t.charCodeAt(j);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      j++;
    }
    return j;
  }
  position(offset) {
    this.starts ??= lineStarts(this.text);
    return positionAt(this.starts, offset);
  }
};
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
function knownKeys(schema, path, root) {
  let cur = schema;
  let value = root;
  const step = (seg) => {
    value = value !== null && typeof value === "object" ? value[seg] : void 0;
  };
  for (let i = 0; i <= path.length && cur; i++) {
    cur = unwrap(cur, value);
    if (i === path.length) break;
    const seg = path[i];
    if (cur instanceof external_exports.ZodObject) cur = cur.shape[String(seg)];
    else if (cur instanceof external_exports.ZodArray) cur = cur.element;
    else if (cur instanceof external_exports.ZodRecord) cur = cur._zod.def.valueType;
    else cur = void 0;
    step(seg);
  }
  return cur instanceof external_exports.ZodObject ? Object.keys(cur.shape) : void 0;
}
function unwrap(schema, value) {
  let cur = schema;
  for (let n = 0; n < 10; n++) {
    if (cur instanceof external_exports.ZodOptional || cur instanceof external_exports.ZodNullable) cur = cur.unwrap();
    else if (cur instanceof external_exports.ZodDiscriminatedUnion) {
      const key = cur._zod.def.discriminator;
      const tag = value !== null && typeof value === "object" ? value[key] : void 0;
      const match = cur.options.find((o) => o instanceof external_exports.ZodObject && o.shape[key]?.safeParse(tag).success);
      if (!match) return cur;
      cur = match;
    } else return cur;
  }
  return cur;
}
function keyHint(key, known) {
  let best;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best) return ` (did you mean ${quote(best)}?)`;
  return known.length <= 20 ? ` (allowed: ${known.join(", ")})` : "";
}
function editDistance(a, b, cap = Infinity) {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
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
function formatDocPath(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[\w.-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${quote(seg).replace(/"/g, "'")}]`;
  }
  return out;
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
  escapeUnsafe,
  quote,
  readSourceFile,
  readSourceFileSync,
  parseLocated,
  parseLocatedJson,
  zodIssuesToDiagnostics,
  editDistance
};
