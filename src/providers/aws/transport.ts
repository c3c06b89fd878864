import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import type { Env } from '../contract.js';
import { CredentialOrigins, HttpCore, httpSettings } from '../http/index.js';

/**
 * AWS SDK traffic through the shared HTTP core: each client gets a request handler (the SDK's
 * NodeHttpHandler underneath) that lets a signed request go only to the configured endpoint
 * or an AWS-owned https host, runs it in the core's limiter slot with its timeout and
 * cancellation, and counts it. The SDK keeps its own retry strategy (throttling back-off,
 * `AWS_MAX_ATTEMPTS`), so the core does not retry AWS answers itself.
 */

/** SDK service ids (as in `AWS_ENDPOINT_URL_<SERVICE>`) of the clients we use. */
export type AwsService = 'STS' | 'SECRETS_MANAGER' | 'IAM' | 'BACKUP' | 'RDS' | 'CLOUDWATCH_LOGS' | 'CLOUDTRAIL' | 'S3' | 'ACCOUNT';
export const AWS_SERVICES: readonly AwsService[] = ['STS', 'SECRETS_MANAGER', 'IAM', 'BACKUP', 'RDS', 'CLOUDWATCH_LOGS', 'CLOUDTRAIL', 'S3', 'ACCOUNT'];

export interface Transport {
  readonly core: HttpCore;
  /** Requests sent per service, SDK retries included. */
  readonly counts: Map<AwsService, number>;
  handler(service: AwsService): NodeHttpHandler;
  total(): number;
  destroy(): void;
}

/** Hosts AWS SDK endpoint rules resolve to (commercial, China, dual-stack), https on the default port only. */
const AWS_HOSTS = [/(^|\.)amazonaws\.com$/i, /(^|\.)amazonaws\.com\.cn$/i, /(^|\.)api\.aws$/i];

/** The endpoint override the SDK applies to this service, as the SDK itself reads it. */
export function configuredEndpoint(env: Env, service: AwsService): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

export function createTransport(env: Env, options: { concurrency?: number; signal?: AbortSignal; debug?: (m: string) => void } = {}): Transport {
  const settings = httpSettings(env);
  const configured = AWS_SERVICES.map((s) => configuredEndpoint(env, s)).filter((u): u is string => !!u);
  // With an endpoint override (emulator, tests) credentials go there and nowhere else.
  const origins = new CredentialOrigins([...new Set(configured)], configured.length ? [] : AWS_HOSTS);
  const core = new HttpCore({
    ...settings,
    name: 'aws',
    origins,
    concurrency: options.concurrency ?? 12,
    retries: 0,
    retryStatuses: new Set(),
    maxWaitMs: 0,
    pace: false,
    signal: options.signal,
    debug: options.debug,
  });
  const counts = new Map<AwsService, number>();
  const handlers: NodeHttpHandler[] = [];

  const handler = (service: AwsService): NodeHttpHandler => {
    class CoreHandler extends NodeHttpHandler {
      override async handle(request: Parameters<NodeHttpHandler['handle']>[0], handlerOptions: HttpHandlerOptions = {}) {
        const port = request.port ? `:${request.port}` : '';
        const target = `${request.protocol}//${request.hostname}${port}`;
        origins.assert(target, 'request');
        counts.set(service, (counts.get(service) ?? 0) + 1);
        return core.schedule(
          `${request.hostname}${port}`,
          (signal) => {
            const sent = super.handle(request, { ...handlerOptions, abortSignal: handlerOptions.abortSignal ? AbortSignal.any([handlerOptions.abortSignal as AbortSignal, signal]) : signal });
            // The core stops waiting as soon as the run is cancelled; the abandoned attempt's rejection is expected.
            sent.catch(() => undefined);
            return sent;
          },
          () => undefined,
        );
      }
    }
    const created = new CoreHandler({ requestTimeout: settings.timeoutMs, connectionTimeout: 10_000 });
    handlers.push(created);
    return created;
  };

  return {
    core,
    counts,
    handler,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    destroy: () => handlers.forEach((h) => h.destroy()),
  };
}
