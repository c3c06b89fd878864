import type { ProviderAdapter } from '../../src/providers/types.js';

/** How one run is set up; each provider's file turns this into its own fake's configuration. */
export interface RunSetup {
  /** The request behind `ConformanceSubject.fact` is answered with this status. */
  readonly failFact?: number;
  /** The request behind `ConformanceSubject.fact` is never answered (the suite sets SECPOL_HTTP_TIMEOUT_MS). */
  readonly hangFact?: boolean;
  /** The provider is pointed at this other origin (a Link next, redirect or discovery answer). */
  readonly foreignOrigin?: string;
  /** The paged list never ends (the suite sets SECPOL_HTTP_MAX_PAGES). */
  readonly endlessPages?: boolean;
}

/** A provider planned against a fresh fake. */
export interface Started {
  readonly adapter: ProviderAdapter;
  /** The environment the adapter's context gets. */
  readonly env?: Readonly<Record<string, string>>;
  /** Requests the fake received so far; with `paged`, those on the paged list's path. */
  requests(paged?: 'paged'): number;
  /** Requests the fake did not know (must be none). */
  unexpected(): readonly string[];
  close(): Promise<void>;
}

/** One provider in the conformance suite: one small file in test/conformance/ (e.g. gitlab.test.ts). */
export interface ConformanceSubject {
  readonly name: string;
  /** The registered credential, in every form it travels in (e.g. a PAT and its Basic encoding). */
  readonly credentials: readonly string[];
  start(setup: RunSetup): Promise<Started>;
  /** A fact read through the API, for the gap checks (a failed status, and a timeout). */
  readonly fact?: {
    readonly resourceId: string;
    readonly field: string;
    /** The failures the fake can inject (default 403, 404, 500, 503). */
    readonly statuses?: readonly number[];
  };
  /** The provider follows links or discovery answers that can point to another origin. */
  readonly followsOrigins?: boolean;
  /** The provider pages a list the fake can make endless. */
  readonly pages?: boolean;
}
