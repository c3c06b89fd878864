import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RuleOverride, Severity, Waiver } from '../model/index.js';
import type { Diagnostic } from '../shared/errors.js';
import { LIMITS, sizeProblem } from '../shared/limits.js';
import { parseDuration } from '../shared/duration.js';
import { parseLocated } from '../shared/yaml-locate.js';
import { readSourceFile } from '../shared/source-file.js';
import { zodIssuesToDiagnostics } from '../shared/schema-diagnostics.js';
import { configFileSchema, NO_PROVIDERS, type ConfigProviders } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'secpol.yaml';

/** secpol.yaml `targets`: the neutral keys plus whatever keys the providers contribute. */
export type Targets = Record<string, unknown> & {
  repos?: string[];
  include?: string[];
  exclude?: string[];
  includeArchived?: boolean;
  includeForks?: boolean;
};

/** secpol.yaml, validated, with paths made absolute and overrides/waivers carrying their source. */
export interface SecpolConfig {
  /** Absolute path of the file that was read; absent when there was none. */
  file?: string;
  /** Directory relative paths were resolved against (the config file's, else the cwd). */
  dir: string;
  /** Absent = not set here (the CLI default `high` applies). */
  failOn?: Severity | 'none';
  /** Absent = not set here (the built-in pack is included by default). */
  builtin?: boolean;
  /** Extra policy files or directories, absolute. */
  policies: string[];
  /** Explicit provider list; absent = chosen from the targets. */
  providers?: string[];
  /** Snapshot files for the snapshot provider, absolute. */
  state: string[];
  targets: Targets;
  overrides: RuleOverride[];
  waivers: Waiver[];
  /** Absent = not set here (365 days). */
  waiverMaxDays?: number;
  secrets: { allowlist: { paths: string[]; fingerprints: string[] } };
  /** `baseline:`: the baseline file (absolute) and the age past which it warns. */
  baseline?: { file: string; maxAgeMs?: number };
}

function emptyConfig(dir: string): SecpolConfig {
  return { dir, policies: [], state: [], targets: {}, overrides: [], waivers: [], secrets: { allowlist: { paths: [], fingerprints: [] } } };
}

/**
 * Reads the config: `file` when given (a missing file is an error), else ./secpol.yaml when it
 * exists, else an empty config. Every problem is a located diagnostic; `config` is absent when
 * any of them is an error.
 */
export async function loadConfig(file: string | undefined, cwd: string, providers: ConfigProviders = NO_PROVIDERS): Promise<{ config?: SecpolConfig; diagnostics: Diagnostic[] }> {
  let target: string;
  if (file !== undefined) {
    target = path.resolve(cwd, file);
  } else {
    target = path.join(cwd, DEFAULT_CONFIG_FILE);
    if (!existsSync(target)) return { config: emptyConfig(cwd), diagnostics: [] };
  }
  // Diagnostics name the file as short as possible: relative to the cwd when it lies inside.
  const relative = path.relative(cwd, target);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : (file ?? DEFAULT_CONFIG_FILE);
  const tooLarge = sizeProblem(target, LIMITS.configFile, 'config file');
  if (tooLarge) return { diagnostics: [{ ...tooLarge, file: shown }] };
  const read = await readSourceFile(target);
  if (read.text === undefined) {
    return { diagnostics: read.diagnostics.map((d) => ({ ...d, file: shown, message: `config ${d.message}` })) };
  }
  return parseConfigText(read.text, shown, target, providers);
}

/**
 * Validates config text. `shown` is the name used in diagnostics and sources (as the user
 * wrote it); `absolute` locates relative paths.
 */
export function parseConfigText(text: string, shown: string, absolute: string, providers: ConfigProviders = NO_PROVIDERS): { config?: SecpolConfig; diagnostics: Diagnostic[] } {
  const doc = parseLocated(text, shown);
  const diagnostics = [...doc.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const dir = path.dirname(absolute);
  const value = doc.value ?? {};
  const schema = configFileSchema(providers);
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    diagnostics.push(...zodIssuesToDiagnostics(parsed.error.issues, doc.locate, shown, { root: value, schema }));
    return { diagnostics };
  }
  const data = parsed.data;
  const at = (p: (string | number)[], target?: 'value' | 'key') => ({ file: shown, ...doc.locate(p, target) });

  for (const problem of providers.check(data.targets ?? {})) {
    diagnostics.push({ severity: 'error', ...at(['targets', problem.key], 'key'), message: problem.message });
  }

  const config = emptyConfig(dir);
  config.file = absolute;
  if (data.failOn !== undefined) config.failOn = data.failOn;
  if (data.builtin !== undefined) config.builtin = data.builtin;
  if (data.waiverMaxDays !== undefined) config.waiverMaxDays = data.waiverMaxDays;
  if (data.providers !== undefined) config.providers = [...new Set(data.providers)];
  config.policies = (data.policies ?? []).map((p) => path.resolve(dir, p));
  config.state = (data.state ?? []).map((p) => path.resolve(dir, p));
  if (data.targets) config.targets = { ...data.targets } as Targets;
  if (data.baseline !== undefined) {
    const b = typeof data.baseline === 'string' ? { file: data.baseline } : data.baseline;
    config.baseline = { file: path.resolve(dir, b.file), ...(b.maxAge !== undefined ? { maxAgeMs: parseDuration(b.maxAge) } : {}) };
  }
  config.secrets = { allowlist: { paths: data.secrets?.allowlist?.paths ?? [], fingerprints: data.secrets?.allowlist?.fingerprints ?? [] } };

  for (const [rule, o] of Object.entries(data.rules ?? {})) {
    const override: RuleOverride = { rule, source: at(['rules', rule], 'key') };
    if (o.severity !== undefined) override.severity = o.severity;
    if (o.enabled !== undefined) override.enabled = o.enabled;
    if (o.params !== undefined) override.params = o.params;
    if (o.resources !== undefined) {
      override.resources = {};
      if (o.resources.include !== undefined) override.resources.include = o.resources.include;
      if (o.resources.exclude !== undefined) override.resources.exclude = o.resources.exclude;
    }
    config.overrides.push(override);
  }
  (data.waivers ?? []).forEach((w, i) => {
    const waiver: Waiver = { rule: w.rule, resource: w.resource, reason: w.reason, expires: w.expires, source: at(['waivers', i]) };
    if (w.approvedBy !== undefined) waiver.approvedBy = w.approvedBy;
    config.waivers.push(waiver);
  });

  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { config, diagnostics };
}
