import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Report, Rule, RuleMeta } from '../model/index.js';
import { evaluate } from '../engine/evaluate.js';
import { summarize } from '../engine/exit.js';
import type { ProgressSink } from '../providers/types.js';
import type { Diagnostic } from '../shared/errors.js';
import { UserError } from '../shared/errors.js';
import { Redactor } from '../shared/redact.js';
import { collect } from './collect.js';
import { loadSettings } from './settings.js';
import type { CommonOptions } from './settings.js';
import { secpolVersion } from './package-root.js';
import { loadPolicySet } from './policies.js';
import { selectProviders } from './plan.js';
import { exitCode } from './exit-code.js';
import { applyBaseline, baselineAgeWarning, loadBaseline } from './baseline.js';
import { configHash, policySetHash } from './run-identity.js';

export interface RunDeps {
  now: () => Date;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  progress: ProgressSink;
  debug(message: string): void;
  cacheDir?: string;
}

export interface CheckOutcome {
  report: Report;
  exitCode: 0 | 1 | 2;
  redactor: Redactor;
}

/** collect -> evaluate -> report data; rendering and writing stay in the CLI. */
export async function runCheck(options: CommonOptions, deps: RunDeps): Promise<CheckOutcome> {
  const startedAt = deps.now();
  const redactor = new Redactor();
  const settings = await loadSettings(options, deps);
  const diagnostics: Diagnostic[] = [...settings.diagnostics];

  const policySet = await loadPolicySet({
    builtin: settings.builtin,
    paths: settings.policyPaths,
    overrides: settings.overrides,
    waivers: settings.waivers,
    cwd: deps.cwd,
  });
  // Nothing to evaluate would pass whatever the state: stop here, before collecting, with the reasons.
  if (policySet.rules.length === 0) throw new UserError([...diagnostics, ...policySet.diagnostics]);
  for (const d of policySet.diagnostics) diagnostics.push(d);

  const run = settings.targets;
  const baseline = settings.baseline ? await loadBaseline(settings.baseline.file, settings.baseline.shown) : undefined;
  if (baseline) {
    const stale = baselineAgeWarning(baseline, startedAt, settings.baseline?.maxAgeMs);
    if (stale) diagnostics.push(stale);
  }
  let baselineOutcome: Report['baseline'];
  let collectedStats: Record<string, unknown> = {};
  let targets: string[] = [];
  let results: Report['results'] = [];
  let waivers: Report['waivers'] = [];
  try {
    const providers = selectProviders(run, deps.env);
    const collected = await collect(providers, run, {
      now: startedAt,
      env: deps.env,
      progress: deps.progress,
      redactor,
      cacheDir: deps.cacheDir,
      debug: (m) => deps.debug(redactor.redact(m)),
    });
    for (const d of collected.diagnostics) diagnostics.push(d);
    collectedStats = collected.stats;
    targets = collected.sources.map((s) => `${s.provider} ${s.scanned ?? s.target}`);
    deps.progress.update(`evaluating ${policySet.rules.length} rules on ${collected.resources.length} resources`);
    const evalStarted = Date.now();
    // By resource id, whatever order the APIs answered in: reports are reproducible, and shard
    // reports merge into exactly the report of the whole scan.
    const resources = collected.resources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const evaluated = evaluate(policySet.rules, resources, { now: startedAt, waivers: settings.waivers });
    results = evaluated.results;
    if (baseline) baselineOutcome = applyBaseline(results, baseline);
    waivers = evaluated.waivers;
    collectedStats = {
      ...collectedStats,
      engine: { resources: collected.resources.length, rules: policySet.rules.length, results: results.length, ms: Date.now() - evalStarted },
    };
  } catch (err) {
    if (err && typeof err === 'object' && 'diagnostics' in err) diagnostics.push(...(err as { diagnostics: Diagnostic[] }).diagnostics);
    else throw err;
  }

  const report: Report = {
    tool: { name: 'secpol', version: secpolVersion() },
    startedAt: startedAt.toISOString(),
    finishedAt: deps.now().toISOString(),
    failOn: settings.failOn,
    summary: summarize(results),
    results,
    rules: policySet.rules.filter((r) => r.enabled).map((r) => toMeta(r, deps.cwd)),
    waivers,
    diagnostics: diagnostics.map((d) => ({ ...d, message: redactor.redact(d.message) })),
    stats: collectedStats,
    anchorFile: anchorFileOf(settings, run.path),
    ...(baselineOutcome ? { baseline: baselineOutcome } : {}),
    ...(run.filters.shard
      ? {
          shard: {
            ...run.filters.shard,
            policySet: policySetHash(policySet.rules),
            config: configHash(settings, run, baseline),
            clock: startedAt.toISOString(),
          },
        }
      : {}),
    scope: {
      targets,
      ...(settings.configFile ? { configFile: displayPath(settings.configFile, deps.cwd) } : {}),
      policySources: [...(settings.builtin ? ['built-in pack'] : []), ...settings.policyPaths.map((p) => displayPath(p, deps.cwd))],
      evaluatedAt: startedAt.toISOString(),
    },
  };
  return { report, exitCode: exitCode(results, settings.failOn, diagnostics), redactor };
}

/**
 * Where settings findings point in SARIF: the config file relative to the root that locations
 * are relative to (the repository's top inside git, else the checked path).
 */
function anchorFileOf(settings: { configFile?: string; repositoryTop?: string }, path: string): string {
  if (!settings.configFile) return 'secpol.yaml';
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  // Real paths on both sides: git names the top by its real path.
  const from = settings.repositoryTop ?? real(resolve(path));
  const file = join(real(dirname(settings.configFile)), basename(settings.configFile));
  return relative(from, file).split(sep).join('/') || 'secpol.yaml';
}

/** A path relative to the working directory when inside it, else as it is. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Rule metadata for reports; policy paths relative to the working directory when inside it. */
function toMeta(rule: Rule, cwd: string): RuleMeta {
  const file = displayPath(rule.source.file, cwd);
  return {
    id: rule.id,
    policyId: rule.policyId,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    kind: rule.kind,
    remediation: rule.remediation,
    controls: rule.controls,
    tags: rule.tags,
    helpUri: rule.helpUri,
    source: { ...rule.source, file },
  };
}
