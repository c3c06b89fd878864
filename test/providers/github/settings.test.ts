import { describe, expect, it } from 'vitest';
import { implementation as githubProvider, parseOriginUrl } from '../../../src/providers/github/index.js';
import { resolveSettings } from '../../../src/providers/github/settings.js';
import { isUserError } from '../../../src/shared/errors.js';
import { spec } from './helpers.js';

describe('github provider: targets and settings', () => {
  it.each([
    ['https://github.com/acme/api.git', { host: 'github.com', owner: 'acme', name: 'api' }],
    ['https://github.com/acme/api', { host: 'github.com', owner: 'acme', name: 'api' }],
    ['https://user:pw@github.com/acme/api.git', { host: 'github.com', owner: 'acme', name: 'api' }],
    ['git@github.com:acme/api.git', { host: 'github.com', owner: 'acme', name: 'api' }],
    ['ssh://git@ghe.example.com:2222/acme/api.git', { host: 'ghe.example.com', owner: 'acme', name: 'api' }],
    ['git@ghe.example.com:acme/my.repo.git', { host: 'ghe.example.com', owner: 'acme', name: 'my.repo' }],
  ])('parses %s', (url, expected) => {
    expect(parseOriginUrl(url)).toEqual(expected);
  });

  it.each(['https://gitlab.com/a/b/c.git', 'not a url', 'https://github.com/acme'])('rejects %s', (url) => {
    expect(parseOriginUrl(url)).toBeUndefined();
  });

  it('derives the GHES API and GraphQL URLs from an origin on another host', () => {
    const s = resolveSettings(spec({ originUrl: 'git@ghe.example.com:acme/api.git' }), { GITHUB_TOKEN: 'ghp_x' });
    expect(s).toMatchObject({ apiUrl: 'https://ghe.example.com/api/v3', graphqlUrl: 'https://ghe.example.com/api/graphql', target: { kind: 'repos', repos: [{ owner: 'acme', name: 'api' }] } });
  });

  it('prefers GITHUB_API_URL and GITHUB_GRAPHQL_URL, GITHUB_TOKEN over GH_TOKEN', () => {
    const s = resolveSettings(spec({ githubOrg: 'acme' }), { GITHUB_API_URL: 'http://127.0.0.1:9/api/v3/', GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/gql', GITHUB_TOKEN: 'a-token', GH_TOKEN: 'b-token' });
    expect(s).toMatchObject({ apiUrl: 'http://127.0.0.1:9/api/v3', graphqlUrl: 'http://127.0.0.1:9/gql', credentials: { kind: 'token', token: 'a-token' } });
  });

  it('plans nothing without a GitHub target', () => {
    expect(githubProvider.plan(spec(), { GITHUB_TOKEN: 'x' })).toEqual([]);
  });

  it('fails with one line naming the env vars when there is no token', () => {
    let err: unknown;
    try {
      githubProvider.plan(spec({ githubOrg: 'acme' }), {});
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    const msg = (err as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    for (const v of ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY']) expect(msg).toContain(v);
  });

  it('rejects malformed repository names with every problem listed', () => {
    expect(() => githubProvider.plan(spec({ repos: ['acme/api', 'nope', 'a/b/c'] }), { GITHUB_TOKEN: 'x' })).toThrow(/"nope"[\s\S]*"a\/b\/c"/);
  });

  it('labels the target without credentials', () => {
    const [adapter] = githubProvider.plan(spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: 'ghp_secretsecretsecret' });
    expect(adapter?.target).toBe('github.com/acme');
  });
});
