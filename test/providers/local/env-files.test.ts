import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/model/index.js';
import { secpol } from '../../helpers/cli.js';
import { cleanup, collect, commitAll, git, tempDir, writeFiles } from './repo.js';

afterAll(cleanup, 300_000);

const repoOf = (result: { resources: unknown[] }): Repository => result.resources[0] as Repository;

describe('.env files', () => {
  it('example, sample, template, dist and patch files are not env files', async () => {
    const root = tempDir();
    writeFiles(root, { '.env.example': 'A=\n', '.env.sample': 'A=\n', '.env.template': 'A=\n', '.env.patch': 'x\n', 'web/.env.dist': 'A=\n', 'api/.env.production': 'A=1\n' });
    commitAll(root);
    const repo = repoOf(await collect(root));
    expect(repo.envFilesCommitted).toEqual([{ path: 'api/.env.production' }]);
    expect(repo.envFilesPresent).toBe(true);
  });

  it('sees an untracked .env in the working tree without calling it committed, and says untracked files were scanned', async () => {
    const root = tempDir();
    writeFiles(root, { 'README.md': 'x\n' });
    commitAll(root);
    writeFiles(root, { '.env': 'A=1\n', 'new.js': 'x\n' });
    const result = await collect(root);
    const repo = repoOf(result);
    expect(repo.envFilesCommitted).toEqual([]);
    expect(repo.envFilesPresent).toBe(true);
    expect(result.stats.localFilesUntracked).toBe(2);
    expect(result.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/scanned the working tree: 2 untracked files not yet committed are included.*\.env, new\.js/));
  });

  it('secpol check on a fresh `git init` repository does not fail, and passes the env rule', () => {
    const root = tempDir();
    git(root, 'init', '-q');
    const run = secpol(['check', '--format', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { results: { ruleId: string; status: string }[] };
    expect(report.results.find((r) => r.ruleId === 'code.env-files-not-committed')?.status).toBe('pass');
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })).toBe('');
  });
});
