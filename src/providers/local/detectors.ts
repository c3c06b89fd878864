/**
 * Credential shapes secpol adds to secretlint's recommended preset: shapes the preset misses
 * (taken from gitleaks' public rule set), and the high-confidence subset that is also searched
 * for in binary files. Every pattern is bounded on both sides (`(?<![\w-])` ... `(?![\w-])`)
 * so that a string which merely contains a prefix (an image name with `-xoxo-`) is no token.
 */
export type SecretKind = 'private-key' | 'cloud-key' | 'token' | 'url-credential' | 'other';

export interface Detector {
  id: string;
  kind: SecretKind;
  pattern: RegExp;
  /** Index of the capture group holding the value (default: the whole match). */
  group?: number;
  /** Known documentation values (e.g. AWS's own example key). */
  ignore?: string[];
}

const B = '(?<![A-Za-z0-9_-])';
const E = '(?![A-Za-z0-9_-])';
const re = (body: string, flags = 'g'): RegExp => new RegExp(`${B}${body}${E}`, flags);

/** A private key block: PEM lines, or one line with `\n` / `\r\n` escapes (JSON, env files). */
export const PRIVATE_KEY_BLOCK =
  /-----BEGIN ((?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?)-----((?:[A-Za-z0-9+/=]|\\\\?[rn]|[\s"'+,])+?)-----END \1-----/g;

/** A key block's body must hold real key material: placeholders (`...`, `<key>`) never match the block. */
export function hasKeyBody(body: string): boolean {
  return body.replace(/\\\\?[rn]|[\s"'+,]/g, '').length >= 64;
}

/** AWS's documented example key id; built from parts so that no key-shaped literal sits in our source. */
const AWS_EXAMPLE_KEY_ID = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');

export const AWS_KEY_ID = re('(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z2-7]{16}');

/** Searched for in every file, binary ones included: a match is a credential whatever surrounds it. */
export const HIGH_CONFIDENCE: Detector[] = [
  { id: 'secpol/private-key', kind: 'private-key', pattern: PRIVATE_KEY_BLOCK },
  { id: 'secpol/aws-access-key-id', kind: 'cloud-key', pattern: AWS_KEY_ID, ignore: [AWS_EXAMPLE_KEY_ID] },
  { id: 'secpol/google-api-key', kind: 'cloud-key', pattern: re('AIza[0-9A-Za-z_-]{35}') },
  { id: 'secpol/github-token', kind: 'token', pattern: re('(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})') },
  { id: 'secpol/gitlab-token', kind: 'token', pattern: re('glpat-[A-Za-z0-9_-]{20}') },
  { id: 'secpol/slack-token', kind: 'token', pattern: re('xox[bpaorse]-(?:\\d-)?[A-Za-z0-9]{1,40}(?:-[A-Za-z0-9]{1,64}){1,4}') },
  { id: 'secpol/slack-config-token', kind: 'token', pattern: re('xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{140,170}') },
  { id: 'secpol/npm-token', kind: 'token', pattern: re('npm_[A-Za-z0-9]{36}') },
  { id: 'secpol/stripe-live-key', kind: 'token', pattern: re('[rs]k_live_[0-9a-zA-Z]{24,99}') },
  { id: 'secpol/sendgrid-key', kind: 'token', pattern: re('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}') },
  { id: 'secpol/openai-key', kind: 'token', pattern: re('sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}') },
  { id: 'secpol/anthropic-key', kind: 'token', pattern: re('sk-ant-(?:api|admin)0\\d-[A-Za-z0-9_-]{80,120}') },
];

/** Text-only additions: shapes that need their surroundings (URLs) to be sure. */
export const TEXT_ONLY: Detector[] = [
  {
    id: 'secpol/slack-webhook',
    kind: 'token',
    pattern: /https:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,14}\/\d{6,20}\/[A-Za-z0-9]{16,40}(?![A-Za-z0-9])/g,
  },
];

/**
 * The marker every detector (ours and the preset's) needs: one pass over the raw bytes says
 * whether a file can hold a finding at all. The preset's markers are derived from its
 * patterns (11.7.x); a file without any of them cannot match, so the pre-filter changes
 * speed, never results.
 */
export const PREFILTER =
  /PRIVATE KEY|npm_|_authToken|x-oauth-basic|xox[bpaorse]-|xapp-|[Hh][Oo][Oo][Kk][Ss]\.[Ss][Ll][Aa][Cc][Kk]\.|SG\.|shp(?:pa|ca|at|ss)_|gh[pousr]_|github_pat_|T3BlbkFJ|sk-ant-a|sk-proj-|sk-svcacct-|sk-admin-|lin_api_|ops_ey|(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)|:\/\/[^:/\n]{1,1024}:[^@/\n]{1,1024}@|glpat-|AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9]|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|AIza|[rs]k_live_/;

/** Which kind of secret a secretlint rule reports. */
export function kindOfRule(ruleId: string): SecretKind {
  if (/privatekey|secp256k1/.test(ruleId)) return 'private-key';
  if (/-aws$|-gcp$|azure/.test(ruleId)) return 'cloud-key';
  if (/basicauth|database-connection-string/.test(ruleId)) return 'url-credential';
  if (/github|gitlab|slack|npm|sendgrid|shopify|openai|anthropic|linear|1password|stripe/.test(ruleId)) return 'token';
  return 'other';
}
