import { describe, expect, it } from 'vitest';
import { TOKENS, groupScenario } from '../../fakes/gitlab/scenarios.js';
import { collect, get } from './helpers.js';

describe('gitlab Premium features on a Free instance', () => {
  for (const freeStatus of [403, 404] as const) {
    it(`reports Premium-only facts as unsupported skips (Free answers ${freeStatus})`, async () => {
      const c = await collect({ ...groupScenario({ projects: 80, tier: 'free' }), freeStatus }, TOKENS.admin);
      const api = get(c, 'gitlab:acme/platform/api', 'repository');
      const protection = api.branchProtection;
      expect(protection?.protected).toBe(true);
      expect(protection?.pullRequestRequired).toBe(true);
      for (const field of ['requiredApprovals', 'dismissStaleApprovals', 'signedCommitsRequired', 'codeOwnerReview'] as const) {
        expect(protection?.[field], field).toBeUndefined();
        expect(api.gaps?.[`branchProtection.${field}`]?.reason, field).toBe('unsupported');
      }
      const production = get(c, 'gitlab:acme/platform/api/environment/production', 'environment');
      expect(production.production).toBe(true);
      expect(production.requiredReviewers).toBeUndefined();
      expect(production.gaps?.requiredReviewers?.reason).toBe('unsupported');
      expect(String(c.stats.premiumUnavailable)).toContain('push_rule');
      // Once a Premium endpoint proved unavailable, later projects of the namespace do not ask again.
      expect(c.fake.requests.filter((r) => r.includes('/push_rule')).length).toBeLessThan(40);
    });
  }
});
