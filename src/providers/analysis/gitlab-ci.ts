import { isMap, isScalar, isSeq } from 'yaml';
import type { Gaps, Pipeline } from '../../model/index.js';
import {
  gitlabComponentScanners,
  gitlabDisableVariables,
  gitlabScannerJobs,
  gitlabTemplateScanners,
  recogniseCommands,
  scanCategories,
  ScanTally,
  type ScanCategory,
} from './scans-catalogue.js';
import { includeList, unpinnedInclude } from './gitlab-includes.js';
import { buildsInScriptNode, uniqueBuilds, type ImageBuild } from './image-builds.js';
import type { UnpinnedRef } from './pinning.js';
import { listed } from './unresolved.js';
import { isReference, knownTokenIn, looksLikeSecretName } from './secret-names.js';
import { asSeqItems, deref, entries, get, parseYaml, scalarText, type YamlSource } from './yaml-ast.js';
import type { ReadFile } from './types.js';

type Facts = Pick<Pipeline, 'scans' | 'scanTools' | 'plaintextSecrets' | 'unpinnedActions' | 'imageBuilds' | 'gaps'>;

/** GitLab-maintained template folders whose jobs are known: the scanners among them are in the catalogue, the rest scan nothing. */
const KNOWN_TEMPLATE_FOLDERS = /^(Security|Jobs|Workflows)\//;

const KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'types',
  'pages',
  'spec',
]);
const MAX_INCLUDE_DEPTH = 10;
const MAX_INCLUDES = 150; // GitLab's own limit

interface Unit {
  path: string;
  src: YamlSource;
}

/**
 * GitLab CI: security templates and components in `include:`, scanner commands in job
 * scripts (local `include:`s are read and analysed as part of this pipeline), and secret
 * variables with literal values. Includes that cannot be read from the repository (project,
 * remote, wildcard) leave the categories we did not find unknown rather than false.
 */
export async function analyseGitlabCi(path: string, root: YamlSource, readFile?: ReadFile): Promise<Facts | { malformed: string; line?: number }> {
  const top = deref(root, root.doc.contents);
  if (top !== null && top !== undefined && !isMap(top)) return { malformed: '.gitlab-ci.yml must be a mapping', line: root.line(top) ?? 1 };

  const tally = new ScanTally();
  const plaintext: NonNullable<Pipeline['plaintextSecrets']> = [];
  const unresolved: string[] = [];
  const missing: string[] = [];
  const units: Unit[] = [{ path, src: root }];
  const seen = new Set<string>([path]);
  const disabled = new Set<ScanCategory>();
  const unpinned: UnpinnedRef[] = [];
  const builds: ImageBuild[] = [];
  const scriptsOf = (unit: Unit, node: unknown): void => {
    tallyScripts(unit.src, node, tally);
    builds.push(...buildsInScriptNode(unit.src, node, unit === units[0] ? undefined : unit.path));
  };

  const visit = async (unit: Unit, depth: number): Promise<void> => {
    const includes = includeList(unit.src, get(unit.src, unit.src.doc.contents, 'include'));
    for (const inc of includes) {
      const finding = unpinnedInclude(unit.src, inc, unit === units[0] ? undefined : unit.path);
      if (finding) unpinned.push(finding);
      if (inc.template) {
        const t = gitlabTemplateScanners.find((s) => s.template.test(inc.template!));
        if (t) tally.add({ tool: t.tool, categories: t.categories });
        // Other templates (language and deployment templates) may include scanners of their own.
        else if (!KNOWN_TEMPLATE_FOLDERS.test(inc.template)) unresolved.push(`template ${inc.template}`);
      } else if (inc.component) {
        const hits = gitlabComponentScanners.filter((c) => c.component.test(inc.component!));
        for (const h of hits) tally.add({ tool: inc.component.replace(/@.*$/, ''), categories: h.categories });
        if (hits.length === 0) unresolved.push(`component ${inc.component}`);
      } else if (inc.local) {
        const localPath = inc.local.replace(/^\/+/, '');
        if (/[*?[]/.test(localPath)) {
          unresolved.push(`local ${inc.local} (wildcard)`);
          continue;
        }
        if (seen.has(localPath) || seen.size >= MAX_INCLUDES || depth >= MAX_INCLUDE_DEPTH) continue;
        seen.add(localPath);
        const text = readFile ? await readFile(localPath) : undefined;
        if (text === undefined) {
          missing.push(localPath);
          continue;
        }
        const parsed = parseYaml(text);
        if (!parsed.ok) {
          missing.push(`${localPath}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
          continue;
        }
        const child: Unit = { path: localPath, src: parsed.source };
        units.push(child);
        await visit(child, depth + 1);
      } else if (inc.project !== undefined) {
        unresolved.push(`project ${inc.project}`);
      } else if (inc.remote !== undefined) {
        unresolved.push(`remote ${inc.remote}`);
      } else if (inc.other) {
        unresolved.push(inc.other);
      }
    }
  };
  await visit(units[0]!, 0);

  // Jobs across the file and its local includes; hidden jobs (`.name`) only run through `extends`.
  const jobs = new Map<string, { unit: Unit; node: unknown }>();
  for (const unit of units) {
    for (const e of entries(unit.src, unit.src.doc.contents)) {
      if (!KEYWORDS.has(e.key) && isMap(e.value)) jobs.set(e.key, { unit, node: e.value });
    }
    const globalVars = get(unit.src, unit.src.doc.contents, 'variables');
    collectVariables(unit, globalVars, plaintext, unit === units[0]);
    for (const v of entries(unit.src, globalVars)) {
      const cat = gitlabDisableVariables[v.key];
      const value = scalarText(unit.src, isMap(v.value) ? get(unit.src, v.value, 'value') : v.value);
      if (cat && value && /^(true|1|yes)$/i.test(value.trim())) disabled.add(cat);
    }
    for (const key of ['before_script', 'after_script']) scriptsOf(unit, get(unit.src, unit.src.doc.contents, key));
    const dflt = get(unit.src, unit.src.doc.contents, 'default');
    for (const key of ['before_script', 'after_script']) scriptsOf(unit, get(unit.src, dflt, key));
  }
  for (const [name, job] of jobs) {
    collectVariables(job.unit, get(job.unit.src, job.node, 'variables'), plaintext, job.unit === units[0]);
    // Child pipelines (`trigger: include:`) run included code too.
    for (const inc of includeList(job.unit.src, get(job.unit.src, get(job.unit.src, job.node, 'trigger'), 'include'))) {
      const finding = unpinnedInclude(job.unit.src, inc, job.unit === units[0] ? undefined : job.unit.path);
      if (finding) unpinned.push(finding);
    }
    if (name.startsWith('.')) continue;
    for (const part of withExtends(jobs, name)) {
      for (const key of ['script', 'before_script', 'after_script']) scriptsOf(part.unit, get(part.unit.src, part.node, key));
    }
  }
  for (const cat of disabled) {
    // Kept when the repository re-declares the scanner's job with rules of its own.
    const redeclared = [...jobs].some(([name, job]) => gitlabScannerJobs[cat].test(name) && get(job.unit.src, job.node, 'rules') !== undefined);
    if (redeclared && tally.found.has(cat)) disabled.delete(cat);
    else tally.remove(cat);
  }

  const gaps: Gaps = {};
  const unknown = new Set<ScanCategory>();
  if (unresolved.length > 0 || missing.length > 0) {
    const why = [
      ...listed(unresolved, (u) => `include ${u}`, 'is not in this repository (secpol cannot tell which jobs it adds)', 'are not in this repository (secpol cannot tell which jobs they add)'),
      ...listed(missing, (m) => `local include ${m}`, 'could not be read', 'could not be read'),
    ].join('; ');
    for (const c of scanCategories) {
      if (tally.found.has(c) || disabled.has(c)) continue;
      unknown.add(c);
      gaps[`scans.${c}`] = { reason: missing.length > 0 ? 'not-found' : 'unsupported', message: why };
    }
  }
  const facts: Facts = { scans: tally.scans(unknown), scanTools: [...tally.tools].sort(), plaintextSecrets: plaintext, unpinnedActions: unpinned, imageBuilds: uniqueBuilds(builds) };
  if (Object.keys(gaps).length > 0) facts.gaps = gaps;
  return facts;
}

/** The job and every template it extends (depth-limited, cycles ignored). */
function withExtends(jobs: Map<string, { unit: Unit; node: unknown }>, name: string): { unit: Unit; node: unknown }[] {
  const out: { unit: Unit; node: unknown }[] = [];
  const seen = new Set<string>();
  const walk = (n: string, depth: number): void => {
    const job = jobs.get(n);
    if (!job || seen.has(n) || depth > 11) return;
    seen.add(n);
    out.push(job);
    const ext = deref(job.unit.src, get(job.unit.src, job.node, 'extends'));
    const parents = isSeq(ext) ? ext.items.map((i) => scalarText(job.unit.src, i)) : [scalarText(job.unit.src, ext)];
    for (const p of parents) if (p) walk(p, depth + 1);
  };
  walk(name, 0);
  return out;
}

function tallyScripts(src: YamlSource, node: unknown, tally: ScanTally): void {
  const n = deref(src, node);
  const lines = isSeq(n) ? (asSeqItems(src, n) ?? []).flatMap((i) => (isSeq(i) ? i.items.map((x) => scalarText(src, x)) : [scalarText(src, i)])) : [scalarText(src, n)];
  const script = lines.filter((l): l is string => l !== undefined).join('\n');
  if (script) for (const r of recogniseCommands(script)) tally.add(r);
}

function collectVariables(unit: Unit, node: unknown, out: { key: string; line?: number }[], primary: boolean): void {
  for (const e of entries(unit.src, node)) {
    const valueNode = isMap(e.value) ? get(unit.src, e.value, 'value') : e.value;
    const value = deref(unit.src, valueNode);
    if (!isScalar(value) || typeof value.value === 'boolean' || value.value === null) continue;
    const text = String(value.value);
    if (isReference(text) || /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/.test(text)) continue;
    if (looksLikeSecretName(e.key) || knownTokenIn(text)) {
      // Findings in included files name the file, since the line belongs to it.
      out.push(primary ? { key: e.key, line: unit.src.line(e.keyNode) } : { key: `${unit.path}: ${e.key}`, line: unit.src.line(e.keyNode) });
    }
  }
}
