import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { createLocalProvider, type LocalProviderOptions } from '../../../src/providers/local/index.js';
import type { ProviderTargets } from '../../../src/providers/contract.js';
import type { CollectResult } from '../../../src/providers/types.js';
import { providerTargets } from '../../helpers/targets.js';
import { Redactor } from '../../../src/shared/redact.js';

/**
 * Test support: fake credentials (built at run time so that secpol's own tree never holds a
 * secret-shaped literal), fixture repositories materialised with a real `git init`, and a
 * collect() call with a recording progress sink.
 */
function pseudoRandom(seed: number, length: number, alphabet: string): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = `${ALNUM}+/`;

export const fake = {
  GITHUB_PAT: ['gh', 'p_'].join('') + pseudoRandom(1, 36, ALNUM),
  GITLAB_PAT: ['gl', 'pat-'].join('') + pseudoRandom(2, 20, ALNUM),
  AWS_SECRET: pseudoRandom(3, 40, B64),
  AWS_KEY_ID: ['AK', 'IA'].join('') + pseudoRandom(4, 16, UPPER),
  NPM_TOKEN: ['np', 'm_'].join('') + pseudoRandom(5, 36, ALNUM),
  PG_URL: `${['post', 'gres'].join('')}://app_owner:${pseudoRandom(6, 18, ALNUM)}@db.internal.acme.io:5432/app`,
  PRIVATE_KEY: [
    `-----BEGIN RSA ${'PRIVATE'} KEY-----`,
    ...Array.from({ length: 6 }, (_, i) => (i === 0 ? 'MIIEow' : '') + pseudoRandom(10 + i, i === 0 ? 58 : 64, B64)),
    `-----END RSA ${'PRIVATE'} KEY-----`,
  ].join('\n'),
};
export type FakeName = keyof typeof fake;

/** A distinct GitHub-token-shaped fake for each seed (for repositories with many findings). */
export function fakeGithubToken(seed: number): string {
  return ['gh', 'p_'].join('') + pseudoRandom(1000 + seed, 36, ALNUM);
}

export function fill(text: string): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (all, name: string) => (name in fake ? fake[name as FakeName] : all));
}

const FIXTURES = join(import.meta.dirname, '../../../fixtures/local/repos');
const made: string[] = [];

export function tempDir(prefix = 'secpol-local-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true, maxRetries: 5 });
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, fill(content));
  }
}

export function git(root: string, ...args: string[]): string {
  // gc.auto=0: a commit of many files would start a detached `git gc` that races the cleanup (ENOTEMPTY).
  return execFileSync('git', ['-c', 'gc.auto=0', '-c', 'maintenance.auto=false', '-c', 'user.name=secpol-test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

export function commitAll(root: string): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'fixture');
}

/** A fixture repository from fixtures/local/repos/<name>.yaml, committed with real git. */
export function fixtureRepo(name: string, extra: Record<string, string> = {}, options: { git?: boolean } = {}): string {
  const manifest = parse(readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8')) as { files: Record<string, string> };
  const root = tempDir(`secpol-${name}-`);
  writeFiles(root, { ...manifest.files, ...extra });
  if (options.git !== false) commitAll(root);
  return root;
}

export interface Collected extends CollectResult {
  progress: string[];
  redactor: Redactor;
}

/**
 * Collects `root` the way `secpol check` run inside it would (path `.`), unless `asPath`
 * gives the path as the user typed it (from `cwd` when given).
 */
export async function collect(
  root: string,
  options: LocalProviderOptions = {},
  asPath?: string,
  secretAllowlist?: ProviderTargets['secretAllowlist'],
  cwd?: string,
): Promise<Collected> {
  const previous = process.cwd();
  if (asPath === undefined) process.chdir(root);
  else if (cwd !== undefined) process.chdir(cwd);
  try {
    const adapters = createLocalProvider(options).plan(
      providerTargets({ path: asPath ?? '.', ...(secretAllowlist ? { secretAllowlist } : {}) }),
      {},
    );
    if (adapters.length !== 1) throw new Error(`expected one adapter, got ${adapters.length}`);
    const progress: string[] = [];
    const redactor = new Redactor();
    const result = await adapters[0]!.collect({
      now: new Date('2026-01-01T00:00:00Z'),
      env: {},
      progress: { update: (m) => progress.push(m) },
      redactor,
      debug: () => undefined,
    });
    return { ...result, progress, redactor };
  } finally {
    process.chdir(previous);
  }
}
