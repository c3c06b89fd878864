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

/**
 * Everything about how Azure requests travel, in one file so that the shared HTTP core can
 * replace it: retries and Retry-After (the pipeline's default retry policies), request
 * counting, the concurrency limit, and the origin guard that keeps each credential on the
 * one origin it was obtained for.
 */

export interface TransportOptions {
  /** An https.Agent (tests: the throw-away CA and loopback name resolution); default: the SDK's. */
  agent?: Agent;
  /** Retries after 429/5xx/network errors (the pipeline honours Retry-After). */
  maxRetries?: number;
  /** Parallel requests across the whole scan (ARM reads: 250 burst, 25/s per principal). */
  concurrency?: number;
}

export type Service = 'arm' | 'graph' | 'keyvault';

/** Requests actually sent (each retry counts), per service: the `stats` of the report. */
export class RequestCounter {
  readonly byService: Record<Service, number> = { arm: 0, graph: 0, keyvault: 0 };
  get total(): number {
    return this.byService.arm + this.byService.graph + this.byService.keyvault;
  }
  policy(service: Service): PipelinePolicy {
    return {
      name: `secpolCount-${service}`,
      sendRequest: (request, next) => {
        this.byService[service]++;
        return next(request);
      },
    };
  }
}

/** Refuses any request of this pipeline that leaves `origin` (a nextLink, a redirect, a vault URI gone astray). */
export function originGuardPolicy(origin: string): PipelinePolicy {
  return {
    name: 'secpolOriginGuard',
    sendRequest: (request, next) => {
      const target = new URL(request.url).origin;
      if (target !== origin) throw new Error(`refused to send an Azure credential to ${target} (this pipeline serves ${origin})`);
      return next(request);
    },
  };
}

/** Options for an SDK client (Key Vault) so that it counts, stays on its origin and uses our agent. */
export function sdkClientOptions(origin: string, service: Service, counter: RequestCounter, options: TransportOptions): PipelineOptions & {
  additionalPolicies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[];
} {
  return {
    ...(options.agent ? { agent: options.agent } : {}),
    retryOptions: { maxRetries: options.maxRetries ?? 3 },
    additionalPolicies: [
      { policy: originGuardPolicy(origin), position: 'perRetry' },
      { policy: counter.policy(service), position: 'perRetry' },
    ],
  };
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
    counter: RequestCounter,
    options: TransportOptions,
    private readonly limit: Limiter,
  ) {
    this.pipeline = createPipelineFromOptions({
      ...(options.agent ? { agent: options.agent } : {}),
      retryOptions: { maxRetries: options.maxRetries ?? 3 },
      redirectOptions: { maxRetries: 0 },
    });
    this.pipeline.addPolicy(originGuardPolicy(origin));
    this.pipeline.addPolicy(counter.policy(service), { afterPhase: 'Retry' });
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: [scope] }));
    this.client = createDefaultHttpClient();
  }

  async get(url: string, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<RawResponse> {
    const request = createPipelineRequest({ url, method: 'GET', abortSignal: signal, timeout: 60_000 });
    request.headers.set('accept', 'application/json');
    for (const [k, v] of Object.entries(headers)) request.headers.set(k, v);
    const response = await this.limit(() => this.pipeline.sendRequest(this.client, request));
    return { status: response.status, headers: response.headers.toJSON(), body: response.bodyAsText ?? '' };
  }
}

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** At most `limit` requests at once (a slot is held per request, never across nested calls); the shared HTTP core's limiter replaces it. */
export function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
