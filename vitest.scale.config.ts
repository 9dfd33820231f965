import { defineConfig } from 'vitest/config';

/** `npm run test:scale`: the suites that need real PostgreSQL and Redis servers (tests/scale). */
export default defineConfig({
  test: {
    include: ['tests/scale/**/*.test.ts'],
    environment: 'node',
    // The servers first; then dist/, which the suites that spawn `newsbrief start` run.
    globalSetup: ['tests/scale/global-setup.ts', 'tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
  },
});
