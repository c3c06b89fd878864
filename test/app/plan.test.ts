import { describe, expect, it } from 'vitest';
import { selectProviders } from '../../src/app/plan.js';
import { originPlatform, stripCredentials } from '../../src/app/origin.js';
import type { TargetSpec } from '../../src/providers/types.js';

const spec = (over: Partial<TargetSpec> = {}): TargetSpec => ({
  path: '.',
  repos: [],
  stateFiles: [],
  providers: [],
  noCache: false,
  explicit: false,
  ...over,
});

describe('selectProviders', () => {
  it('scans the local tree when there is no target', () => {
    expect(selectProviders(spec(), {})).toEqual(['local']);
  });

  it('adds the platform behind origin only when a token is present', () => {
    const s = spec({ originUrl: 'git@github.com:acme/api.git' });
    expect(selectProviders(s, {})).toEqual(['local']);
    expect(selectProviders(s, { GITHUB_TOKEN: 'x' })).toEqual(['local', 'github']);
  });

  it('uses only the snapshot for --state', () => {
    expect(selectProviders(spec({ stateFiles: ['a.json'] }), { GITHUB_TOKEN: 'x' })).toEqual(['snapshot']);
  });

  it('maps remote targets to their providers', () => {
    expect(selectProviders(spec({ githubOrg: 'acme', gitlabGroup: 'g', adoOrg: 'https://dev.azure.com/a' }), {})).toEqual([
      'github',
      'gitlab',
      'azure-devops',
    ]);
  });

  it('rejects an unknown --provider', () => {
    expect(() => selectProviders(spec({ providers: ['bitbucket'] }), {})).toThrow(/unknown provider 'bitbucket'/);
  });
});

describe('originPlatform', () => {
  it('recognises hosted and self-hosted origins', () => {
    expect(originPlatform('https://github.com/acme/api.git', {})).toBe('github');
    expect(originPlatform('git@gitlab.com:acme/api.git', {})).toBe('gitlab');
    expect(originPlatform('https://dev.azure.com/acme/web/_git/api', {})).toBe('azure-devops');
    expect(originPlatform('https://acme.visualstudio.com/web/_git/api', {})).toBe('azure-devops');
    expect(originPlatform('https://git.acme.internal/x/y.git', { CI_SERVER_URL: 'https://git.acme.internal' })).toBe('gitlab');
    expect(originPlatform('https://example.org/x.git', {})).toBeUndefined();
  });

  it('strips credentials from origin URLs', () => {
    expect(stripCredentials('https://user:s3cret@github.com/acme/api.git')).toBe('https://github.com/acme/api.git');
  });
});
