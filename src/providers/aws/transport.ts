import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import pLimit from 'p-limit';
import type { Env } from '../contract.js';

/**
 * The one place AWS SDK traffic passes through (until the shared HTTP core takes over): a
 * request handler that counts requests, bounds how many are in flight across every client of
 * the run, and refuses to send a signed request anywhere but the configured endpoint or an
 * AWS-owned host. The SDK keeps its own retry strategy (throttling back-off).
 */

/** SDK service ids (as in `AWS_ENDPOINT_URL_<SERVICE>`) of the clients we use. */
export type AwsService = 'STS' | 'SECRETS_MANAGER' | 'IAM' | 'BACKUP' | 'RDS' | 'CLOUDWATCH_LOGS' | 'CLOUDTRAIL' | 'S3' | 'ACCOUNT';

export interface Transport {
  /** Requests sent per service, retries included. */
  readonly counts: Map<AwsService, number>;
  /** Requests refused by the origin guard (always a bug or a hostile redirect). */
  readonly refused: string[];
  handler(service: AwsService): NodeHttpHandler;
  total(): number;
  destroy(): void;
}

/** Hosts AWS SDK endpoint rules resolve to in the commercial, China and dual-stack partitions. */
const AWS_HOST = /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/i;

/** The endpoint override the SDK applies to this service, as the SDK itself reads it. */
export function configuredEndpoint(env: Env, service: AwsService): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

function originOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

export function createTransport(env: Env, options: { concurrency?: number; requestTimeoutMs?: number } = {}): Transport {
  const limit = pLimit(options.concurrency ?? 12);
  const counts = new Map<AwsService, number>();
  const refused: string[] = [];
  const handlers: NodeHttpHandler[] = [];
  const requestTimeout = options.requestTimeoutMs ?? 30_000;

  const handler = (service: AwsService): NodeHttpHandler => {
    const endpoint = configuredEndpoint(env, service);
    const pinned = endpoint ? originOf(endpoint) : undefined;
    class GuardedHandler extends NodeHttpHandler {
      override handle(request: Parameters<NodeHttpHandler['handle']>[0], handlerOptions?: HttpHandlerOptions) {
        const port = request.port ? `:${request.port}` : '';
        const origin = `${request.protocol}//${request.hostname}${port}`;
        const allowed = pinned
          ? origin === pinned || (service === 'S3' && sameHostSuffix(origin, pinned))
          : request.protocol === 'https:' && AWS_HOST.test(request.hostname);
        if (!allowed) {
          refused.push(`${service} ${origin}`);
          return Promise.reject(Object.assign(new Error(`refused to send AWS credentials to ${origin}`), { name: 'OriginRefused' }));
        }
        counts.set(service, (counts.get(service) ?? 0) + 1);
        return limit(() => super.handle(request, handlerOptions));
      }
    }
    const created = new GuardedHandler({ requestTimeout, connectionTimeout: 10_000 });
    handlers.push(created);
    return created;
  };

  return {
    counts,
    refused,
    handler,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    destroy: () => handlers.forEach((h) => h.destroy()),
  };
}

/** Virtual-host S3 addressing puts the bucket before the configured host (`bucket.s3.example:9000`). */
function sameHostSuffix(origin: string, pinned: string): boolean {
  const a = new URL(origin);
  const b = new URL(pinned);
  return a.protocol === b.protocol && a.port === b.port && a.hostname.endsWith(`.${b.hostname}`);
}
