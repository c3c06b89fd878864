import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  quote
} from "./chunk-PC4BAM7X.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";

// src/shared/key-suggestions.ts
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
    else if (cur instanceof external_exports.ZodRecord) cur = cur.valueType;
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
      const key = cur.def.discriminator;
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

export {
  knownKeys,
  keyHint,
  editDistance
};
