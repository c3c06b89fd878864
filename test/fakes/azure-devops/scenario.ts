import { classicDefinition, policy, POLICY, uuid, yamlDefinition, type FakeOrg, type FakeProject, type FakeRepo } from './state.js';

/** Git permission bits (security namespace 2e9eb7ed-…). */
export const GIT_BITS = { read: 2, contribute: 4, forcePush: 8, createBranch: 16, policyExempt: 128, pullRequestBypassPolicy: 32768 };

export const PCA_DESCRIPTOR = 'Microsoft.TeamFoundation.Identity;S-1-9-1551374245-1204400969-2402986413-2179408616-0-0-0-0-1';
export const PROJECT_ADMINS = 'Microsoft.TeamFoundation.Identity;S-1-9-1551374245-1204400969-2402986413-2179408616-3-1';
export const CONTRIBUTORS = 'Microsoft.TeamFoundation.Identity;S-1-9-1551374245-1204400969-2402986413-2179408616-3-2';
export const ALICE = 'Microsoft.IdentityModel.Claims.ClaimsIdentity;72f988bf-86f1-41af-91ab-2d7cd011db47\\alice@acme.example';
export const BOB = 'Microsoft.IdentityModel.Claims.ClaimsIdentity;72f988bf-86f1-41af-91ab-2d7cd011db47\\bob@acme.example';
export const BUILD_SERVICE = 'Microsoft.TeamFoundation.ServiceIdentity;0f7a1c1e-0000-4000-8000-000000000042:Build:11111111-2222-3333-4444-555555555555';
export const SERVICE_ACCOUNTS = 'Microsoft.TeamFoundation.Identity;S-1-9-1551374245-1204400969-2402986413-2179408616-0-0-0-0-2';

const SECURE_PIPELINE = `trigger:
  branches:
    include: [main]
pool:
  vmImage: ubuntu-latest
steps:
  - task: MicrosoftSecurityDevOps@1
    displayName: Microsoft Security DevOps
  - script: npm ci && npm test
`;

const PLAIN_PIPELINE = `trigger: [main]
pool:
  vmImage: ubuntu-latest
steps:
  - script: npm ci && npm test
`;

export interface ScenarioOptions {
  projects?: number;
  reposPerProject?: number;
}

/**
 * The mixed organization the tests and the bench scan. Repository `i` of each project gets
 * policy profile `i % 5`: 0 strong, 1 creator's vote counts, 2 disabled policy, 3 non-blocking
 * policies, 4 policy scoped to another branch. Project 3 adds a project-wide default-branch
 * reviewer policy.
 */
export function acmeScenario(options: ScenarioOptions = {}): FakeOrg {
  const projectCount = options.projects ?? 3;
  const perProject = options.reposPerProject ?? 40;
  const projects: FakeProject[] = [];
  let policyId = 1;
  let defId = 1;
  for (let p = 0; p < projectCount; p++) {
    const project: FakeProject = {
      id: uuid(p + 1, 'a0000000'),
      name: ['web', 'data', 'platform'][p] ?? `project-${p + 1}`,
      visibility: p === 1 ? 'public' : 'private',
      repos: [],
      policies: [],
      definitions: [],
      variableGroups: [],
      endpoints: [],
      environments: [],
    };
    for (let i = 0; i < perProject; i++) {
      const repo: FakeRepo = {
        id: uuid(p * 10_000 + i + 1, 'b0000000'),
        name: i === 0 ? 'api' : `svc-${String(i).padStart(3, '0')}`,
        defaultBranch: 'main',
        files: {
          'azure-pipelines.yml': i % 2 === 0 ? SECURE_PIPELINE : PLAIN_PIPELINE,
          'src/index.ts': 'export {};\n',
          ...(i % 2 === 0 ? { Dockerfile: 'FROM node:20\nUSER node\n' } : {}),
          ...(i % 3 === 0 ? { 'infra/main.tf': 'resource "null_resource" "x" {}\n' } : {}),
          ...(i % 4 === 0 ? { 'SECURITY.md': '# Security\n' } : {}),
        },
      };
      project.repos.push(repo);
      project.definitions.push(yamlDefinition(defId++, `${repo.name}-ci`, repo));
      const exact = [{ repositoryId: repo.id, refName: 'refs/heads/main', matchKind: 'Exact' }];
      switch (i % 5) {
        case 0:
          project.policies.push(
            policy(policyId++, POLICY.minimumReviewers, { minimumApproverCount: 2, creatorVoteCounts: false, allowDownvotes: false, resetOnSourcePush: true }, exact),
            policy(policyId++, POLICY.build, { buildDefinitionId: defId - 1, displayName: `${repo.name}-ci`, manualQueueOnly: false, queueOnSourceUpdateOnly: false, validDuration: 0 }, exact),
            policy(policyId++, POLICY.requiredReviewers, { requiredReviewerIds: [uuid(7, 'c0000000')], filenamePatterns: ['/src/security/*'], addedFilesOnly: false, message: null }, exact),
            policy(policyId++, POLICY.comments, {}, exact),
          );
          break;
        case 1:
          project.policies.push(policy(policyId++, POLICY.minimumReviewers, { minimumApproverCount: 1, creatorVoteCounts: true, resetOnSourcePush: false }, exact));
          break;
        case 2:
          project.policies.push(policy(policyId++, POLICY.minimumReviewers, { minimumApproverCount: 2, creatorVoteCounts: false }, exact, { isEnabled: false }));
          break;
        case 3:
          project.policies.push(
            policy(policyId++, POLICY.minimumReviewers, { minimumApproverCount: 2 }, exact, { isBlocking: false }),
            policy(policyId++, POLICY.build, { buildDefinitionId: defId - 1, displayName: null }, exact, { isBlocking: false }),
          );
          break;
        case 4:
          project.policies.push(policy(policyId++, POLICY.minimumReviewers, { minimumApproverCount: 2 }, [{ repositoryId: repo.id, refName: 'refs/heads/release', matchKind: 'Exact' }]));
          break;
      }
    }
    // Repository-wide settings policies are not branch protection.
    project.policies.push(policy(policyId++, POLICY.fileSize, { maximumGitBlobSizeInBytes: 10_485_760, useUncompressedSize: false }, [{ repositoryId: null, matchKind: null }]));
    if (p === 2) project.policies.push(policy(policyId++, POLICY.minimumReviewers, { minimumApproverCount: 1, creatorVoteCounts: false }, [{ repositoryId: null, matchKind: 'DefaultBranch' }]));
    if (p === 0) addProjectExtras(project, defId++);
    projects.push(project);
  }
  const web = projects[0] as FakeProject;
  const api = web.repos[0] as FakeRepo;
  return {
    name: 'acme',
    instanceId: uuid(1, 'd0000000'),
    projects,
    groups: [{ id: uuid(1, 'e0000000'), name: '[acme]\\Project Collection Administrators', descriptor: PCA_DESCRIPTOR, members: [ALICE, BOB, SERVICE_ACCOUNTS, BUILD_SERVICE] }],
    identities: [
      { id: uuid(11, 'e0000000'), name: 'Alice Admin', descriptor: ALICE },
      { id: uuid(12, 'e0000000'), name: 'Bob Owner', descriptor: BOB },
      { id: uuid(13, 'e0000000'), name: 'Project Collection Service Accounts', descriptor: SERVICE_ACCOUNTS, isContainer: true },
      { id: uuid(14, 'e0000000'), name: 'acme Build Service (acme)', descriptor: BUILD_SERVICE },
      { id: uuid(15, 'e0000000'), name: '[web]\\Contributors', descriptor: CONTRIBUTORS, isContainer: true },
      { id: uuid(16, 'e0000000'), name: '[web]\\Project Administrators', descriptor: PROJECT_ADMINS, isContainer: true },
    ],
    acls: [
      { token: 'repoV2', aces: [{ descriptor: PCA_DESCRIPTOR, allow: GIT_BITS.read | GIT_BITS.contribute, deny: 0 }] },
      // Project Administrators may force push everywhere (administrators are reported as bypass actors).
      ...projects.map((p) => ({ token: `repoV2/${p.id}`, aces: [{ descriptor: PROJECT_ADMINS, allow: GIT_BITS.read | GIT_BITS.contribute | GIT_BITS.createBranch | GIT_BITS.forcePush, deny: 0 }] })),
      // web/svc-001: contributors may force push the whole repository.
      { token: `repoV2/${web.id}/${web.repos[1]?.id}`, aces: [{ descriptor: CONTRIBUTORS, allow: GIT_BITS.forcePush, deny: 0 }] },
      // web/api: Alice may bypass policies on main; force push allowed on the repo but denied on main.
      { token: `repoV2/${web.id}/${api.id}`, aces: [{ descriptor: CONTRIBUTORS, allow: GIT_BITS.forcePush, deny: 0 }] },
      {
        token: `repoV2/${web.id}/${api.id}/refs/heads/${Buffer.from('main', 'utf16le').toString('hex')}`,
        aces: [
          { descriptor: CONTRIBUTORS, allow: 0, deny: GIT_BITS.forcePush },
          { descriptor: ALICE, allow: GIT_BITS.pullRequestBypassPolicy, deny: 0 },
        ],
      },
    ],
    hooks: [
      {
        id: uuid(1, 'f0000000'),
        status: 'enabled',
        publisherId: 'tfs',
        eventType: 'git.push',
        resourceVersion: '1.0',
        consumerId: 'webHooks',
        consumerActionId: 'httpRequest',
        publisherInputs: { projectId: web.id, repository: api.id, branch: '' },
        consumerInputs: { url: 'http://hooks.example.net/ado?key=do-not-leak', acceptUntrustedCerts: 'true' },
      },
      {
        id: uuid(2, 'f0000000'),
        status: 'enabled',
        publisherId: 'tfs',
        eventType: 'git.pullrequest.created',
        consumerId: 'webHooks',
        consumerActionId: 'httpRequest',
        publisherInputs: { projectId: web.id, repository: '' },
        consumerInputs: { url: 'https://ci.example.com/hook' },
      },
    ],
  };
}

function addProjectExtras(project: FakeProject, defId: number): void {
  const api = project.repos[0] as FakeRepo;
  project.definitions.push(
    classicDefinition(defId, 'legacy-release', api, {
      dbPassword: { value: 'hunter2-plaintext', allowOverride: false },
      'system.debug': { value: 'false', allowOverride: true },
      deployToken: { value: null, isSecret: true },
    }),
  );
  project.variableGroups.push(
    {
      variables: { API_KEY: { value: null, isSecret: true }, region: { value: 'westeurope' } },
      id: 1,
      type: 'Vsts',
      name: 'shared-secrets',
      description: 'secrets used by release',
      createdBy: { id: uuid(11, 'e0000000'), displayName: 'Alice Admin', uniqueName: 'alice@acme.example' },
      createdOn: '2025-01-10T06:35:51.6933333Z',
      modifiedBy: { id: uuid(11, 'e0000000'), displayName: 'Alice Admin', uniqueName: 'alice@acme.example' },
      modifiedOn: '2025-06-01T06:35:52.0166667Z',
      isShared: false,
      variableGroupProjectReferences: [{ name: 'shared-secrets', projectReference: { id: project.id, name: project.name } }],
    },
    {
      variables: { 'db-password': { isSecret: true, value: null, enabled: true, contentType: '', expires: '2027-01-01T00:00:00Z' } },
      id: 2,
      type: 'AzureKeyVault',
      name: 'kv-linked',
      providerData: { serviceEndpointId: uuid(2, '90000000'), vault: 'acme-kv', lastRefreshedOn: '2026-01-01T00:00:00Z' },
      createdOn: '2025-03-01T00:00:00Z',
      modifiedOn: '2025-03-01T00:00:00Z',
    },
  );
  project.endpoints.push(
    {
      data: { subscriptionId: '12345678-1234-1234-1234-123456789012', subscriptionName: 'Prod', environment: 'AzureCloud', scopeLevel: 'Subscription', creationMode: 'Manual' },
      id: uuid(1, '90000000'),
      name: 'prod-arm',
      type: 'azurerm',
      url: 'https://management.azure.com/',
      createdBy: { id: uuid(11, 'e0000000'), displayName: 'Alice Admin', uniqueName: 'alice@acme.example' },
      authorization: { parameters: { tenantid: '72f988bf-86f1-41af-91ab-2d7cd011db47', serviceprincipalid: uuid(3, '90000000'), authenticationType: 'spnKey', serviceprincipalkey: null }, scheme: 'ServicePrincipal' },
      isShared: false,
      isReady: true,
      owner: 'Library',
      serviceEndpointProjectReferences: [{ projectReference: { id: project.id, name: project.name }, name: 'prod-arm' }],
    },
    {
      data: { subscriptionId: '12345678-1234-1234-1234-123456789012', environment: 'AzureCloud' },
      id: uuid(2, '90000000'),
      name: 'wif-arm',
      type: 'azurerm',
      url: 'https://management.azure.com/',
      authorization: { parameters: { tenantid: '72f988bf-86f1-41af-91ab-2d7cd011db47', serviceprincipalid: uuid(4, '90000000'), workloadIdentityFederationSubject: 'sc://acme/web/wif-arm' }, scheme: 'WorkloadIdentityFederation' },
      isShared: false,
      isReady: true,
      owner: 'Library',
    },
  );
  project.environments.push(
    {
      id: 1,
      name: 'production',
      checks: [
        {
          id: 11,
          type: { id: '8C6F20A7-A545-4486-9777-F762FAFE0D4D', name: 'Approval' },
          settings: { approvers: [{ displayName: 'Alice Admin', id: uuid(11, 'e0000000') }, { displayName: 'Bob Owner', id: uuid(12, 'e0000000') }], executionOrder: 'anyOrder', minRequiredApprovers: 1, instructions: '', blockedApprovers: [], requesterCannotBeApprover: true },
        },
        {
          id: 12,
          type: { id: 'fe1de3ee-a436-41b4-bb20-f6eb4cb879a7', name: 'Task Check' },
          settings: {
            definitionRef: { id: '86b05a0c-73e6-4f7d-b3cf-e38f3b39a75b', name: 'evaluatebranchProtection', version: '0.0.1' },
            displayName: 'Branch control',
            inputs: { allowedBranches: 'refs/heads/main', ensureProtectionOfBranch: 'true', allowUnknownStatusBranch: 'false' },
            retryInterval: 5,
          },
        },
      ],
    },
    { id: 2, name: 'staging', checks: [] },
  );
}
