import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  require_src
} from "./chunk-K36QM3DX.js";
import {
  meta
} from "./chunk-7AH5QC2N.js";
import {
  lineStarts,
  positionAt
} from "./chunk-66KPFJW4.js";
import {
  LIMITS,
  formatBytes
} from "./chunk-7Z2SP4JL.js";
import {
  creator
} from "./chunk-NPNDXTE7.js";
import {
  plural
} from "./chunk-7GBTORYK.js";
import {
  analyseDockerfile,
  analysePipelineFile,
  applyCiImageLabels,
  azureTemplateRefs,
  ciScanGaps,
  isComposePath,
  isDockerfilePath,
  isIacContent,
  isIacPath,
  looksLikeAzurePipeline,
  pipelinePlatformOf,
  referencedDockerfiles,
  summariseCiScans
} from "./chunk-NOPQ6WQY.js";
import {
  require_picomatch
} from "./chunk-XCJ6UWEH.js";
import {
  maskSecret
} from "./chunk-B7DHMJ7P.js";
import {
  UserError
} from "./chunk-6HNUAN2P.js";
import "./chunk-BM5TH3ZM.js";
import {
  __commonJS,
  __toESM
} from "./chunk-W373M6OA.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path) => {
      const end = path.length - 1;
      const index = path.lastIndexOf(
        SLASH,
        path[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path : path.slice(index + 1);
    };
    var parentOf = (path) => {
      if (path.charCodeAt(0) === SLASH_CODE || path.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path.length - 1;
      const cut = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path) {
        const rules2 = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules2.length - 1; index >= 0; index--) {
          const rule = rules2[index];
          if (rule.checkRegex.test(path)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path, mode) {
        const rules2 = this._rules;
        const { length } = rules2;
        const shortcut = this._basenameCount * 2 >= length;
        const basename2 = shortcut ? basenameOf(path) : path;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules2[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename2 : path
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path, originalPath, doThrow) => {
      if (!isString(path)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path) => {
      const first = path.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path.length === 1) {
        return true;
      }
      const second = path.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path.length === 2 || path.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path) {
        checkPath(
          path,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path ? this._t(path, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path = convertPath(target);
        if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path);
        }
        const dir = this._t(path, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path, cache) {
        if (path in cache) {
          return cache[path];
        }
        const parentPath = parentOf(path);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path] = parent && parent.ignored ? parent : this._rules.test(path, MODE_IGNORE);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, convertPath(path)).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, convertPath(path));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path) => checkPath(convertPath(path), path, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// node_modules/boundary/lib/index.js
var require_lib = __commonJS({
  "node_modules/boundary/lib/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.binarySearch = exports.upperBound = exports.lowerBound = exports.compare = void 0;
    function compare(v1, v2) {
      return v1 < v2;
    }
    exports.compare = compare;
    function upperBound(array, value, comp = compare) {
      let len = array.length;
      let i = 0;
      while (len) {
        let diff = len >>> 1;
        let cursor = i + diff;
        if (comp(value, array[cursor])) {
          len = diff;
        } else {
          i = cursor + 1;
          len -= diff + 1;
        }
      }
      return i;
    }
    exports.upperBound = upperBound;
    function lowerBound(array, value, comp = compare) {
      let len = array.length;
      let i = 0;
      while (len) {
        let diff = len >>> 1;
        let cursor = i + diff;
        if (comp(array[cursor], value)) {
          i = cursor + 1;
          len -= diff + 1;
        } else {
          len = diff;
        }
      }
      return i;
    }
    exports.lowerBound = lowerBound;
    function binarySearch(array, value, comp = compare) {
      let cursor = lowerBound(array, value, comp);
      return cursor !== array.length && !comp(value, array[cursor]);
    }
    exports.binarySearch = binarySearch;
  }
});

// node_modules/structured-source/lib/structured-source.js
var require_structured_source = __commonJS({
  "node_modules/structured-source/lib/structured-source.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.StructuredSource = void 0;
    var boundary_1 = require_lib();
    var StructuredSource2 = class {
      /**
       * @constructs StructuredSource
       * @param {string} source - source code text.
       */
      constructor(source) {
        this.indice = [0];
        let regexp = /[\r\n\u2028\u2029]/g;
        const length = source.length;
        regexp.lastIndex = 0;
        while (true) {
          let result = regexp.exec(source);
          if (!result) {
            break;
          }
          let index = result.index;
          if (source.charCodeAt(index) === 13 && source.charCodeAt(index + 1) === 10) {
            index += 1;
          }
          let nextIndex = index + 1;
          if (length < nextIndex) {
            break;
          }
          this.indice.push(nextIndex);
          regexp.lastIndex = nextIndex;
        }
      }
      get line() {
        return this.indice.length;
      }
      /**
       * @param {SourceLocation} loc - location indicator.
       * @return {[ number, number ]} range.
       */
      locationToRange(loc) {
        return [this.positionToIndex(loc.start), this.positionToIndex(loc.end)];
      }
      /**
       * @param {[ number, number ]} range - pair of indice.
       * @return {SourceLocation} location.
       */
      rangeToLocation(range) {
        return {
          start: this.indexToPosition(range[0]),
          end: this.indexToPosition(range[1])
        };
      }
      /**
       * @param {SourcePosition} pos - position indicator.
       * @return {number} index.
       */
      positionToIndex(pos) {
        let start = this.indice[pos.line - 1];
        return start + pos.column;
      }
      /**
       * @param {number} index - index to the source code.
       * @return {SourcePosition} position.
       */
      indexToPosition(index) {
        const startLine = (0, boundary_1.upperBound)(this.indice, index);
        return {
          line: startLine,
          column: index - this.indice[startLine - 1]
        };
      }
    };
    exports.StructuredSource = StructuredSource2;
  }
});

// src/providers/local/index.ts
import { statSync } from "node:fs";
import { relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";

// src/providers/local/adapter.ts
import { basename } from "node:path";

// src/providers/local/files.ts
var import_ignore = __toESM(require_ignore(), 1);
import { execFile } from "node:child_process";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var runGit = (args, cwd) => new Promise((resolvePromise) => {
  execFile(
    "git",
    ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", ...args],
    { cwd, encoding: "buffer", maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } },
    (err, stdout, stderr) => {
      const code = err ? typeof err.code === "number" ? err.code : -1 : 0;
      const errText = err?.code === "ENOENT" ? "git is not installed" : stderr.toString("utf8");
      resolvePromise({ stdout, code, stderr: errText });
    }
  );
});
async function listFiles(root, git = runGit) {
  const inside = await git(["rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix"], root);
  const [isInside, top, prefix] = inside.stdout.toString("utf8").split("\n");
  if (inside.code === 0 && isInside === "true" && top) {
    const ls = await git(["ls-files", "-z", "--cached"], top);
    if (ls.code === 0) {
      const repositoryTracked = [...new Set(nulSeparated(ls.stdout))];
      const scope = prefix ?? "";
      const paths = scope ? repositoryTracked.filter((p) => p.startsWith(scope)) : repositoryTracked;
      const others = await git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"], root);
      const tracked = new Set(repositoryTracked);
      const untracked = others.code === 0 ? nulSeparated(others.stdout).filter((p) => !tracked.has(p)) : [];
      return { paths: [...paths, ...untracked], untracked, source: "git", top, prefix: scope, repositoryPaths: [...repositoryTracked, ...untracked] };
    }
    return { paths: walk(root), untracked: [], source: "walk", note: `git ls-files failed (${firstLine(ls.stderr)}); walked the directory instead` };
  }
  const why = firstLine(inside.stderr);
  const note = /not a git repository/i.test(why) ? "not a git repository" : why || "not a git work tree";
  return { paths: walk(root), untracked: [], source: "walk", note };
}
function nulSeparated(out) {
  return out.toString("utf8").split("\0").filter((p) => p !== "");
}
function firstLine(text) {
  return (text.split("\n").find((l) => l.trim() !== "") ?? "").trim().slice(0, 200);
}
function walk(root) {
  const out = [];
  const stack = [{ dir: "", scopes: [] }];
  while (stack.length > 0) {
    const { dir, scopes: parentScopes } = stack.pop();
    const abs = dir ? join(root, dir) : root;
    let scopes = parentScopes;
    const gitignore = readSmallRegularFile(join(abs, ".gitignore"));
    if (gitignore !== void 0) scopes = [...parentScopes, { base: dir, ig: (0, import_ignore.default)().add(gitignore) }];
    let dirents;
    try {
      dirents = readdirSync(abs, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const d of dirents) {
      if (d.name === ".git") continue;
      const rel = dir ? `${dir}/${d.name}` : d.name;
      const isDir = d.isDirectory();
      if (isIgnored(scopes, rel, isDir)) continue;
      if (isDir) stack.push({ dir: rel, scopes });
      else out.push(rel);
    }
  }
  return out.sort();
}
function isIgnored(scopes, rel, isDir) {
  let ignored = false;
  for (const s of scopes) {
    const sub = s.base ? rel.slice(s.base.length + 1) : rel;
    const r = s.ig.test(isDir ? `${sub}/` : sub);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}
function readSmallRegularFile(path) {
  try {
    const st = lstatSync(path);
    if (!st.isFile() || st.size > LIMITS.gitignore) return void 0;
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}
var SafeReader = class {
  constructor(root, maxFileBytes) {
    this.root = root;
    this.maxFileBytes = maxFileBytes;
    this.realRoot = realpathSync(root);
  }
  root;
  maxFileBytes;
  dirVerdicts = /* @__PURE__ */ new Map();
  realRoot;
  read(rel) {
    const opened = this.open(rel, this.maxFileBytes);
    if (!opened.ok) return opened;
    const { fd, size } = opened;
    try {
      const data = Buffer.allocUnsafe(size);
      let off = 0;
      while (off < size) {
        const n = readSync(fd, data, off, size - off, off);
        if (n === 0) break;
        off += n;
      }
      return { ok: true, data: off === size ? data : data.subarray(0, off) };
    } catch (err) {
      return { ok: false, reason: `unreadable (${errCode(err)})` };
    } finally {
      closeSync(fd);
    }
  }
  /**
   * Reads a file of any size in chunks (for files above the limit: scanned, never held whole
   * in memory). Resolves to a reason when the file could not be opened or read to the end.
   */
  async stream(rel, chunkBytes, onChunk) {
    const opened = this.open(rel, Number.POSITIVE_INFINITY);
    if (!opened.ok) return opened.reason;
    const { fd, size } = opened;
    try {
      const buf = Buffer.allocUnsafe(chunkBytes);
      let off = 0;
      while (off < size) {
        const n = readSync(fd, buf, 0, Math.min(chunkBytes, size - off), off);
        if (n === 0) break;
        off += n;
        await onChunk(buf.subarray(0, n), off >= size);
      }
      return off < size ? `unreadable (ended at byte ${off} of ${size})` : void 0;
    } catch (err) {
      return `unreadable (${errCode(err)})`;
    } finally {
      closeSync(fd);
    }
  }
  open(rel, maxBytes) {
    const abs = join(this.root, rel);
    const dirVerdict = this.dirVerdict(dirname(rel));
    if (dirVerdict) return { ok: false, reason: dirVerdict };
    let st;
    try {
      st = lstatSync(abs);
    } catch (err) {
      return { ok: false, reason: errCode(err) === "ENOENT" ? "missing from the working tree" : `unreadable (${errCode(err)})` };
    }
    if (st.isSymbolicLink()) return { ok: false, reason: this.symlinkReason(abs) };
    if (st.isDirectory()) return { ok: false, reason: "directory (submodule), not scanned" };
    if (!st.isFile()) return { ok: false, reason: "not a regular file" };
    if (st.size > maxBytes) return { ok: false, reason: tooLarge(st.size, maxBytes), tooLarge: true };
    let fd;
    try {
      fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      return { ok: false, reason: `unreadable (${errCode(err)})` };
    }
    const fst = fstatSync(fd);
    let reason;
    if (!fst.isFile()) reason = { ok: false, reason: "not a regular file" };
    else if (fst.size > maxBytes) reason = { ok: false, reason: tooLarge(fst.size, maxBytes), tooLarge: true };
    if (reason) {
      closeSync(fd);
      return reason;
    }
    return { ok: true, fd, size: fst.size };
  }
  /** A directory reached through a symlink that leaves the tree makes every file below it off limits. */
  dirVerdict(dir) {
    if (dir === "." || dir === "") return null;
    const cached = this.dirVerdicts.get(dir);
    if (cached !== void 0) return cached;
    let verdict = null;
    try {
      const real = realpathSync(join(this.root, dir));
      if (real !== this.realRoot && !real.startsWith(this.realRoot + sep)) verdict = "inside a symlinked directory that leaves the tree";
    } catch {
      verdict = null;
    }
    this.dirVerdicts.set(dir, verdict);
    return verdict;
  }
  symlinkReason(abs) {
    try {
      const target = readlinkSync(abs);
      const resolved = resolve(dirname(abs), target);
      let real = resolved;
      try {
        real = realpathSync(resolved);
      } catch {
      }
      const rel = relative(this.realRoot, real);
      const outside = isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`);
      return outside ? "symlink pointing outside the tree (not followed)" : "symlink (not followed; its target is scanned on its own)";
    } catch {
      return "symlink (not followed)";
    }
  }
};
function tooLarge(size, limit) {
  return `too large (${size} bytes > limit ${limit})`;
}
function errCode(err) {
  return err?.code ?? "error";
}

// src/providers/local/repository.ts
var import_ignore2 = __toESM(require_ignore(), 1);
var SECURITY_POLICY = /^(\.github\/|docs\/)?security(\.md|\.markdown|\.rst|\.txt|\.adoc)?$/i;
var CODEOWNERS = /^(\.github\/|docs\/|\.gitlab\/)?CODEOWNERS$/;
var ENV_FILE = /(^|\/)\.env(\.[^/]+)?$/;
var ENV_TEMPLATE = /(^|\/)\.env\.(example|examples|sample|samples|template|templates|tmpl|tpl|dist|defaults|default|schema|patch|diff|spec)$/i;
function hasSecurityPolicy(paths) {
  return paths.some((p) => SECURITY_POLICY.test(p));
}
function hasCodeowners(paths) {
  return paths.some((p) => CODEOWNERS.test(p));
}
function envFiles(paths) {
  return paths.filter((p) => ENV_FILE.test(p) && !ENV_TEMPLATE.test(p)).map((path) => ({ path }));
}
function envIgnoredBy(gitignore) {
  if (gitignore === void 0) return false;
  if (Buffer.byteLength(gitignore) > LIMITS.gitignore) return void 0;
  const ig = (0, import_ignore2.default)().add(gitignore);
  return ig.ignores(".env") && ig.ignores("sub/.env");
}

// src/providers/local/text.ts
import { TextDecoder } from "node:util";
function encodingByBom(data) {
  const [a, b, c, d] = [data[0], data[1], data[2], data[3]];
  if (a === 255 && b === 254 && c === 0 && d === 0) return { encoding: "utf-32le", bomLength: 4 };
  if (a === 0 && b === 0 && c === 254 && d === 255) return { encoding: "utf-32be", bomLength: 4 };
  if (a === 239 && b === 187 && c === 191) return { encoding: "utf-8", bomLength: 3 };
  if (a === 255 && b === 254) return { encoding: "utf-16le", bomLength: 2 };
  if (a === 254 && b === 255) return { encoding: "utf-16be", bomLength: 2 };
  return void 0;
}
function decodeText(data) {
  const bom = encodingByBom(data);
  if (bom) return { text: new ChunkDecoder(bom.encoding).decode(data.subarray(bom.bomLength), false), encoding: bom.encoding };
  if (data.indexOf(0) !== -1) return void 0;
  return { text: data.toString("utf8"), encoding: "utf-8" };
}
var ChunkDecoder = class {
  constructor(encoding) {
    this.encoding = encoding;
    if (encoding === "utf-8" || encoding === "utf-16le" || encoding === "utf-16be") this.decoder = new TextDecoder(encoding);
  }
  encoding;
  decoder;
  pending = Buffer.alloc(0);
  decode(chunk, more) {
    if (this.decoder) return this.decoder.decode(chunk, { stream: more });
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const whole = data.length - data.length % 4;
    this.pending = more ? Buffer.from(data.subarray(whole)) : Buffer.alloc(0);
    const parts = [];
    const little = this.encoding === "utf-32le";
    for (let i = 0; i < whole; i += 4) {
      const cp = little ? data.readUInt32LE(i) : data.readUInt32BE(i);
      parts.push(cp <= 1114111 && (cp < 55296 || cp > 57343) ? String.fromCodePoint(cp) : "\uFFFD");
    }
    return parts.join("");
  }
};

// src/providers/local/scan-file.ts
var CHUNK_BYTES = 4 * 1024 * 1024;
var OVERLAP_CHARS = 64 * 1024;
async function scanFile(reader, scanner, path) {
  const outcome = reader.read(path);
  if (outcome.ok) {
    const decoded = decodeText(outcome.data);
    if (decoded) return { findings: await scanner.scan(path, decoded.text), text: decoded.text, bytes: outcome.data.length };
    const findings = await scanner.scan(path, outcome.data.toString("latin1"), { mode: "binary" });
    return { findings, binary: true, bytes: outcome.data.length, skipped: "binary (searched for private keys, cloud keys and tokens only)" };
  }
  if (!outcome.tooLarge) return { findings: [], bytes: 0, skipped: outcome.reason, ...couldHoldText(outcome.reason) ? { unscanned: outcome.reason } : {} };
  return scanLarge(reader, scanner, path, outcome.reason);
}
function couldHoldText(reason) {
  return reason.startsWith("unreadable");
}
async function scanLarge(reader, scanner, path, why) {
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  let bytes = 0;
  let decoder = new ChunkDecoder("utf-8");
  let bomSeen = false;
  let carry = "";
  let carryLine = 1;
  let binary = false;
  let first = true;
  const failure = await reader.stream(path, CHUNK_BYTES, async (chunk, last) => {
    bytes += chunk.length;
    let data = chunk;
    if (first) {
      first = false;
      const bom = encodingByBom(chunk);
      if (bom) {
        bomSeen = true;
        decoder = new ChunkDecoder(bom.encoding);
        data = chunk.subarray(bom.bomLength);
      }
    }
    if (!bomSeen && !binary && data.indexOf(0) !== -1) binary = true;
    const text = binary ? data.toString("latin1") : decoder.decode(data, !last);
    const mode = binary ? "binary" : "text";
    const combined = carry + text;
    for (const f of await scanner.scan(path, combined, { mode, firstLine: carryLine })) {
      const key = `${f.line}:${f.fingerprint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
    const cut = Math.max(0, combined.length - OVERLAP_CHARS);
    for (let i = combined.indexOf("\n"); i !== -1 && i < cut; i = combined.indexOf("\n", i + 1)) carryLine++;
    carry = combined.slice(cut);
  });
  const note = `${why}: scanned in chunks${binary ? " (binary content: private keys, cloud keys and tokens only)" : ""}`;
  return { findings, bytes, skipped: failure ?? note, ...failure ? { unscanned: failure } : {} };
}

// src/providers/local/secret-filters.ts
var TEST_DIR = /(^|\/)(tests?|__tests__|testdata|test[-_]data|testing|fixtures?|__fixtures__|spec|specs|__mocks__|mocks?|e2e)\//i;
var TEST_FILE = /(^|\/)(test_[^/]*|[^/]*[._-](test|tests|spec)\.[A-Za-z0-9]+|[^/]*_test\.go|conftest\.py)$/i;
var DOCS_DIR = /(^|\/)(docs?|documentation|examples?|samples?|demo)\//i;
var DOCS_FILE = /\.(md|markdown|mdx|rst|adoc|asciidoc)$/i;
function contextOf(path) {
  if (TEST_DIR.test(path) || TEST_FILE.test(path)) return "test";
  if (DOCS_DIR.test(path) || DOCS_FILE.test(path)) return "docs";
  return "code";
}
var PLACEHOLDER_HOST = /^(?:(?:[^.]+\.)*(?:example|test|invalid|localhost|local|internal\.example)|(?:[^.]+\.)*example\.(?:com|org|net|edu)|localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?|host|hostname|server|domain|your[-_]?\w*|my[-_]?\w*)$/i;
function isPlaceholderHost(host) {
  return PLACEHOLDER_HOST.test(host.replace(/:\d+$/, "").toLowerCase());
}
var DUMMY_WORD = /x{4,}|\*{3,}|<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|%[A-Za-z_]+%|changeme|change[-_]?me|password|passwd|secret|example|dummy|sample|placeholder|redacted|your[-_]?(?:token|key|secret|pass)|replace[-_]?me|fake|foobar|^test$|^(?:user|username|pass|pwd|token|key)$/i;
function mostlyRegular(value) {
  if (value.length === 0) return true;
  let regular = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d === 0 || d === 1 || d === -1) regular++;
  }
  return regular / (value.length - 1) > 0.6;
}
function entropy(value) {
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}
function tooLowEntropy(value) {
  if (value.length < 8) return false;
  return entropy(value) < 0.6 * Math.log2(Math.min(value.length, 64));
}
function randomPart(value) {
  const m = /^(?:gh[pousr]_|github_pat_|glpat-|npm_|xox[a-z]-(?:\d-)?|xapp-\d-|[rs]k_live_|sk-(?:proj|svcacct|admin|ant-(?:api|admin)\d\d)-|SG\.|AIza|A3T[A-Z0-9]|A[A-Z]{3}(?=[A-Z2-7]{16}$))/.exec(value);
  return m ? value.slice(m[0].length) : value;
}
function rejectReason(c) {
  if (c.kind === "url-credential") return urlCredentialReject(c.value);
  if (c.kind === "private-key") return void 0;
  if (c.kind === "token" || c.kind === "cloud-key") {
    if (/[A-Za-z0-9_]/.test(c.before.slice(-1))) return "not at a token boundary";
    if (/^[A-Za-z0-9_]/.test(c.after) || /^\.(?:jpe?g|png|gif|svg|webp|ico|bmp)\b/i.test(c.after)) return "not at a token boundary";
  }
  const body = randomPart(c.value);
  if (DUMMY_WORD.test(body)) return "placeholder";
  if (mostlyRegular(body)) return "repeated or sequential characters";
  if (tooLowEntropy(body)) return "entropy too low";
  return void 0;
}
function urlCredentialReject(value) {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^:/@\s]*):([^@\s]*)@([^/?#\s]+)/.exec(value);
  if (!m) return void 0;
  const [, user = "", password = "", host = ""] = m;
  if (isPlaceholderHost(host)) return "example or local host";
  if (password === "" || DUMMY_WORD.test(password) || /^[$%{<[]/.test(password)) return "placeholder";
  if (password.toLowerCase() === user.toLowerCase()) return "placeholder";
  if (password.length < 6 && user.length < 3) return "placeholder";
  if (mostlyRegular(password)) return "repeated or sequential characters";
  if (password.length >= 8 && tooLowEntropy(password)) return "entropy too low";
  if (/^(?:abc123|123456|qwerty|letmein|admin|root|pass|pwd|token|key|guest|user)$/i.test(password)) return "placeholder";
  return void 0;
}

// src/providers/local/secrets.ts
import { createHash } from "node:crypto";

// node_modules/@secretlint/core/module/SecretLintSourceCodeImpl.js
var import_structured_source = __toESM(require_structured_source(), 1);

// node_modules/@secretlint/core/module/helper/invariant.js
function invariant(condition, message) {
  if (!condition)
    throw new Error(message);
}

// node_modules/@secretlint/core/module/SecretLintSourceCodeImpl.js
var SecretLintSourceCodeImpl = class {
  hasBOM;
  content;
  filePath;
  physicalFilePath;
  contentType;
  ext;
  structuredSource;
  constructor({ content = "", ext, filePath, physicalFilePath, contentType }) {
    invariant(ext || filePath, "should be set either of fileExt or filePath.");
    this.hasBOM = content.charCodeAt(0) === 65279;
    this.content = this.hasBOM ? content.slice(1) : content;
    this.structuredSource = new import_structured_source.StructuredSource(this.content);
    this.filePath = filePath;
    this.physicalFilePath = physicalFilePath;
    this.contentType = contentType;
    this.ext = ext;
  }
  /**
   * get file path
   * This return `undefined` if the source code is created without file path.
   * For example, use core API to create a source code directly.
   *
   * You can use this path to detect file type.
   * However, if you want to read the file content, use `getPhysicalFilePath` instead.
   * @returns {string|undefined}
   */
  getFilePath() {
    return this.filePath;
  }
  /**
   * get physical file path
   * This return `undefined` if the source code is not related to file.
   * For example, the source code is given from the stdin.
   *
   * You can use this path to read the file content.
   */
  getPhysicalFilePath() {
    return this.physicalFilePath;
  }
  /**
   * @param {SecretLintSourceNodeLocation} loc - location indicator.
   * @return {[ number, number ]} range.
   */
  locationToRange(loc) {
    return this.structuredSource.locationToRange(loc);
  }
  /**
   * @param {[ number, number ]} range - pair of indice.
   * @return {SecretLintSourceNodeLocation} location.
   */
  rangeToLocation(range) {
    const location = this.structuredSource.rangeToLocation(range);
    return {
      start: {
        line: location.start.line,
        column: location.start.column
      },
      end: {
        line: location.end.line,
        column: location.end.column
      }
    };
  }
  /**
   * @param {Position} pos - position indicator.
   * @return {number} index.
   */
  positionToIndex(pos) {
    return this.structuredSource.positionToIndex(pos);
  }
  /**
   * @param {number} index - index to the source code.
   * @return {Position} position.
   */
  indexToPosition(index) {
    const position = this.structuredSource.indexToPosition(index);
    return {
      line: position.line,
      column: position.column
    };
  }
};

// node_modules/@secretlint/core/module/helper/promise-event-emitter.js
var EventEmitter = class {
  #listeners = /* @__PURE__ */ new Map();
  on(type, listener) {
    const prevSet = this.#listeners.get(type);
    const listenerSet = prevSet ?? /* @__PURE__ */ new Set();
    listenerSet?.add(listener);
    this.#listeners.set(type, listenerSet);
  }
  emit(type, ...args) {
    const listenerSet = this.#listeners.get(type);
    if (!listenerSet) {
      return;
    }
    for (const listenerSetElement of listenerSet) {
      listenerSetElement(...args);
    }
  }
  off(type, listener) {
    const listenerSet = this.#listeners.get(type);
    if (!listenerSet) {
      return;
    }
    for (const listenerSetElement of listenerSet) {
      if (listenerSetElement === listener) {
        listenerSet.delete(listener);
      }
    }
  }
  removeAllListeners() {
    this.#listeners.clear();
  }
  listenerCount(type) {
    return this.#listeners.get(type)?.size ?? 0;
  }
  listeners(type) {
    return Array.from(this.#listeners.get(type) ?? []);
  }
};
var PromiseEventEmitter = class {
  events;
  constructor() {
    this.events = new EventEmitter();
  }
  listenerCount(type) {
    return this.events.listenerCount(type);
  }
  on(event, listener) {
    return this.events.on(event, listener);
  }
  emit(event, ...args) {
    const promises = [];
    this.events.listeners(event).forEach((listener) => {
      promises.push(listener(...args));
    });
    return Promise.all(promises);
  }
};

// node_modules/@secretlint/core/module/helper/SecretLintRuleMessageTranslator.js
var DEFAULT_LOCAL = "en";
var formatMessage = (messageHandler, props) => {
  if (typeof props !== "object" || props === null) {
    return messageHandler();
  }
  return messageHandler(props);
};
var getMatchedLocaleMessage = (locale, locales) => {
  const localKeys = Object.keys(locales);
  const matchLocale = localKeys.find((key) => {
    return key === locale;
  });
  if (matchLocale) {
    return matchLocale;
  }
  const [lang] = locale.split("-");
  if (!lang) {
    return DEFAULT_LOCAL;
  }
  const fallbackMatchLocal = localKeys.find((key) => {
    return key === lang;
  });
  if (fallbackMatchLocal) {
    return fallbackMatchLocal;
  }
  return DEFAULT_LOCAL;
};
var createTranslator = (messages, options) => {
  return (messageId, props) => {
    const messageHandler = messages[messageId];
    if (!messageHandler) {
      throw new Error(`messages:${String(messageId)} is missing in messages.`);
    }
    if (typeof messageHandler === "function") {
      if (typeof messageId !== "string") {
        throw new Error(`message's key:${String(messageId)} should be string`);
      }
      return {
        message: formatMessage(messageHandler, props),
        messageId,
        data: props
      };
    }
    const defaultLocal = options && options.defaultLocale ? options.defaultLocale : DEFAULT_LOCAL;
    const locale = getMatchedLocaleMessage(defaultLocal, messageHandler);
    const localizedMessage = messageHandler[locale];
    if (!localizedMessage) {
      if (messageHandler[DEFAULT_LOCAL]) {
        throw new Error(`messages${String(messageId)}.${locale} is missing in messages.`);
      }
      throw new Error(`message's key:${String(messageId)}.${DEFAULT_LOCAL} should be defined in messages.`);
    }
    if (typeof messageId !== "string") {
      throw new Error(`message's key:${String(messageId)}.${DEFAULT_LOCAL} should be string`);
    }
    return {
      message: formatMessage(localizedMessage, props),
      messageId,
      data: props
    };
  };
};

// node_modules/@secretlint/core/module/RuleContext.js
var createContextEvents = () => {
  const contextEvents = new EventEmitter();
  const REPORT_SYMBOL = /* @__PURE__ */ Symbol("report");
  const IGNORE_SYMBOL = /* @__PURE__ */ Symbol("ignore");
  return {
    report(descriptor) {
      contextEvents.emit(REPORT_SYMBOL, descriptor);
    },
    onReport(handler) {
      const listener = (descriptor) => {
        handler(descriptor);
      };
      contextEvents.on(REPORT_SYMBOL, listener);
      return () => {
        contextEvents.off(REPORT_SYMBOL, listener);
      };
    },
    ignore(descriptor) {
      contextEvents.emit(IGNORE_SYMBOL, descriptor);
    },
    onIgnore(handler) {
      const listener = (descriptor) => {
        handler(descriptor);
      };
      contextEvents.on(IGNORE_SYMBOL, listener);
      return () => {
        contextEvents.off(IGNORE_SYMBOL, listener);
      };
    }
  };
};
var createRuleContext = ({ ruleId, ruleParentId, meta: meta2, severity, sourceCode, contextEvents, sharedOptions, locale }) => {
  return {
    sharedOptions,
    createTranslator: (messages) => {
      return createTranslator(messages, {
        defaultLocale: locale
      });
    },
    ignore(descriptor) {
      const { message } = descriptor.message;
      contextEvents.ignore({
        type: "ignore",
        ruleId,
        ruleParentId,
        range: descriptor.range,
        targetRuleId: descriptor.targetRuleId,
        loc: sourceCode.rangeToLocation(descriptor.range),
        message
      });
    },
    report(descriptor) {
      const { message, messageId, data } = descriptor.message;
      const severityLevel = severity ?? "error";
      if (ruleParentId) {
        contextEvents.report({
          ...descriptor,
          type: "message",
          ruleId,
          ruleParentId,
          loc: sourceCode.rangeToLocation(descriptor.range),
          severity: severityLevel,
          message,
          messageId,
          docsUrl: meta2.docs?.url ? `${meta2.docs.url}#${messageId}` : void 0,
          data
        });
      } else {
        contextEvents.report({
          ...descriptor,
          type: "message",
          ruleId,
          loc: sourceCode.rangeToLocation(descriptor.range),
          severity: severityLevel,
          message,
          messageId,
          docsUrl: meta2.docs?.url ? `${meta2.docs.url}#${messageId}` : void 0,
          data
        });
      }
    }
  };
};

// node_modules/@secretlint/core/module/SecretLintRuleImpl.js
var SecretLintRule = class {
  ruleReportHandle;
  ruleCreator;
  descriptorRule;
  constructor({ descriptorRule, context }) {
    this.descriptorRule = descriptorRule;
    this.ruleCreator = descriptorRule.rule;
    const ruleCreatorOptions = descriptorRule.options || {};
    this.ruleReportHandle = this.ruleCreator.create(context, ruleCreatorOptions);
  }
  allowMessageIds() {
    if (!this.descriptorRule.allowMessageIds) {
      return [];
    }
    const ruleId = this.ruleCreator.meta.id;
    return this.descriptorRule.allowMessageIds.map((allowMessageId) => {
      return {
        messageId: allowMessageId,
        ruleId
      };
    });
  }
  supportSourceCode(sourceCode) {
    const contentType = sourceCode.contentType;
    if (contentType === "unknown") {
      return true;
    }
    if (this.ruleCreator.meta.supportedContentTypes.includes("all")) {
      return true;
    }
    return this.ruleCreator.meta.supportedContentTypes.includes(contentType);
  }
  async file(source) {
    const file = this.ruleReportHandle.file;
    if (!file) {
      return;
    }
    return file(source);
  }
};

// node_modules/@secretlint/profiler/module/index.js
var SecretLintProfiler = class {
  perf;
  entries = [];
  measures = [];
  executionPromises = [];
  constructor(options) {
    this.perf = options.perf;
    const pattern = /(.*?)::end(\|\|.*)?/;
    const observer = new options.PerformanceObserver((items) => {
      const entries = items.getEntries();
      entries.forEach((entry) => {
        if (entry.entryType === "mark") {
          const match = entry.name.match(pattern);
          const endIdentifier = match ? match[1] : void 0;
          const suffix = match && match[2] ? match[2] : "";
          if (endIdentifier) {
            const startIdentifier = `${endIdentifier}::start`;
            this.entries.find((savedEntry) => {
              return savedEntry.name === startIdentifier;
            });
            if (startIdentifier) {
              this.executionPromises.push(Promise.resolve().then(() => {
                this.perf.measure(endIdentifier + suffix, `${endIdentifier}::start${suffix}`, `${endIdentifier}::end${suffix}`);
              }));
            }
          }
          this.entries.push(entry);
        } else if (entry.entryType === "measure") {
          this.measures.push(entry);
        }
      });
    });
    observer.observe({ entryTypes: ["mark", "measure"] });
  }
  mark(marker) {
    if ("id" in marker) {
      this.perf.mark(`${marker.type}||${marker.id}`);
    } else {
      this.perf.mark(marker.type);
    }
  }
  waifForExecutionPromises = () => {
    return Promise.all(this.executionPromises).finally(() => {
      this.executionPromises.length = 0;
    });
  };
  async getEntries() {
    await this.waifForExecutionPromises();
    return this.entries;
  }
  async getMeasures() {
    await this.waifForExecutionPromises();
    return this.measures;
  }
};

// node_modules/@secretlint/profiler/module/node.js
import perf_hooks from "node:perf_hooks";
var NullPerformanceObserver = class {
  disconnect() {
  }
  observe(_options) {
  }
};
var secretLintProfiler = new SecretLintProfiler({
  perf: perf_hooks.performance,
  PerformanceObserver: perf_hooks.PerformanceObserver ? perf_hooks.PerformanceObserver : NullPerformanceObserver
});

// node_modules/@secretlint/core/module/RunningEvents.js
var createRunningEvents = () => {
  const contextEvents = new PromiseEventEmitter();
  const registerSet = /* @__PURE__ */ new Set();
  const LINT_HANDLE = /* @__PURE__ */ Symbol("lint:start");
  const rules2 = [];
  return {
    collectAllowMessageIds() {
      const allowMessageIds = [];
      rules2.forEach((rule) => {
        allowMessageIds.push(...rule.allowMessageIds());
      });
      return allowMessageIds;
    },
    /**
     * Start to run linting
     * @param options
     */
    runLint(options) {
      return contextEvents.emit(LINT_HANDLE, options);
    },
    registerRule({ descriptorRule, context }) {
      if (registerSet.has(descriptorRule.id)) {
        throw new Error(`rule.id:${descriptorRule.id} is already registered.
                
Duplicated rule.id is something wrong in .secretlintrc.                
`);
      }
      registerSet.add(descriptorRule.id);
      const rule = new SecretLintRule({
        descriptorRule,
        context
      });
      rules2.push(rule);
      contextEvents.on(LINT_HANDLE, async ({ sourceCode }) => {
        secretLintProfiler.mark({
          type: "@core>rule-handler::start",
          id: descriptorRule.rule.meta.id
        });
        if (rule.supportSourceCode(sourceCode)) {
          await rule.file(sourceCode);
        }
        secretLintProfiler.mark({
          type: "@core>rule-handler::end",
          id: descriptorRule.rule.meta.id
        });
      });
    },
    registerRulePreset({ descriptorRulePreset, context }) {
      const rulePresetCreatorOptions = descriptorRulePreset.options || [];
      descriptorRulePreset.rule.create(context, rulePresetCreatorOptions);
    },
    isRegistered(ruleId) {
      return registerSet.has(ruleId);
    }
  };
};

// node_modules/@secretlint/core/module/RulePresetContext.js
var createRulePresetContext = ({ configRulePreset, sourceCode, runningEvents, contextEvents, sharedOptions, locale }) => {
  const presetRules = configRulePreset.rules || [];
  if (!Array.isArray(presetRules)) {
    console.error(`${configRulePreset.id}:PresetRules is invalid format`, presetRules);
    throw new Error("preset's rules should be an array of rule definitions");
  }
  return {
    sharedOptions,
    registerRule(rule, defaultValue) {
      const descriptorRule = presetRules.find((descriptorRule2) => {
        return descriptorRule2.id === rule.meta.id;
      });
      const descriptorRuleOptions = descriptorRule ? descriptorRule.options : void 0;
      const descriptorRuleDisabled = descriptorRule ? descriptorRule.disabled : void 0;
      const descriptorRuleSeverity = descriptorRule ? descriptorRule.severity : void 0;
      const descriptorAllowMessageIds = descriptorRule ? descriptorRule.allowMessageIds : void 0;
      const context = createRuleContext({
        // rule id is a single rule in a preset
        ruleId: rule.meta.id,
        // parent rule id is rule preset id
        ruleParentId: configRulePreset.id,
        meta: rule.meta,
        severity: descriptorRuleSeverity,
        sourceCode,
        contextEvents,
        sharedOptions,
        locale
      });
      const defaultValueOfPreset = defaultValue ? defaultValue : {};
      runningEvents.registerRule({
        descriptorRule: {
          // options and disabled ...
          ...defaultValueOfPreset,
          // Prefer to use user setting
          // User can override preset setting
          ...descriptorRule,
          id: rule.meta.id,
          options: descriptorRuleOptions,
          rule,
          disabled: descriptorRuleDisabled,
          allowMessageIds: descriptorAllowMessageIds,
          severity: descriptorRuleSeverity
        },
        context
      });
    }
  };
};

// node_modules/@secretlint/core/module/messages/filter-ignored-process.js
var isContainedRange = (index, range) => {
  const [start, end] = range;
  return start <= index && index <= end;
};
function filterIgnoredMessages(options) {
  const reportedMessages = options.reportedMessages;
  const ignoreMessages = options.ignoredMessages;
  return reportedMessages.filter((message) => {
    return !ignoreMessages.some((ignoreMessage) => {
      const isInIgnoringRange = isContainedRange(message.range[0], ignoreMessage.range) && isContainedRange(message.range[1], ignoreMessage.range);
      if (isInIgnoringRange && ignoreMessage.targetRuleId) {
        if (ignoreMessage.targetRuleId === "*") {
          return true;
        }
        return message.ruleId === ignoreMessage.targetRuleId;
      }
      return isInIgnoringRange;
    });
  });
}

// node_modules/@secretlint/core/module/messages/MessageProcessManager.js
var createMessageProcessor = (processors) => {
  return {
    /**
     * process `messages` with registered processes
     */
    process(messages) {
      const originalMessages = messages;
      if (processors.length === 0) {
        throw new Error("processors should be > 0");
      }
      return processors.reduce((messages2, filter) => {
        return filter(messages2);
      }, originalMessages);
    }
  };
};

// node_modules/@secretlint/core/module/messages/filter-duplicated-process.js
var isEqualMessage = (aMessage, bMessage) => {
  return aMessage.range[0] === bMessage.range[0] && aMessage.range[1] === bMessage.range[1] && "severity" in aMessage && "severity" in bMessage && aMessage.severity === bMessage.severity && aMessage.message === bMessage.message;
};
function filterDuplicatedMessages(messages = []) {
  return messages.filter((message, index) => {
    const restMessages = messages.slice(index + 1);
    return !restMessages.some((restMessage) => {
      return isEqualMessage(message, restMessage);
    });
  });
}

// node_modules/@secretlint/core/module/messages/sort-messages-process.js
function sortMessagesByLocation(messages) {
  return messages.sort(function(a, b) {
    const startIndexDiff = a.range[0] - b.range[0];
    if (startIndexDiff === 0) {
      return a.range[1] - b.range[1];
    } else {
      return startIndexDiff;
    }
  });
}

// node_modules/@secretlint/core/module/messages/filter-message-id.js
var filterByAllowMessageIds = (messages, allowMessageIds) => {
  const disabledSet = new Set(allowMessageIds.map((allowMessage) => {
    return `${allowMessage.ruleId}--${allowMessage.messageId}`;
  }));
  return messages.filter((message) => {
    return !disabledSet.has(`${message.ruleId}--${message.messageId}`);
  });
};

// node_modules/@secretlint/core/module/messages/filter-mask-secrets.js
var deepMask = (object, handler) => {
  for (const key of Object.keys(object)) {
    if (typeof object[key] === "object") {
      object[key] = deepMask(object[key], handler);
    } else if (Array.isArray(object[key])) {
      object[key] = object[key].map((item) => deepMask(item, handler));
    } else if (typeof object[key] === "string") {
      object[key] = handler(object[key]);
    }
  }
  return object;
};
var createMaskValue = (value) => {
  return "*".repeat(value.length);
};
var maskWithValues = (str, maskedValues) => {
  let result = str;
  for (const maskValue of maskedValues) {
    result = result.replaceAll(maskValue, "*".repeat(maskValue.length));
  }
  return result;
};
var filterMaskSecretsData = (messages = []) => {
  return messages.map((message) => {
    if (message.type !== "message") {
      return message;
    }
    const maskedValues = [];
    const maskedData = message.data ? deepMask(message.data, (value) => {
      maskedValues.push(value);
      return createMaskValue(value);
    }) : void 0;
    if (!maskedData) {
      return message;
    }
    const maskedMessage = maskWithValues(message.message, maskedValues);
    return {
      ...message,
      message: maskedMessage,
      data: maskedData
    };
  });
};

// node_modules/@secretlint/core/module/messages/index.js
var cleanupMessages = (options) => {
  const reportedMessages = filterIgnoredMessages(options);
  const reportedMessagesWithoutAllowMessageIds = filterByAllowMessageIds(reportedMessages, options.allowMessageIds);
  const filters = options.maskSecrets ? [filterDuplicatedMessages, filterMaskSecretsData] : [filterDuplicatedMessages];
  const filterProcess = createMessageProcessor(filters);
  return sortMessagesByLocation(filterProcess.process(reportedMessagesWithoutAllowMessageIds));
};

// node_modules/@secretlint/core/module/index.js
var import_debug = __toESM(require_src(), 1);
var debug = (0, import_debug.default)("@secretlint/core");
var lintSource = ({ source, options }) => {
  secretLintProfiler.mark({
    type: "@core>lint::start",
    id: source.filePath
  });
  debug(`source filePath: %O`, source.filePath);
  debug(`options: %O`, options);
  const rules2 = options.config.rules;
  const locale = options.locale ?? "en";
  const maskSecrets = options.maskSecrets ?? false;
  const contextEvents = createContextEvents();
  const runningEvents = createRunningEvents();
  const reportedMessages = [];
  const ignoredMessages = [];
  contextEvents.onReport((message) => {
    reportedMessages.push(message);
  });
  contextEvents.onIgnore((message) => {
    ignoredMessages.push(message);
  });
  const sourceCode = new SecretLintSourceCodeImpl({
    content: source.content,
    filePath: source.filePath,
    physicalFilePath: options.noPhysicFilePath ? void 0 : source.filePath,
    ext: source.ext || "",
    contentType: source.contentType
  });
  secretLintProfiler.mark({
    type: "@core>setup-rules::start"
  });
  rules2.forEach((rule) => {
    secretLintProfiler.mark({
      type: "@core>setup-rule::start",
      id: rule.rule.meta.id
    });
    registerRule({
      sourceCode,
      config: options.config,
      descriptorRule: rule,
      contextEvents,
      runningEvents,
      locale
    });
    secretLintProfiler.mark({
      type: "@core>setup-rule::end",
      id: rule.rule.meta.id
    });
  });
  secretLintProfiler.mark({
    type: "@core>setup-rules::end"
  });
  return runningEvents.runLint({
    sourceCode
  }).then(() => {
    return {
      filePath: source.filePath,
      // binary content should be skipped
      sourceContent: source.contentType === "text" ? source.content : void 0,
      sourceContentType: source.contentType,
      messages: cleanupMessages({
        reportedMessages,
        ignoredMessages,
        allowMessageIds: runningEvents.collectAllowMessageIds(),
        maskSecrets
      })
    };
  }).finally(() => {
    secretLintProfiler.mark({
      type: "@core>lint::end",
      id: source.filePath
    });
  });
};
var isRulePreset = (ruleDescriptor) => {
  return ruleDescriptor.rule.meta.type === "preset";
};
var isRule = (ruleDescriptor) => {
  return ruleDescriptor.rule.meta.type === "scanner";
};
var registerRule = ({ sourceCode, config, descriptorRule, contextEvents, runningEvents, locale }) => {
  const ruleId = descriptorRule.id;
  if (descriptorRule.disabled) {
    debug("Skip registerRule %s, because it is disabled", ruleId);
    return;
  }
  debug("registerRule %s", ruleId);
  const sharedOptionsWithDefault = config.sharedOptions ?? {};
  if (isRulePreset(descriptorRule)) {
    const context = createRulePresetContext({
      configRulePreset: descriptorRule,
      sourceCode,
      contextEvents,
      runningEvents,
      sharedOptions: sharedOptionsWithDefault,
      locale
    });
    runningEvents.registerRulePreset({
      descriptorRulePreset: descriptorRule,
      context
    });
    return;
  } else if (isRule(descriptorRule)) {
    const context = createRuleContext({
      ruleId,
      severity: descriptorRule.severity,
      meta: descriptorRule.rule.meta,
      sourceCode,
      contextEvents,
      sharedOptions: sharedOptionsWithDefault,
      locale
    });
    runningEvents.registerRule({
      descriptorRule,
      context
    });
    return;
  }
  throw new Error(`Unknown descriptor type: ${descriptorRule}`);
};

// src/providers/local/secrets.ts
var import_picomatch = __toESM(require_picomatch(), 1);

// src/providers/local/detectors.ts
var B = "(?<![A-Za-z0-9_-])";
var E = "(?![A-Za-z0-9_-])";
var re = (body, flags = "g") => new RegExp(`${B}${body}${E}`, flags);
var PRIVATE_KEY_BLOCK = /-----BEGIN ((?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?)-----((?:[A-Za-z0-9+/=]|\\\\?[rn]|[\s"'+,])+?)-----END \1-----/g;
function hasKeyBody(body) {
  return body.replace(/\\\\?[rn]|[\s"'+,]/g, "").length >= 64;
}
var AWS_EXAMPLE_KEY_ID = ["AKIA", "IOSFODNN7", "EXAMPLE"].join("");
var AWS_KEY_ID = re("(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z2-7]{16}");
var HIGH_CONFIDENCE = [
  { id: "secpol/private-key", kind: "private-key", pattern: PRIVATE_KEY_BLOCK },
  { id: "secpol/aws-access-key-id", kind: "cloud-key", pattern: AWS_KEY_ID, ignore: [AWS_EXAMPLE_KEY_ID] },
  { id: "secpol/google-api-key", kind: "cloud-key", pattern: re("AIza[0-9A-Za-z_-]{35}") },
  { id: "secpol/github-token", kind: "token", pattern: re("(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})") },
  { id: "secpol/gitlab-token", kind: "token", pattern: re("glpat-[A-Za-z0-9_-]{20}") },
  { id: "secpol/slack-token", kind: "token", pattern: re("xox[bpaorse]-(?:\\d-)?[A-Za-z0-9]{1,40}(?:-[A-Za-z0-9]{1,64}){1,4}") },
  { id: "secpol/slack-config-token", kind: "token", pattern: re("xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{140,170}") },
  { id: "secpol/npm-token", kind: "token", pattern: re("npm_[A-Za-z0-9]{36}") },
  { id: "secpol/stripe-live-key", kind: "token", pattern: re("[rs]k_live_[0-9a-zA-Z]{24,99}") },
  { id: "secpol/sendgrid-key", kind: "token", pattern: re("SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}") },
  { id: "secpol/openai-key", kind: "token", pattern: re("sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}") },
  { id: "secpol/anthropic-key", kind: "token", pattern: re("sk-ant-(?:api|admin)0\\d-[A-Za-z0-9_-]{80,120}") }
];
var TEXT_ONLY = [
  {
    id: "secpol/slack-webhook",
    kind: "token",
    pattern: /https:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/\d{6,20}\/[A-Za-z0-9]{16,40}(?![A-Za-z0-9])/g
  }
];
var PREFILTER = /PRIVATE KEY|npm_|_authToken|x-oauth-basic|xox[bpaorse]-|xapp-|[Hh][Oo][Oo][Kk][Ss]\.[Ss][Ll][Aa][Cc][Kk]\.|SG\.|shp(?:pa|ca|at|ss)_|gh[pousr]_|github_pat_|T3BlbkFJ|sk-ant-a|sk-proj-|sk-svcacct-|sk-admin-|lin_api_|ops_ey|(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)|:\/\/[^:/\n]{1,1024}:[^@/\n]{1,1024}@|glpat-|AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9]|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|AIza|[rs]k_live_/;
function kindOfRule(ruleId) {
  if (/privatekey|secp256k1/.test(ruleId)) return "private-key";
  if (/-aws$|-gcp$|azure/.test(ruleId)) return "cloud-key";
  if (/basicauth|database-connection-string/.test(ruleId)) return "url-credential";
  if (/github|gitlab|slack|npm|sendgrid|shopify|openai|anthropic|linear|1password|stripe/.test(ruleId)) return "token";
  return "other";
}

// src/providers/local/secrets.ts
var VALUE_PROPS = ["KEY", "TOKEN", "ID", "URL", "URI", "CREDENTIAL"];
function fingerprintOf(value) {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}
var SecretScanner = class {
  /** `onSecret` sees each raw value once (to register it with the redactor), then it is dropped. */
  constructor(allowlist = {}, onSecret = () => void 0) {
    this.onSecret = onSecret;
    const globs = allowlist.paths ?? [];
    this.pathAllowed = globs.length > 0 ? (0, import_picomatch.default)(globs, { dot: true }) : () => false;
    this.fingerprints = new Set((allowlist.fingerprints ?? []).map((f) => f.replace(/^sha256:/, "").toLowerCase()));
  }
  onSecret;
  pathAllowed;
  fingerprints;
  stats = { prefilterHits: 0, allowlisted: 0, rejected: 0 };
  /** Files on the path allowlist are not scanned at all. */
  isPathAllowed(path) {
    return this.pathAllowed(path);
  }
  /** Cheap test on the raw bytes (latin1 view keeps ASCII markers intact for any encoding). */
  mayContainSecret(data) {
    return PREFILTER.test(typeof data === "string" ? data : data.toString("latin1"));
  }
  /**
   * Findings in `text`. `mode: 'binary'` runs the high-confidence shapes only (the text is a
   * latin1 view of bytes). `firstLine` numbers lines of a chunk of a larger file.
   */
  async scan(path, text, options = {}) {
    if (this.pathAllowed(path) || !this.mayContainSecret(text)) return [];
    this.stats.prefilterHits++;
    const raw = [];
    if (options.mode !== "binary") raw.push(...await secretlintFindings(path, text));
    for (const d of options.mode === "binary" ? HIGH_CONFIDENCE : [...HIGH_CONFIDENCE, ...TEXT_ONLY]) raw.push(...detectorFindings(d, text));
    const context = contextOf(path);
    const lines = lineStarts(text);
    const lineBase = (options.firstLine ?? 1) - 1;
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (const r of raw) {
      const candidate = { kind: r.kind, detector: r.detector, value: r.value, before: text.slice(Math.max(0, r.offset - 1), r.offset), after: text.slice(r.offset + r.value.length, r.offset + r.value.length + 8) };
      if (rejectReason(candidate) !== void 0) {
        this.stats.rejected++;
        continue;
      }
      this.onSecret(r.value);
      const fingerprint = fingerprintOf(r.value);
      if (this.fingerprints.has(fingerprint)) {
        this.stats.allowlisted++;
        continue;
      }
      const { line, column } = positionAt(lines, r.offset);
      const key = `${line}:${fingerprint}`;
      const overlapping = `${line}:${Math.floor(r.offset)}`;
      if (seen.has(key) || seen.has(overlapping)) continue;
      seen.add(key);
      seen.add(overlapping);
      const finding = { path, line: line + lineBase, column, detector: r.detector, fingerprint, masked: maskSecret(r.value), context, highConfidence: r.kind === "private-key" || r.kind === "cloud-key" };
      out.push(finding);
    }
    return out.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  }
};
async function secretlintFindings(path, content) {
  const raw = [];
  const result = await lintSource({
    source: { content, filePath: secretlintPath(path), ext: extensionOf(path), contentType: "text" },
    options: { config: { rules: [{ id: creator.meta.id, rule: creator }] }, noPhysicFilePath: true, maskSecrets: false }
  });
  for (const m of result.messages) {
    if (m.type !== "message") continue;
    const [start, end] = m.range;
    const data = m.data ?? {};
    const prop = VALUE_PROPS.find((p) => typeof data[p] === "string" && data[p] !== "");
    const value = prop ? data[prop] : content.slice(start, end);
    const at = content.slice(start, end).includes(value) ? start + content.slice(start, end).indexOf(value) : content.indexOf(value, start);
    const kind = kindOfRule(m.ruleId);
    if (kind === "private-key" && !hasKeyMaterialAt(content, at >= 0 ? at : start)) continue;
    raw.push({ detector: m.ruleId, kind, value, offset: at >= 0 ? at : start });
  }
  return raw;
}
var PRIVATE_KEY_BLOCK_SOURCE = PRIVATE_KEY_BLOCK.source;
function hasKeyMaterialAt(content, offset) {
  const block = new RegExp(PRIVATE_KEY_BLOCK_SOURCE, "y");
  const begin = content.lastIndexOf("-----BEGIN", offset + 10);
  if (begin < 0) return false;
  block.lastIndex = begin;
  const m = block.exec(content);
  return m !== null && hasKeyBody(m[2] ?? "");
}
function detectorFindings(d, text) {
  const out = [];
  for (const match of text.matchAll(d.pattern)) {
    const value = match[d.group ?? 0] ?? match[0];
    if (d.ignore?.includes(value)) continue;
    if (d.kind === "private-key" && !hasKeyBody(match[2] ?? "")) continue;
    out.push({ detector: d.id, kind: d.kind, value, offset: match.index ?? 0 });
  }
  return out;
}
function secretlintPath(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return `file/${base.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}
function extensionOf(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).replace(/[^A-Za-z0-9._-]/g, "_") : "";
}

// src/providers/local/adapter.ts
var DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
var PROGRESS_EVERY = 1e3;
function repositoryIdFor(path) {
  const normalised = path.replace(/\\/g, "/").replace(/(.)\/+$/, "$1").replace(/^\.\/(?=.)/, "");
  return `local:${normalised === "" ? "." : normalised}`;
}
var LocalAdapter = class {
  constructor(root, displayPath2, options, git) {
    this.root = root;
    this.displayPath = displayPath2;
    this.options = options;
    this.git = git;
    this.target = displayPath2;
  }
  root;
  displayPath;
  options;
  git;
  name = "local";
  target;
  async collect(ctx) {
    const started = Date.now();
    const diagnostics = [];
    const maxFileBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    ctx.progress.update(`local: listing files in ${this.displayPath}`);
    const list = await listFiles(this.root, this.git);
    if (list.note) ctx.debug(`local: ${list.note}; walked ${list.paths.length} files honouring .gitignore`);
    const base = list.top ?? this.root;
    const scope = (list.prefix ?? "").replace(/\/$/, "");
    const repoId = repositoryIdFor(scope || ".");
    const ids = { provider: "local", idPrefix: "local:", repository: repoId };
    const listed = new Set(list.paths);
    const includable = new Set(list.repositoryPaths ?? list.paths);
    const untracked = new Set(list.untracked);
    if (untracked.size > 0) {
      const names = list.untracked.slice(0, 10).join(", ") + (untracked.size > 10 ? ` and ${untracked.size - 10} more` : "");
      diagnostics.push({ severity: "warning", message: `local: scanned the working tree: ${plural(untracked.size, "untracked file not yet committed is", "untracked files not yet committed are")} included (${names}); ignored files are not` });
    }
    const reader = new SafeReader(base, maxFileBytes);
    const scanner = new SecretScanner(this.options.allowlist, (value) => ctx.redactor.add(value));
    const skippedFiles = [];
    const skipReason = /* @__PURE__ */ new Map();
    const unscannedFiles = [];
    const secretFindings = [];
    const keep = /* @__PURE__ */ new Map();
    let hasIac = false;
    const azureByContent = /* @__PURE__ */ new Set();
    let bytesScanned = 0;
    let filesScanned = 0;
    for (let i = 0; i < list.paths.length; i++) {
      const path = list.paths[i];
      if (i % PROGRESS_EVERY === 0) {
        if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error("aborted");
        if (i > 0) ctx.progress.update(`local: scanned ${i}/${list.paths.length} files`);
        await new Promise((r) => setImmediate(r));
      }
      const scanned = await scanFile(reader, scanner, path);
      for (const f of scanned.findings) secretFindings.push(f);
      bytesScanned += scanned.bytes;
      if (scanned.skipped !== void 0) {
        skippedFiles.push({ path, reason: scanned.skipped });
        skipReason.set(path, scanned.skipped);
      }
      if (scanned.unscanned !== void 0) unscannedFiles.push({ path, reason: scanned.unscanned });
      if (scanned.text === void 0) continue;
      filesScanned++;
      const text = scanned.text;
      const byName = pipelinePlatformOf(path) !== void 0;
      if (!byName && looksLikeAzurePipeline(path, text)) azureByContent.add(path);
      const wanted = byName || azureByContent.has(path) || isComposePath(path) || isDockerfilePath(path) || path === ".gitignore";
      if (wanted) keep.set(path, text);
      if (!hasIac && contextOf(path) === "code" && (isIacPath(path) || /\.(ya?ml|json)$/.test(path) && isIacContent(path, text))) hasIac = true;
    }
    const readFile = async (p) => {
      if (keep.has(p)) return keep.get(p);
      if (!includable.has(p)) return void 0;
      const r = reader.read(p);
      return r.ok ? decodeText(r.data)?.text : void 0;
    };
    const { platformOf, extraDockerfiles } = discover(keep, azureByContent, listed);
    const pipelines = [];
    const images = [];
    for (const path of list.paths) {
      const platform = platformOf(path);
      const dockerfile = isDockerfilePath(path) || extraDockerfiles.has(path);
      if (!platform && !dockerfile) continue;
      const text = keep.get(path) ?? (extraDockerfiles.has(path) ? await readFile(path) : void 0);
      const skipped = skipReason.get(path);
      if (platform) {
        const skeleton = skeletonPipeline(path, platform, ids);
        pipelines.push(text !== void 0 ? await analysePipelineFile({ path, text }, ids, readFile, platform).catch((err) => failed(skeleton, path, err)) : unreadable(skeleton, path, skipped));
      } else {
        const skeleton = skeletonImage(path, ids);
        images.push(text !== void 0 ? await analyseDockerfile({ path, text }, ids).catch((err) => failed(skeleton, path, err)) : unreadable(skeleton, path, skipped));
      }
    }
    applyCiImageLabels(images, pipelines);
    const outerPipelines = [];
    if (scope) {
      for (const path of includable) {
        const platform = listed.has(path) ? void 0 : pipelinePlatformOf(path);
        if (!platform) continue;
        const text = await readFile(path);
        const skeleton = skeletonPipeline(path, platform, ids);
        outerPipelines.push(text !== void 0 ? await analysePipelineFile({ path, text }, ids, readFile, platform).catch((err) => failed(skeleton, path, err)) : unreadable(skeleton, path, "unreadable"));
      }
    }
    const buildPipelines = [...pipelines, ...outerPipelines];
    const repository = {
      id: repoId,
      kind: "repository",
      provider: "local",
      name: scope ? `${basename(base)}/${scope}` : basename(this.root) || this.displayPath,
      // A monorepo's security policy and code owners sit at the top, whichever part is checked.
      securityPolicy: hasSecurityPolicy(list.repositoryPaths ?? list.paths),
      codeowners: hasCodeowners(list.repositoryPaths ?? list.paths),
      envFilesCommitted: envFiles(list.paths.filter((p) => !untracked.has(p))),
      envFilesPresent: envFiles(list.paths).length > 0,
      secretFindings,
      skippedFiles,
      unscannedFiles,
      buildsImages: images.length > 0,
      hasIac,
      ciScans: summariseCiScans(buildPipelines),
      pipelineFiles: buildPipelines.map((p) => p.path ?? p.name)
    };
    const gaps = ciScanGaps(buildPipelines);
    const rootGitignore = keep.get(".gitignore") ?? (scope && includable.has(".gitignore") ? await readFile(".gitignore") : void 0);
    const envIgnored = envIgnoredBy(rootGitignore);
    if (envIgnored !== void 0) repository.envIgnored = envIgnored;
    else gaps.envIgnored = { reason: "error", message: `.gitignore is larger than the ${formatBytes(LIMITS.gitignore)} limit: not evaluated` };
    if (includable.has(".gitignore") && rootGitignore === void 0) {
      delete repository.envIgnored;
      gaps.envIgnored = { reason: "error", message: `.gitignore could not be read: ${skipReason.get(".gitignore") ?? "unreadable"}` };
    }
    if (unscannedFiles.length > 0) {
      const shown = unscannedFiles.slice(0, 10).map((f) => `${f.path} (${f.reason})`).join(", ");
      const more = unscannedFiles.length > 10 ? ` and ${unscannedFiles.length - 10} more (see unscannedFiles)` : "";
      if (secretFindings.length === 0) {
        delete repository.secretFindings;
        gaps.secretFindings = { reason: "error", message: `${plural(unscannedFiles.length, "file that could hold text was", "files that could hold text were")} not scanned: ${shown}${more}` };
      }
      diagnostics.push({ severity: "warning", message: `local: ${plural(unscannedFiles.length, "file", "files")} could not be read for the secret scan: ${shown}${more}` });
    }
    if (Object.keys(gaps).length > 0) repository.gaps = gaps;
    const passedOver = skippedFiles.length - unscannedFiles.length;
    if (passedOver > 0) {
      diagnostics.push({
        severity: "warning",
        verdict: true,
        message: `local: ${plural(passedOver, "file", "files")} not scanned as text (binary, large, symlink or not regular); \`secpol check --verbose\` lists them`
      });
      for (const skipped of skippedFiles) ctx.debug(`local: not scanned: ${JSON.stringify(skipped)}`);
    }
    const resources = [repository, ...pipelines, ...images];
    return {
      resources,
      diagnostics,
      scanned: scopeLabel(this.displayPath, list.top, scope),
      stats: {
        localSource: list.source,
        localFilesListed: list.paths.length,
        localFilesUntracked: untracked.size,
        localFilesScanned: filesScanned,
        localFilesSkipped: skippedFiles.length,
        localBytesScanned: bytesScanned,
        localPrefilterHits: scanner.stats.prefilterHits,
        localSecretsAllowlisted: scanner.stats.allowlisted,
        localSecretsRejected: scanner.stats.rejected,
        localDurationMs: Date.now() - started
      }
    };
  }
};
function scopeLabel(displayPath2, top, scope) {
  if (top === void 0) return displayPath2;
  return `${scope ? `${scope} of ` : ""}repository at ${top} (working tree)`;
}
function discover(keep, azureByContent, listed) {
  const templates = /* @__PURE__ */ new Set();
  for (const [path, text] of keep) {
    if (azureByContent.has(path) || pipelinePlatformOf(path) === "azure-pipelines") for (const t of azureTemplateRefs(path, text)) templates.add(t);
  }
  const azure = new Set([...azureByContent].filter((p) => !templates.has(p)));
  const extraDockerfiles = /* @__PURE__ */ new Set();
  for (const [path, text] of keep) {
    if (!isComposePath(path) && pipelinePlatformOf(path) === void 0 && !azure.has(path)) continue;
    for (const ref of referencedDockerfiles(path, text)) if (listed.has(ref) && !isDockerfilePath(ref)) extraDockerfiles.add(ref);
  }
  return { platformOf: (path) => pipelinePlatformOf(path) ?? (azure.has(path) ? "azure-pipelines" : void 0), extraDockerfiles };
}
function skeletonPipeline(path, platform, ids) {
  return {
    id: `${ids.idPrefix}${ids.idPrefix.endsWith(":") ? "" : "/"}${path}`,
    kind: "pipeline",
    provider: ids.provider,
    name: path,
    platform,
    path,
    repository: ids.repository,
    location: { path, line: 1 }
  };
}
function skeletonImage(path, ids) {
  return {
    id: `${ids.idPrefix}${ids.idPrefix.endsWith(":") ? "" : "/"}${path}`,
    kind: "container-image",
    provider: ids.provider,
    name: path,
    path,
    repository: ids.repository,
    location: { path, line: 1 }
  };
}
function failed(resource, path, err) {
  const what = err instanceof RangeError ? "nested too deeply" : err instanceof Error ? err.name : "error";
  resource.gaps = { "*": { reason: "error", message: `${path}: analysis failed (${what})` } };
  return resource;
}
function unreadable(resource, path, reason) {
  resource.gaps = { "*": { reason: "error", message: `${path}: not analysed: ${reason ?? "unreadable"}` } };
  return resource;
}

// src/providers/local/index.ts
function createLocalProvider(options = {}) {
  return {
    plan(spec) {
      const path = spec.path || ".";
      const root = resolve2(path);
      let isDir = false;
      try {
        isDir = statSync(root).isDirectory();
      } catch {
        throw new UserError(`${path}: no such directory`);
      }
      if (!isDir) throw new UserError(`${path}: not a directory`);
      const allowlist = {
        paths: [...options.allowlist?.paths ?? [], ...spec.secretAllowlist?.paths ?? []],
        fingerprints: [...options.allowlist?.fingerprints ?? [], ...spec.secretAllowlist?.fingerprints ?? []]
      };
      return [new LocalAdapter(root, displayPath(root), { ...options, allowlist })];
    },
    doctor: async (spec) => localDoctor(spec.path || ".")
  };
}
function localDoctor(path) {
  const root = resolve2(path);
  let readable = false;
  try {
    readable = statSync(root).isDirectory();
  } catch {
    readable = false;
  }
  return {
    provider: "local",
    endpoint: displayPath(root),
    identity: "no credential needed",
    checks: [{ name: "working tree", status: readable ? "ok" : "missing", detail: readable ? "ok" : `${path}: not a readable directory` }]
  };
}
function displayPath(root) {
  const rel = relative2(process.cwd(), root);
  return rel === "" ? "." : rel.split(sep2).join("/");
}
var implementation = createLocalProvider({});
export {
  DEFAULT_MAX_FILE_BYTES,
  createLocalProvider,
  implementation,
  meta,
  repositoryIdFor
};
