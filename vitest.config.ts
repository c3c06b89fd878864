import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One module graph per worker, not per file: a third less CPU on 2 cores. Tests that touch
    // process-wide state (env, cwd) set what they need and put back what others rely on.
    isolate: false,
    // Vitest's default (cores - 1) is one worker on 2 cores; many tests wait on CLI child
    // processes and loopback servers, so one worker more than cores keeps the cores busy.
    maxWorkers: availableParallelism() + 1,
    globalSetup: ['test/global-setup.ts'],
  },
  define: { __SECPOL_VERSION__: JSON.stringify('0.0.0-test') },
});
