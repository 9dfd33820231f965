import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Those need PostgreSQL and Redis: `npm run test:scale` (vitest.scale.config.ts).
    exclude: ['tests/scale/**', 'node_modules/**'],
    environment: 'node',
    // Builds dist/ (about a second): the CLI tests run the compiled bot, as production does.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here and in CI: one worker per core keeps child-process tests from starving.
    maxWorkers: 2,
  },
});
