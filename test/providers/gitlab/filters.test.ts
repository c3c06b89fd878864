import { describe, expect, it } from 'vitest';
import { TOKENS, groupScenario } from '../../fakes/gitlab/scenarios.js';
import type { FakeGitlabState } from '../../fakes/gitlab/state.js';
import { collect } from './helpers.js';

/** A group with one archived project and one fork among its projects. */
function scenario(): { state: FakeGitlabState; archived: string; fork: string } {
  const state = groupScenario({ projects: 6 });
  const [first, second] = state.projects.filter((p) => String((p.body.namespace as { full_path: string }).full_path).startsWith('acme')).slice(-2);
  first!.body = { ...first!.body, archived: true };
  second!.body = { ...second!.body, forked_from_project: { id: 9999 } };
  return { state, archived: String(first!.body.path_with_namespace), fork: String(second!.body.path_with_namespace) };
}

const repositoryIds = (resources: { kind: string; id: string }[]) => resources.filter((r) => r.kind === 'repository').map((r) => r.id);

describe('gitlab group scans honour the repository filters like every provider', () => {
  it('skips archived projects and forks by default', async () => {
    const { state, archived, fork } = scenario();
    const ids = repositoryIds((await collect(state, TOKENS.admin, { gitlabGroup: 'acme' })).resources);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(`gitlab:${archived}`);
    expect(ids).not.toContain(`gitlab:${fork}`);
  });

  it('includes them when asked, and applies include/exclude globs to the full path', async () => {
    const { state, archived, fork } = scenario();
    const all = repositoryIds((await collect(state, TOKENS.admin, { gitlabGroup: 'acme', includeArchived: true, includeForks: true })).resources);
    expect(all).toEqual(expect.arrayContaining([`gitlab:${archived}`, `gitlab:${fork}`]));
    const { state: again } = scenario();
    const excluded = repositoryIds((await collect(again, TOKENS.admin, { gitlabGroup: 'acme', includeArchived: true, includeForks: true, exclude: [archived] })).resources);
    expect(excluded).not.toContain(`gitlab:${archived}`);
    expect(excluded).toContain(`gitlab:${fork}`);
    expect(excluded).toHaveLength(all.length - 1);
  });
});
