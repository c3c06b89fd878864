import type { Report, ReportDiagnostic, Result, WaiverStatus } from '../model/index.js';
import { summarize } from '../engine/exit.js';
import { UserError } from '../shared/errors.js';
import { exitCode } from './exit-code.js';

export interface ShardReport {
  report: Report;
  /** The file as the user named it, for messages. */
  file: string;
}

/**
 * Combines the reports of `--shard 1/n` ... `--shard n/n` into the report the whole scan would
 * have written. Refuses reports that are not shards of one run: a missing or repeated shard,
 * different policy sets, configs, clocks, fail-on or secpol versions, or shards that disagree
 * about a result.
 */
export function mergeShardReports(inputs: readonly ShardReport[]): { report: Report; exitCode: 0 | 1 | 2 } {
  const first = checkShards(inputs);
  const results = mergeResults(inputs);
  const diagnostics = unique(inputs.flatMap((i) => i.report.diagnostics));
  const report: Report = {
    tool: first.tool,
    startedAt: inputs.map((i) => i.report.startedAt).reduce((a, b) => (b < a ? b : a)),
    finishedAt: inputs.map((i) => i.report.finishedAt).reduce((a, b) => (b > a ? b : a)),
    failOn: first.failOn,
    summary: summarize(results),
    results,
    rules: first.rules,
    waivers: mergeWaivers(inputs.map((i) => i.report.waivers)),
    diagnostics,
    stats: sumStats(inputs.map((i) => i.report.stats)) as Record<string, unknown>,
    ...(first.anchorFile !== undefined ? { anchorFile: first.anchorFile } : {}),
    ...(first.baseline ? { baseline: mergeBaseline(inputs.map((i) => i.report.baseline!)) } : {}),
  };
  return { report, exitCode: exitCode(results, report.failOn, diagnostics.filter((d) => d.severity === 'error')) };
}

function refuse(message: string, file?: string): never {
  throw new UserError([{ severity: 'error', ...(file ? { file } : {}), message: `cannot merge: ${message}` }]);
}

function checkShards(inputs: readonly ShardReport[]): Report {
  if (inputs.length === 0) refuse('no reports given');
  const sorted = [...inputs].sort((a, b) => (a.report.shard?.index ?? 0) - (b.report.shard?.index ?? 0));
  const first = sorted[0]!;
  for (const { report, file } of inputs) {
    const s = report.shard;
    if (!s) refuse('not a shard report (run secpol check --shard i/n --format json)', file);
    const f = first.report.shard!;
    if (s.count !== f.count) refuse(`shard ${s.index}/${s.count} does not belong with ${f.index}/${f.count} of ${first.file}`, file);
    if (s.policySet !== f.policySet) refuse(`evaluated with a different policy set than ${first.file}`, file);
    if (s.config !== f.config) refuse(`evaluated with a different config (fail-on, overrides, waivers, targets or baseline) than ${first.file}`, file);
    if (s.clock !== f.clock) refuse(`evaluated at ${s.clock}, ${first.file} at ${f.clock}: pin one clock for every shard with SECPOL_NOW`, file);
    if (report.failOn !== first.report.failOn) refuse(`fail-on ${report.failOn} differs from ${first.file} (${first.report.failOn})`, file);
    if (report.tool.version !== first.report.tool.version) refuse(`written by secpol ${report.tool.version}, ${first.file} by ${first.report.tool.version}`, file);
    if (Boolean(report.baseline) !== Boolean(first.report.baseline)) refuse(`compared with a baseline and ${first.file} not (or the other way round)`, file);
  }
  const count = first.report.shard!.count;
  const seen = new Map<number, string>();
  for (const { report, file } of inputs) {
    const previous = seen.get(report.shard!.index);
    if (previous !== undefined) refuse(`shard ${report.shard!.index}/${count} given twice (${previous} and ${file})`, file);
    seen.set(report.shard!.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) refuse(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  return first.report;
}

/**
 * Shard results ordered as the whole scan orders them (by resource id, then rule order), each
 * (rule, resource) once. A provider that does not partition (the local tree, a snapshot) yields
 * the same result in every shard: identical copies are one result; copies that differ refuse.
 */
function mergeResults(inputs: readonly ShardReport[]): Result[] {
  const byKey = new Map<string, { result: Result; file: string }>();
  const merged: Result[] = [];
  for (const { report, file } of inputs) {
    for (const result of report.results) {
      const key = `${result.ruleId}\u0000${result.resource.id}`;
      const earlier = byKey.get(key);
      if (earlier) {
        // Only repeated pairs are compared (as text): keeping every result's text would double the memory.
        if (JSON.stringify(earlier.result) !== JSON.stringify(result)) refuse(`${earlier.file} and ${file} disagree on ${result.ruleId} for ${result.resource.id}`, file);
        continue;
      }
      byKey.set(key, { result, file });
      merged.push(result);
    }
  }
  // Stable: each resource's results keep their rule order.
  return merged.sort((a, b) => (a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0));
}

/** Same config, so the same waivers in the same order: matches add up; the state follows the shards that matched. */
function mergeWaivers(lists: WaiverStatus[][]): WaiverStatus[] {
  const [head = []] = lists;
  return head.map((w, i) => {
    const copies = lists.map((l) => l[i]!).filter(Boolean);
    const matched = copies.reduce((n, c) => n + c.matched, 0);
    const matching = copies.find((c) => c.matched > 0);
    const state = copies.some((c) => c.state === 'expired') ? 'expired' : matched === 0 ? 'unused' : matching!.state;
    return { ...w, matched, state };
  });
}

function mergeBaseline(parts: NonNullable<Report['baseline']>[]): NonNullable<Report['baseline']> {
  // An entry is fixed only when no shard still has it: each shard sees only its own repositories.
  const fixedSets = parts.map((p) => new Set(p.fixed.map((f) => f.fingerprint)));
  const fixed = parts[0]!.fixed.filter((e) => fixedSets.every((s) => s.has(e.fingerprint)));
  return {
    file: parts[0]!.file,
    createdAt: parts[0]!.createdAt,
    existing: parts.reduce((n, p) => n + p.existing, 0),
    new: parts.reduce((n, p) => n + p.new, 0),
    fixed,
  };
}

function unique(diagnostics: ReportDiagnostic[]): ReportDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.severity, d.message, d.file, d.line, d.column]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Counters add up across shards (requests, resources, milliseconds); other values keep the first shard's. */
function sumStats(all: unknown[]): unknown {
  const objects = all.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));
  if (objects.length === 0) return all.every((v) => typeof v === 'number') ? (all as number[]).reduce((a, b) => a + b, 0) : all[0];
  const out: Record<string, unknown> = {};
  for (const key of new Set(objects.flatMap((o) => Object.keys(o)))) {
    out[key] = sumStats(objects.filter((o) => key in o).map((o) => o[key]));
  }
  return out;
}
