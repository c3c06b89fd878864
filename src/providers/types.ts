import type { Resource, ResourceKind } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import type { Redactor } from '../shared/redact.js';
import type { Shard } from './shard.js';

export type ProviderName = 'local' | 'github' | 'gitlab' | 'azure-devops' | 'snapshot' | 'aws' | 'azure';

/** What the user asked to scan, provider-neutral; each provider decides whether it applies. */
export interface TargetSpec {
  /** Local path for `check [path]`. */
  path: string;
  repos: string[];
  githubOrg?: string;
  gitlabGroup?: string;
  adoOrg?: string;
  adoProject?: string;
  stateFiles: string[];
  /** Providers named with `--provider`; empty = decide from targets. */
  providers: string[];
  /** The git `origin` URL of `path`, when there is one. */
  originUrl?: string;
  /** Disable the on-disk HTTP cache. */
  noCache: boolean;
  /** The user named this data explicitly (a remote target): forbidden data is an error, not a skip. */
  explicit: boolean;
  /** secpol.yaml `secrets.allowlist`: findings in these paths or with these fingerprints are dropped. */
  secretAllowlist?: { paths: string[]; fingerprints: string[] };
  /** Repository filters for org/group scans: `owner/name` globs (picomatch). */
  include?: string[];
  exclude?: string[];
  /** Org/group scans skip archived repositories and forks unless these are set. */
  includeArchived?: boolean;
  includeForks?: boolean;
  /** `--shard i/n` of an org/group/project scan (see RepositoryFilters.shard in contract.ts). */
  shard?: Shard;
}

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
}

export interface ProviderAdapter {
  readonly name: ProviderName;
  /** A human label for the target, e.g. `github.com/acme` (never includes credentials). */
  readonly target: string;
  collect(ctx: CollectContext): Promise<CollectResult>;
}

/**
 * Each provider folder's index exports one of these. `plan` returns the adapters that the
 * target spec asks for (none when it does not apply) or throws UserError for bad options.
 */
export interface ProviderEntry {
  readonly name: ProviderName;
  readonly kinds: readonly ResourceKind[];
  plan(spec: TargetSpec, env: Readonly<Record<string, string | undefined>>): ProviderAdapter[];
}
