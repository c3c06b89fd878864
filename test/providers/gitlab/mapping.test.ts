import { describe, expect, it } from 'vitest';
import { hookTarget, permissionOf } from '../../../src/providers/gitlab/access.js';
import { branchPatternMatches } from '../../../src/providers/gitlab/branches.js';
import { ProtectedBranchSchema } from '../../../src/providers/gitlab/schema.js';
import { fixture } from '../../fakes/gitlab/scenarios.js';

describe('gitlab mapping helpers', () => {
  it('maps GitLab roles to permissions', () => {
    expect([50, 40, 30, 20, 15, 10, 5].map(permissionOf)).toEqual(['admin', 'maintain', 'write', 'triage', 'triage', 'read', 'none']);
  });

  it('matches protected-branch wildcards the way GitLab does', () => {
    expect(branchPatternMatches('main', 'main')).toBe(true);
    expect(branchPatternMatches('release/*', 'release/1.0/hotfix')).toBe(true);
    expect(branchPatternMatches('*-stable', '16-stable')).toBe(true);
    expect(branchPatternMatches('ma.n', 'main')).toBe(false);
  });

  it('keeps only scheme and host of hook URLs', () => {
    expect(hookTarget('https://a:b@hooks.example.com:8443/x?token=1')).toEqual({ target: 'https://hooks.example.com:8443', https: true });
    expect(hookTarget('not a url')).toEqual({ target: 'unparseable-url', https: false });
  });

  it('accepts the docs example that spells code_owner_approval_required as a string', () => {
    const rule = fixture('approval-rule') as { protected_branches: unknown[] };
    const parsed = ProtectedBranchSchema.parse({ ...(rule.protected_branches[0] as object), id: 1, allow_force_push: false });
    expect(parsed.code_owner_approval_required).toBe(false);
  });
});
