import { createHash } from 'node:crypto';
import { lintSource } from '@secretlint/core';
import { creator as presetRecommend } from '@secretlint/secretlint-rule-preset-recommend';
import picomatch from 'picomatch';
import type { SecretFinding } from '../../model/index.js';
import { lineStarts, positionAt } from '../../shared/line-index.js';
import { maskSecret } from '../../shared/redact.js';
import { HIGH_CONFIDENCE, PREFILTER, PRIVATE_KEY_BLOCK, TEXT_ONLY, hasKeyBody, kindOfRule, type Detector, type SecretKind } from './detectors.js';
import { contextOf, rejectReason } from './secret-filters.js';

export { PREFILTER } from './detectors.js';

/**
 * Secret detection: secretlint's recommended preset (maintained upstream) plus the shapes in
 * ./detectors.ts, behind a keyword pre-filter, then the precision rules of ./secret-filters.ts
 * (placeholders, example hosts, token boundaries, entropy) and a context (code, test, docs).
 * Text files get every detector; binary content gets the high-confidence shapes only.
 */
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
  readonly stats = { prefilterHits: 0, allowlisted: 0, rejected: 0 };

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
  mayContainSecret(data: Buffer | string): boolean {
    return PREFILTER.test(typeof data === 'string' ? data : data.toString('latin1'));
  }

  /**
   * Findings in `text`. `mode: 'binary'` runs the high-confidence shapes only (the text is a
   * latin1 view of bytes). `firstLine` numbers lines of a chunk of a larger file.
   */
  async scan(path: string, text: string, options: { mode?: 'text' | 'binary'; firstLine?: number } = {}): Promise<SecretFinding[]> {
    if (this.pathAllowed(path) || !this.mayContainSecret(text)) return [];
    this.stats.prefilterHits++;
    const raw: RawFinding[] = [];
    if (options.mode !== 'binary') raw.push(...(await secretlintFindings(path, text)));
    for (const d of options.mode === 'binary' ? HIGH_CONFIDENCE : [...HIGH_CONFIDENCE, ...TEXT_ONLY]) raw.push(...detectorFindings(d, text));

    const context = contextOf(path);
    const lines = lineStarts(text);
    const lineBase = (options.firstLine ?? 1) - 1;
    const out: SecretFinding[] = [];
    const seen = new Set<string>();
    for (const r of raw) {
      const candidate = { kind: r.kind, detector: r.detector, value: r.value, before: text.slice(Math.max(0, r.offset - 1), r.offset), after: text.slice(r.offset + r.value.length, r.offset + r.value.length + 8) };
      if (rejectReason(candidate) !== undefined) {
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
      // One finding per value and line: secretlint and our shapes often see the same token.
      const key = `${line}:${fingerprint}`;
      const overlapping = `${line}:${Math.floor(r.offset)}`;
      if (seen.has(key) || seen.has(overlapping)) continue;
      seen.add(key);
      seen.add(overlapping);
      // Real keys are listed wherever they sit: a private key or a cloud key in a test is still live.
      const finding: SecretFinding = { path, line: line + lineBase, column, detector: r.detector, fingerprint, masked: maskSecret(r.value), context, highConfidence: r.kind === 'private-key' || r.kind === 'cloud-key' };
      out.push(finding);
    }
    return out.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  }
}

interface RawFinding {
  detector: string;
  kind: SecretKind;
  value: string;
  offset: number;
}

async function secretlintFindings(path: string, content: string): Promise<RawFinding[]> {
  const raw: RawFinding[] = [];
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
    const kind = kindOfRule(m.ruleId);
    // The preset's private-key rule reports the header alone: only a block with key material counts.
    if (kind === 'private-key' && !hasKeyMaterialAt(content, at >= 0 ? at : start)) continue;
    raw.push({ detector: m.ruleId, kind, value, offset: at >= 0 ? at : start });
  }
  return raw;
}

const PRIVATE_KEY_BLOCK_SOURCE = PRIVATE_KEY_BLOCK.source;

function hasKeyMaterialAt(content: string, offset: number): boolean {
  const block = new RegExp(PRIVATE_KEY_BLOCK_SOURCE, 'y');
  const begin = content.lastIndexOf('-----BEGIN', offset + 10);
  if (begin < 0) return false;
  block.lastIndex = begin;
  const m = block.exec(content);
  return m !== null && hasKeyBody(m[2] ?? '');
}

function detectorFindings(d: Detector, text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const match of text.matchAll(d.pattern)) {
    const value = match[d.group ?? 0] ?? match[0];
    if (d.ignore?.includes(value)) continue;
    if (d.kind === 'private-key' && !hasKeyBody(match[2] ?? '')) continue;
    out.push({ detector: d.id, kind: d.kind, value, offset: match.index ?? 0 });
  }
  return out;
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

