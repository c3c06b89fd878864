import { z } from 'zod';
import type { ProviderMeta } from '../contract.js';
import { hostOfRemote, remoteHostIs } from '../origin-host.js';

/** Checked in this order; SYSTEM_ACCESSTOKEN is the pipeline's OAuth token (sent as Bearer). */
export const TOKEN_VARS = ['AZURE_DEVOPS_TOKEN', 'AZURE_DEVOPS_EXT_PAT', 'SYSTEM_ACCESSTOKEN'] as const;

/** Azure DevOps Services and Server (REST through azure-devops-node-api). */
export const meta = {
  name: 'azure-devops',
  summary: 'Azure DevOps: an organization (all projects or one), or the Azure Repos repository origin points to',
  kinds: ['organization', 'repository', 'pipeline', 'container-image', 'secret', 'token', 'environment'],
  options: [
    { flags: '--ado-org <url>', description: 'Azure DevOps organization URL (or name)', configKey: 'adoOrg' },
    { flags: '--ado-project <name>', description: 'Azure DevOps project', configKey: 'adoProject' },
  ],
  configTargets: {
    adoOrg: z.url({ error: 'must be the organization URL, e.g. https://dev.azure.com/acme' }),
    adoProject: z.string().min(1, 'must not be empty'),
  },
  env: { credentials: TOKEN_VARS, endpoints: ['SYSTEM_COLLECTIONURI'] },
  filtersRepositories: true,
  // --ado-project alone is a target too: the organization then comes from SYSTEM_COLLECTIONURI.
  isTargeted: (targets) => typeof targets.options.adoOrg === 'string' || typeof targets.options.adoProject === 'string',
  hasCredential: (env) => TOKEN_VARS.some((name) => !!env[name]),
  recognizesOrigin: (url, env) =>
    remoteHostIs(url, env, ['dev.azure.com', 'ssh.dev.azure.com'], ['SYSTEM_COLLECTIONURI']) || !!hostOfRemote(url)?.endsWith('.visualstudio.com'),
  checkTargets: (config) =>
    config.adoProject !== undefined && config.adoOrg === undefined ? [{ key: 'adoProject', message: 'targets.adoProject needs targets.adoOrg (the organization URL)' }] : [],
} as const satisfies ProviderMeta;
