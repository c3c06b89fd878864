import { z } from 'zod';

/**
 * Zod schemas of the Azure DevOps REST 7.1 responses we read. Only the fields we use are
 * declared; nothing gets a default, so a field the server left out stays absent.
 */

const Identity = z.object({ id: z.string().optional(), displayName: z.string().optional(), uniqueName: z.string().optional() });

export const Project = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string().optional(),
  visibility: z.string().optional(),
  url: z.string().optional(),
});
export type Project = z.infer<typeof Project>;

export const GitRepository = z.object({
  id: z.string(),
  name: z.string(),
  project: z.object({ id: z.string(), name: z.string(), visibility: z.string().optional() }).optional(),
  defaultBranch: z.string().optional(),
  webUrl: z.string().optional(),
  remoteUrl: z.string().optional(),
  isDisabled: z.boolean().optional(),
  isFork: z.boolean().optional(),
  isInMaintenance: z.boolean().optional(),
});
export type GitRepository = z.infer<typeof GitRepository>;

export const GitItem = z.object({
  path: z.string(),
  gitObjectType: z.string().optional(),
  isFolder: z.boolean().optional(),
  content: z.string().optional(),
});
export type GitItem = z.infer<typeof GitItem>;

export const PolicyScope = z.object({
  refName: z.string().nullable().optional(),
  matchKind: z.string().nullable().optional(),
  repositoryId: z.string().nullable().optional(),
});

export const PolicyConfiguration = z.object({
  id: z.number(),
  type: z.object({ id: z.string(), displayName: z.string().optional() }),
  isEnabled: z.boolean(),
  isBlocking: z.boolean(),
  isDeleted: z.boolean().optional(),
  settings: z
    .looseObject({
      scope: z.array(PolicyScope).optional(),
      minimumApproverCount: z.number().optional(),
      creatorVoteCounts: z.boolean().optional(),
      allowDownvotes: z.boolean().optional(),
      resetOnSourcePush: z.boolean().optional(),
      requireVoteOnLastIteration: z.boolean().optional(),
      blockLastPusherVote: z.boolean().optional(),
      requiredReviewerIds: z.array(z.string()).optional(),
      filenamePatterns: z.array(z.string()).nullable().optional(),
      buildDefinitionId: z.number().optional(),
      displayName: z.string().nullable().optional(),
      queueOnSourceUpdateOnly: z.boolean().optional(),
      validDuration: z.number().optional(),
      statusName: z.string().optional(),
      statusGenre: z.string().nullable().optional(),
      policyApplicability: z.number().nullable().optional(),
      allowSquash: z.boolean().optional(),
      allowNoFastForward: z.boolean().optional(),
      allowRebase: z.boolean().optional(),
      allowRebaseMerge: z.boolean().optional(),
    })
    .optional(),
});
export type PolicyConfiguration = z.infer<typeof PolicyConfiguration>;

export const AccessControlEntry = z.object({
  descriptor: z.string(),
  allow: z.number(),
  deny: z.number(),
});
export const AccessControlList = z.object({
  token: z.string(),
  inheritPermissions: z.boolean().optional(),
  acesDictionary: z.record(z.string(), AccessControlEntry).optional(),
});
export type AccessControlList = z.infer<typeof AccessControlList>;

export const BuildVariable = z.object({
  value: z.string().nullable().optional(),
  isSecret: z.boolean().optional(),
});

export const BuildDefinition = z.object({
  id: z.number(),
  name: z.string(),
  path: z.string().optional(),
  queueStatus: z.string().optional(),
  process: z
    .looseObject({ type: z.number(), yamlFilename: z.string().optional() })
    .optional(),
  repository: z.object({ id: z.string().optional(), type: z.string().optional(), name: z.string().optional(), defaultBranch: z.string().optional() }).optional(),
  variables: z.record(z.string(), BuildVariable).nullable().optional(),
});
export type BuildDefinition = z.infer<typeof BuildDefinition>;

export const VariableGroup = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string().optional(),
  variables: z.record(z.string(), z.object({ value: z.string().nullable().optional(), isSecret: z.boolean().optional() })).nullable().optional(),
  providerData: z.looseObject({ vault: z.string().optional(), serviceEndpointId: z.string().optional(), lastRefreshedOn: z.string().optional() }).nullable().optional(),
  createdOn: z.string().optional(),
  modifiedOn: z.string().optional(),
  createdBy: Identity.optional(),
  modifiedBy: Identity.optional(),
});
export type VariableGroup = z.infer<typeof VariableGroup>;

export const ServiceEndpoint = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  url: z.string().optional(),
  isShared: z.boolean().optional(),
  isReady: z.boolean().optional(),
  authorization: z.object({ scheme: z.string(), parameters: z.record(z.string(), z.unknown()).nullable().optional() }).nullable().optional(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  serviceEndpointProjectReferences: z
    .array(z.object({ projectReference: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(), name: z.string().optional() }))
    .nullable()
    .optional(),
});
export type ServiceEndpoint = z.infer<typeof ServiceEndpoint>;

export const EnvironmentInstance = z.object({ id: z.number(), name: z.string(), description: z.string().nullable().optional() });
export type EnvironmentInstance = z.infer<typeof EnvironmentInstance>;

export const CheckConfiguration = z.object({
  id: z.number(),
  type: z.object({ id: z.string(), name: z.string().optional() }),
  settings: z
    .looseObject({
      approvers: z.array(z.object({ id: z.string().optional(), displayName: z.string().optional() })).optional(),
      minRequiredApprovers: z.number().optional(),
      requesterCannotBeApprover: z.boolean().optional(),
      definitionRef: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
      displayName: z.string().optional(),
      inputs: z.record(z.string(), z.unknown()).optional(),
    })
    .nullable()
    .optional(),
});
export type CheckConfiguration = z.infer<typeof CheckConfiguration>;

export const HookSubscription = z.object({
  id: z.string(),
  status: z.string().optional(),
  eventType: z.string().optional(),
  consumerId: z.string().optional(),
  publisherInputs: z.record(z.string(), z.string().nullable()).nullable().optional(),
  consumerInputs: z.record(z.string(), z.string().nullable()).nullable().optional(),
});
export type HookSubscription = z.infer<typeof HookSubscription>;

export const IdentityRecord = z.object({
  id: z.string().optional(),
  descriptor: z.string(),
  providerDisplayName: z.string().optional(),
  isContainer: z.boolean().optional(),
  isActive: z.boolean().optional(),
  members: z.array(z.union([z.string(), z.object({ identifier: z.string().optional(), identityType: z.string().optional() })])).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type IdentityRecord = z.infer<typeof IdentityRecord>;

export const ConnectionData = z.object({
  authenticatedUser: z.object({ id: z.string().optional(), providerDisplayName: z.string().optional() }).optional(),
  deploymentType: z.string().optional(),
});
