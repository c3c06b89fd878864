import { TextDecoder } from 'node:util';

/**
 * Bytes to text for the secret scan. A byte order mark decides UTF-8, UTF-16 or UTF-32 (both
 * byte orders); without one, a NUL byte means binary and anything else is read as UTF-8.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export function encodingByBom(data: Buffer): { encoding: Encoding; bomLength: number } | undefined {
  const [a, b, c, d] = [data[0], data[1], data[2], data[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', bomLength: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', bomLength: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** The file's text, or undefined for binary content. */
export function decodeText(data: Buffer): Decoded | undefined {
  const bom = encodingByBom(data);
  if (bom) return { text: new ChunkDecoder(bom.encoding).decode(data.subarray(bom.bomLength), false), encoding: bom.encoding };
  if (data.indexOf(0) !== -1) return undefined;
  return { text: data.toString('utf8'), encoding: 'utf-8' };
}

/**
 * Streaming decoder (a chunk may end inside a character). TextDecoder covers UTF-8 and UTF-16;
 * UTF-32 (which it lacks) is decoded here, four bytes at a time.
 */
export class ChunkDecoder {
  private readonly decoder?: TextDecoder;
  private pending = Buffer.alloc(0);

  constructor(private readonly encoding: Encoding) {
    if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') this.decoder = new TextDecoder(encoding);
  }

  decode(chunk: Buffer, more: boolean): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: more });
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const whole = data.length - (data.length % 4);
    this.pending = more ? Buffer.from(data.subarray(whole)) : Buffer.alloc(0);
    const parts: string[] = [];
    const little = this.encoding === 'utf-32le';
    for (let i = 0; i < whole; i += 4) {
      const cp = little ? data.readUInt32LE(i) : data.readUInt32BE(i);
      parts.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
    }
    return parts.join('');
  }
}
