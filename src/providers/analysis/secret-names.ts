/**
 * Heuristics for "this name holds a secret" (pipeline env/variables, Dockerfile ENV/ARG) and
 * for well-known token shapes in literal values. Names are matched on their last words so
 * that `TOKEN_FORMAT` or `PASSWORD_FILE` (a path to a mounted secret: the right pattern) are
 * not flagged.
 */
const SECRET_WORD =
  /(passw(or)?d|passphrase|(^|[_.-])pwd$|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|client[_.-]?secret|credentials?$|auth(?!or)|connection[_.-]?string|conn[_.-]?str|webhook[_.-]?url|dsn$)/i;
const NOT_SECRET_SUFFIX =
  /(^|[_.-])(file|files|path|dir|name|names|id|url|uri|arn|ref|enabled|disabled|type|length|expiry|expires|ttl|format|mode|location|version|count|provider|endpoint|region|user|username|header|method|policy|scope|scopes|key_id|keyid|required|rotation|hash_algorithm|strategy|audience|issuer)$/i;

export function looksLikeSecretName(name: string): boolean {
  if (!SECRET_WORD.test(name)) return false;
  if (/webhook[_.-]?url$/i.test(name) || /dsn$/i.test(name)) return true;
  return !NOT_SECRET_SUFFIX.test(name);
}

/** Well-known credential shapes (high precision); used on literal values in pipeline files and Dockerfiles. */
export const KNOWN_TOKEN_PATTERNS: { id: string; pattern: RegExp }[] = [
  { id: 'github-token', pattern: /\b(gh[pousr]_[A-Za-z0-9_]{36}|github_pat_[A-Za-z0-9_]{82})\b/ },
  { id: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20}\b/ },
  { id: 'aws-access-key-id', pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/ },
  { id: 'slack-token', pattern: /\bxox[bpaor]-(?:\d-)?(?:[a-zA-Z0-9]{1,40}-)+[a-zA-Z0-9]{1,40}\b/ },
  { id: 'stripe-key', pattern: /\b[rs]k_live_[0-9a-zA-Z]{24,99}\b/ },
  { id: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { id: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { id: 'private-key', pattern: /-----BEGIN[ A-Z]*PRIVATE KEY-----/ },
];

export function knownTokenIn(text: string): string | undefined {
  for (const { id, pattern } of KNOWN_TOKEN_PATTERNS) if (pattern.test(text)) return id;
  return undefined;
}

/** A value that only references a secret store or variable (not a literal secret). */
export function isReference(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    v.includes('${{') || // GitHub expressions, Azure template expressions
    /\$\([\w.-]+\)/.test(v) || // Azure macro $(var)
    /\$\[/.test(v) || // Azure runtime expression
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) || // GitLab/shell $VAR or ${VAR}
    /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=?+][^}]*\}$/.test(v) // ${VAR:-default}
  );
}
