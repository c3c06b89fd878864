import type { Report } from '../../model/index.js';
import { annotationsOf, type Annotation } from '../annotations.js';
import { statusCounts, summaryLine } from '../common.js';
import { escapeMarkdown } from '../escape.js';
import { renderMarkdown } from '../markdown/index.js';
import { plural } from '../../shared/plural.js';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job);
 * the rest are dropped without a word. https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations
 */
export const ANNOTATIONS_PER_LEVEL = 10;
/** GitHub rejects a step summary larger than 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;
/** An annotation's message beyond this many characters is cut (GitHub shows a few lines anyway). */
const MESSAGE_LIMIT = 4000;

/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per failed or
 * not-evaluated result (error when it fails the run, warning below --fail-on), at most
 * ANNOTATIONS_PER_LEVEL of each, most severe first; a line says how many more there are, then
 * the summary line. Every value is escaped as the runner unescapes it, so no text of ours or
 * of the data can start a command of its own.
 */
export function renderGithub(report: Report): string {
  const annotations = annotationsOf(report);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0 };
  let left = 0;
  for (const a of annotations) {
    if (counts[a.level] >= ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    counts[a.level]++;
    lines.push(workflowCommand(a));
  }
  if (left > 0) {
    lines.push(
      `secpol: ${plural(left, 'more finding', 'more findings')} not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} error and ${ANNOTATIONS_PER_LEVEL} warning annotations per step. The job summary and the other report formats list them all.`,
    );
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

function workflowCommand(a: Annotation): string {
  const properties: [string, string][] = [];
  if (a.location && a.location.path !== '') {
    properties.push(['file', a.location.path.replace(/^(?:\.\/)+/, '')]);
    if (a.location.line !== undefined && a.location.line >= 1) {
      properties.push(['line', String(Math.floor(a.location.line))]);
      if (a.location.column !== undefined && a.location.column >= 1) properties.push(['col', String(Math.floor(a.location.column))]);
    }
  }
  properties.push(['title', a.title]);
  const message = a.message.length > MESSAGE_LIMIT ? `${a.message.slice(0, MESSAGE_LIMIT)}…` : a.message;
  return `::${a.level} ${properties.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')}::${escapeData(message)}`;
}

/** Workflow-command data, as @actions/core escapes it (the runner reverses exactly these). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow-command property value: data escaping plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The Markdown report for `$GITHUB_STEP_SUMMARY`, within `budget` bytes (what is left of the
 * step's 1 MiB): when the full report does not fit, the summary line and counts, and where to
 * find the rest.
 */
export function githubStepSummary(report: Report, budget = STEP_SUMMARY_LIMIT): string {
  const full = renderMarkdown(report);
  if (Buffer.byteLength(full, 'utf8') <= budget) return full;
  const lines = [`## ${escapeMarkdown(report.tool.name)} report`, '', `**${escapeMarkdown(summaryLine(report))}**`, '', '| Status | Count |', '| --- | ---: |'];
  for (const [label, n] of statusCounts(report)) lines.push(`| ${label} | ${n} |`);
  lines.push('', 'The full report is larger than a job summary may be (1 MiB); write it with `--format markdown=<file>` or `--format json=<file>` and upload it as an artifact.');
  const short = `${lines.join('\n')}\n`;
  return Buffer.byteLength(short, 'utf8') <= budget ? short : '';
}
