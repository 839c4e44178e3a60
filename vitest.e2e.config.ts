import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: each file starts its own server and Chromium, so files run one at a time
 * (two CPUs in CI) and get minutes, not seconds, to finish.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
