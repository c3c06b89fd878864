/* eslint-disable no-control-regex -- matching control characters is what this module is for */
/**
 * Neutralising hostile text for every output format. Resource names, messages, rule titles,
 * paths and waiver reasons come from platforms and policy files we do not control: they may
 * hold terminal escapes (OSC 8 links, screen clears), newlines, Markdown or HTML.
 */

// ESC-introduced sequences: OSC / DCS / SOS / PM / APC strings ended by BEL or ST, CSI
// (ESC [ params final), then any other escape (ESC, intermediates, final). An unterminated
// string loses only its introducer: the rest is shown as plain text, never interpreted.
const ESC_STRING = /\x1b[\]PX^_][^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)/g;
const ESC_CSI = /\x1b\[[0-?]*[ -/]*[@-~]?/g;
const ESC_OTHER = /\x1b[ -/]*[0-~]?/g;
// The same introducers in their 8-bit C1 form.
const C1_STRING = /[\u0090\u0098\u009d\u009e\u009f][^\x07\x1b\u009c]*(?:\x07|\x1b\\|\u009c)/g;
const C1_CSI = /\u009b[0-?]*[ -/]*[@-~]?/g;
// Bidirectional overrides and isolates reorder what a reader sees ("Trojan Source").
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// Lone surrogates cannot be encoded as UTF-8; U+FFFE and U+FFFF are not characters.
const NOT_TEXT = /[\p{Cs}\ufffe\uffff]/gu;
/** Any character that one of the replacements in stripControl would touch. */
const NEEDS_STRIP = /[\x00-\x08\x0b-\x1f\x7f-\x9f\r\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]/;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g;

/**
 * Removes terminal control sequences, bidi overrides and control characters. Keeps `\n` and
 * `\t`; other line breaks (`\r\n`, `\r`, U+2028/2029, NEL) become `\n`.
 */
export function stripControl(text: string): string {
  const str = String(text);
  // Almost every string is clean: one scan decides, and the nine replacements run only when needed.
  if (!NEEDS_STRIP.test(str)) return str;
  return str
    .replace(ESC_STRING, '')
    .replace(C1_STRING, '')
    .replace(ESC_CSI, '')
    .replace(C1_CSI, '')
    .replace(ESC_OTHER, '')
    .replace(BIDI, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROLS, '')
    .replace(NOT_TEXT, '');
}

/** Collapses every line break and tab (and runs of spaces around them) into one space, and trims. */
export function oneLine(text: string): string {
  return String(text)
    .replace(LINE_BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Safe for a terminal line: no escapes, no control characters, no line breaks. */
export function terminalText(text: string): string {
  return oneLine(stripControl(text));
}

// Every ASCII punctuation character that Markdown (CommonMark, GFM tables, GitHub math and
// emoji shortcodes) or inline HTML gives a meaning to; CommonMark lets any of them be escaped.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-!|~<>&$:=^"']/g;

/**
 * Escapes text for inline Markdown (a paragraph, list item or table cell): one line, no HTML,
 * no links, images, emphasis, code spans, table pipes, headings, quotes or list markers.
 */
export function escapeMarkdown(text: string): string {
  const flat = terminalText(text);
  let out = flat.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
  // An ordered-list marker ("1." at the start) is the one construct made of non-special characters.
  out = out.replace(/^(\d+)\./, '$1\\.');
  // GFM turns a bare www.host into a link; an escaped dot keeps it plain text.
  out = out.replace(/\b(www)\./gi, '$1\\.');
  // `@name` pings people and teams on GitHub; a zero-width joiner keeps the text but not the mention.
  out = out.replace(/@(?=[A-Za-z0-9])/g, '@\u200d');
  return out;
}

/**
 * Markdown written by a policy author (a remediation), kept as written: lists, emphasis, code
 * blocks. What could act on a reader is defused outside code blocks: raw HTML, images, links
 * to anything but http(s), and @mentions; control sequences go everywhere.
 */
export function trustedMarkdown(text: string): string {
  let inCode = false;
  const lines = stripControl(text)
    .split('\n')
    .map((raw) => {
      const line = raw.trimEnd();
      if (/^\s*(```|~~~)/.test(line)) {
        inCode = !inCode;
        return line;
      }
      return inCode ? line : defuseMarkdownLine(line);
    });
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

const MARKDOWN_LINK = /\[([^\]\n]*)\]\(([^)\n]*)\)/g;

function defuseMarkdownLine(line: string): string {
  return line
    .replace(/</g, '&lt;')
    .replace(/!\[/g, '!\\[')
    .replace(MARKDOWN_LINK, (whole: string, label: string, target: string) =>
      isHttpUrl(target.trim().split(/\s/)[0]) ? whole : `\\[${label}\\]\\(${target}\\)`,
    )
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200d');
}

/** Escapes text for HTML element content and quoted attribute values; control characters removed (newlines kept). */
export function escapeHtml(text: string): string {
  return stripControl(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag, a lone surrogate is its own code point and so falls outside every range.
const XML_INVALID = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Every character XML_INVALID can match is one of these (the test is cheaper without the `u` flag). */
const MAYBE_XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;

/** Removes characters XML 1.0 cannot carry (and terminal escapes); the XML writer escapes the rest. */
export function xmlText(text: string): string {
  const clean = stripControl(text);
  return MAYBE_XML_INVALID.test(clean) ? clean.replace(XML_INVALID, '') : clean;
}

/** One CSV cell (RFC 4180), defused against formula injection in spreadsheet programs. */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return String(value);
  let text = oneLine(stripControl(value));
  // OWASP: a cell starting with = + - @ (or tab / CR) is evaluated as a formula by Excel and Sheets.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** True when `value` is an absolute http(s) URL, the only links reports ever emit. */
export function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/[\s<>"']/.test(value);
  } catch {
    return false;
  }
}
