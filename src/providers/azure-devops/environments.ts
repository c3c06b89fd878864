import type { Environment } from '../../model/index.js';
import type { AdoClient, Fetched } from './client.js';
import { projectId, PROVIDER, type Scope } from './ids.js';
import { LOCATIONS } from './locations.js';
import { CheckConfiguration, EnvironmentInstance, type Project } from './schema.js';

const APPROVAL_CHECK = '8c6f20a7-a545-4486-9777-f762fafe0d4d';
const TASK_CHECK = 'fe1de3ee-a436-41b4-bb20-f6eb4cb879a7';
const PRODUCTION = /prod/i;

export async function listEnvironments(client: AdoClient, project: Project): Promise<Fetched<EnvironmentInstance[]>> {
  return client.list(LOCATIONS.environments, { project: project.id }, {}, EnvironmentInstance, `environments of project ${project.name}`);
}

/** Checks of one environment (approvals, branch control, …); the checks API has no node-api client. */
export async function listChecks(client: AdoClient, project: Project, env: EnvironmentInstance): Promise<Fetched<CheckConfiguration[]>> {
  return client.listRaw(
    `${encodeURIComponent(project.id)}/_apis/pipelines/checks/configurations`,
    { resourceType: 'environment', resourceId: env.id, $expand: 'settings' },
    CheckConfiguration,
    `checks of environment ${env.name}`,
    { apiVersion: '7.1-preview.1' },
  );
}

function isBranchControl(c: CheckConfiguration): boolean {
  return c.type.id.toLowerCase() === TASK_CHECK && (c.settings?.definitionRef?.name ?? '').toLowerCase() === 'evaluatebranchprotection';
}

export function environmentResource(scope: Scope, project: Project, env: EnvironmentInstance, checks: Fetched<CheckConfiguration[]>): Environment {
  const out: Environment = {
    id: `${projectId(scope, project.name)}/environment/${env.name}`,
    kind: 'environment',
    provider: PROVIDER,
    name: `${project.name}/${env.name}`,
    url: `${scope.orgUrl}/${encodeURIComponent(project.name)}/_environments/${env.id}`,
    production: PRODUCTION.test(env.name),
    gaps: { waitTimerMinutes: { reason: 'unsupported', message: 'Azure DevOps environments have no wait timer (delay and business-hours checks are not read)' } },
  };
  if (!checks.ok) {
    const gap = { ...checks.gap, message: `approvals and checks: ${checks.gap.message}` };
    out.gaps = { ...out.gaps, requiredReviewers: gap, branchRestricted: gap, allowedBranches: gap };
    return out;
  }
  const approvals = checks.value.filter((c) => c.type.id.toLowerCase() === APPROVAL_CHECK);
  // minRequiredApprovers 0 (or absent) means every listed approver must approve.
  const needed = approvals.map((c) => {
    const listed = c.settings?.approvers?.length ?? 0;
    const min = c.settings?.minRequiredApprovers ?? 0;
    return min > 0 ? Math.min(min, listed || min) : listed;
  });
  out.requiredReviewers = needed.length ? Math.max(...needed) : 0;
  const branches = checks.value.filter(isBranchControl).flatMap((c) =>
    String(c.settings?.inputs?.allowedBranches ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  );
  out.branchRestricted = branches.length > 0 && !branches.includes('*');
  out.allowedBranches = branches;
  return out;
}
