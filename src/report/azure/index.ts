import type { Report } from '../../model/index.js';
import { annotationsOf, type Annotation } from '../annotations.js';
import { atOrAbove, summaryLine } from '../common.js';

/**
 * Azure Pipelines logging commands: one `##vso[task.logissue]` per failed or not-evaluated
 * result (type=error when it fails the run, warning below --fail-on), the summary line, and
 * `##vso[task.complete result=Failed]` only when the run fails. Values are escaped as
 * azure-pipelines-task-lib escapes them (the agent reverses exactly these), so data cannot end
 * a property list or start a command.
 */
export function renderAzure(report: Report): string {
  const lines = annotationsOf(report).map(logIssue);
  const summary = summaryLine(report);
  lines.push(summary);
  if (runFails(report)) lines.push(`##vso[task.complete result=Failed;]${escapeData(summary)}`);
  return `${lines.join('\n')}\n`;
}

/** The run fails (exit code 1 or 2) when a failure or an error is at or above --fail-on, or an error diagnostic was recorded. */
function runFails(report: Report): boolean {
  const deciding = report.results.filter((r) => r.status === 'fail' || r.status === 'error');
  return atOrAbove(deciding, report.failOn).length > 0 || report.diagnostics.some((d) => d.severity === 'error');
}

function logIssue(a: Annotation): string {
  const properties: [string, string][] = [['type', a.level]];
  if (a.location && a.location.path !== '') {
    properties.push(['sourcepath', a.location.path.replace(/^(?:\.\/)+/, '')]);
    if (a.location.line !== undefined && a.location.line >= 1) {
      properties.push(['linenumber', String(Math.floor(a.location.line))]);
      if (a.location.column !== undefined && a.location.column >= 1) properties.push(['columnnumber', String(Math.floor(a.location.column))]);
    }
  }
  properties.push(['code', a.result.ruleId]);
  const head = properties.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(';');
  return `##vso[task.logissue ${head};]${escapeData(`${a.title}: ${a.message}`)}`;
}

/** Logging-command data: `%`, CR and LF (task-lib's escapedata). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A logging-command property value: data escaping plus `]` and `;`, which end the property list (task-lib's escape). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/]/g, '%5D').replace(/;/g, '%3B');
}
