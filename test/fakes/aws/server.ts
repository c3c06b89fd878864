import { LoopbackFake, type FakeRequest } from '../loopback.js';
import { handleJson, handleQuery, handleRest, handleS3, type Handled, type Call } from './services.js';
import type { FakeAccount } from './state.js';
import { faultReply, type Protocol, type Reply } from './wire.js';

/**
 * A loopback imitation of the AWS APIs the provider calls, as the SDK v3 clients speak them.
 * One port serves every service: awsJson1_1 by `X-Amz-Target`, awsQuery by the form's
 * `Action`, restJson1 and S3 by path; the service and region come from the SigV4 credential
 * scope, the account from the access key. Built on the strict loopback base: a request it
 * does not know is answered 500 and fails the test when the fake closes.
 */

/** `loop`: a JSON list answers the same continuation token again and again; `hang`: no answer ever comes. */
export type FaultKind = 'denied' | 'throttle' | '500' | 'truncated' | 'expired' | 'loop' | 'hang';

export interface Fault {
  /** `service:Operation` as on the wire, e.g. `secretsmanager:ListSecrets`, `s3:GetBucketLifecycleConfiguration`. */
  action: string;
  kind: FaultKind;
  region?: string;
  /** How many requests it hits (default: all). */
  times?: number;
  /** Only continuation requests (a page after the first). */
  continuationOnly?: boolean;
}

export interface FakeOptions {
  /** Access key id -> account id of the base credentials. */
  keys: Record<string, string>;
  accounts: FakeAccount[];
  /** Role ARN -> account id for AssumeRole. */
  roles?: Record<string, string>;
  faults?: Fault[];
  latencyMs?: number;
  /** Largest page the server returns whatever the client asks. */
  pageSize?: number;
}

export interface RecordedRequest {
  service: string;
  action: string;
  region: string;
  accessKeyId: string;
  paged: boolean;
  host: string;
}

export interface FakeAws {
  url: string;
  requests: RecordedRequest[];
  unexpected: string[];
  faults: Fault[];
  close(): Promise<void>;
}

const HANG = Symbol('hang');
const SCOPE = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export async function startFakeAws(options: FakeOptions): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const faults = (options.faults ?? []).map((f) => ({ ...f }));
  const keys = { ...options.keys };
  const accounts = new Map(options.accounts.map((a) => [a.id, a]));
  let issued = 0;

  const route = (req: FakeRequest): Reply | typeof HANG | undefined => {
    const body = req.body;
    const url = new URL(req.url, 'http://127.0.0.1');
    const scope = SCOPE.exec(String(req.headers.authorization ?? ''));
    if (!scope) return undefined;
    const [, accessKeyId, region, service] = scope as unknown as [string, string, string, string];
    const protocol: Protocol = req.headers['x-amz-target'] ? 'json' : service === 's3' ? 's3' : String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') ? 'query' : 'rest';
    const form = protocol === 'query' ? new URLSearchParams(body) : undefined;
    const operation = protocol === 'json' ? String(req.headers['x-amz-target']).split('.').pop()! : protocol === 'query' ? (form!.get('Action') ?? '?') : restOperation(service, req.method ?? 'GET', url);
    const action = `${service}:${operation}`;
    const json = protocol === 'json' && body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const paged = !!(json.NextToken || json.nextToken || form?.get('Marker') || url.searchParams.get('nextToken') || url.searchParams.get('NextToken'));
    requests.push({ service, action, region, accessKeyId, paged, host: String(req.headers.host) });

    const accountId = keys[accessKeyId];
    const account = accountId ? accounts.get(accountId) : undefined;
    if (!account) return faultReply(protocol, service, 'unrecognized', action, '000000000000');
    const fault = faults.find((f) => f.action === action && (!f.region || f.region === region) && (f.times ?? 1) > 0 && (!f.continuationOnly || paged));
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      if (fault.kind === 'hang') return HANG;
      if (fault.kind !== 'truncated' && fault.kind !== 'loop') return faultReply(protocol, service, fault.kind, action, account.id);
    }
    if (account.disabledRegions?.includes(region) && !['iam', 'sts', 's3'].includes(service)) return faultReply(protocol, service, 'unrecognized', action, account.id);

    const call: Call = { account, region, service, operation, url, json, form, pageSize: options.pageSize ?? 1000, issueKeys };
    let handled: Handled;
    if (protocol === 'json') handled = handleJson(call);
    else if (protocol === 'query') handled = handleQuery(call);
    else if (protocol === 's3') handled = handleS3(call);
    else handled = handleRest(call);
    if (handled === undefined) return undefined;
    if (fault?.kind === 'truncated') return { ...handled, body: handled.body.slice(0, Math.floor(handled.body.length / 2)) };
    if (fault?.kind === 'loop') return { ...handled, body: handled.body.replace(/"(NextToken|nextToken)":"[^"]*"/, '"$1":"same-token"') };
    return handled;
  };

  /** AssumeRole: new keys bound to the role's account. */
  function issueKeys(roleArn: string): { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } | undefined {
    const target = options.roles?.[roleArn];
    if (!target) return undefined;
    const AccessKeyId = `ASIAFAKE${String(++issued).padStart(12, '0')}`;
    keys[AccessKeyId] = target;
    return { AccessKeyId, SecretAccessKey: ['fake', 'secret', String(issued)].join('-'), SessionToken: ['fake', 'session', String(issued)].join('-') };
  }

  const fake = await new LoopbackFake({ name: 'aws', latencyMs: options.latencyMs }, (req) => {
    const reply = route(req);
    // Held: the base writes nothing and keeps the connection open until the client gives up.
    if (reply === HANG) return 'sent';
    return reply && { status: reply.status, headers: { ...reply.headers, 'x-amzn-requestid': 'fake' }, body: reply.body };
  }).start();
  return {
    url: fake.url,
    requests,
    unexpected: fake.unexpected,
    faults,
    close: () => fake.close(),
  };
}

function restOperation(service: string, method: string, url: URL): string {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (service === 'backup' && method === 'GET') {
    if (path === '/backup/plans') return 'ListBackupPlans';
    if (/^\/backup\/plans\/[^/]+\/selections$/.test(path)) return 'ListBackupSelections';
    if (/^\/backup\/plans\/[^/]+$/.test(path)) return 'GetBackupPlan';
    if (path === '/restore-testing/plans') return 'ListRestoreTestingPlans';
    if (path === '/restore-jobs') return 'ListRestoreJobs';
  }
  if (service === 'account' && method === 'POST' && path === '/listRegions') return 'ListRegions';
  if (service === 's3' && method === 'GET' && url.searchParams.has('lifecycle')) return 'GetBucketLifecycleConfiguration';
  return `${method} ${path}`;
}
