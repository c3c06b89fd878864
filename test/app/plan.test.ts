import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option } from 'commander';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { selectProviders } from '../../src/app/plan.js';
import { stripCredentials } from '../../src/app/origin.js';
import { configProviders, optionKey, originProvider, providerMetas, providerTargets, type RunTargets } from '../../src/app/providers.js';
import type { ProviderMeta } from '../../src/providers/contract.js';
import { registry } from '../../src/providers/registry.js';

const run = (over: Partial<RunTargets> = {}): RunTargets => ({
  path: '.',
  repos: [],
  stateFiles: [],
  named: [],
  noCache: false,
  filters: {},
  flags: {},
  config: {},
  ...over,
});

describe('selectProviders', () => {
  it('scans the local tree when there is no target', () => {
    expect(selectProviders(run(), {})).toEqual(['local']);
  });

  it('adds the platform behind origin only when a token is present', () => {
    const s = run({ originUrl: 'git@github.com:acme/api.git' });
    expect(selectProviders(s, {})).toEqual(['local']);
    expect(selectProviders(s, { GITHUB_TOKEN: 'x' })).toEqual(['local', 'github']);
  });

  it('uses only the snapshot for --state', () => {
    expect(selectProviders(run({ stateFiles: ['a.json'] }), { GITHUB_TOKEN: 'x' })).toEqual(['snapshot']);
  });

  it('adds state files to the providers --provider names', () => {
    expect(selectProviders(run({ named: ['github'], stateFiles: ['a.json'], flags: { gitlabGroup: 'g' } }), {})).toEqual(['github', 'snapshot']);
  });

  it('maps remote targets, from flags or config keys, to their providers', () => {
    expect(selectProviders(run({ flags: { githubOrg: 'acme', gitlabGroup: 'g' }, config: { adoOrg: 'https://dev.azure.com/a' } }), {})).toEqual([
      'github',
      'gitlab',
      'azure-devops',
    ]);
  });

  it('rejects an unknown --provider', () => {
    expect(() => selectProviders(run({ named: ['bitbucket'] }), {})).toThrow(/unknown provider 'bitbucket'; known: snapshot, local, github, gitlab, azure-devops/);
  });

  it('selects a provider it has never heard of from that provider\'s own meta', () => {
    const cloudy: ProviderMeta = {
      name: 'cloudy',
      summary: 'a test cloud',
      kinds: ['secret'],
      options: [{ flags: '--cloudy-region <region...>', description: 'regions', configKey: 'cloudy.regions' }],
      configTargets: { cloudy: z.strictObject({ regions: z.array(z.string()) }) },
      env: { credentials: ['CLOUDY_KEY'], endpoints: [] },
      isTargeted: (t) => Array.isArray(t.options.cloudyRegion),
      hasCredential: (env) => !!env.CLOUDY_KEY,
    };
    const metas = [...providerMetas, cloudy];
    expect(selectProviders(run({ config: { cloudy: { regions: ['eu-1'] } } }), {}, metas)).toEqual(['cloudy']);
    expect(providerTargets(cloudy, run({ flags: { cloudyRegion: ['us-2'] }, config: { cloudy: { regions: ['eu-1'] } } })).options).toEqual({ cloudyRegion: ['us-2'] });
  });
});

describe('the provider registry', () => {
  it('registers every provider folder that has a meta.ts, each once', () => {
    const root = join('src', 'providers');
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'meta.ts')))
      .map((d) => d.name);
    const names = registry.map((r) => r.meta.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...folders].sort()).toEqual([...names].sort());
  });

  it('gives no two providers the same flag or config key, and the keys agree with commander', () => {
    const flags = providerMetas.flatMap((m) => m.options.map((o) => optionKey(o.flags)));
    expect(new Set(flags).size).toBe(flags.length);
    for (const m of providerMetas) for (const o of m.options) expect(optionKey(o.flags)).toBe(new Option(o.flags).attributeName());
    const keys = providerMetas.flatMap((m) => Object.keys(m.configTargets));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(configProviders().targets).sort()).toEqual([...keys].sort());
  });

  it('loads each implementation lazily, with plan and doctor', async () => {
    for (const r of registry) {
      const impl = await r.load();
      expect(typeof impl.plan, r.meta.name).toBe('function');
      expect(typeof impl.doctor, r.meta.name).toBe('function');
    }
  });
});

describe('origin recognition', () => {
  it('recognises hosted and self-hosted origins through the metas', () => {
    expect(originProvider('https://github.com/acme/api.git', {})).toBe('github');
    expect(originProvider('git@gitlab.com:acme/api.git', {})).toBe('gitlab');
    expect(originProvider('https://dev.azure.com/acme/web/_git/api', {})).toBe('azure-devops');
    expect(originProvider('https://acme.visualstudio.com/web/_git/api', {})).toBe('azure-devops');
    expect(originProvider('https://git.acme.internal/x/y.git', { CI_SERVER_URL: 'https://git.acme.internal' })).toBe('gitlab');
    expect(originProvider('https://example.org/x.git', {})).toBeUndefined();
  });

  it('strips credentials from origin URLs', () => {
    expect(stripCredentials('https://user:s3cret@github.com/acme/api.git')).toBe('https://github.com/acme/api.git');
  });
});
