import { describe, expect, it } from 'vitest';
import { implementation as gitlabProvider } from '../../../src/providers/gitlab/index.js';
import { parseOrigin, resolveTargets } from '../../../src/providers/gitlab/targets.js';
import { UserError } from '../../../src/shared/errors.js';
import { spec } from './helpers.js';

describe('gitlab targets and credentials', () => {
  it('refuses to plan without GITLAB_TOKEN, in one line naming the variable', () => {
    let error: unknown;
    try {
      gitlabProvider.plan(spec({ gitlabGroup: 'acme' }), {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain('GITLAB_TOKEN');
    expect((error as Error).message).not.toContain('\n');
  });

  it('plans nothing when the spec names no GitLab target', () => {
    expect(gitlabProvider.plan(spec({ providers: [] }), { GITLAB_TOKEN: 'glpat-xxxxxxxxxxxxxxxxxxxx' })).toEqual([]);
  });

  it('reads the instance from CI_SERVER_URL, then GITLAB_URL, else gitlab.com; plain http is fine', () => {
    expect(resolveTargets(spec({ gitlabGroup: 'acme' }), {})?.baseUrl).toBe('https://gitlab.com');
    expect(resolveTargets(spec({ gitlabGroup: 'acme' }), { GITLAB_URL: 'http://127.0.0.1:8080/' })?.baseUrl).toBe('http://127.0.0.1:8080');
    expect(resolveTargets(spec({ gitlabGroup: 'acme' }), { CI_SERVER_URL: 'https://git.corp', GITLAB_URL: 'http://x' })?.baseUrl).toBe('https://git.corp');
    expect(() => resolveTargets(spec({ gitlabGroup: 'acme' }), { GITLAB_URL: 'https://u:p@git.corp' })).toThrow(UserError);
    const [adapter] = gitlabProvider.plan(spec({ gitlabGroup: 'acme/platform' }), { GITLAB_TOKEN: 'glpat-xxxxxxxxxxxxxxxxxxxx', GITLAB_URL: 'http://127.0.0.1:9' });
    expect(adapter?.target).toBe('127.0.0.1:9/acme/platform');
  });

  it('takes --repo paths only when the gitlab provider was chosen, and validates them', () => {
    expect(resolveTargets(spec({ repos: ['acme/platform/api'] }), {})?.projects).toEqual(['acme/platform/api']);
    expect(resolveTargets(spec({ repos: ['acme/api'], providers: [] }), {})).toBeUndefined();
    expect(() => resolveTargets(spec({ repos: ['acme/../x\u001b[31m'] }), {})).toThrow(/not a GitLab path/);
  });

  it('parses https and ssh origins, dropping credentials and .git', () => {
    expect(parseOrigin('https://oauth2:secret@gitlab.example.com/acme/platform/api.git')).toEqual({ instance: 'https://gitlab.example.com', project: 'acme/platform/api' });
    expect(parseOrigin('git@gitlab.com:acme/api.git')).toEqual({ instance: 'https://gitlab.com', project: 'acme/api' });
    expect(parseOrigin('ssh://git@gitlab.example.com:2222/acme/platform/api.git')).toEqual({ instance: 'https://gitlab.example.com', project: 'acme/platform/api' });
    expect(parseOrigin('http://127.0.0.1:8080/acme/api')).toEqual({ instance: 'http://127.0.0.1:8080', project: 'acme/api' });
    expect(parseOrigin('/local/path')).toBeUndefined();
    expect(parseOrigin('https://gitlab.com/only-one-segment')).toBeUndefined();
    const targets = resolveTargets(spec({ providers: [], originUrl: 'https://gitlab.example.com/acme/api.git' }), {});
    expect(targets).toMatchObject({ baseUrl: 'https://gitlab.example.com', group: undefined, projects: ['acme/api'] });
  });
});
