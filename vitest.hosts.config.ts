import { defineConfig } from 'vitest/config';

/**
 * The across-hosts suite (`npm run test:hosts`): a database host, two worker hosts and a server
 * host, each a network namespace (`ip netns` + veth, so it needs root and iproute2), with a
 * private PostgreSQL cluster on the database host. It cuts and heals links and restarts
 * PostgreSQL; it fails, never skips, where the namespaces cannot be built.
 */
export default defineConfig({
  test: {
    name: 'hosts',
    include: ['test/hosts/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
