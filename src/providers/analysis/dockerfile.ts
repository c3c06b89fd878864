import type { ContainerImage, Gaps } from '../../model/index.js';
import { knownTokenIn, looksLikeSecretName } from './secret-names.js';

type Facts = Pick<ContainerImage, 'user' | 'runsAsRoot' | 'baseImages' | 'secretsInImage' | 'labels' | 'gaps' | 'location'>;

export interface Instruction {
  keyword: string;
  /** Arguments with line continuations joined (heredoc bodies excluded). */
  args: string;
  line: number;
  heredocs: { name: string; body: string }[];
}

/**
 * Splits a Dockerfile into instructions: parser directives (`# escape=`), comments, line
 * continuations (comment and blank lines inside them are dropped, as BuildKit does) and
 * heredocs (`<<EOF`, `<<-EOF`, quoted delimiters) whose bodies are not instructions.
 */
export function parseDockerfile(text: string): Instruction[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let escape = '\\';
  let i = 0;
  // Parser directives: only at the very top, before any other line.
  for (; i < lines.length; i++) {
    const m = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(lines[i]!);
    if (!m) break;
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const out: Instruction[] = [];
  while (i < lines.length) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const startLine = i + 1;
    let logical = '';
    let current = raw;
    for (;;) {
      const stripped = current.replace(/\s+$/, '');
      if (stripped.endsWith(escape) && !stripped.endsWith(escape + escape)) {
        logical += stripped.slice(0, -1);
        i++;
        // Blank and comment lines inside a continuation are skipped.
        while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
        if (i >= lines.length) break;
        current = lines[i]!;
        continue;
      }
      logical += current;
      i++;
      break;
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(logical);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    const heredocs: Instruction['heredocs'] = [];
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
      for (let h = re.exec(args); h; h = re.exec(args)) {
        const stripTabs = h[1] === '-';
        const delimiter = h[3]!;
        const body: string[] = [];
        while (i < lines.length) {
          const l = lines[i]!;
          i++;
          if ((stripTabs ? l.replace(/^\t+/, '') : l) === delimiter) break;
          body.push(stripTabs ? l.replace(/^\t+/, '') : l);
        }
        heredocs.push({ name: delimiter, body: body.join('\n') });
      }
    }
    out.push({ keyword, args, line: startLine, heredocs });
  }
  return out;
}

type Vars = Map<string, string | undefined>;

/** `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`; `unresolved` collects names with no value. */
export function substitute(text: string, vars: Vars, unresolved?: Set<string>): string {
  return text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced?: string, op?: string, word?: string, bare?: string) => {
    if (all === '\\$') return '$';
    const name = (braced ?? bare)!;
    const value = vars.get(name);
    const set = value !== undefined && (op?.startsWith(':') ? value !== '' : true);
    if (op === ':-' || op === '-') return set ? value! : substitute(word ?? '', vars, unresolved);
    if (op === ':+' || op === '+') return set ? substitute(word ?? '', vars, unresolved) : '';
    if (value === undefined) {
      unresolved?.add(name);
      return all;
    }
    return value;
  });
}

/** Splits `k=v k2="v 2"` (ENV/LABEL/ARG syntax) honouring quotes and escapes. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quote) {
      if (c === '\\' && quote === '"' && k + 1 < text.length) {
        cur += text[++k];
      } else if (c === quote) quote = null;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && k + 1 < text.length) {
      cur += text[++k];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has || cur) words.push(cur);
  return words;
}

/** ENV/LABEL pairs: `k=v ...`, or the legacy `ENV key value with spaces`. */
function keyValues(args: string): [string, string][] {
  const words = splitWords(args);
  if (words.length > 0 && !words[0]!.includes('=')) {
    const rest = args.replace(/^\s*\S+\s*/, '');
    return [[words[0]!, splitWords(rest).join(' ')]];
  }
  return words.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
}

interface Stage {
  name?: string;
  index: number;
  line: number;
  parent?: Stage;
  vars: Vars;
  user?: { value: string; unresolved: string[]; line: number };
  labels: Record<string, string>;
  secrets: NonNullable<ContainerImage['secretsInImage']>;
}

const SECRET_FILE =
  /(^|\/)(\.env(\.(?!example$|sample$|template$|dist$)[^/]+)?|id_(rsa|dsa|ecdsa|ed25519)|[^/]*\.(pem|key|p12|pfx|jks|keystore|ppk)|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|credentials(\.json)?|\.aws\/credentials|\.docker\/config\.json|kubeconfig|service[-_]?account[^/]*\.json)$/i;

export function analyseDockerfileText(text: string): Facts | { malformed: string; line?: number } {
  const instructions = parseDockerfile(text);
  const globalArgs: Vars = new Map();
  const stages: Stage[] = [];
  const baseImages: NonNullable<ContainerImage['baseImages']> = [];
  let stage: Stage | undefined;

  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const words = splitWords(ins.args).filter((w) => !w.startsWith('--'));
      const rawRef = words[0] ?? '';
      const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
      const name = asIndex > 0 ? words[asIndex + 1] : undefined;
      const unresolved = new Set<string>();
      const ref = substitute(rawRef, globalArgs, unresolved);
      const parent = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === ref.toLowerCase());
      const pinning = parent ? 'stage' : unresolved.size > 0 || ref === '' ? 'unresolved' : pinningOf(ref);
      const entry: (typeof baseImages)[number] = { ref: ref || rawRef, pinning, line: ins.line };
      if (name) entry.stage = name;
      baseImages.push(entry);
      stage = {
        index: stages.length,
        line: ins.line,
        vars: new Map(parent ? parent.vars : []),
        labels: { ...(parent?.labels ?? {}) },
        secrets: [...(parent?.secrets ?? [])],
      };
      if (name) stage.name = name;
      if (parent) {
        stage.parent = parent;
        if (parent.user) stage.user = parent.user;
      }
      stages.push(stage);
      continue;
    }
    if (!stage) {
      if (ins.keyword === 'ARG') for (const [k, v] of argPairs(ins.args)) globalArgs.set(k, v === undefined ? undefined : substitute(v, globalArgs));
      continue;
    }
    switch (ins.keyword) {
      case 'ARG':
        for (const [k, v] of argPairs(ins.args)) {
          // `ARG NAME` inside a stage imports the global value.
          stage.vars.set(k, v !== undefined ? substitute(v, stage.vars) : stage.vars.get(k) ?? globalArgs.get(k));
          if (looksLikeSecretName(k)) stage.secrets.push({ instruction: 'ARG', name: k, line: ins.line });
        }
        break;
      case 'ENV':
        for (const [k, v] of keyValues(ins.args)) {
          const value = substitute(v, stage.vars);
          stage.vars.set(k, value);
          if (looksLikeSecretName(k) || knownTokenIn(value)) stage.secrets.push({ instruction: 'ENV', name: k, line: ins.line });
        }
        break;
      case 'LABEL':
        for (const [k, v] of keyValues(ins.args)) stage.labels[substitute(k, stage.vars)] = substitute(v, stage.vars);
        break;
      case 'USER': {
        const unresolved = new Set<string>();
        const value = substitute(splitWords(ins.args)[0] ?? '', stage.vars, unresolved);
        stage.user = { value, unresolved: [...unresolved], line: ins.line };
        break;
      }
      case 'COPY':
      case 'ADD': {
        const words = splitWords(ins.args).filter((w) => !w.startsWith('--'));
        let paths = words;
        const json = ins.args.replace(/^(\s*--\S+\s+)*/, '').trim();
        if (json.startsWith('[')) {
          try {
            const arr: unknown = JSON.parse(json);
            if (Array.isArray(arr)) paths = arr.map(String);
          } catch {
            // not JSON form after all
          }
        }
        const sources = paths.slice(0, -1);
        const dest = paths[paths.length - 1] ?? '';
        for (const s of sources) {
          if (s.startsWith('<<')) {
            if (SECRET_FILE.test(substitute(dest, stage.vars))) stage.secrets.push({ instruction: ins.keyword, name: dest, line: ins.line });
          } else if (SECRET_FILE.test(substitute(s, stage.vars).replace(/\/+$/, ''))) {
            stage.secrets.push({ instruction: ins.keyword, name: s, line: ins.line });
          }
        }
        break;
      }
      default:
        break;
    }
  }

  const final = stages[stages.length - 1];
  if (!final) return { malformed: 'no FROM instruction', line: 1 };
  const facts: Facts = {
    baseImages,
    secretsInImage: final.secrets,
    labels: final.labels,
    location: { path: '', line: final.line },
  };
  const gaps: Gaps = {};
  if (!final.user) {
    facts.user = null;
    facts.runsAsRoot = true;
  } else if (final.user.unresolved.length > 0) {
    facts.user = final.user.value;
    gaps.runsAsRoot = {
      reason: 'unsupported',
      message: `USER is set from build argument ${final.user.unresolved.join(', ')} with no default (line ${final.user.line})`,
    };
  } else {
    facts.user = final.user.value;
    facts.runsAsRoot = /^(root|0)(:.*)?$/.test(final.user.value.trim()) || final.user.value.trim() === '';
  }
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}

function argPairs(args: string): [string, string | undefined][] {
  return splitWords(args).map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)];
  });
}

/** digest, tag, latest (explicit or implied) or scratch. */
export function pinningOf(ref: string): 'digest' | 'tag' | 'latest' | 'scratch' {
  if (ref.toLowerCase() === 'scratch') return 'scratch';
  if (/@sha256:[0-9a-f]{64}$/i.test(ref)) return 'digest';
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  if (colon < 0) return 'latest';
  return lastSegment.slice(colon + 1) === 'latest' ? 'latest' : 'tag';
}
