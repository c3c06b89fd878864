import ignore from 'ignore';
import type { SourceLocation } from '../../model/index.js';
import { LIMITS } from '../../shared/limits.js';

/** Repository-level facts that follow from the list of files alone. */
const SECURITY_POLICY = /^(\.github\/|docs\/)?security(\.md|\.markdown|\.rst|\.txt|\.adoc)?$/i;
const CODEOWNERS = /^(\.github\/|docs\/|\.gitlab\/)?CODEOWNERS$/;
const ENV_FILE = /(^|\/)\.env(\.[^/]+)?$/;
/** Documentation and tooling files that merely share the name: examples, templates, patches, defaults. */
const ENV_TEMPLATE = /(^|\/)\.env\.(example|examples|sample|samples|template|templates|tmpl|tpl|dist|defaults|default|schema|patch|diff|spec)$/i;

export function hasSecurityPolicy(paths: readonly string[]): boolean {
  return paths.some((p) => SECURITY_POLICY.test(p));
}

export function hasCodeowners(paths: readonly string[]): boolean {
  return paths.some((p) => CODEOWNERS.test(p));
}

/** `.env` and `.env.*` anywhere in the tree, examples, samples, templates and patches excepted. */
export function envFiles(paths: readonly string[]): SourceLocation[] {
  return paths.filter((p) => ENV_FILE.test(p) && !ENV_TEMPLATE.test(p)).map((path) => ({ path }));
}

/**
 * Whether the root .gitignore makes git ignore a `.env` file at the root (and so in any
 * directory); undefined when the file is above the size limit and was not evaluated.
 */
export function envIgnoredBy(gitignore: string | undefined): boolean | undefined {
  if (gitignore === undefined) return false;
  if (Buffer.byteLength(gitignore) > LIMITS.gitignore) return undefined;
  const ig = ignore().add(gitignore);
  return ig.ignores('.env') && ig.ignores('sub/.env');
}
