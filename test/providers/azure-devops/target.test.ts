import { describe, expect, it } from 'vitest';
import { normaliseOrgUrl, orgNameOf, parseOrigin, resolveTarget } from '../../../src/providers/azure-devops/index.js';
import { spec } from './helpers.js';

describe('Azure DevOps targets', () => {
  it.each([
    ['https://dev.azure.com/acme/web/_git/api', 'https://dev.azure.com/acme', 'web', 'api'],
    ['https://acme@dev.azure.com/acme/web%20site/_git/api', 'https://dev.azure.com/acme', 'web site', 'api'],
    ['https://dev.azure.com/acme/_git/api', 'https://dev.azure.com/acme', 'api', 'api'],
    ['https://acme.visualstudio.com/web/_git/api', 'https://acme.visualstudio.com', 'web', 'api'],
    ['https://acme.visualstudio.com/DefaultCollection/web/_git/api', 'https://acme.visualstudio.com', 'web', 'api'],
    ['git@ssh.dev.azure.com:v3/acme/web/api', 'https://dev.azure.com/acme', 'web', 'api'],
    ['acme@vs-ssh.visualstudio.com:v3/acme/web/api', 'https://dev.azure.com/acme', 'web', 'api'],
    ['https://tfs.corp.example/tfs/DefaultCollection/web/_git/api', 'https://tfs.corp.example/tfs/DefaultCollection', 'web', 'api'],
    ['http://127.0.0.1:8080/acme/web/_git/api', 'http://127.0.0.1:8080/acme', 'web', 'api'],
  ])('parses %s', (origin, orgUrl, project, repo) => {
    expect(parseOrigin(origin)).toEqual({ orgUrl, project, repo });
  });

  it.each(['https://github.com/acme/api.git', 'git@github.com:acme/api.git', 'not a url'])('ignores %s', (origin) => {
    expect(parseOrigin(origin)).toBeUndefined();
  });

  it('normalises organization names and URLs and names the organization', () => {
    expect(normaliseOrgUrl('acme')).toBe('https://dev.azure.com/acme');
    expect(normaliseOrgUrl('https://user:pw@dev.azure.com/acme/')).toBe('https://dev.azure.com/acme');
    expect(() => normaliseOrgUrl('acme/../x')).toThrow(/--ado-org/);
    expect(orgNameOf('https://dev.azure.com/acme')).toBe('acme');
    expect(orgNameOf('https://acme.visualstudio.com')).toBe('acme');
    expect(orgNameOf('https://tfs.corp.example/tfs/DefaultCollection')).toBe('DefaultCollection');
  });

  it('takes the token from AZURE_DEVOPS_TOKEN, then AZURE_DEVOPS_EXT_PAT, then SYSTEM_ACCESSTOKEN (bearer)', () => {
    const all = { AZURE_DEVOPS_TOKEN: 'a'.repeat(52), AZURE_DEVOPS_EXT_PAT: 'b'.repeat(52), SYSTEM_ACCESSTOKEN: 'c'.repeat(60) };
    expect(resolveTarget(spec({ adoOrg: 'acme' }), all)).toMatchObject({ tokenVar: 'AZURE_DEVOPS_TOKEN', bearer: false });
    expect(resolveTarget(spec({ adoOrg: 'acme' }), { ...all, AZURE_DEVOPS_TOKEN: '' })).toMatchObject({ tokenVar: 'AZURE_DEVOPS_EXT_PAT' });
    expect(resolveTarget(spec({ adoOrg: 'acme' }), { SYSTEM_ACCESSTOKEN: 'c'.repeat(60) })).toMatchObject({ tokenVar: 'SYSTEM_ACCESSTOKEN', bearer: true });
  });

  it('prefers --ado-org, then SYSTEM_COLLECTIONURI, then the origin (which narrows to its repository)', () => {
    const env = { AZURE_DEVOPS_TOKEN: 'a'.repeat(52), SYSTEM_COLLECTIONURI: 'https://dev.azure.com/other/' };
    const origin = 'https://dev.azure.com/acme/web/_git/api';
    expect(resolveTarget(spec({ adoOrg: 'acme', originUrl: origin }), env)).toMatchObject({ orgUrl: 'https://dev.azure.com/acme', project: undefined, repo: undefined });
    expect(resolveTarget(spec({ originUrl: origin }), env)).toMatchObject({ orgUrl: 'https://dev.azure.com/other', org: 'other', repo: undefined });
    expect(resolveTarget(spec({ originUrl: origin }), { AZURE_DEVOPS_TOKEN: 'a'.repeat(52) })).toMatchObject({ org: 'acme', project: 'web', repo: 'api' });
    expect(resolveTarget(spec({ originUrl: origin, adoProject: 'data' }), { AZURE_DEVOPS_TOKEN: 'a'.repeat(52) })).toMatchObject({ project: 'data', repo: undefined });
  });

  it('explains a missing organization in one line', () => {
    expect(() => resolveTarget(spec(), { AZURE_DEVOPS_TOKEN: 'a'.repeat(52) })).toThrow(/^Azure DevOps organization unknown: pass --ado-org <url> or set SYSTEM_COLLECTIONURI/);
  });
});
