import type { Redactor } from '../../shared/redact.js';
import type { Fetched } from '../http/index.js';
import type { GitlabClient } from './client.js';
import type { GitlabMember, GitlabProtectedBranch, GitlabVariable } from './schema.js';

/** Everything one collect() shares; created per run, never at module level. */
export interface Run {
  client: GitlabClient;
  /** The user named these targets: missing access is an error rather than a skip. */
  explicit: boolean;
  now: Date;
  redactor: Redactor;
  signal?: AbortSignal;
  debug(message: string): void;
  /** Premium endpoints found unavailable, per top-level namespace (a GitLab.com plan covers one top-level group). */
  premiumUnavailable: Map<string, Set<PremiumArea>>;
  /** Usernames of each top-level group's members (direct and inherited), fetched once. */
  topGroupMembers: Map<string, Promise<Fetched<Set<string>>>>;
  /** Premium facts a REST answer proved available, per top-level namespace: only then are GraphQL's (which reads `false` on Free) trusted. */
  premiumConfirmed: Map<string, Set<ConfirmedArea>>;
  /** Facts read in bulk through GraphQL, by project full path (undefined: read them through REST). */
  prefetched: Map<string, Promise<Prefetched | undefined>>;
}

export type ConfirmedArea = 'push_rule' | 'code_owner';

export type PremiumArea = 'approvals' | 'approval_rules' | 'push_rule' | 'protected_environments';

export function rootNamespace(fullPath: string): string {
  return fullPath.split('/')[0] ?? fullPath;
}

/** Per-project facts read in bulk through GraphQL (graphql.ts); absent facts are read through REST. */
export interface Prefetched {
  variables?: GitlabVariable[];
  members?: GitlabMember[];
  /** Only when the caller is Maintainer+ (branch rules the caller may not read are dropped silently). */
  protectedBranches?: GitlabProtectedBranch[];
  /** `codeOwnerApprovalRequired` of each rule: only trusted once the namespace is known to be Premium. */
  codeOwnerApproval?: boolean[];
  /** EE only; `null` = never configured. Only trusted once the namespace is known to be Premium. */
  pushRule?: { reject_unsigned_commits: boolean } | null;
  /** Root ref the tree and blobs below were read at. */
  rootRef?: string;
  /** Every blob path of the repository when the whole tree fitted one page. */
  tree?: string[];
  /** Text of the default CI file (`.gitlab-ci.yml`) at the root ref; undefined = absent. */
  defaultCiFile?: { text: string | undefined };
}
