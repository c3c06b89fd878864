import { resolve } from 'node:path';
import type { Rule, RuleOverride, Waiver } from '../model/index.js';
import { compileRules } from '../policy/compile.js';
import { loadPolicyFiles } from '../policy/load.js';
import type { Diagnostic } from '../shared/errors.js';
import { quote } from '../shared/quote.js';
import { builtinPolicyDir } from './package-root.js';

export interface PolicySources {
  builtin: boolean;
  /** Extra policy files or directories (absolute or relative to cwd). */
  paths: string[];
  overrides: RuleOverride[];
  /** Checked against the rule ids: a waiver for an unknown rule is a located error. */
  waivers: Waiver[];
  cwd: string;
}

export interface PolicySet {
  rules: Rule[];
  diagnostics: Diagnostic[];
  files: string[];
}

/** Loads the built-in pack plus user policies and compiles them with the config's overrides. */
export async function loadPolicySet(sources: PolicySources): Promise<PolicySet> {
  const paths = [...(sources.builtin ? [builtinPolicyDir()] : []), ...sources.paths.map((p) => resolve(sources.cwd, p))];
  if (paths.length === 0) return { rules: [], diagnostics: [{ severity: 'error', message: 'no policies: --no-builtin was given and no --policies path' }], files: [] };
  const loaded = await loadPolicyFiles(paths);
  const compiled = compileRules(loaded.definitions, sources.overrides, sources.waivers);
  const diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
  if (compiled.rules.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    // Evaluating nothing would pass whatever the state is: fail closed, with one line instead of one warning per empty directory.
    const named = sources.paths.map((p) => quote(p)).join(', ');
    return { rules: [], diagnostics: [{ severity: 'error', message: `no rules loaded: ${sources.builtin ? 'the policies' : `--no-builtin was given and ${named}`} ${sources.paths.length === 1 ? 'holds' : 'hold'} no rules` }], files: paths };
  }
  return { rules: compiled.rules, diagnostics, files: paths };
}
