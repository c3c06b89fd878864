import type { z } from 'zod';
import type { ResourceKind } from '../model/index.js';
import type { Shard } from './shard.js';
import type { ProviderAdapter } from './types.js';

/**
 * What a provider module owns and exports (issue: provider platform). The CLI builds its
 * options, help, config schema and `doctor` from these; app/, config/ and cli/ never name a
 * provider. Each provider folder has two files behind this contract:
 *  - `meta.ts` exports a `ProviderMeta` (cheap: no SDK imports, loaded at start-up for help
 *    and option parsing);
 *  - `index.ts` exports a `ProviderImplementation` (loaded lazily, only when the provider runs).
 * The registry (registry.ts) is one line per provider: `{ meta, load: () => import(...) }`.
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** A CLI option the provider adds to `check`, `snapshot`, `export` and `doctor`. */
export interface ProviderOption {
  /** commander flags, e.g. `--aws-region <region...>`; list options take several values. */
  readonly flags: string;
  readonly description: string;
  /**
   * The key under secpol.yaml `targets` that supplies the value when the flag is absent
   * (dotted for nested sections, e.g. `aws.regions`).
   */
  readonly configKey?: string;
}

/** Repository filters shared by every provider that scans many repositories. */
export interface RepositoryFilters {
  /** `owner/name` (GitLab: full path) globs, picomatch. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Archived repositories and forks are skipped unless these are set. */
  readonly includeArchived?: boolean;
  readonly includeForks?: boolean;
  /**
   * `--shard i/n`: keep only the repositories whose resource id hashes into this shard
   * (`inShard` in shard.ts), before any per-repository request; org-level resources only in shard 1.
   */
  readonly shard?: Shard;
}

/** What `plan` and `doctor` receive: the common targets plus this provider's own values. */
export interface ProviderTargets {
  /** Local path for `check [path]`. */
  readonly path: string;
  /** `--repo` values (provider-neutral: the origin or `--provider` decides whose they are). */
  readonly repos: readonly string[];
  /** The git `origin` URL of `path` (credentials stripped), when there is one. */
  readonly originUrl?: string;
  /** The provider was selected by `--provider` or by one of its own targets, not guessed from origin. */
  readonly explicit: boolean;
  /**
   * This provider's option values, keyed by commander's camelCase attribute name
   * (`--aws-region` -> `awsRegion`); a flag overrides the config key it names.
   */
  readonly options: Readonly<Record<string, unknown>>;
  /** This provider's sections of secpol.yaml `targets`, already validated with `configTargets`. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly filters: RepositoryFilters;
  readonly stateFiles: readonly string[];
  readonly noCache: boolean;
  readonly secretAllowlist?: { paths: string[]; fingerprints: string[] };
  /** The provider was named with `--provider` (or config `providers`): provider-neutral targets such as `repos` are its own. */
  readonly named?: boolean;
}

/** A problem across several of a provider's `targets` keys (one key alone is checked by its zod schema). */
export interface TargetsProblem {
  /** The `targets` key the message is about (located in secpol.yaml). */
  readonly key: string;
  readonly message: string;
}

export interface ProviderMeta {
  readonly name: string;
  /** One line for `--help` and docs. */
  readonly summary: string;
  readonly kinds: readonly ResourceKind[];
  readonly options: readonly ProviderOption[];
  /** Zod schemas this provider adds to secpol.yaml `targets` (strict; unknown keys stay errors). */
  readonly configTargets: Readonly<Record<string, z.ZodType>>;
  /** Environment variables read, for docs, `doctor` and redaction. */
  readonly env: {
    /** Variables holding credentials (their values are registered with the redactor). */
    readonly credentials: readonly string[];
    /** Variables naming API endpoints / base URLs. */
    readonly endpoints: readonly string[];
  };
  /** The provider's targets are present (selects it without `--provider`). */
  isTargeted(targets: ProviderTargets): boolean;
  /** A credential is configured (for origin auto-selection and `doctor`). */
  hasCredential(env: Env): boolean;
  /** The git origin URL is hosted on this platform (with `hasCredential`, selects it for `check` with no target). */
  recognizesOrigin?(url: string, env: Env): boolean;
  /** Runs when no provider is named or targeted (the local working tree). */
  readonly fallback?: boolean;
  /** Runs when its targets are present even if `--provider` names only others (snapshot: `--state`). */
  readonly alongsideNamed?: boolean;
  /** Scans many repositories: `--include/--exclude/--include-archived/--include-forks` apply (help and docs). */
  readonly filtersRepositories?: boolean;
  /** Constraints across this provider's `targets` keys (e.g. a project needs its organization). */
  checkTargets?(config: Readonly<Record<string, unknown>>): readonly TargetsProblem[];
}

export type DoctorStatus = 'ok' | 'missing' | 'unreachable' | 'error' | 'unknown';

export interface DoctorCheck {
  /** What was checked, e.g. `secretsmanager:ListSecrets` or `read:org`. */
  readonly name: string;
  readonly status: DoctorStatus;
  /** Which collected facts need it, and what was seen (never a credential value). */
  readonly detail: string;
}

export interface DoctorReport {
  readonly provider: string;
  /** The API origin(s) probed. */
  readonly endpoint: string;
  /** Who the credential is (login, account id, tenant, token kind), when it could be told. */
  readonly identity?: string;
  readonly checks: readonly DoctorCheck[];
}

export interface ProviderImplementation {
  /** The adapters the targets ask for (none when the provider does not apply); throws UserError for bad options. */
  plan(targets: ProviderTargets, env: Env): ProviderAdapter[];
  /** Credentials, permissions and reachability by cheap real calls. `doctor` exits non-zero unless every check is ok. */
  doctor(targets: ProviderTargets, env: Env, signal?: AbortSignal): Promise<DoctorReport>;
}

export interface ProviderRegistration {
  readonly meta: ProviderMeta;
  readonly load: () => Promise<ProviderImplementation>;
}
