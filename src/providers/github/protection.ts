import picomatch from 'picomatch';
import type { BranchProtection, Gap } from '../../model/index.js';
import type { GqlBranchProtectionRule, GqlRuleset, RestRuleset } from './schema.js';

/**
 * Effective protection of the default branch: the classic rule that governs it merged with
 * every ruleset in force (repo and org). Rules combine to the strictest value. A ruleset in
 * `evaluate` mode, or one every writer may bypass, protects nothing and is only listed.
 */

/** A rule in force, from GraphQL rulesets or REST `rules/branches/{branch}`. */
export interface RuleInForce {
  type: string;
  parameters?: Record<string, unknown> | null;
  rulesetId?: number;
}

type Applies = 'yes' | 'no' | 'unknown';

const FNMATCH = { dot: true, noextglob: true, nobrace: true } as const;

function matchesAny(patterns: string[], value: string, specials: Record<string, boolean>): boolean {
  return patterns.some((p) => (p in specials ? specials[p] : picomatch.isMatch(value, p, FNMATCH)));
}

/** Whether a ruleset targets this repository's default branch, from its conditions. */
export function rulesetApplies(rs: GqlRuleset, repo: { name: string; databaseId?: number | null }, defaultBranch: string): Applies {
  if (rs.target !== 'BRANCH') return 'no';
  const c = rs.conditions;
  const ref = `refs/heads/${defaultBranch}`;
  const specials = { '~ALL': true, '~DEFAULT_BRANCH': true };
  if (!c.refName || c.refName.include.length === 0) return 'no';
  if (!matchesAny(c.refName.include, ref, specials)) return 'no';
  if (matchesAny(c.refName.exclude, ref, specials)) return 'no';
  if (c.repositoryName) {
    const all = { '~ALL': true };
    if (!matchesAny(c.repositoryName.include, repo.name, all) || matchesAny(c.repositoryName.exclude, repo.name, all)) return 'no';
  }
  if (c.repositoryId) {
    if (repo.databaseId == null) return 'unknown';
    if (!c.repositoryId.repositoryIds.map(String).includes(String(repo.databaseId))) return 'no';
  }
  if (c.repositoryProperty) return 'unknown';
  return 'yes';
}

/** The classic rule GitHub applies: an exact pattern wins over wildcards, then the most specific. */
export function classicRuleFor(rules: GqlBranchProtectionRule[], branch: string): GqlBranchProtectionRule | undefined {
  const exact = rules.find((r) => r.pattern === branch);
  if (exact) return exact;
  const matching = rules.filter((r) => picomatch.isMatch(branch, r.pattern, FNMATCH));
  return matching.sort((a, b) => wildcardCount(a.pattern) - wildcardCount(b.pattern) || b.pattern.length - a.pattern.length)[0];
}

function wildcardCount(p: string): number {
  return (p.match(/[*?[]/g) ?? []).length;
}

const WIDE_ROLES = new Set(['read', 'triage', 'write']);

function bypassedByEveryone(rs: GqlRuleset): boolean {
  return rs.bypassActors.nodes.some((a) => a.bypassMode !== 'PULL_REQUEST' && a.repositoryRoleName !== null && WIDE_ROLES.has(a.repositoryRoleName.toLowerCase()));
}

function adminsBypass(rs: GqlRuleset): boolean {
  return rs.bypassActors.nodes.some((a) => a.organizationAdmin || (a.repositoryRoleName ?? '').toLowerCase() === 'admin');
}

function actorOf(a: GqlRuleset['bypassActors']['nodes'][number]): { type: string; name: string; mode?: string } {
  const mode = a.bypassMode?.toLowerCase();
  if (a.organizationAdmin) return { type: 'OrganizationAdmin', name: 'organization admins', mode };
  if (a.repositoryRoleName) return { type: 'RepositoryRole', name: a.repositoryRoleName, mode };
  if (a.actor) return { type: a.actor.__typename, name: a.actor.slug ?? a.actor.login ?? a.actor.__typename, mode };
  return { type: 'DeployKey', name: 'deploy keys', mode };
}

function emptyProtection(): Required<Omit<BranchProtection, 'bypassActors' | 'sources'>> & Pick<BranchProtection, 'bypassActors' | 'sources'> {
  return {
    protected: false,
    pullRequestRequired: false,
    requiredApprovals: 0,
    dismissStaleApprovals: false,
    codeOwnerReview: false,
    statusChecksRequired: false,
    requiredStatusChecks: [],
    upToDateRequired: false,
    forcePushAllowed: true,
    deletionAllowed: true,
    adminsIncluded: false,
    signedCommitsRequired: false,
    bypassActors: [],
    sources: [],
  };
}

type Mutable = ReturnType<typeof emptyProtection>;

function applyClassic(p: Mutable, rule: GqlBranchProtectionRule): void {
  p.protected = true;
  p.sources!.push({ type: 'classic', name: rule.pattern });
  if (rule.requiresApprovingReviews) {
    p.pullRequestRequired = true;
    p.requiredApprovals = Math.max(p.requiredApprovals, rule.requiredApprovingReviewCount ?? 0);
  }
  p.dismissStaleApprovals ||= rule.dismissesStaleReviews;
  p.codeOwnerReview ||= rule.requiresCodeOwnerReviews;
  if (rule.requiresStatusChecks) {
    p.statusChecksRequired = true;
    p.upToDateRequired ||= rule.requiresStrictStatusChecks;
    addChecks(p, rule.requiredStatusCheckContexts ?? []);
  }
  p.forcePushAllowed &&= rule.allowsForcePushes;
  p.deletionAllowed &&= rule.allowsDeletions;
  p.adminsIncluded ||= rule.isAdminEnforced;
  p.signedCommitsRequired ||= rule.requiresCommitSignatures;
  for (const n of rule.bypassPullRequestAllowances?.nodes ?? []) {
    if (n.actor) p.bypassActors!.push({ type: n.actor.__typename, name: n.actor.login ?? n.actor.slug ?? n.actor.__typename, mode: 'pull_request' });
  }
}

function addChecks(p: Mutable, contexts: string[]): void {
  for (const c of contexts) if (!p.requiredStatusChecks.includes(c)) p.requiredStatusChecks.push(c);
}

function bool(v: unknown): boolean {
  return v === true;
}

/** GraphQL params are camelCase, REST params snake_case: read either. */
function param(params: Record<string, unknown> | null | undefined, camel: string, snake: string): unknown {
  return params?.[camel] ?? params?.[snake];
}

export function applyRule(p: Mutable, rule: RuleInForce): void {
  const type = rule.type.toLowerCase();
  const params = rule.parameters;
  p.protected = true;
  if (type === 'pull_request') {
    p.pullRequestRequired = true;
    const count = Number(param(params, 'requiredApprovingReviewCount', 'required_approving_review_count') ?? 0);
    if (Number.isFinite(count)) p.requiredApprovals = Math.max(p.requiredApprovals, count);
    p.dismissStaleApprovals ||= bool(param(params, 'dismissStaleReviewsOnPush', 'dismiss_stale_reviews_on_push'));
    p.codeOwnerReview ||= bool(param(params, 'requireCodeOwnerReview', 'require_code_owner_review'));
  } else if (type === 'required_status_checks') {
    p.statusChecksRequired = true;
    p.upToDateRequired ||= bool(param(params, 'strictRequiredStatusChecksPolicy', 'strict_required_status_checks_policy'));
    const checks = param(params, 'requiredStatusChecks', 'required_status_checks');
    if (Array.isArray(checks)) addChecks(p, checks.map((c) => (c && typeof c === 'object' ? String((c as { context?: unknown }).context) : String(c))));
  } else if (type === 'non_fast_forward') p.forcePushAllowed = false;
  else if (type === 'deletion') p.deletionAllowed = false;
  else if (type === 'required_signatures') p.signedCommitsRequired = true;
}

export interface ProtectionInput {
  repo: { name: string; databaseId?: number | null };
  defaultBranch: string;
  /** Classic rules, or undefined when the token may not read them. */
  classic?: GqlBranchProtectionRule[];
  /** Rulesets from GraphQL (with bypass actors), or undefined when not visible. */
  rulesets?: GqlRuleset[];
  /** REST rules in force; when given it decides which rulesets apply. */
  rulesInForce?: RuleInForce[];
}

export interface ProtectionResult {
  protection?: BranchProtection;
  gaps: Record<string, Gap>;
}

/** True when the GraphQL rulesets alone cannot say what applies (property conditions, truncated lists). */
export function needsRulesInForce(input: Pick<ProtectionInput, 'repo' | 'defaultBranch' | 'rulesets'>, truncated: boolean): boolean {
  if (truncated || !input.rulesets) return true;
  return input.rulesets.some(
    (rs) =>
      rs.enforcement === 'ACTIVE' &&
      (rulesetApplies(rs, input.repo, input.defaultBranch) === 'unknown' || rs.rules.pageInfo?.hasNextPage === true || rs.bypassActors.pageInfo?.hasNextPage === true),
  );
}

export function effectiveProtection(input: ProtectionInput, classicGap: Gap | undefined): ProtectionResult {
  const p = emptyProtection();
  const gaps: Record<string, Gap> = {};
  if (input.classic) {
    const rule = classicRuleFor(input.classic, input.defaultBranch);
    if (rule) applyClassic(p, rule);
  }
  const inForceIds = input.rulesInForce ? new Set(input.rulesInForce.map((r) => r.rulesetId)) : undefined;
  const appliedIds = new Set<number>();
  for (const rs of input.rulesets ?? []) {
    if (rs.enforcement === 'DISABLED') continue;
    const applies = inForceIds && rs.databaseId != null && rs.enforcement === 'ACTIVE' ? (inForceIds.has(rs.databaseId) ? 'yes' : 'no') : rulesetApplies(rs, input.repo, input.defaultBranch);
    if (applies === 'no') continue;
    if (rs.enforcement === 'EVALUATE') {
      if (applies === 'yes') p.sources!.push({ type: 'ruleset', name: rs.name, enforcement: 'evaluate' });
      continue;
    }
    if (applies === 'unknown') continue;
    if (bypassedByEveryone(rs)) {
      p.sources!.push({ type: 'ruleset', name: `${rs.name} (bypassable by every writer)`, enforcement: 'active' });
      for (const a of rs.bypassActors.nodes) p.bypassActors!.push(actorOf(a));
      if (rs.databaseId != null) appliedIds.add(rs.databaseId);
      continue;
    }
    p.sources!.push({ type: 'ruleset', name: rs.name, enforcement: 'active' });
    if (rs.databaseId != null) appliedIds.add(rs.databaseId);
    for (const rule of rs.rules.nodes) applyRule(p, rule);
    for (const a of rs.bypassActors.nodes) p.bypassActors!.push(actorOf(a));
    if (rs.rules.nodes.length > 0 && !adminsBypass(rs)) p.adminsIncluded = true;
  }
  // Rules in force whose ruleset we could not see in detail (no GraphQL data): apply them;
  // their bypass actors are unknown.
  let unseenRules = false;
  for (const rule of input.rulesInForce ?? []) {
    if (rule.rulesetId !== undefined && appliedIds.has(rule.rulesetId)) continue;
    if (rule.rulesetId !== undefined && input.rulesets?.some((rs) => rs.databaseId === rule.rulesetId)) continue;
    applyRule(p, rule);
    unseenRules = true;
    if (!p.sources!.some((s) => s.name === `ruleset ${rule.rulesetId ?? '?'}`)) p.sources!.push({ type: 'ruleset', name: `ruleset ${rule.rulesetId ?? '?'}`, enforcement: 'active' });
  }
  if (unseenRules) {
    const msg = 'ruleset bypass actors are not visible to this token (needs repository admin)';
    gaps['branchProtection.bypassActors'] = { reason: 'forbidden', message: msg, outcome: 'skip' };
    if (!p.adminsIncluded) gaps['branchProtection.adminsIncluded'] = { reason: 'forbidden', message: msg, outcome: 'skip' };
  }
  if (!input.classic && classicGap) {
    if (!p.protected) return { gaps: { ...gaps, branchProtection: classicGap } };
    // Rulesets prove some protections; everything they do not prove may still come from classic rules.
    const unproven: [keyof BranchProtection, boolean][] = [
      ['pullRequestRequired', p.pullRequestRequired],
      ['requiredApprovals', p.requiredApprovals > 0],
      ['dismissStaleApprovals', p.dismissStaleApprovals],
      ['codeOwnerReview', p.codeOwnerReview],
      ['statusChecksRequired', p.statusChecksRequired],
      ['requiredStatusChecks', false],
      ['upToDateRequired', p.upToDateRequired],
      ['forcePushAllowed', !p.forcePushAllowed],
      ['deletionAllowed', !p.deletionAllowed],
      ['adminsIncluded', false],
      ['signedCommitsRequired', p.signedCommitsRequired],
      ['bypassActors', false],
    ];
    const out: BranchProtection = { protected: true, sources: p.sources };
    for (const [field, proven] of unproven) {
      if (proven) (out as Record<string, unknown>)[field] = p[field];
      else gaps[`branchProtection.${field}`] = classicGap;
    }
    return { protection: out, gaps };
  }
  if (gaps['branchProtection.bypassActors']) {
    const { bypassActors: _b, adminsIncluded, ...rest } = p;
    return { protection: gaps['branchProtection.adminsIncluded'] ? rest : { ...rest, adminsIncluded }, gaps };
  }
  return { protection: p, gaps };
}

/** GitHub's base repository role ids as used in ruleset bypass actors. */
const ROLE_BY_ID: Record<number, string> = { 1: 'read', 2: 'maintain', 3: 'triage', 4: 'write', 5: 'admin' };

/** A REST ruleset (fetched when GraphQL could not list it) in the GraphQL shape; it is known to be in force. */
export function rulesetFromRest(rs: RestRuleset): GqlRuleset | undefined {
  if (!rs.bypass_actors) return undefined;
  return {
    databaseId: rs.id,
    name: rs.name,
    enforcement: rs.enforcement === 'active' ? 'ACTIVE' : rs.enforcement === 'evaluate' ? 'EVALUATE' : 'DISABLED',
    target: 'BRANCH',
    source: null,
    conditions: { refName: { include: ['~ALL'], exclude: [] } },
    bypassActors: {
      nodes: rs.bypass_actors.map((a) => ({
        bypassMode: (a.bypass_mode ?? 'always').toUpperCase(),
        organizationAdmin: a.actor_type === 'OrganizationAdmin',
        repositoryRoleName: a.actor_type === 'RepositoryRole' ? (ROLE_BY_ID[a.actor_id ?? 0] ?? `role ${a.actor_id}`) : null,
        actor: a.actor_type === 'Team' || a.actor_type === 'Integration' || a.actor_type === 'User' ? { __typename: a.actor_type === 'Integration' ? 'App' : a.actor_type, slug: String(a.actor_id) } : null,
      })),
    },
    rules: { nodes: (rs.rules ?? []).map((r) => ({ type: r.type, parameters: r.parameters ?? null })) },
  };
}
