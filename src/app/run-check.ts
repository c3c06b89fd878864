import { isAbsolute, relative, resolve } from 'node:path';
import type { Report, Rule, RuleMeta } from '../model/index.js';
import { evaluate } from '../engine/evaluate.js';
import { summarize } from '../engine/exit.js';
import type { ProgressSink } from '../providers/types.js';
import type { Diagnostic } from '../shared/errors.js';
import { Redactor } from '../shared/redact.js';
import { collect } from './collect.js';
import { loadSettings } from './settings.js';
import type { CommonOptions } from './settings.js';
import { secpolVersion } from './package-root.js';
import { loadPolicySet } from './policies.js';
import { selectProviders } from './plan.js';
import { exitCode } from './exit-code.js';

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
  diagnostics.push(...policySet.diagnostics);

  const run = settings.targets;
  let collectedStats: Record<string, unknown> = {};
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
    diagnostics.push(...collected.diagnostics);
    collectedStats = collected.stats;
    deps.progress.update(`evaluating ${policySet.rules.length} rules on ${collected.resources.length} resources`);
    const evalStarted = Date.now();
    const evaluated = evaluate(policySet.rules, collected.resources, { now: startedAt, waivers: settings.waivers });
    results = evaluated.results;
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
    anchorFile: settings.configFile ? relative(resolve(run.path), settings.configFile) || 'secpol.yaml' : 'secpol.yaml',
  };
  return { report, exitCode: exitCode(results, settings.failOn, diagnostics), redactor };
}

/** Rule metadata for reports; policy paths relative to the working directory when inside it. */
function toMeta(rule: Rule, cwd: string): RuleMeta {
  const rel = relative(cwd, rule.source.file);
  const file = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : rule.source.file;
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
