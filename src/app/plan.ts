import type { ProviderName, TargetSpec } from '../providers/types.js';
import { providerNames } from '../providers/registry.js';
import { UserError } from '../shared/errors.js';
import { originPlatform } from './origin.js';

type Env = Readonly<Record<string, string | undefined>>;

const TOKEN_VARS: Record<'github' | 'gitlab' | 'azure-devops', string[]> = {
  github: ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_APP_PRIVATE_KEY'],
  gitlab: ['GITLAB_TOKEN'],
  'azure-devops': ['AZURE_DEVOPS_TOKEN', 'AZURE_DEVOPS_EXT_PAT', 'SYSTEM_ACCESSTOKEN'],
};

export function hasToken(provider: keyof typeof TOKEN_VARS, env: Env): boolean {
  return TOKEN_VARS[provider].some((name) => !!env[name]);
}

/**
 * Which providers a run needs. Explicit `--provider` wins; otherwise targets decide, and with
 * no target the local tree is scanned plus, when a token is present, the platform behind origin.
 */
export function selectProviders(spec: TargetSpec, env: Env): ProviderName[] {
  if (spec.providers.length > 0) {
    const unknown = spec.providers.filter((p) => !(providerNames as string[]).includes(p));
    if (unknown.length > 0) {
      throw new UserError(`unknown provider ${unknown.map((u) => `'${u}'`).join(', ')}; known: ${providerNames.join(', ')}`);
    }
    const chosen = [...new Set(spec.providers)] as ProviderName[];
    if (spec.stateFiles.length > 0 && !chosen.includes('snapshot')) chosen.push('snapshot');
    return chosen;
  }
  const chosen: ProviderName[] = [];
  if (spec.stateFiles.length > 0) chosen.push('snapshot');
  if (spec.repos.length > 0 || spec.githubOrg) chosen.push('github');
  if (spec.gitlabGroup) chosen.push('gitlab');
  // --ado-project alone is a target too: the organization then comes from SYSTEM_COLLECTIONURI.
  if (spec.adoOrg || spec.adoProject) chosen.push('azure-devops');
  if (chosen.length > 0) return chosen;

  chosen.push('local');
  const platform = spec.originUrl ? originPlatform(spec.originUrl, env) : undefined;
  if (platform && hasToken(platform, env)) chosen.push(platform);
  return chosen;
}
