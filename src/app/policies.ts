import { resolve } from 'node:path';
import type { Rule, RuleOverride } from '../model/index.js';
import { compileRules } from '../policy/compile.js';
import { loadPolicyFiles } from '../policy/load.js';
import type { Diagnostic } from '../shared/errors.js';
import { builtinPolicyDir } from './package-root.js';

export interface PolicySources {
  builtin: boolean;
  /** Extra policy files or directories (absolute or relative to cwd). */
  paths: string[];
  overrides: RuleOverride[];
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
  const compiled = compileRules(loaded.definitions, sources.overrides);
  return {
    rules: compiled.rules,
    diagnostics: [...loaded.diagnostics, ...compiled.diagnostics],
    files: paths,
  };
}
