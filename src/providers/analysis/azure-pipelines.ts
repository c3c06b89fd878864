import { isMap, isScalar, isSeq } from 'yaml';
import type { Gaps, Pipeline } from '../../model/index.js';
import { recogniseAzureTask, recogniseCommands, scanCategories, ScanTally, type ScanCategory } from './scans-catalogue.js';
import { resolveDockerfile } from './build-commands.js';
import { buildsInScriptNode, uniqueBuilds, type ImageBuild } from './image-builds.js';
import { repositoryResources, unpinnedTemplates, type TemplateUse } from './azure-resources.js';
import { listed } from './unresolved.js';
import { isReference, knownTokenIn, looksLikeSecretName } from './secret-names.js';
import { deref, entries, get, getEntry, parseYaml, scalarText, type YamlSource } from './yaml-ast.js';
import type { ReadFile } from './types.js';

type Facts = Pick<Pipeline, 'scans' | 'scanTools' | 'plaintextSecrets' | 'unpinnedActions' | 'imageBuilds' | 'gaps'>;

const SCRIPT_KEYS = new Set(['script', 'bash', 'pwsh', 'powershell']);
const MAX_TEMPLATES = 100;

/**
 * Azure Pipelines: the YAML is walked as a tree (stages, jobs, deployment strategies and
 * steps nest in many shapes), recognising `task:` steps, script steps, `variables` and
 * step `env`/`inputs`. Local `template:` references are read and analysed with the file;
 * templates from other repositories (`x.yml@repo`) leave unfound scan categories unknown.
 */
export async function analyseAzurePipeline(path: string, root: YamlSource, readFile?: ReadFile): Promise<Facts | { malformed: string; line?: number }> {
  const top = deref(root, root.doc.contents);
  if (!isMap(top) && !isSeq(top)) return { malformed: 'a pipeline must be a mapping', line: root.line(top) ?? 1 };

  const tally = new ScanTally();
  const plaintext: NonNullable<Pipeline['plaintextSecrets']> = [];
  const unresolved: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>([path]);
  const templateUses: TemplateUse[] = [];
  const builds: ImageBuild[] = [];

  const walkFile = async (filePath: string, src: YamlSource, primary: boolean, depth: number): Promise<void> => {
    const templates: string[] = [];
    const walk = (node: unknown, level: number): void => {
      if (level > 60) return;
      const n = deref(src, node);
      if (isSeq(n)) {
        for (const item of n.items) walk(item, level + 1);
        return;
      }
      if (!isMap(n)) return;
      const task = scalarText(src, get(src, n, 'task'));
      if (task !== undefined) {
        const inputs: Record<string, string> = {};
        for (const e of entries(src, get(src, n, 'inputs'))) {
          const v = scalarText(src, e.value);
          if (v !== undefined) inputs[e.key] = v;
        }
        tally.add(recogniseAzureTask(task, inputs));
        const scriptInput = inputs.script ?? inputs.inlineScript ?? inputs.scriptSource;
        if (scriptInput) for (const r of recogniseCommands(scriptInput)) tally.add(r);
        const inputsNode = get(src, n, 'inputs');
        for (const key of ['script', 'inlineScript']) builds.push(...buildsInScriptNode(src, get(src, inputsNode, key), primary ? undefined : filePath));
        builds.push(...dockerTaskBuilds(src, task, inputsNode, inputs, primary ? undefined : filePath));
        collectSecrets(src, get(src, n, 'inputs'), plaintext, primary ? undefined : filePath);
      }
      for (const e of entries(src, n)) {
        if (SCRIPT_KEYS.has(e.key)) {
          const script = scalarText(src, e.value);
          if (script) for (const r of recogniseCommands(script)) tally.add(r);
          builds.push(...buildsInScriptNode(src, e.value, primary ? undefined : filePath));
        } else if (e.key === 'template') {
          const t = scalarText(src, e.value);
          if (t) {
            templates.push(t);
            templateUses.push({ text: t, node: e.value, src, path: primary ? undefined : filePath });
          }
        } else if (e.key === 'variables') {
          collectVariables(src, e.value, plaintext, primary ? undefined : filePath);
        } else if (e.key === 'env') {
          collectSecrets(src, e.value, plaintext, primary ? undefined : filePath);
        }
        if (e.key !== 'inputs') walk(e.value, level + 1);
      }
    };
    walk(src.doc.contents, 0);

    for (const t of templates) {
      if (t.includes('@') && !t.endsWith('@self')) {
        unresolved.push(t);
        continue;
      }
      if (t.includes('${{') || t.includes('$(')) {
        unresolved.push(t);
        continue;
      }
      // Template paths are relative to the including file, or to the repository root with a leading slash.
      const rel = t.replace(/@self$/, '');
      const target = rel.startsWith('/') ? rel.slice(1) : joinPath(dirname(filePath), rel);
      if (seen.has(target) || seen.size >= MAX_TEMPLATES || depth >= 20) continue;
      seen.add(target);
      const text = readFile ? await readFile(target) : undefined;
      if (text === undefined) {
        missing.push(target);
        continue;
      }
      const parsed = parseYaml(text);
      if (!parsed.ok) {
        missing.push(`${target}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
        continue;
      }
      await walkFile(target, parsed.source, false, depth + 1);
    }
  };
  await walkFile(path, root, true, 0);

  const gaps: Gaps = {};
  const unknown = new Set<ScanCategory>();
  if (unresolved.length > 0 || missing.length > 0) {
    const why = [
      ...listed(unresolved, (u) => `template ${u}`, 'is not in this repository', 'are not in this repository'),
      ...listed(missing, (m) => `template ${m}`, 'could not be read', 'could not be read'),
    ].join('; ');
    for (const c of scanCategories) {
      if (tally.found.has(c)) continue;
      unknown.add(c);
      gaps[`scans.${c}`] = { reason: missing.length > 0 ? 'not-found' : 'unsupported', message: why };
    }
  }
  const facts: Facts = { scans: tally.scans(unknown), scanTools: [...tally.tools].sort(), plaintextSecrets: plaintext, imageBuilds: uniqueBuilds(builds) };
  // Repository resources are declared by the pipeline itself (templates cannot declare them).
  const resources = repositoryResources(root);
  const { findings, undeclared } = unpinnedTemplates(templateUses, resources);
  const unpinned = [...[...resources.values()].flatMap((r) => (r.unpinned ? [r.unpinned] : [])), ...findings];
  if (unpinned.length > 0 || undeclared.length === 0) facts.unpinnedActions = unpinned;
  else {
    gaps.unpinnedActions = {
      reason: 'unsupported',
      message: `template ${undeclared[0]} names a repository resource this file does not declare (the pipeline that uses this template declares it)`,
    };
  }
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}

/**
 * The `Docker@2` task building with `arguments: --label org.opencontainers.image.*`; its
 * `Dockerfile` input is a path, or a glob (the default) that names no one file.
 */
function dockerTaskBuilds(src: YamlSource, task: string, inputsNode: unknown, inputs: Record<string, string>, path: string | undefined): ImageBuild[] {
  if (!/^docker@/i.test(task.trim()) || !/^(build|buildAndPush)$/i.test(inputs.command ?? 'buildAndPush')) return [];
  const args = getEntry(src, inputsNode, 'arguments');
  if (!args) return [];
  const keys = [...(inputs.arguments ?? '').matchAll(/--label[\s=]+['"]?(org\.opencontainers\.image\.[\w.-]+)=/g)].map((m) => m[1]!);
  if (keys.length === 0) return [];
  const build: ImageBuild = { labelKeys: [...new Set(keys)].sort(), via: 'Docker@2 task arguments --label' };
  const file = inputs.Dockerfile ?? inputs.dockerfile;
  const dockerfile = file && !/[*?]/.test(file) ? resolveDockerfile(file, undefined) : undefined;
  if (dockerfile !== undefined) build.dockerfile = dockerfile;
  if (path !== undefined) build.path = path;
  const pos = src.position(args.value);
  if (pos) {
    build.line = pos.line;
    build.column = pos.column;
  }
  return [build];
}

/** `variables:` as a mapping or as a list of `{name, value}` / `{group}` / `{template}`. */
function collectVariables(src: YamlSource, node: unknown, out: { key: string; line?: number }[], file: string | undefined): void {
  const n = deref(src, node);
  if (isMap(n)) {
    collectSecrets(src, n, out, file);
    return;
  }
  if (!isSeq(n)) return;
  for (const item of n.items) {
    const name = scalarText(src, get(src, item, 'name'));
    const valueNode = deref(src, get(src, item, 'value'));
    if (name === undefined || !isScalar(valueNode) || typeof valueNode.value === 'boolean' || valueNode.value === null) continue;
    const text = String(valueNode.value);
    if (isReference(text)) continue;
    if (looksLikeSecretName(name) || knownTokenIn(text)) out.push({ key: file ? `${file}: ${name}` : name, line: src.line(item) });
  }
}

function collectSecrets(src: YamlSource, node: unknown, out: { key: string; line?: number }[], file: string | undefined): void {
  for (const e of entries(src, node)) {
    const value = deref(src, e.value);
    if (!isScalar(value) || typeof value.value === 'boolean' || value.value === null) continue;
    const text = String(value.value);
    if (isReference(text)) continue;
    if (looksLikeSecretName(e.key) || knownTokenIn(text)) out.push({ key: file ? `${file}: ${e.key}` : e.key, line: src.line(e.keyNode) });
  }
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** Joins and normalises `..` without ever climbing above the repository root. */
function joinPath(dir: string, rel: string): string {
  const parts = (dir ? `${dir}/${rel}` : rel).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}
