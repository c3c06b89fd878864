import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { z } from 'zod';
import type { Resource } from '../../model/index.js';
import { Resource as ResourceSchema, SNAPSHOT_SCHEMA, resourceKinds } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import { formatBytes, LIMITS, sizeProblem } from '../../shared/limits.js';
import { parseLocated } from '../../shared/yaml-locate.js';
import { parseLocatedJson } from '../../shared/json-locate.js';
import { readSourceFile } from '../../shared/source-file.js';
import { zodIssuesToDiagnostics } from '../../shared/schema-diagnostics.js';
import type { ProviderImplementation } from '../contract.js';
import type { CollectResult, ProviderAdapter } from '../types.js';

// Validate the envelope first and each resource on its own, so one bad resource is reported
// at its line and the valid ones are still evaluated.
const Envelope = z.strictObject({
  schema: z.literal(SNAPSHOT_SCHEMA, { error: `"schema" must be "${SNAPSHOT_SCHEMA}"` }),
  collectedAt: z.string().optional(),
  sources: z.array(z.unknown()).optional(),
  resources: z.array(z.unknown()),
});

export async function loadStateFile(file: string, displayName: string): Promise<CollectResult> {
  const diagnostics: Diagnostic[] = [];
  const result: CollectResult = { resources: [], diagnostics, stats: {} };
  const yaml = /\.ya?ml$/i.test(file);
  const tooLarge = sizeProblem(file, yaml ? LIMITS.yamlStateFile : LIMITS.jsonStateFile, yaml ? 'YAML state file' : 'state file');
  if (tooLarge) {
    diagnostics.push({ ...tooLarge, file: displayName });
    return result;
  }
  const read = await readSourceFile(file);
  diagnostics.push(...read.diagnostics.map((d) => ({ ...d, file: displayName })));
  if (read.text === undefined) return result;

  // Above the YAML limit a .json file is JSON or nothing: the YAML fallback would take minutes on it.
  const jsonOnly = !yaml && read.text.length > LIMITS.yamlStateFile;
  const doc = yaml ? parseLocated(read.text, displayName) : jsonOnly ? parseLocatedJson(read.text, displayName, { yamlFallback: false }) : parseLocatedJson(read.text, displayName);
  if (doc === undefined) {
    diagnostics.push({ severity: 'error', file: displayName, message: `not valid JSON, and larger than the ${formatBytes(LIMITS.yamlStateFile)} limit for YAML state` });
    return result;
  }
  for (const d of doc.diagnostics) diagnostics.push(d);
  if (doc.value === undefined) return result;

  const envelope = Envelope.safeParse(doc.value);
  if (!envelope.success) {
    diagnostics.push(...zodIssuesToDiagnostics(envelope.error.issues, doc.locate, displayName, { root: doc.value }));
    return result;
  }
  const seen = new Set<string>();
  envelope.data.resources.forEach((raw, index) => {
    const parsed = ResourceSchema.safeParse(raw);
    if (!parsed.success) {
      const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
      const issues =
        typeof kind === 'string' && !(resourceKinds as readonly string[]).includes(kind)
          ? [{ code: 'custom', path: ['kind'], message: `unknown resource kind "${kind}"; known: ${resourceKinds.join(', ')}` }]
          : parsed.error.issues;
      diagnostics.push(...zodIssuesToDiagnostics(issues, doc.locate, displayName, { prefix: ['resources', index], root: raw }));
      return;
    }
    // The validated input itself rather than zod's copy of it: the resource schemas are strict
    // and have no defaults or transforms, so the two are equal (a test holds this), and keeping
    // one copy of 20,000 resources instead of two saves memory and garbage collection.
    const resource = raw as Resource;
    if (seen.has(resource.id)) {
      const at = doc.locate(['resources', index, 'id']);
      diagnostics.push({ severity: 'error', file: displayName, ...at, message: `duplicate resource id "${resource.id}"` });
      return;
    }
    seen.add(resource.id);
    result.resources.push(resource);
  });
  result.stats = { resources: result.resources.length };
  return result;
}

export const implementation: ProviderImplementation = {
  plan(spec) {
    return spec.stateFiles.map((file): ProviderAdapter => {
      const displayName = relative(process.cwd(), file) || file;
      return { name: 'snapshot', target: displayName, collect: () => loadStateFile(file, displayName) };
    });
  },
  // No credential and no API: the check is that each state file can be read.
  async doctor(spec) {
    const checks = await Promise.all(
      spec.stateFiles.map(async (file) => {
        const name = relative(process.cwd(), file) || file;
        try {
          const info = await stat(file);
          return { name, status: info.isFile() ? ('ok' as const) : ('missing' as const), detail: info.isFile() ? 'ok' : 'not a file' };
        } catch {
          return { name, status: 'missing' as const, detail: 'no such file' };
        }
      }),
    );
    return { provider: 'snapshot', endpoint: 'state files', identity: 'no credential needed', checks };
  },
};
