import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Those need PostgreSQL and Redis: `npm run test:scale` (vitest.scale.config.ts).
    exclude: ['tests/scale/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here and in CI: one worker per core keeps child-process tests from starving.
    maxWorkers: 2,
  },
});
