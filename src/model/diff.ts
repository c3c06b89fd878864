import type { Framework, Severity } from './rule.js';
import type { Result, Status } from './result.js';

/** One (rule, resource) pair whose status changed between two runs. */
export interface StatusChange {
  ruleId: string;
  title: string;
  severity: Severity;
  resource: Result['resource'];
  /** Absent: the pair did not exist in that run (resource added or removed, rule added). */
  from?: Status;
  to?: Status;
  message: string;
}

export interface ChangeCounts {
  newlyFailing: number;
  newlyPassing: number;
  newErrors: number;
}

/** What changed between two runs (`secpol diff old new`). */
export interface RunDiff {
  old: { file: string; startedAt: string };
  new: { file: string; startedAt: string };
  failOn: Severity | 'none';
  /** Failing now, not failing before (including resources that are new). */
  newlyFailing: StatusChange[];
  /** Passing now, failing or in error before. */
  newlyPassing: StatusChange[];
  /** In error now, not before. */
  newErrors: StatusChange[];
  resourcesAdded: Result['resource'][];
  resourcesRemoved: Result['resource'][];
  byRule: ({ ruleId: string; title: string; severity: Severity } & ChangeCounts)[];
  byControl: ({ framework: Framework; control: string } & ChangeCounts)[];
}
