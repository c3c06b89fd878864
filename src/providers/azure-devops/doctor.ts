import type { z } from 'zod';
import { Redactor } from '../../shared/redact.js';
import type { DoctorCheck, DoctorReport, ProviderTargets } from '../contract.js';
import { probeCheck } from '../doctor-checks.js';
import { AdoClient, type Fetched } from './client.js';
import { LOCATIONS } from './locations.js';
import { TOKEN_VARS } from './meta.js';
import { AccessControlList, BuildDefinition, EnvironmentInstance, GitRepository, HookSubscription, PolicyConfiguration, Project, ServiceEndpoint, VariableGroup } from './schema.js';
import { GIT_NAMESPACE } from './security.js';
import { resolveTarget } from './target.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `secpol doctor azure-devops`: who the token is (connectionData), then one cheap real read per
 * data area the rules use, named with the PAT scope it needs (a PAT's scopes cannot be read
 * back through the API, so each is tried).
 */
export async function azureDevOpsDoctor(spec: ProviderTargets, env: Env, signal?: AbortSignal): Promise<DoctorReport> {
  if (!TOKEN_VARS.some((name) => env[name])) {
    return {
      provider: 'azure-devops',
      endpoint: String(spec.options.adoOrg ?? env.SYSTEM_COLLECTIONURI ?? '(from --ado-org)'),
      checks: [{ name: TOKEN_VARS.join(' | '), status: 'missing', detail: `MISSING: set one of ${TOKEN_VARS.join(', ')}` }],
    };
  }
  const target = resolveTarget(spec, env);
  const redactor = new Redactor();
  redactor.add(target.token);
  const client = new AdoClient({ orgUrl: target.orgUrl, token: target.token, bearer: target.bearer, explicit: true, maxRetries: 1, maxWaitMs: 5_000, signal });
  const checks: DoctorCheck[] = [];
  const report = (): DoctorReport => ({ provider: 'azure-devops', endpoint: target.orgUrl, identity, checks: checks.map((c) => ({ ...c, detail: redactor.redact(c.detail) })) });
  let identity: string | undefined;
  try {
    const conn = await client.connectionData();
    if (!conn.ok) {
      const status = conn.status === 401 || conn.status === 203 ? 'missing' : conn.status === undefined ? 'unreachable' : 'error';
      checks.push({ name: `${target.tokenVar}: sign-in`, status, detail: `${status.toUpperCase()}: ${conn.message}` });
      return report();
    }
    identity = `${conn.user ?? 'unknown user'} (${target.tokenVar}${target.bearer ? ', pipeline OAuth token' : ', personal access token'})`;
    checks.push({ name: `${target.tokenVar}: sign-in`, status: 'ok', detail: 'ok' });
    const add = <T>(name: string, result: Fetched<T>): Fetched<T> => {
      checks.push(probeCheck(name, result));
      return result;
    };
    const projects = add('projects [Project and Team: Read]', await client.list(LOCATIONS.projects, {}, { stateFilter: 'wellFormed', $top: 1 }, Project, 'projects', false));
    add('org.webhooks: service hooks [Service Hooks: Read]', await client.listRaw('_apis/hooks/subscriptions', {}, HookSubscription, 'service hook subscriptions'));
    add('repo.*: Git permissions [Security: Read]', await client.listRaw(`_apis/accesscontrollists/${GIT_NAMESPACE}`, { token: 'repoV2', recurse: false }, AccessControlList, 'Git permissions'));
    const wanted = target.project?.toLowerCase();
    const project = projects.ok ? (projects.value.find((p) => p.name.toLowerCase() === wanted || p.id === target.project) ?? (wanted ? undefined : projects.value[0])) : undefined;
    if (project) {
      const route = { project: project.id };
      const probe = async <T>(name: string, loc: (typeof LOCATIONS)[keyof typeof LOCATIONS], item: z.ZodType<T>, what: string, query = {}) =>
        add(name, await client.list(loc, route, query, item, `${what} of project ${project.name}`, false));
      await probe('repo.*, ci.*, container.*: repositories and files [Code: Read]', LOCATIONS.repositories, GitRepository, 'repositories');
      await probe('branch.*: branch policies [Code: Read]', LOCATIONS.policyConfigurations, PolicyConfiguration, 'branch policies');
      await probe('ci.*: build definitions [Build: Read]', LOCATIONS.buildDefinitions, BuildDefinition, 'build definitions', { includeAllProperties: true });
      await probe('secrets.*: variable groups [Variable Groups: Read]', LOCATIONS.variableGroups, VariableGroup, 'variable groups');
      await probe('secrets.*: service connections [Service Connections: Read]', LOCATIONS.serviceEndpoints, ServiceEndpoint, 'service connections');
      await probe('deploy.*: environments [Environment: Read & manage]', LOCATIONS.environments, EnvironmentInstance, 'environments');
    } else if (projects.ok) {
      checks.push({ name: 'project', status: wanted ? 'missing' : 'unknown', detail: wanted ? `MISSING: project '${target.project}' is not visible to the token` : 'no project visible: project-level reads not checked' });
    }
    return report();
  } finally {
    await client.dispose();
  }
}
