import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDiagnostic } from '../../src/shared/errors.js';
import { decodeSource } from '../../src/shared/source-file.js';
import { parseLocated } from '../../src/shared/yaml-locate.js';
import { parseLocatedJson } from '../../src/shared/json-locate.js';
import { zodIssuesToDiagnostics } from '../../src/shared/schema-diagnostics.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('parseLocated', () => {
  it('parses YAML and locates values and keys', () => {
    const doc = parseLocated(lines('rules:', '  - id: a', '    assert:', '      path: x', '      equals: 1'), 'p.yaml');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toEqual({ rules: [{ id: 'a', assert: { path: 'x', equals: 1 } }] });
    expect(doc.locate(['rules', 0, 'assert', 'equals'])).toEqual({ line: 5, column: 15 });
    expect(doc.locate(['rules', 0, 'assert', 'equals'], 'key')).toEqual({ line: 5, column: 7 });
    expect(doc.locate(['rules', 0])).toEqual({ line: 2, column: 5 });
    // A missing key points at the deepest existing node on the way.
    expect(doc.locate(['rules', 0, 'assert', 'missing'])).toEqual({ line: 4, column: 7 });
  });

  it('reports malformed YAML at line and column', () => {
    const doc = parseLocated(lines('a: 1', 'b: [1, 2', 'c: 3'), 'bad.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.length).toBeGreaterThan(0);
    const first = formatDiagnostic(doc.diagnostics[0]!);
    expect(first).toMatch(/^bad\.yaml:\d+:\d+: YAML syntax error: /);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const doc = parseLocated(lines('id: a', 'title: t', 'id: b'), 'dup.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map(formatDiagnostic)).toEqual(['dup.yaml:3:1: duplicate key (map keys must be unique)']);
  });

  it('refuses an alias bomb with one clear diagnostic', () => {
    const bomb = lines(
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    );
    const doc = parseLocated(bomb, 'bomb.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map(formatDiagnostic)).toEqual([
      'bomb.yaml:2:8: too many YAML alias expansions (limit 100): refusing a possible alias bomb',
    ]);
  });

  it('accepts a few aliases', () => {
    const doc = parseLocated(lines('a: &x [1, 2]', 'b: *x'), 'ok.yaml');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('refuses binary junk with NUL bytes', () => {
    const doc = parseLocated('id: a\u0000\u0001\u0002garbage', 'junk.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map(formatDiagnostic)).toEqual([
      'junk.yaml:1:1: contains NUL bytes: refusing binary content (expected a YAML or JSON text file)',
    ]);
  });

  it('refuses invalid UTF-8 when decoding bytes', () => {
    const { text, diagnostics } = decodeSource(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0xc3]), 'junk.yaml');
    expect(text).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'junk.yaml:1:1: is not valid UTF-8 text: refusing binary content (expected a YAML or JSON text file)',
    ]);
  });

  it('keeps YAML 1.2 core semantics: dates stay strings, no !!binary', () => {
    const doc = parseLocated(lines('expires: 2027-01-31', 'on: yes', 'data: !!binary aGVsbG8='), 'c.yaml');
    expect(doc.value).toEqual({ expires: '2027-01-31', on: 'yes', data: 'aGVsbG8=' });
    expect(doc.diagnostics.some((d) => d.severity === 'warning' && d.line === 3)).toBe(true);
  });

  it('refuses collection keys and a second document', () => {
    expect(parseLocated(lines('? [a, b]', ': 1'), 'k.yaml').diagnostics.map(formatDiagnostic)).toEqual([
      'k.yaml:1:3: mapping keys must be plain strings, not collections',
    ]);
    expect(parseLocated(lines('a: 1', '---', 'b: 2'), 'm.yaml').diagnostics.map(formatDiagnostic)).toEqual([
      'm.yaml:2:1: only one YAML document per file is allowed',
    ]);
  });

  it('strips a byte-order mark', () => {
    expect(parseLocated('\uFEFFa: 1\n', 'bom.yaml').value).toEqual({ a: 1 });
  });
});

describe('parseLocatedJson', () => {
  it('parses JSON directly and locates lazily', () => {
    const text = '{\n  "resources": [\n    { "id": "x", "kind": 7 }\n  ]\n}\n';
    const doc = parseLocatedJson(text, 's.json');
    expect(doc.value).toEqual({ resources: [{ id: 'x', kind: 7 }] });
    expect(doc.locate(['resources', 0, 'kind'])).toEqual({ line: 3, column: 26 });
  });

  it('falls back to YAML for YAML input and for broken JSON', () => {
    expect(parseLocatedJson('a: 1\n', 's.yaml').value).toEqual({ a: 1 });
    const broken = parseLocatedJson('{\n  "a": 1,\n  "b": [1, 2}\n}\n', 's.json');
    expect(broken.value).toBeUndefined();
    expect(broken.diagnostics[0]).toMatchObject({ file: 's.json', severity: 'error' });
    expect(broken.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('zodIssuesToDiagnostics', () => {
  const Schema = z.strictObject({
    failOn: z.enum(['high', 'low']),
    nested: z.strictObject({ count: z.number() }).optional(),
    name: z.string(),
  });

  it('points at an unknown key and names it', () => {
    const doc = parseLocated(lines('failOn: high', 'name: x', 'nested:', '  count: 1', '  colour: red'), 'c.yaml');
    const parsed = Schema.safeParse(doc.value);
    expect(parsed.success).toBe(false);
    const diags = zodIssuesToDiagnostics(parsed.error!.issues, doc.locate, 'c.yaml', { root: doc.value });
    expect(diags.map(formatDiagnostic)).toEqual(['c.yaml:5:3: unknown key "colour" in nested']);
  });

  it('points at a value of the wrong type, and at the mapping lacking a key', () => {
    const doc = parseLocated(lines('failOn: hgh', 'nested:', '  count: "three"'), 'c.yaml');
    const parsed = Schema.safeParse(doc.value);
    const diags = zodIssuesToDiagnostics(parsed.error!.issues, doc.locate, 'c.yaml', { root: doc.value }).map(formatDiagnostic);
    expect(diags).toContain('c.yaml:1:9: "failOn" must be one of "high", "low", got the string "hgh"');
    expect(diags).toContain('c.yaml:3:10: "nested.count" must be a number, got the string "three"');
    expect(diags).toContain('c.yaml:1:1: missing required key "name"');
  });

  it('prefixes paths for piecewise validation', () => {
    const doc = parseLocated(lines('rules:', '  - failOn: high', '    name: 3'), 'p.yaml');
    const rule = (doc.value as { rules: unknown[] }).rules[0];
    const parsed = Schema.safeParse(rule);
    const diags = zodIssuesToDiagnostics(parsed.error!.issues, doc.locate, 'p.yaml', { prefix: ['rules', 0], root: rule }).map(formatDiagnostic);
    expect(diags).toEqual(['p.yaml:3:11: "rules[0].name" must be a string, got number 3']);
  });

  it('works with zod reportInput and without any input', () => {
    const doc = parseLocated(lines('failOn: x', 'name: 1'), 'c.yaml');
    const withInput = Schema.safeParse(doc.value, { reportInput: true });
    expect(zodIssuesToDiagnostics(withInput.error!.issues, doc.locate, 'c.yaml').map(formatDiagnostic)).toEqual([
      'c.yaml:1:9: "failOn" must be one of "high", "low", got the string "x"',
      'c.yaml:2:7: "name" must be a string, got number 1',
    ]);
    const noInput = Schema.safeParse({ failOn: 'high' });
    const other = parseLocated('failOn: high\n', 'd.yaml');
    expect(zodIssuesToDiagnostics(noInput.error!.issues, other.locate, 'd.yaml').map(formatDiagnostic)).toEqual([
      'd.yaml:1:1: missing required key "name"',
    ]);
  });
});

describe('zodIssuesToDiagnostics: unions', () => {
  const Resource = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('repository'), name: z.string() }),
    z.strictObject({ kind: z.literal('secret'), store: z.string() }),
  ]);
  const State = z.strictObject({ resources: z.array(Resource), limit: z.union([z.string(), z.number()]).optional() });

  it('names the allowed discriminator values, or the missing discriminator', () => {
    const doc = parseLocated(lines('resources:', '  - kind: repo', '    name: x', '  - name: y', 'limit: true'), 's.yaml');
    const parsed = State.safeParse(doc.value, { reportInput: true });
    expect(zodIssuesToDiagnostics(parsed.error!.issues, doc.locate, 's.yaml').map(formatDiagnostic)).toEqual([
      's.yaml:2:11: "resources[0].kind" must be one of "repository", "secret", got the string "repo"',
      's.yaml:4:5: missing required key "kind" in resources[1] (one of "repository", "secret")',
      's.yaml:5:8: "limit" must be a string or a number, got boolean true',
    ]);
  });
});

describe('parseLocated: pathological nesting', () => {
  it('returns diagnostics instead of throwing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const doc = parseLocated(deep, 'deep.yaml');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.length).toBeGreaterThan(0);
    expect(doc.diagnostics[0]).toMatchObject({ severity: 'error', file: 'deep.yaml' });
  });
});

describe('zodIssuesToDiagnostics: key hints', () => {
  const Schema = z.strictObject({
    resources: z.array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('repository'), branchProtection: z.strictObject({ protected: z.boolean() }).optional() }),
        z.strictObject({ kind: z.literal('secret'), lastRotatedAt: z.string().optional() }),
      ]),
    ),
  });

  it('suggests the closest known key, through lists and discriminated unions', () => {
    const doc = parseLocated(lines('resources:', '  - kind: secret', '    lastRotated: "2026-01-01"', '  - kind: repository', '    branchProtection: { protectd: true }'), 's.yaml');
    const parsed = Schema.safeParse(doc.value);
    expect(zodIssuesToDiagnostics(parsed.error!.issues, doc.locate, 's.yaml', { root: doc.value, schema: Schema }).map(formatDiagnostic)).toEqual([
      's.yaml:3:5: unknown key "lastRotated" in resources[0] (did you mean "lastRotatedAt"?)',
      's.yaml:5:23: missing required key "protected" in resources[1].branchProtection',
      's.yaml:5:25: unknown key "protectd" in resources[1].branchProtection (did you mean "protected"?)',
    ]);
  });
});

describe('parseLocatedJson: positions without a YAML parse', () => {
  function allPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(prefix);
    if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...prefix, i], out));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...prefix, k], out);
    return out;
  }

  it('agrees with the YAML locator on every path, for values and keys', () => {
    const value = {
      'we"ird\\key': { nested: [1, -2.5e3, true, null, 'str with \\" quote and \\\\ backslash', { deep: ['x', ['y', {}]] }] },
      unicode: 'żółw 🐢',
      empty: [],
      obj: {},
      list: [{ a: 1 }, { b: [{ c: 'd' }] }],
    };
    for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value), JSON.stringify(value, null, '\t')]) {
      const fast = parseLocatedJson(text, 'f.json');
      const slow = parseLocated(text, 'f.json');
      expect(fast.value).toEqual(slow.value);
      for (const p of allPaths(value)) {
        expect(fast.locate(p), JSON.stringify(p)).toEqual(slow.locate(p));
        if (p.length && typeof p[p.length - 1] === 'string') expect(fast.locate(p, 'key'), JSON.stringify(p)).toEqual(slow.locate(p, 'key'));
      }
      // Missing paths stop at the deepest existing node, like the YAML locator.
      expect(fast.locate(['list', 1, 'b', 0, 'missing', 3])).toEqual(slow.locate(['list', 1, 'b', 0, 'missing', 3]));
      expect(fast.locate(['list', 9])).toEqual(slow.locate(['list', 9]));
    }
  });

  it('locates an issue deep in a 20 MB state file', () => {
    const resources = Array.from({ length: 60_000 }, (_, i) => ({
      id: `github:acme/r${i}`,
      kind: 'repository',
      provider: 'github',
      name: `acme/r${i}`,
      branchProtection: { protected: true, requiredApprovals: i === 54_321 ? 'two' : 2, requiredStatusChecks: ['ci', 'lint'] },
      webhooks: [{ id: '1', target: 'https://hooks.example', https: true, sslVerification: true }],
    }));
    const text = JSON.stringify({ schema: 'secpol/snapshot@1', resources }, null, 2);
    expect(text.length).toBeGreaterThan(20_000_000);
    const doc = parseLocatedJson(text, 'state.json');
    expect((doc.value as { resources: unknown[] }).resources).toHaveLength(60_000);
    const at = doc.locate(['resources', 54_321, 'branchProtection', 'requiredApprovals']);
    const line = text.split('\n')[at.line - 1]!;
    expect(line.slice(at.column - 1)).toBe('"two",');
    expect(line.trimStart().startsWith('"requiredApprovals"')).toBe(true);
  });
});

describe('parseLocated: text that only looks odd', () => {
  it('keeps a replacement character and escaped control characters (hostile names round-trip)', () => {
    const json = JSON.stringify({ name: 'evil\uFFFD\u0000\u001b[31mred' });
    expect(parseLocatedJson(json, 's.json').value).toEqual({ name: 'evil\uFFFD\u0000\u001b[31mred' });
    expect(parseLocated(json, 's.json').value).toEqual({ name: 'evil\uFFFD\u0000\u001b[31mred' });
  });
});

describe('parseLocated: warnings', () => {
  it('reports an unknown tag as a located warning and keeps the plain value', () => {
    const doc = parseLocated('a: !custom value\n', 't.yaml');
    expect(doc.value).toEqual({ a: 'value' });
    expect(doc.diagnostics.map(formatDiagnostic)).toEqual(['t.yaml:1:4: warning: YAML: Unresolved tag: !custom']);
  });
});
