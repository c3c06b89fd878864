import type { Controls, Severity } from './rule.js';
import type { ResourceKind } from './resources.js';

export const statuses = ['pass', 'fail', 'error', 'skip', 'waived'] as const;
export type Status = (typeof statuses)[number];

export interface ResultLocation {
  path: string;
  line?: number;
  column?: number;
}

/** One offending item behind a result, e.g. an unpinned action or a secret finding. */
export interface Evidence {
  message: string;
  location?: ResultLocation;
  /** Where the item sits when it says (`code`, `test`, `docs`: a secret finding's context). */
  context?: string;
}

export interface AppliedWaiver {
  reason: string;
  expires: string;
  approvedBy?: string;
  expiringSoon: boolean;
}

export interface Result {
  ruleId: string;
  policyId: string;
  title: string;
  severity: Severity;
  status: Status;
  message: string;
  /** Why a skip or error happened (gap reason and message). */
  reason?: string;
  resource: { id: string; kind: ResourceKind; provider: string; name: string };
  location?: ResultLocation;
  evidence?: Evidence[];
  controls: Controls;
  remediation?: string;
  waiver?: AppliedWaiver;
  /**
   * Set on `fail` results when the run compared against a baseline: `existing` failures were
   * already failing then and do not change the exit code; `new` ones do.
   */
  baseline?: 'new' | 'existing';
}

export interface WaiverStatus {
  rule: string;
  resource: string;
  reason: string;
  expires: string;
  approvedBy?: string;
  state: 'active' | 'expiring-soon' | 'expired' | 'unused';
  matched: number;
  source?: { file: string; line: number; column: number };
}

export interface ReportDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface RuleMeta {
  id: string;
  policyId: string;
  title: string;
  description?: string;
  severity: Severity;
  kind: ResourceKind;
  remediation?: string;
  controls: Controls;
  tags: string[];
  helpUri?: string;
  source: { file: string; line: number; column: number };
}

export interface Summary {
  pass: number;
  fail: number;
  error: number;
  skip: number;
  waived: number;
}

/** A failure recorded in a baseline, identified by its location-independent fingerprint. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  resourceId: string;
  /** The file the finding is in, when it has one (for people pruning the baseline). */
  path?: string;
}

/** How a run compared with its baseline (`--baseline`, config `baseline:`). */
export interface BaselineOutcome {
  /** The baseline file as given. */
  file: string;
  /** When the baseline was made (a report's `startedAt` or the baseline's `createdAt`). */
  createdAt: string;
  /** Failures already in the baseline, and failures new since. */
  existing: number;
  new: number;
  /** Baseline entries that no longer match any failure: fixed, and safe to prune. */
  fixed: BaselineEntry[];
}

/**
 * Present only in a report written by a `--shard i/n` run: what `secpol merge` checks before
 * combining shard reports (same policy set, config and clock) and then leaves out.
 */
export interface ShardInfo {
  index: number;
  count: number;
  /** sha256 of the evaluated rules (ids, severities, kinds, params, conditions). */
  policySet: string;
  /** sha256 of the settings that change results (fail-on, overrides, waivers, baseline). */
  config: string;
  /** The evaluation clock (SECPOL_NOW, or the run's start). */
  clock: string;
}

export interface Report {
  tool: { name: 'secpol'; version: string };
  startedAt: string;
  finishedAt: string;
  failOn: Severity | 'none';
  summary: Summary;
  results: Result[];
  /** Metadata of every rule that was evaluated, for SARIF `rules` and docs links. */
  rules: RuleMeta[];
  waivers: WaiverStatus[];
  diagnostics: ReportDiagnostic[];
  /** Provider and engine counters (requests, cache hits, rate limit, resources, timings). */
  stats: Record<string, unknown>;
  /** The config or policy file that settings findings point at in SARIF. */
  anchorFile?: string;
  baseline?: BaselineOutcome;
  shard?: ShardInfo;
  /** What the run looked at, for readers of a report (the HTML header). */
  scope?: ReportScope;
}

export interface ReportScope {
  /** `provider target` for every source collected, e.g. `github github.com/acme`. */
  targets: string[];
  configFile?: string;
  /** `built-in pack` and the policy paths given. */
  policySources: string[];
  /** The evaluation clock (pinned by SECPOL_NOW when set). */
  evaluatedAt: string;
}
