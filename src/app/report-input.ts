import { stat } from 'node:fs/promises';
import type { Controls, Report, Result } from '../model/index.js';
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

/**
 * A JSON report as the reporters take it (in place): remediation, written once per rule, back
 * on each result; and the parts results share when `check` renders them (a rule's ids, title
 * and controls, a resource's reference) shared again, where equal, instead of held once per
 * result as JSON.parse made them. A merged org scan then holds millions of strings and objects
 * fewer, and the redactor and the writers do per-rule and per-resource work once.
 */
export function toReport(file: ReportFile): Report {
  const rules = new Map(file.rules.map((r) => [r.id, r]));
  const resources = new Map<string, Result['resource']>();
  for (const r of file.results as Result[]) {
    const rule = rules.get(r.ruleId);
    if (rule !== undefined) {
      if (rule.remediation !== undefined) r.remediation = rule.remediation;
      r.ruleId = rule.id;
      if (r.policyId === rule.policyId) r.policyId = rule.policyId;
      if (r.title === rule.title) r.title = rule.title;
      if (sameControls(r.controls, rule.controls)) r.controls = rule.controls;
    }
    const ref = resources.get(r.resource.id);
    if (ref === undefined) resources.set(r.resource.id, r.resource);
    else if (ref.kind === r.resource.kind && ref.provider === r.resource.provider && ref.name === r.resource.name) r.resource = ref;
  }
  return file as Report;
}

/** The same frameworks in the same order with the same control ids. */
function sameControls(a: Controls, b: Controls): boolean {
  const keys = Object.keys(a) as (keyof Controls)[];
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  return keys.every((key, i) => {
    const x = a[key];
    const y = b[key];
    return other[i] === key && x !== undefined && y !== undefined && x.length === y.length && x.every((id, j) => id === y[j]);
  });
}
