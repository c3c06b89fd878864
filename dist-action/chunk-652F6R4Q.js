import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  START,
  findNul,
  parseLocated
} from "./chunk-PUCDVRQO.js";
import {
  quote
} from "./chunk-PC4BAM7X.js";
import {
  lineStarts,
  positionAt
} from "./chunk-66KPFJW4.js";

// src/shared/json-duplicates.ts
function findDuplicateJsonKey(text) {
  const open = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes("\\") ? JSON.parse(text.slice(i, end)) : raw;
        const top = open.length - 1;
        const keys = open[top];
        if (Array.isArray(keys)) {
          if (keys.includes(key)) return { key, offset: i };
          if (keys.length < SMALL_OBJECT) keys.push(key);
          else open[top] = /* @__PURE__ */ new Set([...keys, key]);
        } else {
          if (keys.has(key)) return { key, offset: i };
          keys.add(key);
        }
        expectKey = false;
      }
      i = end - 1;
    } else if (c === 123) {
      open.push([]);
      expectKey = true;
    } else if (c === 91) {
      open.push(null);
    } else if (c === 125 || c === 93) {
      open.pop();
    } else if (c === 44) {
      expectKey = open[open.length - 1] !== null;
    }
  }
  return void 0;
}
var SMALL_OBJECT = 16;
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

// src/shared/json-locate.ts
function parseLocatedJson(text, file, options) {
  const notJson = () => options?.yamlFallback === false ? void 0 : parseLocated(text, file);
  if (findNul(text) >= 0) return notJson();
  const source = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const first = source.trimStart()[0];
  if (first !== "{" && first !== "[") return options?.yamlFallback === false && !isJson(source) ? void 0 : parseLocated(text, file);
  let value;
  try {
    value = JSON.parse(source);
  } catch {
    return notJson();
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
function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
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

export {
  parseLocatedJson
};
