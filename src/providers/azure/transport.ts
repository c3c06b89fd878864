import type { Agent } from 'node:https';
import type { TokenCredential } from '@azure/identity';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
  type PipelineOptions,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { CredentialOrigins, HttpCore, httpSettings } from '../http/index.js';
import type { Env } from '../contract.js';

/**
 * How Azure requests travel: every request of every pipeline (ARM, Graph, each vault's
 * Key Vault client) goes through the shared HTTP core (limiter, bounded retries with
 * Retry-After, timeouts, counting) from one pipeline policy placed after signing, which
 * first checks that the request stays on the one origin its token was obtained for.
 */

export interface TransportOptions {
  /** An https.Agent (tests: the throw-away CA and loopback name resolution); default: the SDK's. */
  agent?: Agent;
  /** Further attempts after 429/5xx or a dropped connection. */
  retries?: number;
  /** Parallel requests across the whole scan (ARM reads: 250 burst, 25/s per principal). */
  concurrency?: number;
  /** A longer server-requested wait is not waited for (the answer becomes a rate-limited gap). */
  maxWaitMs?: number;
}

export type Service = 'arm' | 'graph' | 'keyvault';

/** Statuses Azure documents as transient: throttling and server faults. */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** One per scan: the core, and requests per service for the report's `stats`. */
export class AzureHttp {
  readonly core: HttpCore;
  readonly byService: Record<Service, number> = { arm: 0, graph: 0, keyvault: 0 };
  readonly maxPages: number;

  constructor(
    apiOrigins: readonly string[],
    env: Env,
    readonly options: TransportOptions,
    signal?: AbortSignal,
    debug?: (message: string) => void,
  ) {
    const settings = httpSettings(env);
    this.maxPages = settings.maxPages;
    this.core = new HttpCore({
      ...settings,
      name: 'azure',
      origins: new CredentialOrigins([...apiOrigins]),
      concurrency: options.concurrency ?? 8,
      retries: options.retries ?? 3,
      retryStatuses: RETRY_STATUSES,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      ...(signal ? { signal } : {}),
      ...(debug ? { debug } : {}),
    });
  }

  /** The policy that pins `origin` and hands each attempt to the core (retries are the core's, not the SDK's). */
  policy(origin: string, service: Service): PipelinePolicy {
    const origins = new CredentialOrigins(origin);
    return {
      name: `secpol-http-${service}`,
      sendRequest: (request, next) => {
        origins.assert(request.url, 'request');
        return this.core.schedule(
          new URL(request.url).host,
          () => {
            this.byService[service]++;
            return next(request);
          },
          (response) => ({ status: response.status, headers: (name) => response.headers.get(name) }),
        );
      },
    };
  }

  /** Options for an SDK client (Key Vault): our agent, no SDK retries, the core policy after signing. */
  sdkOptions(origin: string, service: Service): PipelineOptions & { additionalPolicies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[] } {
    return {
      ...(this.options.agent ? { agent: this.options.agent } : {}),
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: this.policy(origin, service), position: 'perRetry' }],
    };
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A bearer-token pipeline for one API origin (ARM or Graph): the token for `scope` goes nowhere else. */
export class TokenTransport {
  private readonly pipeline: Pipeline;
  private readonly client: HttpClient;

  constructor(
    readonly origin: string,
    credential: TokenCredential,
    scope: string,
    service: Service,
    readonly http: AzureHttp,
  ) {
    this.pipeline = createPipelineFromOptions({
      ...(http.options.agent ? { agent: http.options.agent } : {}),
      retryOptions: { maxRetries: 0 },
      redirectOptions: { maxRetries: 0 },
    });
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: [scope] }));
    this.pipeline.addPolicy(http.policy(origin, service), { afterPhase: 'Sign' });
    this.client = createDefaultHttpClient();
  }

  async get(url: string, signal?: AbortSignal): Promise<RawResponse> {
    const request = createPipelineRequest({ url, method: 'GET', abortSignal: signal });
    request.headers.set('accept', 'application/json');
    const response = await this.pipeline.sendRequest(this.client, request);
    return { status: response.status, headers: response.headers.toJSON(), body: response.bodyAsText ?? '' };
  }
}
