import type { Gap } from '../model/index.js';
import type { DoctorCheck, DoctorStatus } from './contract.js';

/** What a failed probe means for `doctor`: missing access, an unreachable API, or a broken answer. */
export function doctorStatusOf(gap: Gap): DoctorStatus {
  switch (gap.reason) {
    case 'forbidden':
    case 'not-found':
    case 'unauthenticated':
      return 'missing';
    case 'timeout':
    case 'rate-limited':
      return 'unreachable';
    case 'unsupported':
    case 'not-applicable':
      return 'unknown';
    default:
      return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|certificate|socket hang up|fetch failed/i.test(gap.message) ? 'unreachable' : 'error';
  }
}

/** One doctor line: `name` says which facts need it, the detail what was seen (`ok` or the gap's message). */
export function probeCheck(name: string, result: { ok: true } | { ok: false; gap: Gap }): DoctorCheck {
  if (result.ok) return { name, status: 'ok', detail: 'ok' };
  // The API answered (with data doctor could not read): access is there; collection will report the data itself.
  if (result.gap.reason === 'malformed') return { name, status: 'ok', detail: `ok (access granted; ${result.gap.message})` };
  const status = doctorStatusOf(result.gap);
  return { name, status, detail: `${status.toUpperCase()}: ${result.gap.message}` };
}

/** Whether a doctor report should fail the command (unknown = not applicable to this target). */
export function doctorFails(checks: readonly DoctorCheck[]): boolean {
  return checks.some((c) => c.status === 'missing' || c.status === 'unreachable' || c.status === 'error');
}
