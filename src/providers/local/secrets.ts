import { createHash } from 'node:crypto';
import { lintSource } from '@secretlint/core';
import { creator as presetRecommend } from '@secretlint/secretlint-rule-preset-recommend';
import picomatch from 'picomatch';
import type { SecretFinding } from '../../model/index.js';
import { lineStarts, positionAt } from '../../shared/line-index.js';
import { maskSecret } from '../../shared/redact.js';

/**
 * Secret detection: secretlint's recommended preset (maintained upstream) plus a few
 * high-precision token shapes it does not cover, behind a keyword pre-filter.
 *
 * The pre-filter: every rule of the preset (and of the supplement) needs one of a handful
 * of literal markers to match at all (`ghp_`, `PRIVATE KEY`, `xoxb-`, `://user:pass@`,
 * `SECRET_ACCESS_KEY`, ...). One pass of a single alternation over the raw bytes decides
 * whether a file can hold a finding; only those files are decoded and given to secretlint,
 * whose per-file setup (15 rules, each with its own regexes) costs far more than the pass.
 * The markers are derived from the preset's patterns (11.7.x) and are a necessary
 * condition for each of them, so the pre-filter changes speed, never results.
 */
export const PREFILTER =
  /PRIVATE KEY|npm_|_authToken|x-oauth-basic|xox[bpaor]-|xapp-|[Hh][Oo][Oo][Kk][Ss]\.[Ss][Ll][Aa][Cc][Kk]\.|SG\.|shp(?:pa|ca|at|ss)_|gh[pousr]_|github_pat_|T3BlbkFJ|sk-ant-api0|lin_api_|ops_ey|(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)|:\/\/[^:/\n]{1,1024}:[^@/\n]{1,1024}@|glpat-|AKIA|ASIA|A3T[A-Z0-9]|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|AIza|[rs]k_live_/;

/** Supplement to the preset: credential shapes from well-kept public rule sets (gitleaks), high precision only. */
const SUPPLEMENT: { id: string; pattern: RegExp; ignore?: string[] }[] = [
  { id: 'secpol/gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20}\b/g },
  {
    id: 'secpol/aws-access-key-id',
    pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g,
    ignore: ['AKIAIOSFODNN7EXAMPLE'],
  },
  { id: 'secpol/stripe-live-key', pattern: /\b[rs]k_live_[0-9a-zA-Z]{24,99}\b/g },
  { id: 'secpol/google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
];

/** Which of a secretlint message's data props holds the secret value. */
const VALUE_PROPS = ['KEY', 'TOKEN', 'ID', 'URL', 'URI', 'CREDENTIAL'];

export interface Allowlist {
  paths?: string[];
  fingerprints?: string[];
}

export function fingerprintOf(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}

export class SecretScanner {
  private readonly pathAllowed: (path: string) => boolean;
  private readonly fingerprints: Set<string>;
  readonly stats = { prefilterHits: 0, allowlisted: 0 };

  /** `onSecret` sees each raw value once (to register it with the redactor), then it is dropped. */
  constructor(
    allowlist: Allowlist = {},
    private readonly onSecret: (value: string) => void = () => undefined,
  ) {
    const globs = allowlist.paths ?? [];
    this.pathAllowed = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
    this.fingerprints = new Set((allowlist.fingerprints ?? []).map((f) => f.replace(/^sha256:/, '').toLowerCase()));
  }

  /** Files on the path allowlist are not scanned at all. */
  isPathAllowed(path: string): boolean {
    return this.pathAllowed(path);
  }

  /** Cheap test on the raw bytes (latin1 view keeps ASCII markers intact for any encoding). */
  mayContainSecret(data: Buffer): boolean {
    return PREFILTER.test(data.toString('latin1'));
  }

  async scan(path: string, data: Buffer): Promise<SecretFinding[]> {
    if (this.pathAllowed(path) || !this.mayContainSecret(data)) return [];
    this.stats.prefilterHits++;
    const content = data.toString('utf8');
    const raw: { detector: string; value: string; offset: number }[] = [];

    const result = await lintSource({
      source: { content, filePath: secretlintPath(path), ext: extensionOf(path), contentType: 'text' },
      options: { config: { rules: [{ id: presetRecommend.meta.id, rule: presetRecommend }] }, noPhysicFilePath: true, maskSecrets: false },
    });
    for (const m of result.messages) {
      if (m.type !== 'message') continue;
      const [start, end] = m.range;
      const data = (m.data ?? {}) as Record<string, unknown>;
      const prop = VALUE_PROPS.find((p) => typeof data[p] === 'string' && data[p] !== '');
      const value = prop ? (data[prop] as string) : content.slice(start, end);
      // Some rules report the start of the whole match: locate the value itself when we can.
      const at = content.slice(start, end).includes(value) ? start + content.slice(start, end).indexOf(value) : content.indexOf(value, start);
      raw.push({ detector: m.ruleId, value, offset: at >= 0 ? at : start });
    }
    for (const s of SUPPLEMENT) {
      for (const match of content.matchAll(s.pattern)) {
        if (s.ignore?.includes(match[0])) continue;
        raw.push({ detector: s.id, value: match[0], offset: match.index ?? 0 });
      }
    }

    const lines = lineStarts(content);
    const out: SecretFinding[] = [];
    const seen = new Set<string>();
    for (const r of raw) {
      this.onSecret(r.value);
      const fingerprint = fingerprintOf(r.value);
      if (this.fingerprints.has(fingerprint)) {
        this.stats.allowlisted++;
        continue;
      }
      const { line, column } = positionAt(lines, r.offset);
      const key = `${line}:${fingerprint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ path, line, column, detector: r.detector, fingerprint, masked: maskSecret(r.value) });
    }
    return out.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  }
}

/**
 * The name secretlint sees. Its rules only look at the file name's ending (package.json,
 * .npmrc, .json), while its profiler turns the path into performance-mark names and throws
 * an unhandled rejection for names holding newlines or `::`: keep the base name, tamed.
 */
function secretlintPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return `file/${base.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).replace(/[^A-Za-z0-9._-]/g, '_') : '';
}

