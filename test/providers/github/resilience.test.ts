import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/model/index.js';
import { isUserError } from '../../../src/shared/errors.js';
import { makeRepo, FULL_PERMISSIONS } from '../../fakes/github/model.js';
import { ADMIN_TOKEN, FINE_TOKEN, collect, spec, standardState, tempDir, fakeGithubPerTest } from './helpers.js';

const startFake = fakeGithubPerTest();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('github provider: scale and cost', () => {
  it('scans an org of 250 repositories through Link pagination within 3.2 requests per repository', async () => {
    const state = standardState();
    state.repos = Array.from({ length: 250 }, (_, i) => makeRepo('acme', `svc-${String(i).padStart(3, '0')}`, { files: { '.github/workflows/ci.yml': 'on: push\njobs: {}\n' } }));
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const repos = run.result.resources.filter((r) => r.kind === 'repository');
    expect(repos).toHaveLength(250);
    expect(fake.count(/^\/orgs\/acme\/repos$/)).toBe(3);
    // 100 repositories per GraphQL query; their shallow trees come with it.
    expect(fake.count(/^\/graphql$/)).toBe(3);
    expect(fake.count(/\/git\/trees\//)).toBe(0);
    const requests = Number(run.result.stats['github.requests']);
    expect(requests).toBe(fake.log.length);
    expect(requests / 250).toBeLessThanOrEqual(3.2);
  });

  it('re-scans from the ETag cache: 304s cost no rate limit and the cache holds no token', async () => {
    const fake = await startFake(standardState());
    const cacheDir = tempDir();
    const first = await collect(fake, spec({ githubOrg: 'acme', noCache: false }), { GITHUB_TOKEN: ADMIN_TOKEN }, cacheDir);
    const usedAfterFirst = fake.used.core;
    const logAfterFirst = fake.log.length;
    const second = await collect(fake, spec({ githubOrg: 'acme', noCache: false }), { GITHUB_TOKEN: ADMIN_TOKEN }, cacheDir);
    expect(Number(second.result.stats['github.notModified'])).toBeGreaterThan(10);
    // Only error answers (here: the App-only token grants endpoint, 403) are not cacheable.
    const errors = fake.log.slice(logAfterFirst).filter((l) => l.status >= 400);
    expect(errors.map((l) => l.path)).toEqual(['/orgs/acme/personal-access-tokens']);
    expect(fake.used.core).toBe(usedAfterFirst + errors.length);
    expect(Number(second.result.stats['github.restPoints'])).toBe(errors.length);
    expect(second.result.resources).toEqual(first.result.resources);
    for (const f of files(cacheDir)) {
      const text = readFileSync(f, 'utf8');
      expect(text).not.toContain(ADMIN_TOKEN);
      // Webhook URLs may carry credentials: only scheme and host are cached.
      expect(text).not.toContain('token=s3cr3t');
    }
  });
});

describe('github provider: faults', () => {
  it('waits out a secondary rate limit (retry-after) and retries 5xx bursts', async () => {
    const fake = await startFake(standardState(), {
      faults: [
        { path: /^\/orgs\/acme\/repos$/, kind: 'secondary-limit', times: 1 },
        { path: /\/hooks$/, kind: 'status', status: 502, times: 2 },
      ],
    });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect((run.byId('github:acme/api') as Repository).webhooks).toHaveLength(2);
    expect(Number(run.result.stats['github.retries'])).toBeGreaterThanOrEqual(1);
    expect(run.debug.join('\n')).toMatch(/secondary rate limit/);
  });

  it("halves a GraphQL batch that fails every retry (a query past GitHub's time limit) before recording gaps", async () => {
    const state = standardState();
    state.repos = Array.from({ length: 30 }, (_, i) => makeRepo('acme', `svc-${i}`));
    // The first query (30 repositories) fails on all four attempts; the halves then pass.
    const fake = await startFake(state, { faults: [{ method: 'POST', path: /graphql$/, kind: 'status', status: 502, times: 4 }] });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const repos = run.result.resources.filter((r) => r.kind === 'repository') as Repository[];
    expect(repos).toHaveLength(30);
    expect(repos.filter((r) => r.gaps?.branchProtection || r.gaps?.defaultBranch).map((r) => r.id)).toEqual([]);
    expect(fake.log.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([502, 502, 502, 502, 200, 200]);
  });

  it('records a malformed gap for truncated JSON and for a field of the wrong type', async () => {
    const fake = await startFake(standardState(), {
      faults: [
        { path: /^\/repos\/acme\/api\/hooks$/, kind: 'truncated', times: 1 },
        { path: /^\/repos\/acme\/api\/actions\/secrets$/, kind: 'malformed', times: 1, mutate: (b) => ({ ...(b as object), secrets: [{ name: 5 }] }) },
        { path: /^\/repos\/acme\/web\/actions\/secrets$/, kind: 'malformed', times: 1, mutate: () => ({ total_count: 1 }) },
      ],
    });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const api = run.byId('github:acme/api') as Repository;
    expect(api.webhooks).toBeUndefined();
    expect(api.gaps?.webhooks).toMatchObject({ reason: 'malformed' });
    expect(api.gaps?.secrets).toMatchObject({ reason: 'malformed' });
    expect(api.gaps?.secrets?.message).toMatch(/Actions secrets: response failed validation \(0\.name/);
    expect((run.byId('github:acme/web') as Repository).gaps?.secrets?.message).toMatch(/expected an array in "secrets"/);
  });

  it('waits for the primary limit reset (403, x-ratelimit-remaining: 0) and goes on', async () => {
    const fake = await startFake(standardState(), { faults: [{ path: /^\/repos\/acme\/web\/hooks$/, kind: 'primary-limit', times: 1 }] });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect((run.byId('github:acme/web') as Repository).webhooks).toEqual([]);
    expect(run.debug.join('\n')).toMatch(/primary rate limit/);
  });

  it('records rate-limited, not forbidden, when the secondary limit outlasts the retries', async () => {
    const fake = await startFake(standardState(), { faults: [{ path: /^\/repos\/acme\/web\/hooks$/, kind: 'secondary-limit', times: 10 }] });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect((run.byId('github:acme/web') as Repository).gaps?.webhooks).toMatchObject({ reason: 'rate-limited' });
  });

  it('marks every repository of a GraphQL batch whose response is truncated as malformed, not passing', async () => {
    const fake = await startFake(standardState(), { faults: [{ path: /^\/graphql$/, kind: 'truncated', times: 1 }] });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const web = run.byId('github:acme/web') as Repository;
    expect(web.branchProtection).toBeUndefined();
    expect(web.gaps?.branchProtection).toMatchObject({ reason: 'malformed' });
    expect(web.gaps?.pipelineFiles).toMatchObject({ reason: 'malformed' });
    expect(web.gaps?.dependencyAlerts).toMatchObject({ reason: 'malformed' });
    // REST-only data is still collected.
    expect(web.webhooks).toEqual([]);
  });

  it('records malformed gaps for a GraphQL node that fails validation, leaving the others intact', async () => {
    const mutate = (body: unknown) => {
      const b = body as { data: { nodes: Record<string, unknown>[] } };
      b.data.nodes = b.data.nodes.map((n) => (n.nameWithOwner === 'acme/web' ? { ...n, rulesets: { nodes: 'oops' } } : n));
      return b;
    };
    const fake = await startFake(standardState(), { faults: [{ method: 'POST', path: /^\/graphql$/, kind: 'malformed', times: 1, mutate }] });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const web = run.byId('github:acme/web') as Repository;
    expect(web.branchProtection).toBeUndefined();
    expect(web.gaps?.branchProtection?.reason).toBe('malformed');
    expect(web.gaps?.branchProtection?.message).toMatch(/rulesets/);
    expect((run.byId('github:acme/api') as Repository).branchProtection?.protected).toBe(true);
  });

  it('stops with one clear line on 401 and never prints the token', async () => {
    const fake = await startFake(standardState());
    const bad = 'ghp_revokedRevokedRevokedRevoked00009';
    const err = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: bad }).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/401/);
    expect(message).toMatch(/GITHUB_TOKEN/);
    expect(message).not.toContain(bad);
  });
});

describe('github provider: token kinds and hosts', () => {
  it('names the fine-grained permission GitHub asks for when a fine-grained token lacks it', async () => {
    const state = standardState();
    const { secrets: _s, webhooks: _w, ...perms } = FULL_PERMISSIONS as Record<string, 'read'>;
    state.tokens[FINE_TOKEN] = { kind: 'fine-grained', permissions: perms, admin: true };
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GH_TOKEN: FINE_TOKEN });
    const api = run.byId('github:acme/api') as Repository;
    expect(api.gaps?.secrets?.message).toMatch(/GitHub requires permission secrets=read/);
    expect(api.gaps?.webhooks?.message).toMatch(/webhooks=read/);
    expect(api.gaps?.webhooks?.message).toMatch(/Webhooks: read/);
    expect(api.branchProtection?.protected).toBe(true);
  });

  it('works against a GHES base path /api/v3 with GraphQL at /api/graphql', async () => {
    const fake = await startFake(standardState(), { basePath: '/api/v3' });
    const run = await collect(fake, spec({ repos: ['acme/api', 'acme/web'] }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(fake.count(/^\/api\/graphql$/)).toBe(1);
    expect((run.byId('github:acme/api') as Repository).branchProtection?.protected).toBe(true);
    expect((run.byId('github:acme/web') as Repository).branchProtection?.protected).toBe(true);
    expect(run.result.resources.some((r) => r.kind === 'organization')).toBe(false);
  });

  it('reports a repository it cannot see as a gap and a diagnostic', async () => {
    const fake = await startFake(standardState());
    const run = await collect(fake, spec({ repos: ['acme/nope'] }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(run.byId('github:acme/nope').gaps?.['*']).toMatchObject({ reason: 'not-found' });
    expect(run.result.diagnostics[0]?.message).toMatch(/acme\/nope/);
  });
});

describe('github provider: hostile names', () => {
  it('keeps names as data but never lets them break ids', async () => {
    const state = standardState();
    const api = state.repos[0]!;
    api.secrets.push({ name: 'EVIL\u001b[31m\nNAME/../x', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' });
    api.environments.push({ name: 'prod **bold** [x](http://e)', reviewers: 0, branchPolicy: null });
    api.files['.github/workflows/we\u001bird\n.yml'] = 'on: push\n';
    const fake = await startFake(state);
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    const unsafe = (id: string) => [...id].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || /\s/.test(c));
    for (const r of run.result.resources) expect(unsafe(r.id), r.id).toBe(false);
    const secret = run.result.resources.find((r) => r.name.startsWith('EVIL'))!;
    expect(secret.name).toBe('EVIL\u001b[31m\nNAME/../x');
    expect(secret.id).toBe('github:acme/api/secret/EVIL%1B%5B31m%0ANAME%2F..%2Fx');
    const env = run.result.resources.find((r) => r.kind === 'environment' && r.name.startsWith('prod **'))!;
    expect(env.id.startsWith('github:acme/api/environment/prod%20')).toBe(true);
  });
});
