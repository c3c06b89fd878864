import type { SecretFinding } from '../../model/index.js';
import type { SafeReader } from './files.js';
import type { SecretScanner } from './secrets.js';
import { ChunkDecoder, decodeText, encodingByBom } from './text.js';

/**
 * One file through the secret scan: read (or stream, above the size limit), decode, scan.
 * No text escapes: BOM-marked UTF-16/32 is decoded, binary content is searched for the
 * high-confidence shapes, and a file above the limit is scanned in overlapping chunks.
 */
export interface FileScan {
  findings: SecretFinding[];
  /** The decoded text of a file read whole (for the pipeline and Dockerfile analysers). */
  text?: string;
  binary?: boolean;
  bytes: number;
  /** Why the file could not be analysed whole (it may still have been scanned for secrets). */
  skipped?: string;
  /** Set when the file could hold text but was not (fully) scanned. */
  unscanned?: string;
}

const CHUNK_BYTES = 4 * 1024 * 1024;
/** Characters of one chunk carried into the next, so that a value split by the cut is whole once. */
const OVERLAP_CHARS = 64 * 1024;

export async function scanFile(reader: SafeReader, scanner: SecretScanner, path: string): Promise<FileScan> {
  const outcome = reader.read(path);
  if (outcome.ok) {
    const decoded = decodeText(outcome.data);
    if (decoded) return { findings: await scanner.scan(path, decoded.text), text: decoded.text, bytes: outcome.data.length };
    const findings = await scanner.scan(path, outcome.data.toString('latin1'), { mode: 'binary' });
    return { findings, binary: true, bytes: outcome.data.length, skipped: 'binary (searched for private keys, cloud keys and tokens only)' };
  }
  if (!outcome.tooLarge) return { findings: [], bytes: 0, skipped: outcome.reason, ...(couldHoldText(outcome.reason) ? { unscanned: outcome.reason } : {}) };
  return scanLarge(reader, scanner, path, outcome.reason);
}

/** Files we could not open for a reason that says nothing about their content. */
function couldHoldText(reason: string): boolean {
  return reason.startsWith('unreadable');
}

async function scanLarge(reader: SafeReader, scanner: SecretScanner, path: string, why: string): Promise<FileScan> {
  const findings: SecretFinding[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  // Without a BOM, UTF-8 (a character may straddle two chunks) until a NUL byte says binary.
  let decoder = new ChunkDecoder('utf-8');
  let bomSeen = false;
  let carry = '';
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
    const text = binary ? data.toString('latin1') : decoder.decode(data, !last);
    const mode = binary ? 'binary' : 'text';
    const combined = carry + text;
    for (const f of await scanner.scan(path, combined, { mode, firstLine: carryLine })) {
      const key = `${f.line}:${f.fingerprint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
    const cut = Math.max(0, combined.length - OVERLAP_CHARS);
    for (let i = combined.indexOf('\n'); i !== -1 && i < cut; i = combined.indexOf('\n', i + 1)) carryLine++;
    carry = combined.slice(cut);
  });
  const note = `${why}: scanned in chunks${binary ? ' (binary content: private keys, cloud keys and tokens only)' : ''}`;
  return { findings, bytes, skipped: failure ?? note, ...(failure ? { unscanned: failure } : {}) };
}

