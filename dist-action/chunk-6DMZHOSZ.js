import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/report/escape.ts
var ESC_STRING = /\x1b[\]PX^_][^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)/g;
var ESC_CSI = /\x1b\[[0-?]*[ -/]*[@-~]?/g;
var ESC_OTHER = /\x1b[ -/]*[0-~]?/g;
var C1_STRING = /[\u0090\u0098\u009d\u009e\u009f][^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)/g;
var C1_CSI = /\u009b[0-?]*[ -/]*[@-~]?/g;
var BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
var CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
var NOT_TEXT = /[\p{Cs}\ufffe\uffff]/gu;
var NEEDS_STRIP = /[\x00-\x08\x0b-\x1f\x7f-\x9f\r\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]/;
var LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g;
function stripControl(text) {
  const str = String(text);
  if (!NEEDS_STRIP.test(str)) return str;
  return str.replace(ESC_STRING, "").replace(C1_STRING, "").replace(ESC_CSI, "").replace(C1_CSI, "").replace(ESC_OTHER, "").replace(BIDI, "").replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n").replace(CONTROLS, "").replace(NOT_TEXT, "");
}
function oneLine(text) {
  return String(text).replace(LINE_BREAKS, " ").replace(/\t/g, " ").replace(/ {2,}/g, " ").trim();
}
function terminalText(text) {
  return oneLine(stripControl(text));
}
var MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-!|~<>&$:=^"']/g;
function escapeMarkdown(text) {
  const flat = terminalText(text);
  let out = flat.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
  out = out.replace(/^(\d+)\./, "$1\\.");
  out = out.replace(/\b(www)\./gi, "$1\\.");
  out = out.replace(/@(?=[A-Za-z0-9])/g, "@\u200D");
  return out;
}
function trustedMarkdown(text) {
  let inCode = false;
  const lines = stripControl(text).split("\n").map((raw) => {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      inCode = !inCode;
      return line;
    }
    return inCode ? line : defuseMarkdownLine(line);
  });
  return lines.join("\n").replace(/^\n+|\n+$/g, "");
}
var MARKDOWN_LINK = /\[([^\]\n]*)\]\(([^)\n]*)\)/g;
function defuseMarkdownLine(line) {
  return line.replace(/</g, "&lt;").replace(/!\[/g, "!\\[").replace(
    MARKDOWN_LINK,
    (whole, label, target) => isHttpUrl(target.trim().split(/\s/)[0]) ? whole : `\\[${label}\\]\\(${target}\\)`
  ).replace(/@(?=[A-Za-z0-9])/g, "@\u200D");
}
function escapeHtml(text) {
  return stripControl(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
var XML_INVALID = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
var MAYBE_XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
function xmlText(text) {
  const clean = stripControl(text);
  return MAYBE_XML_INVALID.test(clean) ? clean.replace(XML_INVALID, "") : clean;
}
function csvCell(value) {
  if (value === void 0 || value === null) return "";
  if (typeof value !== "string") return String(value);
  let text = oneLine(stripControl(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
function isHttpUrl(value) {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !/[\s<>"']/.test(value);
  } catch {
    return false;
  }
}

export {
  stripControl,
  oneLine,
  terminalText,
  escapeMarkdown,
  trustedMarkdown,
  escapeHtml,
  xmlText,
  csvCell,
  isHttpUrl
};
