import type { Gap } from '../../model/index.js';
import { errorMessage } from '../../shared/errors.js';
import { findCause, gapFromError, isConnectionFailure, OffOriginError } from '../http/index.js';

/**
 * AWS SDK failures -> gaps. Every gap names the IAM action, the region and the reason; the
 * message is built from the error code and HTTP status only (AWS error messages quote the
 * caller's ARN and request details we do not need in reports).
 */

/** One API call as the IAM policy names it, and where it was made (`global` for IAM/S3 control). */
export interface CallSite {
  readonly action: string;
  readonly region: string;
}

const FORBIDDEN = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'AuthorizationErrorException', 'Forbidden']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown', 'ProvisionedThroughputExceededException', 'LimitExceededException', 'RequestThrottled', 'RequestThrottledException']);
const CREDENTIALS = new Set(['ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'IncompleteSignature', 'InvalidSignatureException', 'CredentialsProviderError', 'MissingAuthenticationToken', 'MissingAuthenticationTokenException', 'InvalidAccessKeyId', 'TokenRefreshRequired']);
/** What AWS answers in an opt-in region the account has not enabled (the credential is fine elsewhere). */
const REGION_DISABLED = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure', 'OptInRequired']);

interface SdkError {
  name?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

export function errorCode(err: unknown): string {
  if (!err || typeof err !== 'object') return 'Error';
  const e = err as SdkError;
  return e.Code ?? e.name ?? e.code ?? 'Error';
}

function statusOf(err: unknown): number | undefined {
  return err && typeof err === 'object' ? (err as SdkError).$metadata?.httpStatusCode : undefined;
}

function attemptsOf(err: unknown): number | undefined {
  return err && typeof err === 'object' ? (err as SdkError).$metadata?.attempts : undefined;
}

export function isCredentialFailure(err: unknown): boolean {
  return CREDENTIALS.has(errorCode(err)) || /Could not load credentials|credential.*expired|Token is expired/i.test(errorMessage(err));
}

export function isRegionDisabledError(err: unknown): boolean {
  return REGION_DISABLED.has(errorCode(err));
}

export function isNotFound(err: unknown, ...codes: string[]): boolean {
  return codes.includes(errorCode(err));
}

/** Thrown (not turned into a gap) so that the region runner can report it once and skip the region. */
export class RegionDisabled extends Error {
  constructor(readonly region: string) {
    super(`region ${region} is not enabled for this account`);
    this.name = 'RegionDisabled';
  }
}

export function gapFor(err: unknown, site: CallSite): Gap {
  const code = errorCode(err);
  const status = statusOf(err);
  const where = `${site.action} in ${site.region}`;
  const http = status ? ` (HTTP ${status})` : '';
  // Failures below HTTP (DNS, refused, timeout) and refused origins: the HTTP core names them.
  if (isConnectionFailure(err) || findCause(err, OffOriginError)) return gapFromError(err, where);
  if (isCredentialFailure(err)) return { reason: 'unauthenticated', message: `${where}: credentials rejected (${code})` };
  if (FORBIDDEN.has(code) || status === 403) return { reason: 'forbidden', message: `${where}: denied (${code}); grant ${site.action}` };
  if (THROTTLED.has(code) || status === 429) {
    const attempts = attemptsOf(err);
    return { reason: 'rate-limited', message: `${where}: throttled (${code})${attempts ? ` after ${attempts} attempts` : ''}` };
  }
  if (code === 'TimeoutError' || code === 'RequestTimeout' || /timed? ?out|ETIMEDOUT/i.test(errorMessage(err))) return { reason: 'timeout', message: `${where}: timed out` };
  if (isMalformed(err)) return { reason: 'malformed', message: `${where}: malformed response${http}` };
  if (status && status >= 500) return { reason: 'error', message: `${where}: service error ${code}${http}` };
  return { reason: 'error', message: `${where}: ${code}${http}` };
}

function isMalformed(err: unknown): boolean {
  const code = errorCode(err);
  if (code === 'SyntaxError' || code === 'ZodError') return true;
  return /Deserialization error|Unexpected end|Unterminated|not valid JSON|XML|Expected .* but|malformed/i.test(errorMessage(err));
}
