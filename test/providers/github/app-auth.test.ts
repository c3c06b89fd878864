import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Repository, Token } from '../../../src/model/index.js';
import { preflight } from '../../../src/providers/github/index.js';
import { collect, spec, standardState, ADMIN_TOKEN, READER_TOKEN, fakeGithubPerTest } from './helpers.js';

const startFake = fakeGithubPerTest();

describe('github provider: GitHub App authentication', () => {
  it('signs a JWT, finds the installation, and scans with the installation token', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const state = standardState();
    state.apps['123'] = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    state.org.patGrants.push({ id: 5, login: 'dev', token_name: 'laptop', token_expires_at: null });
    const fake = await startFake(state);
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
  it('checks each rule group against what a classic token may read', async () => {
    const fake = await startFake(standardState());
    const { lines } = await preflight(spec({ githubOrg: 'acme' }), { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: READER_TOKEN });
    const text = lines.join('\n');
    if (process.env.PEEK) console.log(text);
    expect(text).toMatch(/token: classic personal access token/);
    expect(text).toMatch(/scopes: repo, read:org/);
    expect(text).toMatch(/org\.mfa-required.*MISSING: GitHub hides the 2FA setting/);
    expect(text).toMatch(/org\.admin-count: organization owners \[scope read:org\]: ok/);
    expect(text).toMatch(/repo\.webhooks-tls: webhooks \[scope read:repo_hook, as repository admin\]: MISSING \(403\)/);
    expect(text).toMatch(/branch\.\*: branch rules \[scope repo\]: ok/);
    expect(text).not.toContain(READER_TOKEN);
  });

  it('says which fine-grained permission GitHub asks for', async () => {
    const state = standardState();
    state.tokens['github_pat_fine_fine_fine_fine_0009'] = { kind: 'fine-grained', permissions: { metadata: 'read', contents: 'read' }, admin: true };
    const fake = await startFake(state);
    const { lines } = await preflight(spec({ repos: ['acme/api'] }), { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: 'github_pat_fine_fine_fine_fine_0009' });
    const text = lines.join('\n');
    expect(text).toMatch(/fine-grained personal access token/);
    expect(text).toMatch(/secrets\.rotation-age: Actions secrets \[repository Secrets: read, as repository admin\]: MISSING \(403\).*GitHub requires permission secrets=read/);
    expect(text).toMatch(/ci\.\*, container\.\*, repo\.security-policy: repository files \[repository Contents: read\]: ok/);
    expect(text).toMatch(/org\.admin-count: .*not checked/);
    void ADMIN_TOKEN;
  });
});
