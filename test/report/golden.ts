import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/report/', import.meta.url));

/**
 * Compares `actual` with fixtures/report/<name>. Run with UPDATE_GOLDENS=1 to rewrite the file
 * after an intended change, then review the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDENS === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run UPDATE_GOLDENS=1 npx vitest run test/report`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
