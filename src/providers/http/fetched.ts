import type { Gap } from '../../model/index.js';

/**
 * A value read from an API, or the gap that explains why it could not be. `headers` (of the
 * last page) and `apiMessage` (the platform's own short error text, for telling apart two
 * 404s) are there when the client keeps them.
 */
export type Fetched<T> =
  | { ok: true; value: T; headers?: Record<string, string | undefined> }
  | { ok: false; gap: Gap; status?: number; apiMessage?: string };
