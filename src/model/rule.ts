import type { ResourceKind } from './resources.js';

export const severities = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];
export const severityRank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export const frameworks = ['soc2', 'iso27001', 'cis-ssc', 'nist-ssdf'] as const;
export type Framework = (typeof frameworks)[number];
export type Controls = Partial<Record<Framework, string[]>>;

/** Where a policy construct was written, for located errors and SARIF rule locations. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

/** A dotted field path split into segments (`branchProtection.requiredApprovals`). */
export type FieldPath = readonly string[];

/** A compiled linear-time regex (RE2 semantics); the engine only calls `test`. */
export interface CompiledRegex {
  source: string;
  test(input: string): boolean;
}

export type CompareOp = 'equals' | 'notEquals' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'notIn' | 'contains';

/**
 * The compiled condition tree: plain data with params substituted, regexes and durations
 * compiled, so that the engine interprets it many times without re-parsing.
 */
export type Condition =
  | { op: 'all'; conditions: Condition[]; at: SourceRef }
  | { op: 'any'; conditions: Condition[]; at: SourceRef }
  | { op: 'not'; condition: Condition; at: SourceRef }
  | { op: 'compare'; path: FieldPath; cmp: CompareOp; value: unknown; at: SourceRef }
  /** `exists: true` holds when the value is known and not null. */
  | { op: 'exists'; path: FieldPath; expected: boolean; at: SourceRef }
  | { op: 'matches'; path: FieldPath; regex: CompiledRegex; negate: boolean; at: SourceRef }
  /** Timestamp relative to the evaluation clock: `within` = not older than ms; `olderThan` = older than ms. */
  | { op: 'age'; path: FieldPath; cmp: 'within' | 'olderThan'; ms: number; at: SourceRef }
  /** Timestamp at most `ms` after the timestamp at `from` (e.g. a token's lifetime). */
  | { op: 'span'; path: FieldPath; from: FieldPath; maxMs: number; at: SourceRef }
  /** Quantifier over an array; inside `where`/`assert` paths are relative to the element. */
  | { op: 'every' | 'some' | 'none'; path: FieldPath; where?: Condition; assert?: Condition; at: SourceRef }
  | { op: 'count'; path: FieldPath; where?: Condition; cmp: CompareOp; value: number; at: SourceRef };

export interface RuleExample {
  name?: string;
  /** A partial resource; the tester fills id/kind/provider/name. */
  resource: Record<string, unknown>;
  expect: 'pass' | 'fail' | 'skip' | 'error';
  /** Evaluation clock for the example (ISO); defaults to a fixed date. */
  now?: string;
  params?: Record<string, unknown>;
  at: SourceRef;
}

export interface Rule {
  id: string;
  /** The policy file's `policy` id, or the file path when it declares none. */
  policyId: string;
  title: string;
  description?: string;
  severity: Severity;
  kind: ResourceKind;
  where?: Condition;
  assert: Condition;
  /** `{{ }}` template over `resource`, `params` and `rule`. */
  message: string;
  /** Failure messages for particular cases (first `when` that is true wins), before `message`. */
  messages?: { when: Condition; text: string }[];
  /** Messages for passing results (first `when` that is true wins), before the title. */
  passMessages?: { when: Condition; text: string }[];
  /** Template per offending array element (`{{ item.<field> }}`), for fail evidence. */
  evidence?: string;
  remediation?: string;
  controls: Controls;
  params: Record<string, unknown>;
  tags: string[];
  helpUri?: string;
  enabled: boolean;
  /** Resource id globs from config overrides; absent = every resource of the kind. */
  match?: { include?: string[]; exclude?: string[] };
  examples: RuleExample[];
  source: SourceRef;
}
