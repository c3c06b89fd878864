/**
 * The wire encodings the AWS SDK v3 clients parse: awsJson1_1 (epoch-second numbers,
 * `__type` errors), restJson1 (`x-amzn-ErrorType` errors), awsQuery XML (`<OpResponse><OpResult>`,
 * `<ErrorResponse>`) and S3 REST XML (`<Error>`).
 */

export type Protocol = 'json' | 'rest' | 'query' | 's3';

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export const epoch = (d: Date): number => d.getTime() / 1000;

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A value as XML: objects become elements, arrays `<member>` lists unless `items` names the element. */
export function xml(value: unknown, items = 'member'): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<${items}>${xml(v)}</${items}>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        const [name, itemName] = k.split('|') as [string, string | undefined];
        return `<${name}>${xml(v, itemName)}</${name}>`;
      })
      .join('');
  }
  return xmlEscape(String(value));
}

const NAMESPACES: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
};

export function jsonReply(body: unknown): Reply {
  return { status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/x-amz-json-1.1' } };
}

export function restReply(body: unknown): Reply {
  return { status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

export function queryReply(service: string, action: string, result: unknown): Reply {
  const body = `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${NAMESPACES[service]}"><${action}Result>${xml(result)}</${action}Result><ResponseMetadata><RequestId>fake-${action}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, body, headers: { 'content-type': 'text/xml' } };
}

export function s3Reply(body: string): Reply {
  return { status: 200, body: `<?xml version="1.0" encoding="UTF-8"?>${body}`, headers: { 'content-type': 'application/xml' } };
}

/** An error in the shape each protocol uses. */
export function errorReply(protocol: Protocol, service: string, status: number, code: string, message: string): Reply {
  switch (protocol) {
    case 'json':
      return { status, body: JSON.stringify({ __type: code, message }), headers: { 'content-type': 'application/x-amz-json-1.1' } };
    case 'rest':
      return { status, body: JSON.stringify({ Message: message, Code: code }), headers: { 'content-type': 'application/json', 'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazonaws.fake/` } };
    case 'query':
      return {
        status,
        body: `<ErrorResponse xmlns="${NAMESPACES[service]}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>fake-error</RequestId></ErrorResponse>`,
        headers: { 'content-type': 'text/xml' },
      };
    case 's3':
      return { status, body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>fake</RequestId><HostId>fake</HostId></Error>`, headers: { 'content-type': 'application/xml' } };
  }
}

/** Each protocol's code and status for the faults a test can inject. */
export function faultReply(protocol: Protocol, service: string, fault: 'denied' | 'throttle' | '500' | 'expired' | 'unrecognized', action: string, account: string): Reply {
  const who = `arn:aws:iam::${account}:user/secpol-ci`;
  const denied = `User: ${who} is not authorized to perform: ${action}`;
  const table: Record<typeof fault, Record<Protocol, [number, string]>> = {
    denied: { json: [400, 'AccessDeniedException'], rest: [403, 'AccessDeniedException'], query: [403, 'AccessDenied'], s3: [403, 'AccessDenied'] },
    throttle: { json: [400, 'ThrottlingException'], rest: [429, 'TooManyRequestsException'], query: [400, 'Throttling'], s3: [503, 'SlowDown'] },
    '500': { json: [500, 'InternalFailure'], rest: [500, 'ServiceUnavailableException'], query: [500, 'ServiceFailure'], s3: [500, 'InternalError'] },
    expired: { json: [400, 'ExpiredTokenException'], rest: [403, 'ExpiredTokenException'], query: [403, 'ExpiredToken'], s3: [400, 'ExpiredToken'] },
    unrecognized: { json: [400, 'UnrecognizedClientException'], rest: [403, 'UnrecognizedClientException'], query: [403, 'InvalidClientTokenId'], s3: [403, 'InvalidAccessKeyId'] },
  };
  const [status, code] = table[fault][protocol];
  const message = fault === 'denied' ? denied : fault === 'expired' ? 'The security token included in the request is expired' : fault === 'unrecognized' ? 'The security token included in the request is invalid.' : 'Rate exceeded';
  return errorReply(protocol, service, status, code, message);
}
