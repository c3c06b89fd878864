import { mkdtempSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/shared/errors.js';
import { loadPolicyFiles, parsePolicyText } from '../../src/policy/index.js';

const F = 'fixtures/policies';
const messages = async (...paths: string[]) => (await loadPolicyFiles(paths)).diagnostics.map(formatDiagnostic);

describe('loadPolicyFiles: valid policies', () => {
  it('loads a directory recursively, sorted, with policy ids and positions', async () => {
    const { definitions, diagnostics } = await loadPolicyFiles([`${F}/valid`]);
    expect(diagnostics).toEqual([]);
    expect(definitions.map((d) => [d.id, d.policyId, `${d.source.file}:${d.source.line}:${d.source.column}`])).toEqual([
      ['acme.min-approvals', 'acme/branches', `${F}/valid/branches.yaml:3:5`],
      ['acme.webhooks-tls', 'acme/branches', `${F}/valid/branches.yaml:43:5`],
      ['acme.pinned-actions', `${F}/valid/pipelines/pinned-actions.yaml`, `${F}/valid/pipelines/pinned-actions.yaml:1:1`],
    ]);
  });

  it('loads the same file once when it is named twice', async () => {
    const { definitions } = await loadPolicyFiles([`${F}/valid/branches.yaml`, `${F}/valid`]);
    expect(definitions.map((d) => d.id)).toEqual(['acme.min-approvals', 'acme.webhooks-tls', 'acme.pinned-actions']);
  });

  it('names a policy outside the working directory after the directory it was found in', async () => {
    // A fresh directory is never an ancestor of the checkout (which may itself live under /tmp).
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'secpol-cwd-'));
    const { definitions } = await loadPolicyFiles([path.resolve(`${F}/valid/pipelines`)], { cwd: elsewhere });
    expect(definitions[0]!.policyId).toBe('pipelines/pinned-actions.yaml');
  });
});

describe('loadPolicyFiles: bad input', () => {
  it('malformed YAML', async () => {
    expect(await messages(`${F}/invalid/malformed.yaml`)).toEqual([
      `${F}/invalid/malformed.yaml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('alias bomb', async () => {
    expect(await messages(`${F}/invalid/alias-bomb.yaml`)).toEqual([
      `${F}/invalid/alias-bomb.yaml:3:8: too many YAML alias expansions (limit 100): refusing a possible alias bomb`,
    ]);
  });

  it('unknown keys point at the key and name it', async () => {
    expect(await messages(`${F}/invalid/unknown-keys.yaml`)).toEqual([`${F}/invalid/unknown-keys.yaml:9:1: unknown key "remedation" (did you mean "remediation"?)`]);
  });

  it('wrong types point at the value', async () => {
    expect(await messages(`${F}/invalid/wrong-types.yaml`)).toEqual([
      `${F}/invalid/wrong-types.yaml:3:11: "severity" must be one of "critical", "high", "medium", "low", got the string "urgent"`,
      `${F}/invalid/wrong-types.yaml:9:10: "message" must be a string, got number 42`,
      `${F}/invalid/wrong-types.yaml:5:7: "tags" must be a list, got the string "code-review"`,
    ]);
  });

  it('unknown operator names the valid ones', async () => {
    expect(await messages(`${F}/invalid/unknown-operator.yaml`)).toEqual([
      `${F}/invalid/unknown-operator.yaml:10:7: unknown operator "greaterThan"; valid operators: equals, notEquals, gt, gte, lt, lte, in, notIn, contains, exists, matches, notMatches, within, olderThan, atMostAfter`,
    ]);
  });

  it('binary junk is refused with one diagnostic', async () => {
    expect(await messages(`${F}/invalid/binary.yaml`)).toEqual([
      `${F}/invalid/binary.yaml:1:1: is not valid UTF-8 text: refusing binary content (expected a YAML or JSON text file)`,
    ]);
  });

  it('a non-existent path is a diagnostic and the other paths still load', async () => {
    const { definitions, diagnostics } = await loadPolicyFiles([`${F}/no-such-dir`, `${F}/valid/branches.yaml`]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${F}/no-such-dir: no such file or directory`]);
    expect(definitions).toHaveLength(2);
  });

  it('each bad file yields diagnostics while the good files load', async () => {
    const { definitions, diagnostics } = await loadPolicyFiles([`${F}/invalid`, `${F}/valid`]);
    expect(definitions.map((d) => d.id)).toEqual(['acme.min-approvals', 'acme.webhooks-tls', 'acme.pinned-actions']);
    const files = new Set(diagnostics.map((d) => path.basename(d.file ?? '')));
    expect([...files].sort()).toEqual(['alias-bomb.yaml', 'binary.yaml', 'invalid-regex.yaml', 'malformed.yaml', 'unknown-keys.yaml', 'unknown-operator.yaml', 'wrong-types.yaml']);
  });
});

describe('parsePolicyText: shapes and messages', () => {
  const parse = (text: string) => parsePolicyText(text, 'p.yaml', 'p.yaml');
  const msgs = (text: string) => parse(text).diagnostics.map(formatDiagnostic);

  it('keeps the good rules of a file and drops the bad one', () => {
    const { definitions, diagnostics } = parse(
      [
        'rules:',
        '  - { id: a.ok, title: T, severity: low, resource: repository, assert: { path: fork, equals: false }, message: m }',
        '  - { id: a.bad, title: T, severity: low, resource: repository, assert: { path: fork, eq: false }, message: m }',
      ].join('\n'),
    );
    expect(definitions.map((d) => d.id)).toEqual(['a.ok']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'p.yaml:3:87: unknown operator "eq"; valid operators: equals, notEquals, gt, gte, lt, lte, in, notIn, contains, exists, matches, notMatches, within, olderThan, atMostAfter',
    ]);
  });

  it('reports a missing assert and a bad rule id', () => {
    expect(msgs('id: Bad_ID\ntitle: T\nseverity: low\nresource: repository\nmessage: m\n')).toEqual([
      'p.yaml:1:5: "id": a rule id is lowercase words joined by dots and dashes, e.g. acme.min-approvals',
      'p.yaml:1:1: missing required key "assert"',
    ]);
  });

  it('reports condition shape problems at the right place', () => {
    const rule = (assert: string) => `id: a.b\ntitle: T\nseverity: low\nresource: repository\nmessage: m\nassert:\n${assert}\n`;
    expect(msgs(rule('  path: x\n  gt: 1\n  lt: 3'))).toEqual(['p.yaml:9:3: a condition has one operator; found gt and lt (combine them with all: [...])']);
    expect(msgs(rule('  all: []'))).toEqual(['p.yaml:7:8: "all" needs a non-empty list of conditions, got a list']);
    expect(msgs(rule('  every: webhooks'))).toEqual(['p.yaml:7:3: "every" needs an `assert` condition that each element must satisfy']);
    expect(msgs(rule('  path: a..b\n  exists: true'))).toEqual(['p.yaml:7:9: field path "a..b" has an empty segment']);
    expect(msgs(rule('  path: x\n  gte: "3"'))).toEqual(['p.yaml:8:8: "gte" expects a number, got "3"']);
    expect(msgs(rule('  path: x\n  within: 90 days'))).toEqual(['p.yaml:8:11: "within" expects a duration like 90d, 6h, 2w, 13mo or 1y, got "90 days"']);
    expect(msgs(rule('  frobnicate: 1'))).toEqual([
      'p.yaml:7:3: unknown condition "frobnicate": use `path` with an operator, or one of all, any, not, every, some, none, count',
    ]);
    expect(msgs(rule('  all: [{ path: x, exists: true }]\n  any: [{ path: y, exists: true }]'))).toEqual([
      'p.yaml:8:3: a condition holds exactly one of `path` with an operator, or one of all, any, not, every, some, none, count; found both "all" and "any" (combine them with all: [...])',
    ]);
  });

  it('accepts a param template wherever a value goes, checked after substitution', () => {
    const { diagnostics } = parse(
      'id: a.b\ntitle: T\nseverity: low\nresource: secret\nmessage: m\nparams: { maxAge: 90d }\nassert: { path: lastRotatedAt, within: "{{ params.maxAge }}" }\n',
    );
    expect(diagnostics).toEqual([]);
  });

  it('rejects a file that is a list, and warns on an empty file', () => {
    expect(msgs('- a\n- b\n')).toEqual([
      'p.yaml:1:1: a policy file must be a mapping: one rule (with `id`) or `rules: [...]` with an optional `policy:` id',
    ]);
    expect(msgs('\n# nothing\n')).toEqual(['p.yaml:1:1: warning: empty policy file: it holds no rules']);
  });

  it('reports unknown keys at file level', () => {
    expect(msgs('policy: acme/x\nrule: []\nrules:\n  - { id: a.b, title: T, severity: low, resource: repository, assert: { path: x, exists: true }, message: m }\n')).toEqual([
      'p.yaml:2:1: unknown key "rule" (did you mean "rules"?)',
    ]);
  });
});

describe('a directory of 1,000 policy files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'secpol-policies-'));
    for (let g = 0; g < 10; g++) {
      await mkdir(path.join(dir, `group-${g}`));
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          writeFile(
            path.join(dir, `group-${g}`, `rule-${String(i).padStart(3, '0')}.yaml`),
            [
              `id: gen.g${g}-r${i}`,
              `title: Generated rule ${g}/${i}`,
              'severity: low',
              'resource: repository',
              'params: { min: 1 }',
              'assert:',
              '  all:',
              '    - { path: branchProtection.protected, equals: true }',
              '    - { path: branchProtection.requiredApprovals, gte: "{{ params.min }}" }',
              'message: "{{ resource.name }} needs review"',
            ].join('\n'),
          ),
        ),
      );
    }
    await writeFile(path.join(dir, 'group-0', 'notes.txt'), 'not a policy');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads every file, sorted, ignoring other extensions', async () => {
    const { definitions, diagnostics } = await loadPolicyFiles([dir]);
    expect(diagnostics).toEqual([]);
    expect(definitions).toHaveLength(1000);
    expect(definitions[0]!.id).toBe('gen.g0-r0');
    expect(definitions[1]!.id).toBe('gen.g0-r1');
    expect(definitions[999]!.id).toBe('gen.g9-r99');
  });
});

describe('parsePolicyText: links', () => {
  it('accepts only http(s) help links', () => {
    const text = (uri: string) => `id: a.b\ntitle: T\nseverity: low\nresource: repository\nmessage: m\nassert: { path: fork, equals: false }\nhelpUri: "${uri}"\n`;
    expect(parsePolicyText(text('https://example.com/rules/a.b'), 'p.yaml', 'p.yaml').diagnostics).toEqual([]);
    expect(parsePolicyText(text('javascript:alert(1)'), 'p.yaml', 'p.yaml').diagnostics.map(formatDiagnostic)).toEqual(['p.yaml:7:10: "helpUri": must be an http(s) URL']);
  });
});

describe('hostile input in messages', () => {
  it('escapes terminal controls and bidi overrides in quoted keys and values', () => {
    const text = 'id: a.b\ntitle: T\nseverity: "\\e[2Jcritical"\nresource: repository\nmessage: m\nassert: { path: fork, "\\e]0;pwned\\u0007": 1 }\n"x\\u202Eevil": 1\n';
    const messages = parsePolicyText(text, 'p.yaml', 'p.yaml').diagnostics.map(formatDiagnostic);
    expect(messages).toHaveLength(3);
    for (const m of messages) {
      // eslint-disable-next-line no-control-regex -- asserting that no control character got through
      expect(m).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
    expect(messages.join('\n')).toContain('\\u001b[2Jcritical');
    expect(messages.join('\n')).toContain('unknown key "x\\u202eevil"');
  });
});

describe('loadPolicyFiles: an empty directory', () => {
  it('warns that it holds no policy files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secpol-empty-'));
    const { definitions, diagnostics } = await loadPolicyFiles([dir]);
    expect(definitions).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${dir}: warning: no policy files (*.yaml, *.yml) in this directory`]);
    await rm(dir, { recursive: true, force: true });
  });
});
