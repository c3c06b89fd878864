import type { Snapshot } from '../model/index.js';
import { SNAPSHOT_SCHEMA } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { Redactor } from '../shared/redact.js';
import { collect } from './collect.js';
import { selectProviders } from './plan.js';
import type { RunDeps } from './run-check.js';
import type { CommonOptions } from './settings.js';
import { loadSettings } from './settings.js';

export interface SnapshotOutcome {
  snapshot: Snapshot;
  diagnostics: Diagnostic[];
  exitCode: 0 | 2;
  redactor: Redactor;
}

/** Collect only: the same plain-data boundary `check` evaluates, written to disk. */
export async function runSnapshot(options: CommonOptions, deps: RunDeps): Promise<SnapshotOutcome> {
  const now = deps.now();
  const redactor = new Redactor();
  const settings = await loadSettings(options, deps);
  const collected = await collect(selectProviders(settings.targets, deps.env), settings.targets, {
    now,
    env: deps.env,
    progress: deps.progress,
    redactor,
    cacheDir: deps.cacheDir,
    debug: (m) => deps.debug(redactor.redact(m)),
  });
  const diagnostics = [...settings.diagnostics, ...collected.diagnostics];
  return {
    snapshot: { schema: SNAPSHOT_SCHEMA, collectedAt: now.toISOString(), sources: collected.sources.map(({ provider, target, collectedAt }) => ({ provider, target, collectedAt })), resources: collected.resources },
    diagnostics,
    exitCode: diagnostics.some((d) => d.severity === 'error') ? 2 : 0,
    redactor,
  };
}
