import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceRef } from '../model/index.js';
import type { DocPath } from '../shared/located-document.js';
import { defaultPolicyId } from './load.js';
import type { RuleDefinition, RuleSpec } from './schema.js';

/**
 * The built-in pack parsed and validated at build time (scripts/build.mjs writes
 * dist/builtin-pack.json), so that a run does not parse 46 YAML files with source positions.
 * Positions are kept (a table of every value's and key's line and column), so compile errors
 * and SARIF rule locations still point into the YAML files. A pack whose files changed since the
 * build (a checked-out tree, an edited rule) is not used: the files are hashed and compared.
 */
export const PACK_SCHEMA = 'secpol/builtin-pack@1';

interface PackedDefinition {
  /** Relative to the pack directory, `/`-separated. */
  file: string;
  policyId?: string;
  spec: RuleSpec;
  source: { line: number; column: number };
  /** `JSON.stringify([target, ...path])` -> [line, column]. */
  positions: Record<string, [number, number]>;
}

export interface PrecompiledPack {
  schema: typeof PACK_SCHEMA;
  /** sha256 of each policy file's bytes, by relative path. */
  files: Record<string, string>;
  definitions: PackedDefinition[];
}

const hashFile = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Packs definitions loaded from `dir` (policy ids are recomputed at run time: they depend on the cwd). */
export function packDefinitions(definitions: readonly RuleDefinition[], dir: string, files: readonly string[], cwd: string): PrecompiledPack {
  const packed = definitions.map((def): PackedDefinition => {
    const positions: Record<string, [number, number]> = {};
    const visit = (value: unknown, at: (string | number)[]) => {
      for (const target of ['value', 'key'] as const) {
        const ref = def.locate(at, target);
        positions[JSON.stringify([target, ...at])] = [ref.line, ref.column];
      }
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...at, k]);
    };
    visit(def.spec, []);
    const declared = def.policyId === defaultPolicyId(def.file, dir, cwd) ? {} : { policyId: def.policyId };
    return { file: toPosix(path.relative(dir, def.file)), ...declared, spec: def.spec, source: { line: def.source.line, column: def.source.column }, positions };
  });
  const hashes: Record<string, string> = {};
  for (const f of files) hashes[toPosix(path.relative(dir, f))] = hashFile(f);
  return { schema: PACK_SCHEMA, files: hashes, definitions: packed };
}

/**
 * The pack's definitions for the policy files under `dir`, or undefined when the pack does not
 * describe exactly those files as they are now (then the caller parses the YAML itself).
 */
export function unpackDefinitions(pack: unknown, dir: string, currentFiles: readonly string[], cwd: string): RuleDefinition[] | undefined {
  if (!pack || typeof pack !== 'object' || (pack as PrecompiledPack).schema !== PACK_SCHEMA) return undefined;
  const { files, definitions } = pack as PrecompiledPack;
  if (currentFiles.length !== Object.keys(files).length) return undefined;
  for (const f of currentFiles) if (files[toPosix(path.relative(dir, f))] !== hashFile(f)) return undefined;
  return definitions.map((d) => {
    const file = path.join(dir, ...d.file.split('/'));
    const locate = (at: DocPath, target: 'value' | 'key' = 'value'): SourceRef => {
      // A path that is not in the table (a key that is absent) points at its deepest existing parent, as in the YAML.
      for (let n = at.length; n >= 0; n--) {
        const found = d.positions[JSON.stringify([target, ...at.slice(0, n)])] ?? d.positions[JSON.stringify(['value', ...at.slice(0, n)])];
        if (found) return { file, line: found[0], column: found[1] };
      }
      return { file, line: d.source.line, column: d.source.column };
    };
    return { id: d.spec.id, policyId: d.policyId ?? defaultPolicyId(file, dir, cwd), file, spec: d.spec, source: { file, ...d.source }, locate };
  });
}
