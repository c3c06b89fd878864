import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Repository, Token } from '../../../src/model/index.js';
import { preflight } from '../../../src/providers/github/index.js';
import { FakeGithub, collect, spec, standardState, ADMIN_TOKEN, READER_TOKEN } from './helpers.js';

let fake: FakeGithub | undefined;
afterEach(async () => {
  if (fake) {
    expect(fake.unexpected).toEqual([]);
    await fake.stop();
    fake = undefined;
  }
});

describe('github provider: GitHub App authentication', () => {
  it('signs a JWT, finds the installation, and scans with the installation token', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const state = standardState();
    state.apps['123'] = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    state.org.patGrants.push({ id: 5, login: 'dev', token_name: 'laptop', token_expires_at: null });
    fake = await new FakeGithub(state).start();
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_APP_ID: '123', GITHUB_APP_PRIVATE_KEY: pem.replace(/\n/g, '\\n') });
    expect(fake.count(/^\/orgs\/acme\/installation$/)).toBe(1);
    expect(fake.count(/^\/app\/installations\/4242\/access_tokens$/)).toBe(1);
    expect((run.byId('github:acme/web') as Repository).branchProtection?.protected).toBe(true);
    const grant = run.result.resources.find((r) => r.kind === 'token' && r.id.includes('fine-grained-token')) as Token;
    expect(grant).toMatchObject({ tokenType: 'fine-grained-pat', expiresAt: null, name: 'laptop (dev)' });
    const installationTokens = Object.keys(state.tokens).filter((t) => t.startsWith('ghs_'));
    for (const t of installationTokens) expect(run.debug.join('\n')).not.toContain(t);
  });
});

describe('github provider: doctor preflight', () => {
  it('lists what each rule group needs against the scopes a classic token has', async () => {
    fake = await new FakeGithub(standardState()).start();
    const { lines } = await preflight(spec({ githubOrg: 'acme' }), { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: READER_TOKEN });
    const text = lines.join('\n');
    expect(text).toMatch(/classic personal access token/);
    expect(text).toMatch(/scopes: .*read:org.*repo/);
    expect(text).toMatch(/org\.mfa-required.*MISSING scope admin:org/);
    expect(text).toMatch(/repo\.webhooks-tls.*MISSING scope read:repo_hook/);
    expect(text).not.toContain(READER_TOKEN);
  });

  it('reports a fine-grained token by the permissions it needs', async () => {
    const state = standardState();
    state.tokens['github_pat_fine_fine_fine_fine_0009'] = { kind: 'fine-grained', permissions: { metadata: 'read' }, admin: false };
    fake = await new FakeGithub(state).start();
    const { lines } = await preflight(spec({ githubOrg: 'acme' }), { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: 'github_pat_fine_fine_fine_fine_0009' });
    expect(lines.join('\n')).toMatch(/fine-grained personal access token/);
    expect(lines.join('\n')).toMatch(/secrets\.rotation-age: Actions secrets: permission -> needs repository Secrets: read/);
    void ADMIN_TOKEN;
  });
});
