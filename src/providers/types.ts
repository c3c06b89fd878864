import type { Resource } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import type { Redactor } from '../shared/redact.js';

export interface ProgressSink {
  /** A short line about long work; shown on stderr only when it is a TTY and not --quiet. */
  update(message: string): void;
}

export interface CollectContext {
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  progress: ProgressSink;
  /** Every token a provider reads must be registered here before first use. */
  redactor: Redactor;
  /** Root of the user's cache dir for secpol (ETag caches live below it). */
  cacheDir?: string;
  /** Verbose debug lines (already redacted by the sink). */
  debug(message: string): void;
}

export interface CollectResult {
  resources: Resource[];
  /** Problems that are not tied to one resource field (bad file, unreachable target). */
  diagnostics: Diagnostic[];
  /** Counters for the JSON report's `stats` (requests, notModified, rateLimitUsed, …). */
  stats: Record<string, number | string>;
  /** What was scanned, when it says more than the target (`services/api of repository at /x (working tree)`). */
  scanned?: string;
}

export interface ProviderAdapter {
  /** The provider's registry name (`ProviderMeta.name`). */
  readonly name: string;
  /** A human label for the target, e.g. `github.com/acme` (never includes credentials). */
  readonly target: string;
  collect(ctx: CollectContext): Promise<CollectResult>;
}
