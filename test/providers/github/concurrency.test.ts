import { describe, expect, it } from 'vitest';
import { makeRepo } from '../../fakes/github/model.js';
import { ADMIN_TOKEN, collect, fakeGithubPerTest, spec, standardState } from './helpers.js';

const startFake = fakeGithubPerTest();

function orgOf(repos: number) {
  const state = standardState();
  state.repos = Array.from({ length: repos }, (_, i) => makeRepo('acme', `svc-${i}`, { hooks: [{ id: i, url: 'https://hooks.example.com/x', insecure_ssl: '0', active: true }] }));
  return state;
}

describe('github provider: requests in flight', () => {
  it('keeps more than 10 requests in flight at once (the throttling plugin alone would cap it at 10), never more than the configured concurrency', async () => {
    // Each request is held 250 ms by the imitation, so requests overlap as far as the provider
    // lets them, even when a busy machine slows down how fast the provider sends them.
    const fake = await startFake(orgOf(80), { latencyMs: 250 });
    await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.base.maxInFlight).toBeGreaterThan(10);
    expect(fake.base.maxInFlight).toBeLessThanOrEqual(32);
  });

  it('holds SECPOL_GITHUB_CONCURRENCY as the bound', async () => {
    const fake = await startFake(orgOf(40), { latencyMs: 40 });
    await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN, SECPOL_GITHUB_CONCURRENCY: '4' });
    expect(fake.base.maxInFlight).toBeLessThanOrEqual(4);
    expect(fake.base.maxInFlight).toBeGreaterThan(1);
  });
});
