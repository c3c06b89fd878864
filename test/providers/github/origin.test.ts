import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Organization, Repository } from '../../../src/model/index.js';
import { ADMIN_TOKEN, collect, fakeGithubPerTest, spec, standardState, tempDir } from './helpers.js';
import { bystanders } from '../../helpers/bystander.js';

const startFake = fakeGithubPerTest();

const bystander = bystanders();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('github: the token goes only to the API origin', () => {
  it.each(['127.0.0.1', '127.0.0.2'])('never follows a Link rel="next" to %s on another port: a malformed gap, not a request', async (host) => {
    const other = await bystander(host);
    const fake = await startFake(standardState(), {
      faults: [{ path: /^\/orgs\/acme\/repos$/, kind: 'link', times: 1, link: `<${other.origin}/orgs/acme/repos?page=2>; rel="next"` }],
    });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect(other.received).toEqual([]);
    const org = run.byId('github:acme') as Organization;
    expect(org.gaps?.repositories).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/pagination link to http:\/\/127\.0\.0\.\d:\d+ is outside/) });
    expect(run.result.resources.some((r) => r.kind === 'repository')).toBe(false);
    expect(run.result.diagnostics.map((d) => d.message).join('\n')).toMatch(/cannot list repositories/);
  });

  it('stops on a Link rel="next" that repeats the page just read', async () => {
    const fake = await startFake(standardState());
    fake.addFault({ path: /^\/orgs\/acme\/repos$/, kind: 'link', times: 5, link: `<${fake.apiUrl}/orgs/acme/repos?per_page=100&page=2>; rel="next"` });
    const run = await collect(fake, spec({ githubOrg: 'acme' }), { GITHUB_TOKEN: ADMIN_TOKEN });
    expect((run.byId('github:acme') as Organization).gaps?.repositories).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/repeats a page/) });
    expect(fake.count(/^\/orgs\/acme\/repos$/)).toBe(2);
  });
});

describe('github: the ETag cache never holds a credential', () => {
  it('does not cache a 200 body that contains the token, and still reports its data', async () => {
    const fake = await startFake(standardState(), {
      faults: [{ path: /^\/repos\/acme\/api\/hooks$/, kind: 'malformed', times: 1, mutate: (b) => (b as { config: object }[]).map((h) => ({ ...h, name: `echo ${ADMIN_TOKEN}` })) }],
    });
    const cacheDir = tempDir();
    const run = await collect(fake, spec({ githubOrg: 'acme', noCache: false }), { GITHUB_TOKEN: ADMIN_TOKEN }, cacheDir);
    expect((run.byId('github:acme/api') as Repository).webhooks).toHaveLength(2);
    const cached = files(cacheDir);
    expect(cached.length).toBeGreaterThan(5);
    for (const f of cached) expect(readFileSync(f, 'utf8')).not.toContain(ADMIN_TOKEN);
    expect(run.debug.join('\n')).toMatch(/not cached \(the answer holds a credential\): \/repos\/acme\/api\/hooks/);
  });
});
