import type { Gap } from '../../model/index.js';

/** A value read from an API, or the gap that explains why it could not be. */
export type Fetched<T> = { ok: true; value: T } | { ok: false; gap: Gap; status?: number };
