import { existsSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { checkWaivers, DEFAULT_WAIVER_MAX_DAYS } from '../config/waivers.js';
import type { RuleOverride, Severity, Waiver } from '../model/index.js';
import { severities } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { UserError } from '../shared/errors.js';
import { gitOriginUrl } from './origin.js';
import { gitTopLevel, globsFromConfigDir, nearestConfig } from './work-tree.js';
import { configProviders, type RunTargets } from './providers.js';
import { MAX_SHARDS, parseShard } from '../providers/shard.js';

/** What the CLI parsed; every field optional so that secpol.yaml can fill the gaps. */
export interface CommonOptions {
  path?: string;
  config?: string;
  policies?: string[];
  /** false with --no-builtin. */
  builtin?: boolean;
  state?: string[];
  provider?: string[];
  failOn?: string;
  repo?: string[];
  /** Provider options (`--github-org`, `--aws-region`, ...) by commander attribute name. */
  providerOptions?: Record<string, unknown>;
  /** false with --no-cache. */
  cache?: boolean;
  include?: string[];
  exclude?: string[];
  includeArchived?: boolean;
  includeForks?: boolean;
  /** `--baseline <report.json>`; false: none, whatever the config says (`baseline create`). */
  baseline?: string | false;
  /** `--shard i/n`. */
  shard?: string;
}

export interface Settings {
  targets: RunTargets;
  failOn: Severity | 'none';
  builtin: boolean;
  policyPaths: string[];
  overrides: RuleOverride[];
  waivers: Waiver[];
  configFile?: string;
  /** The top of the git work tree holding the checked path (report paths are relative to it). */
  repositoryTop?: string;
  /** The baseline to compare failures with (`--baseline` wins over config `baseline:`). */
  baseline?: { file: string; shown: string; maxAgeMs?: number };
  diagnostics: Diagnostic[];
}

const FAIL_ON = [...severities, 'none'] as const;

/** Flags override secpol.yaml, which overrides defaults. Paths in the config are relative to it. */
export async function loadSettings(options: CommonOptions, deps: { cwd: string; now?: () => Date }): Promise<Settings> {
  const path = resolve(deps.cwd, options.path ?? '.');
  if (!existsSync(path)) throw new UserError([{ severity: 'error', file: options.path ?? '.', message: 'no such file or directory' }]);

  const explicitConfig = options.config ? resolve(deps.cwd, options.config) : undefined;
  // git answers with the real path: compare real paths (a temp dir or the cwd may be a symlink).
  const realPath = realOrSelf(path);
  const repositoryTop = await gitTopLevel(realPath);
  const configFile = explicitConfig ?? nearestConfig(realPath, repositoryTop);
  const loaded = configFile ? await loadConfig(configFile, deps.cwd, configProviders()) : { config: undefined, diagnostics: [] };
  const config = loaded.config;
  const base = configFile ? dirname(configFile) : deps.cwd;
  const fromConfig = (paths: readonly string[] | undefined) => (paths ?? []).map((p) => resolve(base, p));

  const failOn = (options.failOn ?? config?.failOn ?? 'high') as Severity | 'none';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UserError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got '${String(options.failOn)}')`);
  }
  const targets: Record<string, unknown> = config?.targets ?? {};
  const configRepos = Array.isArray(targets.repos) ? (targets.repos as string[]) : [];
  const repos = [...(options.repo ?? []), ...(options.repo?.length ? [] : configRepos)];
  const flag = <T>(value: T | undefined, key: string): T | undefined => value ?? (targets[key] as T | undefined);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (options.shard !== undefined && !shard) throw new UserError(`--shard must be i/n with 1 <= i <= n <= ${MAX_SHARDS} (got '${options.shard}')`);
  const run: RunTargets = {
    path,
    repos,
    stateFiles: [...(options.state ?? []).map((p) => resolve(deps.cwd, p)), ...fromConfig(config?.state)],
    named: options.provider?.length ? options.provider : (config?.providers ?? []),
    originUrl: await gitOriginUrl(path),
    noCache: options.cache === false,
    filters: {
      include: flag(options.include, 'include'),
      exclude: flag(options.exclude, 'exclude'),
      includeArchived: flag(options.includeArchived, 'includeArchived'),
      includeForks: flag(options.includeForks, 'includeForks'),
      ...(shard ? { shard } : {}),
    },
    secretAllowlist: {
      paths: globsFromConfigDir(config?.secrets?.allowlist?.paths ?? [], configFile ? realOrSelf(dirname(configFile)) : undefined, repositoryTop),
      fingerprints: config?.secrets?.allowlist?.fingerprints ?? [],
    },
    flags: options.providerOptions ?? {},
    config: targets,
  };

  const waivers = checkWaivers(config?.waivers ?? [], deps.now?.() ?? new Date(), config?.waiverMaxDays ?? DEFAULT_WAIVER_MAX_DAYS);
  return {
    targets: run,
    failOn,
    builtin: options.builtin !== false && config?.builtin !== false,
    policyPaths: [...(options.policies ?? []).map((p) => resolve(deps.cwd, p)), ...fromConfig(config?.policies)],
    overrides: config?.overrides ?? [],
    waivers: waivers.waivers,
    configFile,
    ...(repositoryTop !== undefined ? { repositoryTop } : {}),
    ...(baselineOf(options, config?.baseline, deps.cwd) ?? {}),
    diagnostics: [...loaded.diagnostics, ...waivers.diagnostics],
  };
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function baselineOf(options: CommonOptions, configured: { file: string; maxAgeMs?: number } | undefined, cwd: string): Pick<Settings, 'baseline'> | undefined {
  if (options.baseline === false) return undefined;
  const maxAge = configured?.maxAgeMs !== undefined ? { maxAgeMs: configured.maxAgeMs } : {};
  if (options.baseline !== undefined) return { baseline: { file: resolve(cwd, options.baseline), shown: options.baseline, ...maxAge } };
  if (configured) return { baseline: { file: configured.file, shown: relative(cwd, configured.file) || configured.file, ...maxAge } };
  return undefined;
}
