import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from './errors.js';

// Reading policy, config and state files as text: UTF-8, no binary content; failures are diagnostics.

/**
 * Decodes file bytes strictly: invalid UTF-8 and NUL bytes are binary junk, refused with one
 * diagnostic rather than a cascade of confusing YAML errors.
 */
export function decodeSource(bytes: Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [binaryDiagnostic(file, 'is not valid UTF-8 text')] };
  }
  return { text, diagnostics: [] };
}

/** Reads a text file (UTF-8, no NUL bytes); a missing or unreadable file is a diagnostic. */
export async function readSourceFile(file: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { diagnostics: [readFailure(file, err)] };
  }
  return decodeSource(bytes, file);
}

/**
 * Synchronous twin of readSourceFile, for many small files (a policy directory): one blocking
 * read is far cheaper than the four event-loop round trips of fs/promises.readFile.
 */
export function readSourceFileSync(file: string): { text?: string; diagnostics: Diagnostic[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { diagnostics: [readFailure(file, err)] };
  }
  return decodeSource(bytes, file);
}

function readFailure(file: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot be read (${code ?? 'unknown error'})`;
  return { severity: 'error', file, message: why };
}

export function binaryDiagnostic(file: string, why: string): Diagnostic {
  return { severity: 'error', file, line: 1, column: 1, message: `${why}: refusing binary content (expected a YAML or JSON text file)` };
}

export function findNul(text: string): number {
  return text.indexOf('\u0000');
}
