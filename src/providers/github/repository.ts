import type { Gap, Permission, Repository, Resource, Token } from '../../model/index.js';
import type { GithubClient } from './client.js';
import { collectEnvironments } from './environments.js';
import { collectFiles } from './files.js';
import type { RepoDetails } from './graphql.js';
import { repoId as makeRepoId } from './ids.js';
import { roleGap } from './permissions.js';
import { effectiveProtection, needsRulesInForce, type RuleInForce } from './protection.js';
import type { RepoRef } from './repos.js';
import { BranchRuleList, CollaboratorList, WorkflowPermissions } from './schema.js';
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
  const { client, explicit } = ctx;
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

  const [hooks, secrets, workflowPerms] = await Promise.all([
    collectWebhooks(client, ref.owner, ref.name),
    collectSecrets(client, where),
    ctx.orgWorkflowPermissions === 'read'
      ? Promise.resolve({ ok: true as const, data: { default_workflow_permissions: 'read' as const } })
      : ref.viewerAdmin === false
        ? Promise.resolve({ ok: false as const, gap: roleGap('actions', explicit) })
        : client.get('actions', 'GET /repos/{owner}/{repo}/actions/permissions/workflow', { owner: ref.owner, repo: ref.name }, WorkflowPermissions),
  ]);
  if (hooks.ok) repo.webhooks = hooks.data;
  else gaps.webhooks = hooks.gap;
  out.push(...secrets.secrets);
  if (secrets.gap) gaps.secrets = secrets.gap;
  if (workflowPerms.ok) repo.defaultWorkflowPermissions = workflowPerms.data.default_workflow_permissions;
  else gaps.defaultWorkflowPermissions = workflowPerms.gap;

  // Branch protection.
  if (gql && branch && !gaps.branchProtection) {
    const classicGap = admin ? undefined : roleGap('branchProtection', explicit);
    const rulesets = admin ? gql.rulesets?.nodes : undefined;
    const truncated = (gql.rulesets?.pageInfo.hasNextPage ?? false) || (gql.branchProtectionRules?.pageInfo.hasNextPage ?? false);
    let rulesInForce: RuleInForce[] | undefined;
    const input = { repo: { name: ref.name, databaseId: gql.databaseId }, defaultBranch: branch, rulesets };
    if (!admin || needsRulesInForce(input, truncated)) {
      const rules = await client.list('rules', 'GET /repos/{owner}/{repo}/rules/branches/{branch}', { owner: ref.owner, repo: ref.name, branch }, BranchRuleList);
      if (rules.ok) rulesInForce = rules.data.map((r) => ({ type: r.type, parameters: r.parameters, rulesetId: r.ruleset_id }));
      else gaps.branchProtection = rules.gap;
    }
    if (!gaps.branchProtection) {
      const result = effectiveProtection({ ...input, classic: admin ? (gql.branchProtectionRules?.nodes ?? []) : undefined, rulesInForce }, classicGap);
      if (result.protection) repo.branchProtection = result.protection;
      Object.assign(gaps, result.gaps);
    }
  } else if (!gql && !gaps.branchProtection) {
    gaps.branchProtection = { reason: 'error', message: 'repository details (GraphQL) unavailable' };
  }

  // Outside collaborators and deploy keys (GraphQL, admin only).
  if (gql?.collaborators) {
    let collaborators = gql.collaborators.edges.map((e) => ({ login: e.node.login, permission: GQL_PERMISSION[e.permission] ?? 'none', outside: true }));
    if (gql.collaborators.pageInfo.hasNextPage) {
      const more = await client.list('collaborators', 'GET /repos/{owner}/{repo}/collaborators', { owner: ref.owner, repo: ref.name, affiliation: 'outside' }, CollaboratorList);
      if (more.ok) collaborators = more.data.map((c) => ({ login: c.login, permission: permissionFromRest(c), outside: true }));
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

  // Environments (REST only where GraphQL says there are some) and their secrets.
  const envCount = gql?.environments.totalCount;
  if (envCount === undefined || envCount > 0) {
    const envs = await collectEnvironments(client, where);
    if (envs.gap) gaps.environments = envs.gap;
    for (const env of envs.environments) {
      out.push(env);
      const envSecrets = await collectSecrets(client, { ...where, environment: env.name });
      out.push(...envSecrets.secrets);
      if (envSecrets.gap) env.gaps = { ...env.gaps, secrets: envSecrets.gap };
    }
  }

  // Files: workflows (GraphQL text), Dockerfiles and IaC (tree).
  if (branch && gql) {
    const files = await collectFiles({ client, owner: ref.owner, name: ref.name, branch, repoId: id }, gql.workflows, gaps.pipelineFiles);
    Object.assign(repo, files.repo);
    Object.assign(gaps, files.gaps);
    out.push(...files.pipelines, ...files.images);
  } else if (!branch && gql) {
    Object.assign(repo, { pipelineFiles: [], buildsImages: false, hasIac: false, codeowners: false });
  } else {
    for (const f of ['pipelineFiles', 'ciScans', 'buildsImages', 'hasIac', 'codeowners']) gaps[f] ??= { reason: 'error', message: 'repository details unavailable' };
  }

  if (Object.keys(gaps).length) repo.gaps = gaps;
  return out;
}
