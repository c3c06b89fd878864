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
