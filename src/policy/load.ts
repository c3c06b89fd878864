import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../shared/errors.js';
import { LIMITS, MAX_ERRORS_PER_FILE, sizeProblem } from '../shared/limits.js';
import { parseLocated } from '../shared/yaml-locate.js';
import { readSourceFileSync } from '../shared/source-file.js';
import { zodIssuesToDiagnostics } from '../shared/schema-diagnostics.js';
import type { DocPath, LocatedDocument } from '../shared/located-document.js';
import { PolicyFileSchema, validateRuleSpec } from './schema.js';
import type { RuleDefinition } from './schema.js';

const POLICY_EXT = /\.ya?ml$/i;

interface PolicyFile {
  file: string;
  /** The directory argument the file was found under, for its default policy id. */
  root?: string;
}

export interface LoadOptions {
  /** Base for default policy ids (the file path relative to it); defaults to process.cwd(). */
  cwd?: string;
}

/**
 * Loads policy files and directories (recursively: *.yaml and *.yml, sorted). Every bad file
 * yields located diagnostics and the other files still load; a rule that fails validation is
 * left out while the good rules of the same file are kept.
 */
export async function loadPolicyFiles(
  paths: string[],
  options: LoadOptions = {},
): Promise<{ definitions: RuleDefinition[]; diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const files: PolicyFile[] = [];
  const seen = new Set<string>();

  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      diagnostics.push({ severity: 'error', file: p, message: code === 'ENOENT' ? 'no such file or directory' : `cannot read policy path (${code ?? 'error'})` });
      continue;
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      await walk(p, found, diagnostics);
      found.sort();
      if (found.length === 0) diagnostics.push({ severity: 'warning', file: p, message: 'no policy files (*.yaml, *.yml) in this directory' });
      for (const f of found) addOnce(f, p);
    } else {
      addOnce(p, undefined);
    }
  }

  function addOnce(file: string, root: string | undefined): void {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      real = path.resolve(file);
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ file, root });
  }

  // Policy files are small and parsing is CPU-bound: plain synchronous reads are fastest.
  const definitions: RuleDefinition[] = [];
  for (const pf of files) {
    const r = loadPolicyFile(pf, cwd);
    for (const d of r.definitions) definitions.push(d);
    for (const d of r.diagnostics) diagnostics.push(d);
  }
  return { definitions, diagnostics };
}

/** The policy files under `dir` (recursively, sorted), as loadPolicyFiles finds them. */
export async function findPolicyFiles(dir: string): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  await walk(dir, files, diagnostics);
  return { files: files.sort(), diagnostics };
}

async function walk(dir: string, out: string[], diagnostics: Diagnostic[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    diagnostics.push({ severity: 'error', file: dir, message: `cannot read directory (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  const subdirs: string[] = [];
  for (const entry of entries) {
    // Hidden folders (.git) and node_modules never hold policies we mean to load.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) subdirs.push(full);
    else if ((entry.isFile() || entry.isSymbolicLink()) && POLICY_EXT.test(entry.name)) out.push(full);
  }
  for (const sub of subdirs) await walk(sub, out, diagnostics);
}

export function defaultPolicyId(file: string, root: string | undefined, cwd: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return toPosix(rel);
  if (root) return toPosix(path.join(path.basename(path.resolve(cwd, root)), path.relative(path.resolve(cwd, root), abs)));
  return path.basename(abs);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function loadPolicyFile(pf: PolicyFile, cwd: string): { definitions: RuleDefinition[]; diagnostics: Diagnostic[] } {
  const { file } = pf;
  const tooLarge = sizeProblem(file, LIMITS.policyFile, 'policy file');
  if (tooLarge) return { definitions: [], diagnostics: [tooLarge] };
  const read = readSourceFileSync(file);
  if (read.text === undefined) return { definitions: [], diagnostics: read.diagnostics };
  return parsePolicyText(read.text, file, defaultPolicyId(file, pf.root, cwd));
}

/** Parses and validates one policy document (exported for `policy validate` on stdin and for tests). */
export function parsePolicyText(text: string, file: string, defaultPolicy: string): { definitions: RuleDefinition[]; diagnostics: Diagnostic[] } {
  const doc = parseLocated(text, file);
  const diagnostics = [...doc.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { definitions: [], diagnostics };
  const value = doc.value;
  if (value === null || value === undefined) {
    diagnostics.push({ severity: 'warning', file, line: 1, column: 1, message: 'empty policy file: it holds no rules' });
    return { definitions: [], diagnostics };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      message: 'a policy file must be a mapping: one rule (with `id`) or `rules: [...]` with an optional `policy:` id',
    });
    return { definitions: [], diagnostics };
  }

  const definitions: RuleDefinition[] = [];
  const record = value as Record<string, unknown>;
  let policyId = defaultPolicy;
  let entries: { raw: unknown; prefix: DocPath }[];
  if ('rules' in record) {
    const parsed = PolicyFileSchema.safeParse(record, { reportInput: true });
    if (!parsed.success) {
      // Report the file-level problems; still validate each rule when `rules` is a list.
      diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues.filter((i) => i.path[0] !== 'rules' || i.path.length === 1), doc.locate, file, { root: record, schema: PolicyFileSchema }));
    } else if (parsed.data.policy) {
      policyId = parsed.data.policy;
    }
    entries = Array.isArray(record.rules) ? record.rules.map((raw, i) => ({ raw, prefix: ['rules', i] })) : [];
  } else {
    entries = [{ raw: record, prefix: [] }];
  }

  let errors = diagnostics.filter((d) => d.severity === 'error').length;
  for (const [index, { raw, prefix }] of entries.entries()) {
    if (errors >= MAX_ERRORS_PER_FILE) {
      // A file of thousands of broken rules: the first errors say what to fix, the rest only cost time.
      diagnostics.push({ severity: 'error', file, ...doc.locate(prefix), message: `more than ${MAX_ERRORS_PER_FILE} errors: the ${entries.length - index} rules from here on were not checked` });
      break;
    }
    const result = validateRuleSpec(raw, doc, file, prefix);
    for (const d of result.diagnostics) if (d.severity === 'error') errors++;
    for (const d of result.diagnostics) diagnostics.push(d);
    if (!result.spec) continue;
    definitions.push(makeDefinition(result.spec, policyId, file, doc, prefix));
  }
  return { definitions, diagnostics };
}

function makeDefinition(
  spec: RuleDefinition['spec'],
  policyId: string,
  file: string,
  doc: LocatedDocument,
  prefix: DocPath,
): RuleDefinition {
  const locate = (p: DocPath, target?: 'value' | 'key') => ({ file, ...doc.locate([...prefix, ...p], target) });
  return { id: spec.id, policyId, file, spec, source: locate([]), locate };
}
