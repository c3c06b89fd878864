import { join, resolve } from 'node:path';
import type { Rule, RuleOverride, Waiver } from '../model/index.js';
import { compileRules } from '../policy/compile.js';
import { findPolicyFiles, loadPolicyFiles } from '../policy/load.js';
import { unpackDefinitions } from '../policy/precompiled.js';
import type { RuleDefinition } from '../policy/schema.js';
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../shared/errors.js';
import { quote } from '../shared/quote.js';
import { builtinPolicyDir, packageRoot } from './package-root.js';

/** The built-in pack as the build precompiled it (dist/builtin-pack.json), when it matches the files on disk. */
async function precompiledBuiltin(cwd: string): Promise<RuleDefinition[] | undefined> {
  let pack: unknown;
  try {
    pack = JSON.parse(await readFile(join(packageRoot(), 'dist', 'builtin-pack.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const dir = builtinPolicyDir();
  const found = await findPolicyFiles(dir);
  return found.diagnostics.length > 0 ? undefined : unpackDefinitions(pack, dir, found.files, cwd);
}

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
  const userPaths = sources.paths.map((p) => resolve(sources.cwd, p));
  const paths = [...(sources.builtin ? [builtinPolicyDir()] : []), ...userPaths];
  if (paths.length === 0) return { rules: [], diagnostics: [{ severity: 'error', message: 'no policies: --no-builtin was given and no --policies path' }], files: [] };
  const builtin = sources.builtin ? await precompiledBuiltin(sources.cwd) : undefined;
  const loaded = await loadPolicyFiles(builtin ? userPaths : paths);
  const definitions = [...(builtin ?? []), ...loaded.definitions];
  const compiled = compileRules(definitions, sources.overrides, sources.waivers);
  const diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
  if (compiled.rules.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    // Evaluating nothing would pass whatever the state is: fail closed, with one line instead of one warning per empty directory.
    const named = sources.paths.map((p) => quote(p)).join(', ');
    return { rules: [], diagnostics: [{ severity: 'error', message: `no rules loaded: ${sources.builtin ? 'the policies' : `--no-builtin was given and ${named}`} ${sources.paths.length === 1 ? 'holds' : 'hold'} no rules` }], files: paths };
  }
  return { rules: compiled.rules, diagnostics, files: paths };
}
