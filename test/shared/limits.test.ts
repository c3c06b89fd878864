import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/policy/compile.js';
import { loadPolicyFiles } from '../../src/policy/load.js';
import { loadStateFile } from '../../src/providers/snapshot/index.js';
import { formatDiagnostic } from '../../src/shared/errors.js';
import { LIMITS, MAX_ERRORS_PER_FILE } from '../../src/shared/limits.js';

/**
 * Size limits: above a limit one clear error; just under it the file loads (no stack
 * overflow, no error flood). Inputs are generated here; their timing is in bench/limits.mjs.
 */
const dir = mkdtempSync(join(tmpdir(), 'secpol-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `size` bytes that takes no time to make (sparse): the limit is decided before reading. */
function sparse(name: string, size: number): string {
  const file = join(dir, name);
  closeSync(openSync(file, 'w'));
  truncateSync(file, size);
  return file;
}

/** `count` rules in as few bytes as YAML allows, padded with a comment to exactly `size` bytes. */
function policyOf(size: number, rule: (i: number) => string): { text: string; count: number } {
  let text = 'rules:\n';
  let count = 0;
  for (;;) {
    const next = rule(count);
    if (text.length + next.length > size - 2) break;
    text += next;
    count++;
  }
  return { text: text + `#${' '.repeat(size - text.length - 2)}\n`, count };
}

describe('policy files', () => {
  it('above the limit: one error naming the size and the limit', async () => {
    const file = sparse('huge.yaml', LIMITS.policyFile + 1);
    const { definitions, diagnostics } = await loadPolicyFiles([file]);
    expect(definitions).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${file}: policy file is 1 MiB, larger than the 1 MiB limit`]);
  });

  it('just under the limit: every rule of a file packed with rules loads and compiles', async () => {
    const file = join(dir, 'full.yaml');
    const { text, count } = policyOf(LIMITS.policyFile, (i) => `- {id: r${i}, title: t, severity: low, resource: repository, assert: {path: archived, equals: false}, message: m}\n`);
    expect(text.length).toBe(LIMITS.policyFile);
    writeFileSync(file, text);
    const loaded = await loadPolicyFiles([file]);
    expect(loaded.diagnostics).toEqual([]);
    const compiled = compileRules(loaded.definitions, []);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.rules).toHaveLength(count);
    expect(count).toBeGreaterThan(9000);
  }, 120_000);

  it('just under the limit: a quarter of a million broken entries give a bounded list of errors, not a stack overflow', async () => {
    const file = join(dir, 'broken.yaml');
    const { text, count } = policyOf(LIMITS.policyFile, () => '- 1\n');
    writeFileSync(file, text);
    expect(count).toBeGreaterThan(250_000);
    const { definitions, diagnostics } = await loadPolicyFiles([file]);
    expect(definitions).toEqual([]);
    expect(diagnostics).toHaveLength(MAX_ERRORS_PER_FILE + 1);
    expect(diagnostics.at(-1)?.message).toBe(`more than ${MAX_ERRORS_PER_FILE} errors: the ${count - MAX_ERRORS_PER_FILE} rules from here on were not checked`);
  }, 120_000);

  it('a named pipe is refused, not waited on', async () => {
    const { spawnSync } = await import('node:child_process');
    const fifo = join(dir, 'pipe.yaml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const { diagnostics } = await loadPolicyFiles([fifo]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${fifo}: policy file is not a regular file`]);
  });
});

describe('config and state files', () => {
  it('a config above the limit is one error', async () => {
    const file = sparse('secpol.yaml', LIMITS.configFile + 100 * 1024);
    const { config, diagnostics } = await loadConfig(file, dir);
    expect(config).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual(['secpol.yaml: config file is 1.1 MiB, larger than the 1 MiB limit']);
  });

  it('state above its limit (JSON, YAML) is one error; a large .json that is not JSON is not parsed as YAML', async () => {
    const json = await loadStateFile(sparse('state.json', LIMITS.jsonStateFile + 1), 'state.json');
    expect(json.diagnostics.map(formatDiagnostic)).toEqual(['state.json: state file is 256 MiB, larger than the 256 MiB limit']);
    const yaml = await loadStateFile(sparse('state.yaml', LIMITS.yamlStateFile + 1), 'state.yaml');
    expect(yaml.diagnostics.map(formatDiagnostic)).toEqual(['state.yaml: YAML state file is 4 MiB, larger than the 4 MiB limit']);
    writeFileSync(join(dir, 'yaml-in.json'), `schema: secpol/snapshot@1\nresources: []\n#${' '.repeat(LIMITS.yamlStateFile)}\n`);
    const disguised = await loadStateFile(join(dir, 'yaml-in.json'), 'yaml-in.json');
    expect(disguised.diagnostics.map(formatDiagnostic)).toEqual(['yaml-in.json: not valid JSON, and larger than the 4 MiB limit for YAML state']);
  });

  it('JSON state with a very wide resource list loads', async () => {
    const resources = Array.from({ length: 150_000 }, (_, i) => ({ id: `declared:r${i}`, kind: 'log-store', provider: 'declared', name: `r${i}`, category: 'audit' }));
    writeFileSync(join(dir, 'wide.json'), JSON.stringify({ schema: 'secpol/snapshot@1', resources }));
    const loaded = await loadStateFile(join(dir, 'wide.json'), 'wide.json');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.resources).toHaveLength(150_000);
  }, 120_000);
});
