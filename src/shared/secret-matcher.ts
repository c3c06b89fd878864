/**
 * Replaces every occurrence of a set of literal strings (registered secrets) in one pass over
 * a text: leftmost first and, where several start at one place, the longest. Exact UTF-16
 * code units, no case folding or Unicode segmentation (a secret followed by a combining mark
 * is still that secret).
 *
 * A handful of secrets go into one regular expression (V8 scans a short alternation of
 * literals natively); beyond that an alternation is tried at every position, one alternative
 * after the other, and slows down with each secret (1,000 secrets: seconds per megabyte), so
 * windows of the shortest secret's length are hashed as they roll along the text and only a
 * window whose hash belongs to a secret is compared.
 */
export class SecretMatcher {
  private readonly regex: RegExp | undefined;
  private readonly rolling: RollingIndex | undefined;

  /** `secrets`: non-empty strings (duplicates allowed). */
  constructor(
    secrets: readonly string[],
    private readonly replacement: string,
    regexLimit = 8,
  ) {
    const longestFirst = [...new Set(secrets)].filter((s) => s !== '').sort((a, b) => b.length - a.length);
    if (longestFirst.length === 0) return;
    if (longestFirst.length <= regexLimit) this.regex = new RegExp(longestFirst.map(escapeRegExp).join('|'), 'g');
    else this.rolling = new RollingIndex(longestFirst);
  }

  replace(text: string): string {
    if (this.regex) return text.replace(this.regex, () => this.replacement);
    return this.rolling ? this.rolling.replace(text, this.replacement) : text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const BASE = 0x01000193;
/** Bits of the hash that index the filter: a window whose bit is clear is no secret's start. */
const FILTER_BITS = 20;

class RollingIndex {
  /** The shortest secret's length: the window size. */
  private readonly width: number;
  /** BASE^(width-1), to take the leaving code unit out of the hash. */
  private readonly lead: number;
  private readonly filter = new Uint8Array(1 << FILTER_BITS);
  /** Secrets by the hash of their first `width` code units, longest first. */
  private readonly byHash = new Map<number, string[]>();

  constructor(longestFirst: readonly string[]) {
    this.width = longestFirst[longestFirst.length - 1]!.length;
    let lead = 1;
    for (let i = 1; i < this.width; i++) lead = Math.imul(lead, BASE);
    this.lead = lead;
    for (const secret of longestFirst) {
      const h = this.hashAt(secret, 0);
      this.filter[h & ((1 << FILTER_BITS) - 1)] = 1;
      const list = this.byHash.get(h);
      if (list) list.push(secret);
      else this.byHash.set(h, [secret]);
    }
  }

  private hashAt(text: string, from: number): number {
    let h = 0;
    for (let i = from; i < from + this.width; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    return h;
  }

  replace(text: string, replacement: string): string {
    const { width, lead, filter, byHash } = this;
    const last = text.length - width;
    if (last < 0) return text;
    const mask = (1 << FILTER_BITS) - 1;
    let out = '';
    let copied = 0;
    let h = this.hashAt(text, 0);
    for (let i = 0; i <= last; ) {
      if (filter[h & mask] === 1) {
        const found = byHash.get(h)?.find((s) => text.startsWith(s, i));
        if (found !== undefined) {
          out += text.slice(copied, i) + replacement;
          i += found.length;
          copied = i;
          if (i <= last) h = this.hashAt(text, i);
          continue;
        }
      }
      if (i < last) h = (Math.imul((h - Math.imul(text.charCodeAt(i), lead)) | 0, BASE) + text.charCodeAt(i + width)) | 0;
      i++;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}
