import { defineConfig } from 'vitest/config';

/**
 * Pure tests run once; database-backed tests (test/db) run once per dialect, picked by
 * JOBDECK_TEST_DIALECT. JOBDECK_TEST_DIALECTS (default "sqlite,postgres") chooses which run.
 */
const dialects = (process.env.JOBDECK_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      ...dialects.map((dialect) => ({
        extends: true as const,
        test: {
          name: dialect,
          include: ['test/db/**/*.test.ts'],
          env: { JOBDECK_TEST_DIALECT: dialect },
          ...(dialect === 'postgres' && { globalSetup: ['test/support/postgres-setup.ts'] }),
        },
      })),
      {
        // The admin UI in Debian's chromium against a real server (SQLite); builds ui/dist if missing.
        extends: true as const,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/support/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
