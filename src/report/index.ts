import type { Report } from '../model/index.js';
import { renderAzure } from './azure/index.js';
import { renderCodeQuality, renderCodeQualityChunks } from './codequality/index.js';
import { renderGithub } from './github/index.js';
import { renderHtml, renderHtmlChunks } from './html/index.js';
import { renderJson, renderJsonChunks } from './json/index.js';
import { renderJunit, renderJunitChunks } from './junit/index.js';
import { renderMarkdown } from './markdown/index.js';
import { renderSarif, renderSarifChunks } from './sarif/index.js';
import { renderText, renderTextChunks } from './text/index.js';

export const reportFormats = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'github', 'codequality', 'azure'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface RenderOptions {
  /** text: ANSI colours (the CLI decides from TTY, --no-color, NO_COLOR). Default false. */
  color?: boolean;
  /** text: list passes, skips with reasons and waived results. Default false. */
  verbose?: boolean;
  /** text: wrap at this many columns. */
  width?: number;
  /** sarif: `--sarif-all` (passes, waived, errors and skips too). Default false. */
  sarifAll?: boolean;
  /** sarif: file that settings findings point at; defaults to `report.anchorFile`, then `secpol.yaml`. */
  anchorFile?: string;
  /** markdown: size cap in characters (default fits a PR comment). */
  markdownLimit?: number;
  /** markdown: a full report written in the same run, named when rows are left out. */
  fullReport?: string;
}

export function isReportFormat(value: string): value is ReportFormat {
  return (reportFormats as readonly string[]).includes(value);
}

/** Renders `report` in `format`; every renderer is a pure function of its arguments. */
export function renderReport(format: ReportFormat, report: Report, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color ?? false, verbose: options.verbose ?? false, ...(options.width ? { width: options.width } : {}) });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { all: options.sarifAll ?? false, ...(options.anchorFile ? { anchorFile: options.anchorFile } : {}) });
    case 'junit':
      return renderJunit(report);
    case 'markdown':
      return renderMarkdown(report, {
        ...(options.markdownLimit !== undefined ? { limit: options.markdownLimit } : {}),
        ...(options.fullReport ? { fullReport: options.fullReport } : {}),
      });
    case 'html':
      return renderHtml(report);
    case 'github':
      return renderGithub(report);
    case 'codequality':
      return renderCodeQuality(report);
    case 'azure':
      return renderAzure(report);
  }
}

/**
 * The same text as `renderReport`, in pieces to be written one after the other; the large
 * formats (JSON, SARIF, JUnit, text, HTML) stream by record so the whole document never sits in memory as one string.
 * Joining the pieces gives exactly `renderReport(format, report, options)`.
 */
export function renderReportChunks(format: ReportFormat, report: Report, options: RenderOptions = {}): Iterable<string> {
  switch (format) {
    case 'json':
      return renderJsonChunks(report);
    case 'junit':
      return renderJunitChunks(report);
    case 'html':
      return renderHtmlChunks(report);
    case 'codequality':
      return renderCodeQualityChunks(report);
    case 'sarif':
      return renderSarifChunks(report, { all: options.sarifAll ?? false, ...(options.anchorFile ? { anchorFile: options.anchorFile } : {}) });
    case 'text':
      return renderTextChunks(report, { color: options.color ?? false, verbose: options.verbose ?? false, ...(options.width ? { width: options.width } : {}) });
    default:
      return [renderReport(format, report, options)];
  }
}

export { renderAzure } from './azure/index.js';
export { renderCodeQuality, renderCodeQualityChunks, type CodeQualityIssue } from './codequality/index.js';
export { githubStepSummary, renderGithub, STEP_SUMMARY_LIMIT } from './github/index.js';
export { renderComplianceExport, type ExportFormat } from './export/index.js';
export { renderHtml, renderHtmlChunks } from './html/index.js';
export { renderJson, renderJsonChunks } from './json/index.js';
export { renderJunit, renderJunitChunks } from './junit/index.js';
export { renderMarkdown } from './markdown/index.js';
export { renderSarif, renderSarifChunks, type SarifOptions } from './sarif/index.js';
export { renderText, renderTextChunks, type TextOptions } from './text/index.js';
/** The one-line verdict the text report ends with (for `--quiet` output). */
export { summaryLine } from './common.js';
