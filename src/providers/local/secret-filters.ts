import type { SecretKind } from './detectors.js';

/**
 * Precision rules applied to every candidate, whichever detector found it: placeholders,
 * reserved example hosts, dummies and values too regular to be generated credentials are
 * not secrets. Each rule is a property a real credential of that kind cannot have.
 */

/** Where a finding sits: test fixtures and documentation are reported apart from code. */
export type SecretContext = 'code' | 'test' | 'docs';

const TEST_DIR = /(^|\/)(tests?|__tests__|testdata|test[-_]data|testing|fixtures?|__fixtures__|spec|specs|__mocks__|mocks?|e2e)\//i;
const TEST_FILE = /(^|\/)(test_[^/]*|[^/]*[._-](test|tests|spec)\.[A-Za-z0-9]+|[^/]*_test\.go|conftest\.py)$/i;
const DOCS_DIR = /(^|\/)(docs?|documentation|examples?|samples?|demo)\//i;
const DOCS_FILE = /\.(md|markdown|mdx|rst|adoc|asciidoc)$/i;

export function contextOf(path: string): SecretContext {
  if (TEST_DIR.test(path) || TEST_FILE.test(path)) return 'test';
  if (DOCS_DIR.test(path) || DOCS_FILE.test(path)) return 'docs';
  return 'code';
}

/** Hosts that are reserved for examples or point back at the machine (RFC 2606, RFC 6761). */
const PLACEHOLDER_HOST =
  /^(?:(?:[^.]+\.)*(?:example|test|invalid|localhost|local|internal\.example)|(?:[^.]+\.)*example\.(?:com|org|net|edu)|localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?|host|hostname|server|domain|your[-_]?\w*|my[-_]?\w*)$/i;

export function isPlaceholderHost(host: string): boolean {
  return PLACEHOLDER_HOST.test(host.replace(/:\d+$/, '').toLowerCase());
}

const DUMMY_WORD =
  /x{4,}|\*{3,}|<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|%[A-Za-z_]+%|changeme|change[-_]?me|password|passwd|secret|example|dummy|sample|placeholder|redacted|your[-_]?(?:token|key|secret|pass)|replace[-_]?me|fake|foobar|^test$|^(?:user|username|pass|pwd|token|key)$/i;

/** Repeated or sequential runs (`aaaa`, `1234`, `abcd`, `0000`) that cover most of the value. */
function mostlyRegular(value: string): boolean {
  if (value.length === 0) return true;
  let regular = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d === 0 || d === 1 || d === -1) regular++;
  }
  return regular / (value.length - 1) > 0.6;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Entropy too low for a generated credential of this length: random strings over 32+ symbols
 * carry at least about 0.6 of log2(length) bits a character; `abcabcabc...` or `AAAA1111`
 * does not.
 */
function tooLowEntropy(value: string): boolean {
  if (value.length < 8) return false;
  return entropy(value) < 0.6 * Math.log2(Math.min(value.length, 64));
}

/** The random part of a token: what follows a known prefix (`ghp_`, `xoxb-1-`, `AKIA`). */
function randomPart(value: string): string {
  const m = /^(?:gh[pousr]_|github_pat_|glpat-|npm_|xox[a-z]-(?:\d-)?|xapp-\d-|[rs]k_live_|sk-(?:proj|svcacct|admin|ant-(?:api|admin)\d\d)-|SG\.|AIza|A3T[A-Z0-9]|A[A-Z]{3}(?=[A-Z2-7]{16}$))/.exec(value);
  return m ? value.slice(m[0].length) : value;
}

export interface Candidate {
  kind: SecretKind;
  detector: string;
  value: string;
  /** The file text around the value, for boundary checks. */
  before: string;
  after: string;
}

/** Why a candidate is not a secret, or undefined when it stands. */
export function rejectReason(c: Candidate): string | undefined {
  if (c.kind === 'url-credential') return urlCredentialReject(c.value);
  if (c.kind === 'private-key') return undefined; // the block regex/secretlint already demand key material
  if (c.kind === 'token' || c.kind === 'cloud-key') {
    if (/[A-Za-z0-9_]/.test(c.before.slice(-1))) return 'not at a token boundary';
    if (/^[A-Za-z0-9_]/.test(c.after) || /^\.(?:jpe?g|png|gif|svg|webp|ico|bmp)\b/i.test(c.after)) return 'not at a token boundary';
  }
  const body = randomPart(c.value);
  if (DUMMY_WORD.test(body)) return 'placeholder';
  if (mostlyRegular(body)) return 'repeated or sequential characters';
  if (tooLowEntropy(body)) return 'entropy too low';
  return undefined;
}

/** `scheme://user:password@host`: a placeholder host, user or password is documentation. */
function urlCredentialReject(value: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^:/@\s]*):([^@\s]*)@([^/?#\s]+)/.exec(value);
  if (!m) return undefined;
  const [, user = '', password = '', host = ''] = m;
  if (isPlaceholderHost(host)) return 'example or local host';
  if (password === '' || DUMMY_WORD.test(password) || /^[$%{<[]/.test(password)) return 'placeholder';
  if (password.toLowerCase() === user.toLowerCase()) return 'placeholder'; // postgres:postgres, root:root: a default, not a secret
  if (password.length < 6 && user.length < 3) return 'placeholder';
  if (mostlyRegular(password)) return 'repeated or sequential characters';
  if (password.length >= 8 && tooLowEntropy(password)) return 'entropy too low';
  if (/^(?:abc123|123456|qwerty|letmein|admin|root|pass|pwd|token|key|guest|user)$/i.test(password)) return 'placeholder';
  return undefined;
}
