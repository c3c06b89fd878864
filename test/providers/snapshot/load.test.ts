import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Resource } from '../../../src/model/index.js';
import { loadStateFile } from '../../../src/providers/snapshot/index.js';

const statesDir = join(import.meta.dirname, '../../../fixtures/states');
const states = readdirSync(statesDir).filter((f) => f.endsWith('.json'));

describe('loadStateFile', () => {
  it('keeps the resources as validated: the schemas add, drop and change nothing', async () => {
    expect(states.length).toBeGreaterThan(0);
    for (const name of states) {
      const file = join(statesDir, name);
      const raw = (JSON.parse(readFileSync(file, 'utf8')) as { resources: unknown[] }).resources;
      // The loader hands on the validated input, not zod's copy: this holds only while
      // parsing gives back what it was given (no defaults, transforms or stripped keys).
      for (const r of raw) expect(Resource.parse(r)).toStrictEqual(r);
      const loaded = await loadStateFile(file, name);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.resources).toStrictEqual(raw);
    }
  });

  it('still refuses unknown keys and wrong types, located, and keeps the valid resources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secpol-state-'));
    try {
      const file = join(dir, 'state.json');
      const ok = { id: 'github:acme/ok', kind: 'repository', provider: 'github', name: 'acme/ok' };
      const text = JSON.stringify(
        {
          schema: 'secpol/snapshot@1',
          resources: [ok, { ...ok, id: 'github:acme/extra', surprise: true }, { ...ok, id: 'github:acme/typed', archived: 'no' }],
        },
        null,
        2,
      );
      writeFileSync(file, text);
      const loaded = await loadStateFile(file, 'state.json');
      expect(loaded.resources.map((r) => r.id)).toEqual(['github:acme/ok']);
      expect(loaded.diagnostics).toHaveLength(2);
      const lines = text.split('\n');
      const [extra, typed] = loaded.diagnostics;
      expect(extra?.message).toMatch(/surprise/);
      expect(lines[extra!.line! - 1]).toContain('"surprise"');
      expect(lines[typed!.line! - 1]).toContain('"archived"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses JSON with a duplicate key, located at the second one, as YAML state already is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secpol-state-'));
    try {
      const file = join(dir, 'state.json');
      // The second "archived" would silently win over the first with JSON.parse.
      const text = [
        '{"schema": "secpol/snapshot@1", "resources": [',
        '  {"id": "github:acme/a", "kind": "repository", "provider": "github", "name": "a", "tag\\\\u0073": 1, "tags": 2,',
        '   "archived": true, "nested": {"archived": 1}, "list": [{"k": 1}, {"k": 2}],',
        '   "archived": false}',
        ']}',
      ].join('\n');
      writeFileSync(file, text);
      const loaded = await loadStateFile(file, 'state.json');
      expect(loaded.resources).toEqual([]);
      expect(loaded.diagnostics).toEqual([{ severity: 'error', file: 'state.json', line: 4, column: 4, message: 'duplicate key "archived" (map keys must be unique)' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
