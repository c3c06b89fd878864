import { afterAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/model/index.js';
import { LIMITS } from '../../../src/shared/limits.js';
import { cleanup, collect, commitAll, tempDir, writeFiles } from './repo.js';

afterAll(cleanup, 300_000);

/** Many distinct patterns, `.env` among them, padded to `size` bytes. */
function gitignoreOf(size: number): string {
  let text = '.env\n';
  for (let i = 0; text.length < size - 40; i++) text += `build/out${i}/**/*.tmp\n`;
  return text + '#'.repeat(size - text.length - 1) + '\n';
}

describe('.gitignore size limit', () => {
  it('above the limit, whether .env is ignored is not evaluated: an error gap, not a guess', async () => {
    const root = tempDir();
    writeFiles(root, { '.gitignore': gitignoreOf(LIMITS.gitignore + 1), 'README.md': 'x\n' });
    commitAll(root);
    const repo = (await collect(root)).resources[0] as Repository;
    expect(repo.envIgnored).toBeUndefined();
    expect(repo.gaps?.envIgnored).toEqual({ reason: 'error', message: '.gitignore is larger than the 64 KiB limit: not evaluated' });
  }, 120_000);

  it('just under the limit it is evaluated', async () => {
    const root = tempDir();
    writeFiles(root, { '.gitignore': gitignoreOf(LIMITS.gitignore), 'README.md': 'x\n' });
    commitAll(root);
    const repo = (await collect(root)).resources[0] as Repository;
    expect(repo.envIgnored).toBe(true);
    expect(repo.gaps?.envIgnored).toBeUndefined();
  }, 120_000);
});
