import type * as Sarif from 'sarif';
import type { Report, ReportDiagnostic, Result, ResultLocation, RuleMeta, Severity } from '../../model/index.js';
import { frameworks } from '../../model/index.js';
import { compareResults, PieceBuffer } from '../common.js';
import { escapeMarkdown, isHttpUrl, oneLine, stripControl, trustedMarkdown } from '../escape.js';
import { FINGERPRINT_KEY, findingSites, normalisePath, siteFingerprints } from '../fingerprint.js';
import { plural } from '../../shared/plural.js';

export interface SarifOptions {
  /** `--sarif-all`: add passes, waived results, errors and skips (for compliance archives). */
  all: boolean;
  /** Where settings findings without a file point; defaults to `report.anchorFile`, then `secpol.yaml`. */
  anchorFile?: string;
}

/** GitHub code scanning rejects a run with more results than this. */
export const MAX_RESULTS_PER_RUN = 25_000;
/** GitHub code scanning rejects a rule with more tags than this. */
export const MAX_TAGS_PER_RULE = 20;
export const FALLBACK_ANCHOR = 'secpol.yaml';
export { FINGERPRINT_KEY };
/**
 * The rule under which the default log reports results that could not be evaluated: as
 * `note`s of their own rule (no `security-severity`), so a blind spot shows in code scanning
 * without passing for a high-severity vulnerability under the rule it could not check.
 */
export const NOT_EVALUATED_RULE = 'secpol.not-evaluated';
const SRCROOT = '%SRCROOT%';

const securitySeverity: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const levelOf: Record<Severity, Sarif.Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. By default only `fail`
 * results are written (GitHub ignores `kind` and `suppressions`), each with a file location:
 * one result per located evidence item, and settings findings anchored at the config or policy
 * file, line 1, with the real resource in `properties`.
 */
export function renderSarif(report: Report, options: SarifOptions): string {
  return [...renderSarifChunks(report, options)].join('');
}

const RESULTS_SLOT = '\u0000results';

/**
 * The same log as `renderSarif`, in pieces: the results are made into SARIF objects and
 * written one at a time (indented as they would be inside the whole log), so the log never
 * sits in memory as objects and then as one string.
 */
export function* renderSarifChunks(report: Report, options: SarifOptions): Generator<string, void, undefined> {
  const anchor = normalisePath(options.anchorFile ?? report.anchorFile ?? FALLBACK_ANCHOR) || FALLBACK_ANCHOR;
  // GitHub ignores baselineState: by default only failures that are not in the baseline go in,
  // and results that could not be evaluated (as notes of their own rule).
  const selected = report.results.filter((r) => options.all || (r.status === 'fail' && r.baseline !== 'existing') || r.status === 'error').sort(compareResults);
  const { rules, indexOf } = buildRules(report, !options.all && selected.some((r) => r.status === 'error'));
  // What will be written (up to the cap), and how many there are in all.
  const kept: { r: Result; entry: Entry }[] = [];
  let total = 0;
  for (const r of selected) {
    for (const entry of expand(r, anchor)) {
      if (total < MAX_RESULTS_PER_RUN) kept.push({ r, entry });
      total++;
    }
  }

  const notifications: Sarif.Notification[] = report.diagnostics.map(toNotification);
  if (total > MAX_RESULTS_PER_RUN) {
    const omitted = total - MAX_RESULTS_PER_RUN;
    notifications.push({
      level: 'warning',
      message: {
        text: `${plural(omitted, 'result', 'results')} left out: GitHub code scanning accepts at most ${MAX_RESULTS_PER_RUN} results per run; the most severe were kept. Use --format json for the full list.`,
      },
      properties: { omittedResults: omitted },
    });
  }

  const invocation: Sarif.Invocation = {
    executionSuccessful: !report.diagnostics.some((d) => d.severity === 'error'),
    ...(isDateTime(report.startedAt) ? { startTimeUtc: report.startedAt } : {}),
    ...(isDateTime(report.finishedAt) ? { endTimeUtc: report.finishedAt } : {}),
    toolExecutionNotifications: notifications,
  };

  const log: Sarif.Log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: text(report.tool.name),
            version: text(report.tool.version),
            ...(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
            rules,
          },
        },
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results: RESULTS_SLOT as unknown as Sarif.Result[],
        properties: {
          failOn: report.failOn,
          summary: { ...report.summary },
          sarifAll: options.all,
        },
      },
    ],
  };
  const pretty = JSON.stringify(log, null, 2);
  const slot = JSON.stringify(RESULTS_SLOT);
  const at = pretty.indexOf(slot);
  if (kept.length === 0) {
    yield `${pretty.slice(0, at)}[]${pretty.slice(at + slot.length)}\n`;
    return;
  }
  // Each result indented one level deeper than the line holding "results".
  const lineStart = pretty.lastIndexOf('\n', at) + 1;
  const indent = `${/^ */.exec(pretty.slice(lineStart, at))?.[0] ?? ''}  `;
  const pieces = new PieceBuffer();
  yield* pieces.add(`${pretty.slice(0, at)}[`);
  for (let i = 0; i < kept.length; i++) {
    const { r, entry } = kept[i]!;
    const result = !options.all && r.status === 'error' ? notEvaluatedResult(r, entry, indexOf(NOT_EVALUATED_RULE)) : toSarifResult(r, entry, indexOf(r.ruleId), report.baseline !== undefined);
    const item = JSON.stringify(result, null, 2).replace(/\n/g, `\n${indent}`);
    yield* pieces.add(`${i === 0 ? '' : ','}\n${indent}${item}`);
  }
  yield* pieces.add(`\n${indent.slice(2)}]${pretty.slice(at + slot.length)}\n`);
  yield pieces.take();
}

/** Strings in SARIF: no terminal control sequences, newlines kept. */
function text(value: string): string {
  return stripControl(value);
}

/** Identifiers (rule and resource ids) on one line. */
function ident(value: string): string {
  return oneLine(stripControl(value));
}

function buildRules(report: Report, withNotEvaluated: boolean): { rules: Sarif.ReportingDescriptor[]; indexOf: (id: string) => number } {
  const metas = new Map<string, RuleMeta>();
  for (const rule of report.rules) if (!metas.has(rule.id)) metas.set(rule.id, rule);
  // A result whose rule metadata is missing still needs a descriptor: GitHub rejects unknown rule ids.
  for (const r of report.results) {
    if (metas.has(r.ruleId)) continue;
    metas.set(r.ruleId, {
      id: r.ruleId,
      policyId: r.policyId,
      title: r.title,
      severity: r.severity,
      kind: r.resource.kind,
      remediation: r.remediation,
      controls: r.controls,
      tags: [],
      source: { file: '', line: 0, column: 0 },
    });
  }
  const ids = [...metas.keys()];
  if (withNotEvaluated && !metas.has(NOT_EVALUATED_RULE)) ids.push(NOT_EVALUATED_RULE);
  ids.sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => (metas.has(id) ? toDescriptor(metas.get(id) as RuleMeta) : notEvaluatedDescriptor()));
  return { rules, indexOf: (id) => index.get(id) ?? -1 };
}

function controlTags(controls: RuleMeta['controls']): string[] {
  const tags: string[] = [];
  for (const fw of frameworks) for (const id of controls[fw] ?? []) tags.push(`${fw}/${oneLine(text(id))}`);
  return tags;
}

function toDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const title = oneLine(text(rule.title)) || rule.id;
  const description = rule.description ? text(rule.description) : title;
  const remediation = rule.remediation ? text(rule.remediation) : undefined;
  const tags = [...new Set(['security', ...rule.tags.map((t) => oneLine(text(t))).filter(Boolean), ...controlTags(rule.controls)])].slice(0, MAX_TAGS_PER_RULE);

  const md: string[] = [`**${escapeMarkdown(title)}**`];
  if (rule.description) md.push(trustedMarkdown(rule.description));
  // The remediation is the policy author's Markdown: shown as written, not escaped into literal `\*\*`.
  if (remediation) md.push('**Remediation:**', trustedMarkdown(remediation));
  const controls = controlTags(rule.controls);
  if (controls.length > 0) md.push(`**Controls:** ${controls.map(escapeMarkdown).join(', ')}`);

  return {
    id: ident(rule.id),
    name: ident(rule.id),
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: remediation ?? description,
      markdown: md.join('\n\n'),
    },
    ...(isHttpUrl(rule.helpUri) ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: levelOf[rule.severity] },
    properties: {
      tags,
      precision: 'high',
      'security-severity': securitySeverity[rule.severity],
      'problem.severity': rule.severity === 'low' ? 'recommendation' : levelOf[rule.severity],
      policyId: text(rule.policyId),
      resourceKind: rule.kind,
    },
  };
}

interface Entry {
  location: ResultLocation;
  /** True when the location is the anchor file standing in for a settings finding. */
  anchored: boolean;
  evidence?: string;
  context?: string;
  fingerprint: string;
}

/** One SARIF result per finding site; a site without a file points at the anchor file, line 1. */
function expand(r: Result, anchor: string): Entry[] {
  const sites = findingSites(r);
  const fingerprints = siteFingerprints(r, sites);
  return sites.map((site, i) => ({
    location: site.location ?? { path: anchor, line: 1 },
    anchored: site.location === undefined,
    ...(site.evidence !== undefined ? { evidence: site.evidence } : {}),
    ...(site.context !== undefined ? { context: site.context } : {}),
    fingerprint: fingerprints[i]!,
  }));
}

function messageFor(r: Result, entry: Entry): string {
  let message = oneLine(text(r.message)) || oneLine(text(r.title));
  if (entry.evidence) message += `: ${oneLine(text(entry.evidence))}`;
  if ((r.status === 'error' || r.status === 'skip') && r.reason) message += ` (${r.status === 'skip' ? 'skipped' : 'not evaluated'}: ${oneLine(text(r.reason))})`;
  if (r.status === 'waived' && r.waiver) message += ` (waived until ${oneLine(text(r.waiver.expires))}: ${oneLine(text(r.waiver.reason))})`;
  if (entry.anchored) message += ` [resource: ${ident(r.resource.id)}]`;
  return message;
}

function notEvaluatedDescriptor(): Sarif.ReportingDescriptor {
  const text = 'A rule could not be evaluated: secpol lacked the data (a permission, a 404, a timeout, a malformed response) to decide. It is not a pass.';
  return {
    id: NOT_EVALUATED_RULE,
    name: NOT_EVALUATED_RULE,
    shortDescription: { text: 'A rule could not be evaluated' },
    fullDescription: { text },
    help: {
      text: `${text} The message names the rule, the resource and the reason; grant the access it needs (secpol doctor lists what each provider lacks) or fix the input.`,
      markdown: `${escapeMarkdown(text)}\n\nThe message names the rule, the resource and the reason; grant the access it needs (\`secpol doctor\` lists what each provider lacks) or fix the input.`,
    },
    defaultConfiguration: { level: 'note' },
    properties: { tags: ['security', 'secpol-not-evaluated'], precision: 'high', 'problem.severity': 'recommendation' },
  };
}

/**
 * A result that could not be evaluated, in the default log: a `note` under NOT_EVALUATED_RULE,
 * naming the rule it stands for (its fingerprint, which holds that rule, stays unique).
 */
function notEvaluatedResult(r: Result, entry: Entry, ruleIndex: number): Sarif.Result {
  const reason = oneLine(text(r.reason ?? '')) || oneLine(text(r.message));
  const message = `${ident(r.ruleId)} (${r.severity}) could not be evaluated for ${ident(r.resource.id)}: ${reason}. This is not a pass.`;
  return {
    ruleId: NOT_EVALUATED_RULE,
    ruleIndex,
    level: 'note',
    message: { text: message },
    locations: [toLocation(entry.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: entry.fingerprint },
    properties: {
      evaluatedRuleId: ident(r.ruleId),
      resourceId: ident(r.resource.id),
      kind: r.resource.kind,
      provider: text(r.resource.provider),
      status: r.status,
      severity: r.severity,
      reason,
    },
  };
}

function toSarifResult(r: Result, entry: Entry, ruleIndex: number, compared: boolean): Sarif.Result {
  const kind: Sarif.Result.kind = r.status === 'pass' ? 'pass' : r.status === 'skip' ? 'notApplicable' : r.status === 'error' ? 'open' : 'fail';
  // SARIF §3.27.10: a result whose kind is not `fail` has level `none`.
  const level: Sarif.Result.level = kind === 'fail' ? levelOf[r.severity] : 'none';
  const controls: Record<string, string[]> = {};
  for (const fw of frameworks) if (r.controls[fw]?.length) controls[fw] = (r.controls[fw] ?? []).map(text);

  return {
    ruleId: ident(r.ruleId),
    ruleIndex,
    ...(kind !== 'fail' ? { kind } : {}),
    level,
    message: { text: messageFor(r, entry) },
    locations: [toLocation(entry.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: entry.fingerprint },
    // Only failures are compared with a baseline; other kinds have no baseline state.
    ...(compared && r.status === 'fail' ? { baselineState: r.baseline === 'existing' ? ('unchanged' as const) : ('new' as const) } : {}),
    ...(r.status === 'waived' && r.waiver
      ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: text(r.waiver.reason) }] }
      : {}),
    properties: {
      resourceId: ident(r.resource.id),
      kind: r.resource.kind,
      provider: text(r.resource.provider),
      resourceName: text(r.resource.name),
      policyId: text(r.policyId),
      status: r.status,
      severity: r.severity,
      ...(entry.context !== undefined ? { context: ident(entry.context) } : {}),
      ...(Object.keys(controls).length > 0 ? { controls } : {}),
      ...(r.reason !== undefined && (r.status === 'error' || r.status === 'skip') ? { reason: text(r.reason) } : {}),
      ...(r.waiver
        ? {
            waiver: {
              reason: text(r.waiver.reason),
              expires: text(r.waiver.expires),
              ...(r.waiver.approvedBy !== undefined ? { approvedBy: text(r.waiver.approvedBy) } : {}),
              expiringSoon: r.waiver.expiringSoon,
            },
          }
        : {}),
    },
  };
}

function toLocation(loc: ResultLocation): Sarif.Location {
  const path = normalisePath(loc.path);
  const absolute = /^(?:[A-Za-z]:)?\//.test(path);
  const region: Sarif.Region = { startLine: loc.line !== undefined && loc.line >= 1 ? Math.floor(loc.line) : 1 };
  if (loc.column !== undefined && loc.column >= 1) region.startColumn = Math.floor(loc.column);
  return {
    physicalLocation: {
      artifactLocation: absolute ? { uri: `file://${path.startsWith('/') ? '' : '/'}${encodePath(path)}` } : { uri: encodePath(path), uriBaseId: SRCROOT },
      region,
    },
  };
}

/** Percent-encodes each segment so the URI is a valid uri-reference whatever the file name holds. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

function toNotification(d: ReportDiagnostic): Sarif.Notification {
  const notification: Sarif.Notification = { level: d.severity, message: { text: oneLine(text(d.message)) } };
  const file = d.file ? normalisePath(d.file) : '';
  if (file) {
    const loc = toLocation({ path: file, line: d.line, column: d.column });
    notification.locations = [loc];
  }
  return notification;
}

function isDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value);
}
