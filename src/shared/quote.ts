// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes what could drive a terminal or disguise a message: C0/C1 controls, bidi overrides,
 * zero-width and line separators become `\uXXXX`.
 */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Quotes a user-supplied string for a message (JSON string syntax, unsafe characters escaped). */
export function quote(text: string): string {
  return escapeUnsafe(JSON.stringify(text));
}
