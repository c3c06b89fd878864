import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/shared/quote.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeUnsafe(text) {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function quote(text) {
  return escapeUnsafe(JSON.stringify(text));
}

export {
  escapeUnsafe,
  quote
};
