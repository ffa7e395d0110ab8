import { defineConfig } from 'vitest/config';

/**
 * The fault-injection suite (`npm run test:faults`): real multi-process scenarios that kill
 * workers and schedulers, restart PostgreSQL and send malformed requests. Files run one at a
 * time (they start several processes each). `*.pg.test.ts` run on PostgreSQL only,
 * `*.sqlite.test.ts` on SQLite only, the rest on both dialects (JOBDECK_TEST_DIALECTS picks which, default both).
 */
const dialects = (process.env.JOBDECK_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean);

export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    projects: dialects.map((dialect) => ({
      extends: true as const,
      test: {
        name: `faults-${dialect}`,
        include: ['test/faults/**/*.test.ts'],
        exclude: [dialect === 'postgres' ? 'test/faults/**/*.sqlite.test.ts' : 'test/faults/**/*.pg.test.ts'],
        env: { JOBDECK_TEST_DIALECT: dialect },
        ...(dialect === 'postgres' && { globalSetup: ['test/support/postgres-setup.ts'] }),
      },
    })),
  },
});
