import type { ZodType } from 'zod';
import type { Gap, Gaps, Repository, Resource } from '../../model/index.js';
import { collaboratorsOf, hookTarget } from './access.js';
import { branchProtectionOf } from './branches.js';
import { fetchValidated, unsupportedGap, type Fetched } from './call.js';
import { environmentResources, unlistedEnvironments } from './environments.js';
import { collectPipelineFacts } from './pipelines.js';
import type { Prefetched } from './graphql.js';
import { rootNamespace, type ConfirmedArea, type PremiumArea, type Run } from './run.js';
import {
  AccessTokenSchema,
  ApprovalRuleSchema,
  ApprovalSettingsSchema,
  DeployKeySchema,
  DeployTokenSchema,
  EnvironmentSchema,
  HookSchema,
  MemberSchema,
  ProtectedBranchSchema,
  ProtectedEnvironmentSchema,
  PushRuleSchema,
  VariableSchema,
  listOf,
  type GitlabEnvironment,
  type GitlabProject,
  type GitlabProtectedBranch,
  type GitlabProtectedEnvironment,
} from './schema.js';
import { accessTokenResource, deployTokenResource, isLiveToken, unlistedTokens } from './tokens.js';
import { unlistedVariables, variableResources } from './variables.js';

const MAINTAINER_ROLE = 'Maintainer role';
const FEATURES: Record<PremiumArea, string> = {
  approvals: 'merge request approval settings',
  approval_rules: 'merge request approval rules',
  push_rule: 'push rules',
  protected_environments: 'protected environments',
};

/** Every resource one project yields: the repository, its pipeline, images, secrets, tokens and environments. */
export async function collectProject(run: Run, project: GitlabProject): Promise<Resource[]> {
  const path = project.path_with_namespace;
  const repoId = `gitlab:${path}`;
  const root = rootNamespace(path);
  const c = run.client;
  const id = project.id;
  const get = <T>(what: string, schema: ZodType<T>, call: () => Promise<unknown>, need = MAINTAINER_ROLE) =>
    fetchValidated(run, `${what} of ${path}`, schema, call, need);
  const premium = <T>(area: PremiumArea, schema: ZodType<T>, call: () => Promise<unknown>): Promise<Fetched<T>> =>
    run.premiumUnavailable.get(root)?.has(area)
      ? Promise.resolve({ ok: false, gap: unsupportedGap(`${FEATURES[area]} of ${path}`, FEATURES[area]) })
      : get(FEATURES[area], schema, call);

  // Protection of an environment that was never created guards nothing: skip the call when there are none.
  const fetchEnvironments = async (): Promise<[Fetched<GitlabEnvironment[]>, Fetched<GitlabProtectedEnvironment[]>]> => {
    const envs = await get('environments', listOf(EnvironmentSchema), () => c.environments.all(id, { perPage: 100 } as never), 'Reporter role');
    if (envs.ok && envs.value.length === 0) return [envs, { ok: true, value: [] }];
    return [envs, await premium('protected_environments', listOf(ProtectedEnvironmentSchema), () => c.protectedEnvironments.all(id, { perPage: 100 }))];
  };
  // Facts GraphQL already answered for this project (graphql.ts); anything missing is read through REST.
  const pre = (await run.prefetched.get(path)) ?? {};
  const confirmed = run.premiumConfirmed.get(root);
  const known = <T>(value: T | undefined, fetch: () => Promise<Fetched<T>>): Promise<Fetched<T>> =>
    value === undefined ? fetch() : Promise.resolve({ ok: true, value });
  const pushRuleTrusted = confirmed?.has('push_rule') === true && pre.pushRule !== undefined;
  const gaps: Gaps = {};
  const [pipelineFacts, protectedBranches, approvals, approvalRules, pushRule, hooks, deployKeys, members, insiders, variables, accessTokens, deployTokens, [envs, protectedEnvs]] =
    await Promise.all([
      collectPipelineFacts(run, project, repoId, gaps, pre),
      known(prefetchedBranches(run, root, pre), () =>
        get('protected branches', listOf(ProtectedBranchSchema), () => c.protectedBranches.all(id, { perPage: 100 }), 'Maintainer role'),
      ),
      premium('approvals', ApprovalSettingsSchema, () => c.approvals.showConfiguration(id)),
      premium('approval_rules', listOf(ApprovalRuleSchema), () => c.approvals.allApprovalRules(id, { perPage: 100 } as never)),
      // GraphQL reads `false` where the plan lacks push rules: trusted only after REST proved them available here.
      known(pushRuleTrusted ? pre.pushRule : undefined, () => premium('push_rule', PushRuleSchema, () => c.pushRules.show(id))),
      get('webhooks', listOf(HookSchema), () => c.hooks.all(id, { perPage: 100 })),
      get('deploy keys', listOf(DeployKeySchema), () => c.deployKeys.all({ projectId: id, perPage: 100 })),
      known(pre.members, () => get('members', listOf(MemberSchema), () => c.projectMembers.all(id, { includeInherited: true, perPage: 100 }), 'Reporter role')),
      insidersOf(run, project),
      known(pre.variables, () => get('CI/CD variables', listOf(VariableSchema), () => c.projectVariables.all(id, { perPage: 100 }))),
      get('project access tokens', listOf(AccessTokenSchema), () => c.projectAccessTokens.all(id, { perPage: 100 })),
      get('deploy tokens', listOf(DeployTokenSchema), () => c.deployTokens.all({ projectId: id, perPage: 100 })),
      fetchEnvironments(),
    ]);

  // A 403 from a Premium endpoint while Maintainer-only settings were readable means the plan, not the role.
  const maintainer = hooks.ok || variables.ok || deployKeys.ok;
  const tier = <T>(area: PremiumArea, fetched: Fetched<T>): Fetched<T> => {
    if (fetched.ok || !(fetched.status === 404 || (fetched.status === 403 && maintainer))) return fetched;
    const unavailable = run.premiumUnavailable.get(root) ?? new Set<PremiumArea>();
    unavailable.add(area);
    run.premiumUnavailable.set(root, unavailable);
    return { ok: false, gap: unsupportedGap(`${FEATURES[area]} of ${path}`, FEATURES[area]) };
  };

  if (pushRule.ok && !pushRuleTrusted) confirm(run, root, 'push_rule');
  if (protectedBranches.ok && protectedBranches.value.some((pb) => pb.code_owner_approval_required !== undefined)) confirm(run, root, 'code_owner');

  const repo: Repository = {
    id: repoId,
    kind: 'repository',
    provider: 'gitlab',
    platform: 'gitlab',
    name: path,
    url: project.web_url,
    fork: Boolean(project.forked_from_project),
    ...pipelineFacts.fields,
  };
  if (project.visibility) repo.visibility = project.visibility;
  else gaps.visibility = { reason: 'malformed', message: `project ${path}: visibility missing` };
  if (project.archived !== undefined) repo.archived = project.archived;
  else gaps.archived = { reason: 'malformed', message: `project ${path}: archived missing` };
  if (project.default_branch) repo.defaultBranch = project.default_branch;

  const protection = branchProtectionOf(
    {
      project,
      protectedBranches,
      approvals: tier('approvals', approvals),
      approvalRules: tier('approval_rules', approvalRules),
      pushRule: tier('push_rule', pushRule),
    },
    gaps,
  );
  if (protection) repo.branchProtection = protection;

  if (hooks.ok) {
    repo.webhooks = hooks.value.map((h) => ({
      id: String(h.id),
      ...hookTarget(h.url),
      ...(h.alert_status ? { active: h.alert_status === 'executable' } : {}),
      sslVerification: h.enable_ssl_verification,
    }));
  } else gaps.webhooks = hooks.gap;

  if (deployKeys.ok) {
    repo.deployKeys = deployKeys.value.map((k) => ({
      id: String(k.id),
      title: k.title,
      readOnly: !k.can_push,
      ...(k.created_at ? { createdAt: new Date(k.created_at).toISOString() } : {}),
    }));
  } else gaps.deployKeys = deployKeys.gap;

  if (!members.ok) gaps.collaborators = members.gap;
  else if (!insiders.ok) gaps.collaborators = insiders.gap;
  else repo.collaborators = collaboratorsOf(members.value, insiders.value);

  for (const field of ['secretScanning', 'secretScanningPushProtection', 'dependencyAlerts']) {
    gaps[field] = { reason: 'unsupported', message: 'GitLab exposes no per-project switch for this; see ciScans' };
  }
  for (const field of ['envFilesCommitted', 'envIgnored', 'secretFindings']) {
    gaps[field] = { reason: 'unsupported', message: 'file contents are scanned on a checkout by the local provider, not through the GitLab API' };
  }
  repo.gaps = gaps;

  const resources: Resource[] = [repo, ...pipelineFacts.resources];
  resources.push(...(variables.ok ? variableResources(repoId, variables.value, run.redactor) : [unlistedVariables(repoId, variables.gap)]));
  resources.push(
    ...(accessTokens.ok ? accessTokens.value.filter(isLiveToken).map((t) => accessTokenResource(repoId, 'project', t)) : [unlistedTokens(repoId, 'project access tokens', accessTokens.gap)]),
  );
  resources.push(...(deployTokens.ok ? deployTokens.value.filter(isLiveToken).map((t) => deployTokenResource(repoId, t)) : [unlistedTokens(repoId, 'deploy tokens', deployTokens.gap)]));
  const protectedResult = tier('protected_environments', protectedEnvs);
  if (!envs.ok) resources.push(unlistedEnvironments(repoId, envs.gap));
  else resources.push(...environmentResources(repoId, protectedResult, envs.value));
  return resources;
}

function confirm(run: Run, root: string, area: ConfirmedArea): void {
  const set = run.premiumConfirmed.get(root) ?? new Set<ConfirmedArea>();
  set.add(area);
  run.premiumConfirmed.set(root, set);
}

/**
 * Protected branches from GraphQL branch rules, when they say all REST would: code-owner
 * approval is GitLab Premium and GraphQL reads `false` without it, so it is taken only where
 * REST showed the field in this namespace, and left absent (a gap, as REST on Free) where the
 * plan is known to lack Premium. Otherwise undefined: REST reads them.
 */
function prefetchedBranches(run: Run, root: string, pre: Prefetched): GitlabProtectedBranch[] | undefined {
  const rules = pre.protectedBranches;
  if (!rules) return undefined;
  if (run.premiumConfirmed.get(root)?.has('code_owner') && pre.codeOwnerApproval) {
    const flags = pre.codeOwnerApproval;
    return rules.map((rule, i) => ({ ...rule, code_owner_approval_required: flags[i] === true }));
  }
  if ((run.premiumUnavailable.get(root)?.size ?? 0) > 0) return rules;
  return undefined;
}

/** Who counts as an insider: members of the top-level group, or the owner of a personal namespace. */
async function insidersOf(run: Run, project: GitlabProject): Promise<Fetched<(login: string) => boolean>> {
  const namespace = project.namespace;
  if (namespace?.kind === 'user') return { ok: true, value: (login) => login === namespace.path };
  const root = rootNamespace(project.path_with_namespace);
  let pending = run.topGroupMembers.get(root);
  if (!pending) {
    pending = fetchValidated(run, `members of top-level group ${root}`, listOf(MemberSchema), () =>
      run.client.groupMembers.all(root, { includeInherited: true, perPage: 100 }),
    ).then((r): Fetched<Set<string>> => (r.ok ? { ok: true, value: new Set(r.value.map((m) => m.username)) } : r));
    run.topGroupMembers.set(root, pending);
  }
  const result = await pending;
  if (!result.ok) {
    const gap: Gap = { ...result.gap, message: `outside collaborators not determinable: ${result.gap.message}` };
    return { ok: false, gap };
  }
  return { ok: true, value: (login) => result.value.has(login) };
}
