import type { Gap, Permission, Repository, Resource, Token } from '../../model/index.js';
import type { GithubClient } from './client.js';
import { collectEnvironments, environmentsFromGraphql } from './environments.js';
import { collectFiles } from './files.js';
import type { RepoDetails } from './graphql.js';
import { repoId as makeRepoId } from './ids.js';
import { roleGap } from './permissions.js';
import { effectiveProtection, needsRulesInForce, rulesetFromRest, type RuleInForce } from './protection.js';
import type { RepoRef } from './repos.js';
import { BranchRuleList, ClassicProtection, CollaboratorList, RestRuleset, WorkflowPermissions, type GqlBranchProtectionRule, type GqlRuleset } from './schema.js';
import { collectSecrets } from './secrets.js';
import { collectWebhooks } from './webhooks.js';

export interface RepoContext {
  client: GithubClient;
  explicit: boolean;
  /** The org's default GITHUB_TOKEN permission: `read` at org level forces `read` on every repo. */
  orgWorkflowPermissions?: 'read' | 'write';
}

const GQL_PERMISSION: Record<string, Permission> = { ADMIN: 'admin', MAINTAIN: 'maintain', WRITE: 'write', TRIAGE: 'triage', READ: 'read' };

function permissionFromRest(c: { role_name?: string; permissions?: Partial<Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean>> }): Permission {
  const p = c.permissions ?? {};
  if (p.admin) return 'admin';
  if (p.maintain) return 'maintain';
  if (p.push) return 'write';
  if (p.triage) return 'triage';
  if (p.pull) return 'read';
  const role = c.role_name?.toLowerCase();
  return role === 'admin' || role === 'maintain' || role === 'write' || role === 'triage' || role === 'read' ? role : 'none';
}

/** Everything about one repository: the GraphQL batch data plus the REST-only areas. */
export async function collectRepository(ctx: RepoContext, ref: RepoRef, details: RepoDetails | undefined): Promise<Resource[]> {
  const { explicit } = ctx;
  const id = makeRepoId(ref.owner, ref.name);
  const gaps: Record<string, Gap> = { ...(details?.gaps ?? {}) };
  const repo: Repository = {
    id,
    kind: 'repository',
    provider: 'github',
    platform: 'github',
    name: ref.fullName,
    url: ref.htmlUrl,
    visibility: ref.visibility,
    archived: ref.archived,
    fork: ref.fork,
  };
  const out: Resource[] = [repo];
  const gql = details?.repo;
  const admin = ref.viewerAdmin !== false && details?.admin === true;
  const where = { owner: ref.owner, repo: ref.name, repoId: id, htmlUrl: ref.htmlUrl };

  const branch = gql ? gql.defaultBranchRef?.name : ref.defaultBranch;
  if (branch) repo.defaultBranch = branch;
  else if (gql && gql.defaultBranchRef === null) {
    // An empty repository has no default branch: nothing to protect, no files.
    gaps.branchProtection = { reason: 'not-applicable', message: 'repository is empty (no default branch)' };
  }

  // Security features: `security_and_analysis` is only shown to admins; absent is unknown.
  if (ref.security) {
    repo.secretScanning = ref.security.secret_scanning?.status === 'enabled';
    repo.secretScanningPushProtection = ref.security.secret_scanning_push_protection?.status === 'enabled';
  } else {
    gaps.secretScanning = roleGap('securityFeatures', explicit);
    gaps.secretScanningPushProtection = roleGap('securityFeatures', explicit);
  }
  if (gql?.hasVulnerabilityAlertsEnabled !== undefined) repo.dependencyAlerts = gql.hasVulnerabilityAlertsEnabled;
  else gaps.dependencyAlerts ??= roleGap('securityFeatures', explicit);
  if (gql && typeof gql.isSecurityPolicyEnabled === 'boolean') repo.securityPolicy = gql.isSecurityPolicyEnabled;
  else if (gql) gaps.securityPolicy ??= { reason: 'error', message: 'security policy status not returned by GitHub' };

  const sections = await Promise.all([
    settingsSection(ctx, ref, repo, gaps, where),
    protectionSection(ctx, ref, repo, gaps, gql, branch, admin),
    accessSection(ctx, ref, repo, gaps, gql, id),
    environmentsSection(ctx, gaps, gql, where),
    filesSection(ctx, ref, repo, gaps, gql, branch, id),
  ]);
  for (const list of sections) out.push(...list);

  if (Object.keys(gaps).length) repo.gaps = gaps;
  return out;
}

type Where = { owner: string; repo: string; repoId: string; htmlUrl: string };
type Gaps = Record<string, Gap>;
type Gql = RepoDetails['repo'];

/** Webhooks, repository Actions secrets, default GITHUB_TOKEN permission (REST only). */
async function settingsSection(ctx: RepoContext, ref: RepoRef, repo: Repository, gaps: Gaps, where: Where): Promise<Resource[]> {
  const { client, explicit } = ctx;
  const [hooks, secrets, workflowPerms] = await Promise.all([
    collectWebhooks(client, ref.owner, ref.name),
    collectSecrets(client, where),
    ctx.orgWorkflowPermissions === 'read'
      ? Promise.resolve({ ok: true as const, value: { default_workflow_permissions: 'read' as const } })
      : ref.viewerAdmin === false
        ? Promise.resolve({ ok: false as const, gap: roleGap('actions', explicit) })
        : client.get('actions', 'GET /repos/{owner}/{repo}/actions/permissions/workflow', { owner: ref.owner, repo: ref.name }, WorkflowPermissions),
  ]);
  if (hooks.ok) repo.webhooks = hooks.value;
  else gaps.webhooks = hooks.gap;
  if (secrets.gap) gaps.secrets = secrets.gap;
  if (workflowPerms.ok) repo.defaultWorkflowPermissions = workflowPerms.value.default_workflow_permissions;
  else gaps.defaultWorkflowPermissions = workflowPerms.gap;
  return secrets.secrets;
}

/** Effective default-branch protection: classic rules and rulesets from GraphQL, rules in force from REST when needed. */
async function protectionSection(ctx: RepoContext, ref: RepoRef, repo: Repository, gaps: Gaps, gql: Gql, branch: string | undefined, admin: boolean): Promise<Resource[]> {
  const { client, explicit } = ctx;
  if (!gql) {
    gaps.branchProtection ??= { reason: 'error', message: 'repository details (GraphQL) unavailable' };
    return [];
  }
  if (!branch || gaps.branchProtection) return [];
  const classicGap = admin ? undefined : roleGap('branchProtection', explicit);
  const rulesets = admin ? gql.rulesets?.nodes : undefined;
  const truncated = (gql.rulesets?.pageInfo.hasNextPage ?? false) || (gql.branchProtectionRules?.pageInfo.hasNextPage ?? false);
  let rulesInForce: RuleInForce[] | undefined;
  const input = { repo: { name: ref.name, databaseId: gql.databaseId }, defaultBranch: branch, rulesets };
  if (!admin || needsRulesInForce(input, truncated)) {
    const rules = await client.list('rules', 'GET /repos/{owner}/{repo}/rules/branches/{branch}', { owner: ref.owner, repo: ref.name, branch }, BranchRuleList);
    if (!rules.ok) {
      gaps.branchProtection = rules.gap;
      return [];
    }
    rulesInForce = rules.value.map((r) => ({ type: r.type, parameters: r.parameters, rulesetId: r.ruleset_id }));
    if (admin) input.rulesets = [...(rulesets ?? []), ...(await unseenRulesets(ctx, ref, rulesInForce, rulesets ?? []))];
  }
  let classic = admin ? (gql.branchProtectionRules?.nodes ?? []) : undefined;
  if (admin && gql.branchProtectionRules?.pageInfo.hasNextPage) {
    // More classic rules than one GraphQL page: ask REST for the rule governing the branch.
    const rest = await classicFromRest(ctx, ref, branch);
    if ('gap' in rest) {
      gaps.branchProtection = rest.gap;
      return [];
    }
    classic = rest.rules;
  }
  const result = effectiveProtection({ ...input, classic, rulesInForce }, classicGap);
  if (result.protection) repo.branchProtection = result.protection;
  Object.assign(gaps, result.gaps);
  return [];
}

/** Rulesets in force that the GraphQL page did not include: their bypass actors from REST. */
async function unseenRulesets(ctx: RepoContext, ref: RepoRef, inForce: RuleInForce[], seen: GqlRuleset[]): Promise<GqlRuleset[]> {
  const seenIds = new Set(seen.map((rs) => rs.databaseId));
  const ids = [...new Set(inForce.map((r) => r.rulesetId).filter((id): id is number => id !== undefined && !seenIds.has(id)))].slice(0, 20);
  const fetched = await Promise.all(ids.map((id) => ctx.client.get('rules', 'GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', { owner: ref.owner, repo: ref.name, ruleset_id: id }, RestRuleset)));
  return fetched.flatMap((res) => (res.ok ? (rulesetFromRest(res.value) ?? []) : []));
}

/** Classic protection of one branch over REST; 404 "Branch not protected" means none. */
async function classicFromRest(ctx: RepoContext, ref: RepoRef, branch: string): Promise<{ rules: GqlBranchProtectionRule[] } | { gap: Gap }> {
  const res = await ctx.client.get('branchProtection', 'GET /repos/{owner}/{repo}/branches/{branch}/protection', { owner: ref.owner, repo: ref.name, branch }, ClassicProtection);
  if (!res.ok) return res.status === 404 && res.apiMessage === 'Branch not protected' ? { rules: [] } : { gap: res.gap };
  const p = res.value;
  const reviews = p.required_pull_request_reviews;
  const checks = p.required_status_checks;
  return {
    rules: [
      {
        pattern: branch,
        isAdminEnforced: p.enforce_admins?.enabled ?? false,
        allowsForcePushes: p.allow_force_pushes?.enabled ?? false,
        allowsDeletions: p.allow_deletions?.enabled ?? false,
        requiresApprovingReviews: reviews !== undefined,
        requiredApprovingReviewCount: reviews?.required_approving_review_count ?? 0,
        requiresCodeOwnerReviews: reviews?.require_code_owner_reviews ?? false,
        dismissesStaleReviews: reviews?.dismiss_stale_reviews ?? false,
        requiresStatusChecks: checks != null,
        requiresStrictStatusChecks: checks?.strict ?? false,
        requiredStatusCheckContexts: checks?.contexts ?? [],
        requiresCommitSignatures: p.required_signatures?.enabled ?? false,
      },
    ],
  };
}

/** Outside collaborators and deploy keys (GraphQL, admin only); deploy keys are also tokens. */
async function accessSection(ctx: RepoContext, ref: RepoRef, repo: Repository, gaps: Gaps, gql: Gql, id: string): Promise<Resource[]> {
  const { client, explicit } = ctx;
  const out: Resource[] = [];
  if (gql?.collaborators) {
    let collaborators = gql.collaborators.edges.map((e) => ({ login: e.node.login, permission: GQL_PERMISSION[e.permission] ?? 'none', outside: true }));
    if (gql.collaborators.pageInfo.hasNextPage) {
      const more = await client.list('collaborators', 'GET /repos/{owner}/{repo}/collaborators', { owner: ref.owner, repo: ref.name, affiliation: 'outside' }, CollaboratorList);
      if (more.ok) collaborators = more.value.map((c) => ({ login: c.login, permission: permissionFromRest(c), outside: true }));
      else gaps.collaborators = more.gap;
    }
    if (!gaps.collaborators) repo.collaborators = collaborators;
  } else gaps.collaborators ??= roleGap('collaborators', explicit);
  if (gql?.deployKeys && !gql.deployKeys.pageInfo.hasNextPage) {
    repo.deployKeys = gql.deployKeys.nodes.map((k) => ({ id: k.id, title: k.title, readOnly: k.readOnly, createdAt: k.createdAt }));
    for (const k of gql.deployKeys.nodes) {
      const token: Token = {
        id: `${id}/deploy-key/${encodeURIComponent(k.id)}`,
        kind: 'token',
        provider: 'github',
        name: k.title,
        url: `${ref.htmlUrl}/settings/keys`,
        tokenType: 'deploy-key',
        scope: ref.fullName,
        scopes: [k.readOnly ? 'read' : 'write'],
        createdAt: k.createdAt,
        // Deploy keys never expire.
        expiresAt: null,
      };
      out.push(token);
    }
  } else if (gql?.deployKeys) gaps.deployKeys = { reason: 'error', message: 'more than 100 deploy keys: list truncated' };
  else gaps.deployKeys ??= roleGap('deployKeys', explicit);
  return out;
}

/** Environments (from the GraphQL batch, REST where it cannot give every fact) and their secrets (REST). */
async function environmentsSection(ctx: RepoContext, gaps: Gaps, gql: Gql, where: Where): Promise<Resource[]> {
  if (gql?.environments.totalCount === 0) return [];
  const fromGraphql = gql && environmentsFromGraphql(gql.environments, where);
  const envs = fromGraphql ? { environments: fromGraphql } : await collectEnvironments(ctx.client, where);
  if (envs.gap) {
    gaps.environments = envs.gap;
    return envs.environments;
  }
  const out: Resource[] = [];
  const secrets = await Promise.all(envs.environments.map((env) => collectSecrets(ctx.client, { ...where, environment: env.name })));
  envs.environments.forEach((env, i) => {
    const envSecrets = secrets[i]!;
    out.push(env, ...envSecrets.secrets);
    if (envSecrets.gap) env.gaps = { ...env.gaps, secrets: envSecrets.gap };
  });
  return out;
}

/** Workflows (GraphQL text), Dockerfiles and IaC (tree). */
async function filesSection(ctx: RepoContext, ref: RepoRef, repo: Repository, gaps: Gaps, gql: Gql, branch: string | undefined, id: string): Promise<Resource[]> {
  if (branch && gql) {
    const files = await collectFiles({ client: ctx.client, owner: ref.owner, name: ref.name, branch, repoId: id }, gql, gaps.pipelineFiles);
    Object.assign(repo, files.repo);
    Object.assign(gaps, files.gaps);
    return [...files.pipelines, ...files.images];
  }
  if (!branch && gql) {
    Object.assign(repo, { pipelineFiles: [], buildsImages: false, hasIac: false, codeowners: false });
    return [];
  }
  for (const f of ['pipelineFiles', 'ciScans', 'buildsImages', 'hasIac', 'codeowners']) gaps[f] ??= { reason: 'error', message: 'repository details unavailable' };
  return [];
}
