import type { Severity } from './rule.js';

/** Plain data the config layer hands to the engine (no I/O types). */
export interface Waiver {
  /** Rule id or glob (`branch.*`). */
  rule: string;
  /** Resource id glob (`github:acme/*`). */
  resource: string;
  reason: string;
  /** ISO date. */
  expires: string;
  approvedBy?: string;
  source?: { file: string; line: number; column: number };
}

export interface RuleOverride {
  rule: string;
  severity?: Severity;
  enabled?: boolean;
  params?: Record<string, unknown>;
  resources?: { include?: string[]; exclude?: string[] };
  source?: { file: string; line: number; column: number };
}
