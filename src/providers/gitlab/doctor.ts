import type { z } from 'zod';
import { Redactor } from '../../shared/redact.js';
import type { DoctorCheck, DoctorReport, ProviderTargets } from '../contract.js';
import { probeCheck } from '../doctor-checks.js';
import { fetchValidated } from './call.js';
import { createGitlabClient } from './client.js';
import type { Run } from './run.js';
import { AccessTokenSchema, GroupSchema, MemberSchema, ProjectSchema, UserSchema, VariableSchema, listOf } from './schema.js';
import { resolveTargets } from './targets.js';

type Env = Readonly<Record<string, string | undefined>>;

const ANY_LIST = listOf(AccessTokenSchema.partial().passthrough());

/**
 * `secpol doctor gitlab`: who the token belongs to, then one cheap real request per data area
 * the rules read (GitLab has no endpoint that lists what a token may read across areas), each
 * named with the rules that need it and the role GitLab asks for.
 */
export async function gitlabDoctor(spec: ProviderTargets, env: Env, signal?: AbortSignal): Promise<DoctorReport> {
  const targets = resolveTargets(spec, env) ?? { baseUrl: env.CI_SERVER_URL || env.GITLAB_URL || 'https://gitlab.com', projects: [] };
  const endpoint = targets.baseUrl;
  const token = env.GITLAB_TOKEN;
  if (!token) {
    return { provider: 'gitlab', endpoint, checks: [{ name: 'GITLAB_TOKEN', status: 'missing', detail: 'MISSING: set GITLAB_TOKEN to an access token with the read_api scope' }] };
  }
  const redactor = new Redactor();
  redactor.add(token);
  const client = createGitlabClient({ token, baseUrl: targets.baseUrl, signal, maxRetries: 1, maxWaitMs: 5_000, timeoutMs: 15_000, debug: () => {} });
  const run: Run = {
    client,
    explicit: true,
    now: new Date(),
    redactor,
    signal,
    debug: () => {},
    premiumUnavailable: new Map(),
    topGroupMembers: new Map(),
    premiumConfirmed: new Map(),
    prefetched: new Map(),
  };
  const checks: DoctorCheck[] = [];
  const probe = async <S extends z.ZodType>(name: string, what: string, schema: S, call: () => Promise<unknown>, need: string) => {
    const result = await fetchValidated(run, what, schema, call, need);
    checks.push(probeCheck(`${name} [read_api, ${need}]`, result));
    return result;
  };

  const me = await probe('token: the signed-in user', 'current user', UserSchema, () => client.users.showCurrentUser(), 'any role');
  const identity = me.ok ? `user ${me.value.username}${me.value.is_admin ? ' (administrator)' : ''}` : undefined;

  let project = targets.projects[0];
  if (targets.group) {
    const g = targets.group;
    const group = await probe(`group ${g}`, `group ${g}`, GroupSchema, () => client.groups.show(g), 'member');
    if (group.ok) {
      const id = group.value.id;
      await probe('org.admin-count, org.members-without-mfa: group members', `members of ${g}`, listOf(MemberSchema), () => client.groupMembers.all(id, { perPage: 1, maxPages: 1 } as never), 'Reporter role');
      await probe('secrets.*: group CI/CD variables', `CI/CD variables of ${g}`, listOf(VariableSchema), () => client.groupVariables.all(id, { perPage: 1, maxPages: 1 } as never), 'Maintainer role');
      await probe('tokens.expiry: group access tokens', `group access tokens of ${g}`, ANY_LIST, () => client.groupAccessTokens.all(id, { perPage: 1, maxPages: 1 } as never), 'Owner role');
      const first = await probe('repo.*: group projects', `projects of ${g}`, listOf(ProjectSchema), () => client.groups.allProjects(id, { includeSubgroups: true, perPage: 1, maxPages: 1 } as never), 'Reporter role');
      if (first.ok) project = first.value[0]?.path_with_namespace ?? project;
    }
  }
  if (project) await probeProject(project, probe, client);
  return { provider: 'gitlab', endpoint, identity, checks: checks.map((c) => ({ ...c, detail: redactor.redact(c.detail) })) };
}

type Probe = <S extends z.ZodType>(name: string, what: string, schema: S, call: () => Promise<unknown>, need: string) => Promise<{ ok: boolean }>;

async function probeProject(path: string, probe: Probe, client: ReturnType<typeof createGitlabClient>): Promise<void> {
  const one = { perPage: 1, maxPages: 1 } as never;
  const found = (await probe(`project ${path}`, `project ${path}`, ProjectSchema, () => client.projects.show(path), 'Reporter role')) as { ok: boolean; value?: z.infer<typeof ProjectSchema> };
  if (!found.ok || !found.value) return;
  const { id, default_branch: branch } = found.value;
  await probe('branch.*: protected branches', `protected branches of ${path}`, ANY_LIST, () => client.protectedBranches.all(id, one), 'Maintainer role');
  await probe('repo.webhooks-tls: webhooks', `webhooks of ${path}`, ANY_LIST, () => client.hooks.all(id, one), 'Maintainer role');
  await probe('repo.deploy-keys-read-only: deploy keys', `deploy keys of ${path}`, ANY_LIST, () => client.deployKeys.all({ projectId: id, ...(one as object) } as never), 'Maintainer role');
  await probe('secrets.*: project CI/CD variables', `CI/CD variables of ${path}`, listOf(VariableSchema), () => client.projectVariables.all(id, one), 'Maintainer role');
  await probe('tokens.expiry: project access tokens', `project access tokens of ${path}`, ANY_LIST, () => client.projectAccessTokens.all(id, one), 'Maintainer role');
  if (branch) {
    await probe('ci.*, container.*: repository files', `repository tree of ${path}`, ANY_LIST, () => client.repositories.allRepositoryTrees(id, { ref: branch, ...(one as object) } as never), 'Reporter role');
  }
}
