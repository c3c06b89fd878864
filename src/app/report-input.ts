import { stat } from 'node:fs/promises';
import type { Report, Result } from '../model/index.js';
import { BaselineFile, ReportFile, SNAPSHOT_SCHEMA } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { parseLocatedJson } from '../shared/json-locate.js';
import { readSourceFile } from '../shared/source-file.js';
import { zodIssuesToDiagnostics } from '../shared/schema-diagnostics.js';

/** Larger inputs are refused rather than risk exhausting memory on hostile input. */
const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

/** What `baseline`, `diff` and `merge` accept, told apart by their envelope. */
export type RunInput = { kind: 'report'; report: Report } | { kind: 'baseline'; baseline: BaselineFile } | { kind: 'snapshot' };

/**
 * Reads a JSON report, a baseline file or (recognised only) a snapshot; anything else, or an
 * invalid one, is a UserError located at file:line:column.
 */
export async function readRunInput(file: string, displayName: string): Promise<RunInput> {
  const size = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  if (size > MAX_INPUT_BYTES) throw new UserError([{ severity: 'error', file: displayName, message: `larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB` }]);
  const read = await readSourceFile(file);
  if (read.text === undefined) throw new UserError(read.diagnostics.map((d) => ({ ...d, file: displayName })));
  const doc = parseLocatedJson(read.text, displayName);
  if (doc.diagnostics.some((d) => d.severity === 'error')) throw new UserError(doc.diagnostics);
  const value = doc.value;
  const schema = value && typeof value === 'object' && !Array.isArray(value) ? (value as { schema?: unknown }).schema : undefined;
  if (schema === SNAPSHOT_SCHEMA) return { kind: 'snapshot' };
  if (typeof schema === 'string' && schema.startsWith('secpol/baseline@')) {
    const parsed = BaselineFile.safeParse(value);
    if (!parsed.success) throw new UserError(zodIssuesToDiagnostics(parsed.error.issues, doc.locate, displayName, { root: value, schema: BaselineFile }));
    return { kind: 'baseline', baseline: parsed.data };
  }
  if (schema !== undefined || !value || typeof value !== 'object' || !('results' in value)) {
    throw new UserError([{ severity: 'error', file: displayName, line: 1, column: 1, message: 'not a secpol JSON report, baseline or snapshot' }]);
  }
  const parsed = ReportFile.safeParse(value);
  if (!parsed.success) throw new UserError(zodIssuesToDiagnostics(parsed.error.issues.slice(0, 20), doc.locate, displayName, { root: value }));
  // The validated input itself, not zod's copy of it: a merged org scan holds millions of
  // objects, and the writers read only the fields validated here.
  return { kind: 'report', report: toReport(value as ReportFile) };
}

/** A JSON report as the reporters take it: remediation, written once per rule, back on each result (in place). */
export function toReport(file: ReportFile): Report {
  const remediation = new Map(file.rules.map((r) => [r.id, r.remediation]));
  for (const r of file.results as Result[]) {
    const fix = remediation.get(r.ruleId);
    if (fix !== undefined) r.remediation = fix;
  }
  return file as Report;
}
