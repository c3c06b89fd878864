import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { Resource, Snapshot, frameworks, resourceKinds } from '../../src/model/index.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const builtinDir = join(repoRoot, 'policies', 'builtin');
const rulesDocDir = join(repoRoot, 'docs', 'rules');

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

interface RawRule {
  id: string;
  resource: string;
  severity: string;
  controls?: Record<string, string[]>;
  examples?: { name?: string; expect: string; resource: Record<string, unknown> }[];
}

const policyFiles = listYaml(builtinDir);
const rawRules = policyFiles.map((file) => ({ file: relative(repoRoot, file), rule: parse(readFileSync(file, 'utf8')) as RawRule }));

/** Rule ids of a Markdown table whose first column links each rule as [`area.name`](...). */
function tableRuleIds(markdown: string): string[] {
  return [...markdown.matchAll(/^\| \[`([a-z]+\.[a-z0-9-]+)`\]/gm)].map((m) => m[1]!);
}

describe('built-in pack: files and metadata', () => {
  it('has one rule per file, named <area>/<rule-id>.yaml', () => {
    expect(rawRules.length).toBeGreaterThanOrEqual(40);
    for (const { file, rule } of rawRules) {
      expect(file.endsWith(`/${rule.id}.yaml`), file).toBe(true);
      expect(resourceKinds as readonly string[], `${rule.id} resource`).toContain(rule.resource);
    }
    const ids = rawRules.map((r) => r.rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('parity: policies/builtin, docs/rules pages, the docs/rules index and the README table hold the same rule ids', () => {
    const builtin = new Set(rawRules.map((r) => r.rule.id));
    const index = tableRuleIds(readFileSync(join(rulesDocDir, 'README.md'), 'utf8'));
    const readme = tableRuleIds(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
    const docs = new Set(
      readdirSync(rulesDocDir)
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
        .map((f) => f.slice(0, -3)),
    );
    expect(builtin.size).toBeGreaterThanOrEqual(40);
    expect([...docs].sort()).toEqual([...builtin].sort());
    expect([...index].sort()).toEqual([...builtin].sort());
    expect([...readme].sort()).toEqual([...builtin].sort());
  });

  it('docs/rules is what scripts/gen-rule-docs.mjs generates from the YAML', () => {
    expect(() => execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-rule-docs.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it.each(rawRules.map((r) => [r.rule.id, r.rule] as const))('%s maps SOC 2 and ISO 27001 controls, only known frameworks', (_id, rule) => {
    const controls = rule.controls ?? {};
    expect(controls.soc2?.length ?? 0).toBeGreaterThan(0);
    expect(controls.iso27001?.length ?? 0).toBeGreaterThan(0);
    for (const [framework, ids] of Object.entries(controls)) {
      expect(frameworks as readonly string[]).toContain(framework);
      expect(ids.length).toBeGreaterThan(0);
    }
    for (const id of controls.soc2 ?? []) expect(id).toMatch(/^(CC[1-9]\.\d+|A1\.[1-3]|C1\.[12]|PI1\.[1-5]|P[1-8]\.\d)$/);
    for (const id of controls.iso27001 ?? []) expect(id).toMatch(/^A\.(5\.([1-9]|[1-3]\d)|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[1-2]\d|3[0-4]))$/);
    for (const id of controls['cis-ssc'] ?? []) expect(id).toMatch(/^[1-5]\.[1-5]\.\d{1,2}$/);
    for (const id of controls['nist-ssdf'] ?? []) expect(id).toMatch(/^(PO|PS|PW|RV)\.\d\.\d$/);
  });

  it('supply-chain rules also map CIS SSC and NIST SSDF', () => {
    for (const { rule } of rawRules) {
      if (/^(branch|ci|code|repo|container)\./.test(rule.id) && rule.id !== 'container.non-root') {
        expect(rule.controls?.['cis-ssc']?.length ?? 0, rule.id).toBeGreaterThan(0);
      }
      if (/^(branch|ci|code|repo|org|container|deploy|secrets|tokens)\./.test(rule.id)) {
        expect(rule.controls?.['nist-ssdf']?.length ?? 0, rule.id).toBeGreaterThan(0);
      }
    }
  });

  const examples = rawRules.flatMap(({ rule }) =>
    (rule.examples ?? []).map((ex, i) => [`${rule.id} #${i + 1} ${ex.name ?? ex.expect}`, rule, ex] as const),
  );

  it.each(rawRules.map((r) => [r.rule.id, r.rule] as const))('%s has pass, fail and unknown examples', (_id, rule) => {
    const expects = new Set((rule.examples ?? []).map((e) => e.expect));
    expect(expects.has('pass')).toBe(true);
    expect(expects.has('fail')).toBe(true);
    expect(expects.has('skip') || expects.has('error')).toBe(true);
  });

  it.each(examples)('example resource is a valid %s', (_name, rule, ex) => {
    const resource = { id: `example:${rule.id}`, kind: rule.resource, provider: 'example', name: 'example', ...ex.resource };
    const parsed = Resource.safeParse(resource);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  });
});

describe('state fixtures', () => {
  it.each(['good-org.json', 'bad-org.json'])('%s validates against the Snapshot schema', (name) => {
    const data: unknown = JSON.parse(readFileSync(join(repoRoot, 'fixtures', 'states', name), 'utf8'));
    const parsed = Snapshot.safeParse(data);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
    if (parsed.success) {
      const ids = parsed.data.resources.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      const kinds = new Set(parsed.data.resources.map((r) => r.kind));
      for (const kind of resourceKinds) expect(kinds, kind).toContain(kind);
    }
  });
});

/** Field names of a zod object schema and of the objects nested in it (arrays and optionals unwrapped). */
function fieldNames(schema: z.ZodType, out: Set<string> = new Set()): Set<string> {
  let def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> } }).def;
  while ((def.type === 'optional' || def.type === 'nullable') && def.innerType) {
    def = (def.innerType as unknown as { def: typeof def }).def;
  }
  if (def.type === 'array' && def.element) return fieldNames(def.element, out);
  if (def.type === 'object' && def.shape) {
    for (const [name, child] of Object.entries(def.shape)) {
      out.add(name);
      fieldNames(child, out);
    }
  }
  return out;
}

describe('docs/model.md', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'model.md'), 'utf8');
  const kinds = (Resource as unknown as { options: z.ZodType[] }).options;

  it.each(kinds.map((k) => [(k as unknown as { shape: { kind: { value: string } } }).shape.kind.value, k] as const))(
    'documents the %s kind and every one of its fields',
    (kind, schema) => {
      expect(doc).toContain(`## \`${kind}\``);
      const missing = [...fieldNames(schema)].filter((name) => !new RegExp(`\\b${name}\\b`).test(doc));
      expect(missing).toEqual([]);
    },
  );
});
