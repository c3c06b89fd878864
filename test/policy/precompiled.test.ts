import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileRules } from '../../src/policy/compile.js';
import { findPolicyFiles, loadPolicyFiles } from '../../src/policy/load.js';
import { packDefinitions, unpackDefinitions } from '../../src/policy/precompiled.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'secpol-pack-'));
cpSync(path.join(root, 'policies', 'builtin'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompiled built-in pack', () => {
  it('compiles to the same rules, with the same positions, as the YAML it was made from', async () => {
    const { files } = await findPolicyFiles(dir);
    const loaded = await loadPolicyFiles([dir], { cwd: root });
    // Through JSON, as the build writes it.
    const pack = JSON.parse(JSON.stringify(packDefinitions(loaded.definitions, dir, files, root))) as unknown;
    const unpacked = unpackDefinitions(pack, dir, files, root)!;
    expect(unpacked.map((d) => [d.id, d.policyId, d.file, d.source])).toEqual(loaded.definitions.map((d) => [d.id, d.policyId, d.file, d.source]));
    const strip = (rules: unknown) => JSON.parse(JSON.stringify(rules)) as unknown;
    expect(strip(compileRules(unpacked, []).rules)).toEqual(strip(compileRules(loaded.definitions, []).rules));
    // An override error is located in the YAML file as before (a param the rule does not have).
    const override = [{ rule: loaded.definitions[0]!.id, params: { nope: 1 }, source: { file: 'secpol.yaml', line: 3, column: 5 } }];
    expect(compileRules(unpacked, override).diagnostics).toEqual(compileRules(loaded.definitions, override).diagnostics);
    const located = loaded.definitions[0]!;
    expect(unpacked[0]!.locate(['assert'], 'key')).toEqual(located.locate(['assert'], 'key'));
    expect(unpacked[0]!.locate(['params', 'absent'])).toEqual(located.locate(['params', 'absent']));
  });

  it('is not used once a policy file changed, was added or removed', async () => {
    const { files } = await findPolicyFiles(dir);
    const loaded = await loadPolicyFiles([dir], { cwd: root });
    const pack = packDefinitions(loaded.definitions, dir, files, root);
    writeFileSync(files[0]!, `${files[0]!.length}\n`, { flag: 'a' });
    expect(unpackDefinitions(pack, dir, files, root)).toBeUndefined();
    expect(unpackDefinitions(pack, dir, files.slice(1), root)).toBeUndefined();
    expect(unpackDefinitions({ schema: 'other' }, dir, files, root)).toBeUndefined();
  });
});
