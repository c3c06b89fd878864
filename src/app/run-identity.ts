import { createHash } from 'node:crypto';
import type { Rule } from '../model/index.js';
import type { RunTargets } from './providers.js';
import type { LoadedBaseline } from './baseline.js';
import type { Settings } from './settings.js';

/**
 * What makes two runs' results comparable: the same rules (conditions, params, severities) and
 * the same settings. `secpol merge` refuses shard reports whose hashes differ.
 */
export function policySetHash(rules: readonly Rule[]): string {
  // Source positions and examples do not change results; compiled regexes hash by their source.
  return sha256(
    JSON.stringify(
      rules.filter((r) => r.enabled),
      (key, value: unknown) => (key === 'at' || key === 'source' || key === 'examples' ? undefined : value),
    ),
  );
}

export function configHash(settings: Settings, run: RunTargets, baseline: LoadedBaseline | undefined): string {
  const strip = <T extends { source?: unknown }>(items: readonly T[]) => items.map(({ source: _source, ...rest }) => rest);
  return sha256(
    JSON.stringify({
      failOn: settings.failOn,
      overrides: strip(settings.overrides),
      waivers: strip(settings.waivers),
      // The scan itself, without the shard: every shard must have been given the same targets.
      targets: [run.named, run.repos, run.flags, run.config, { ...run.filters, shard: undefined }],
      baseline: baseline ? [baseline.createdAt, baseline.entries.map((e) => e.fingerprint)] : null,
    }),
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
