import { defineConfig } from '../../../src/config/config-file.js';
import { hostTasks } from './host-tasks.js';

/** The config of every process on the suite's hosts: a short lease by default, so rescues are quick. */
export default defineConfig({
  tasks: hostTasks,
  demo: false,
  worker: { heartbeatMs: 500, abortGraceMs: 1000, shutdownGraceMs: 2000 },
  maintenance: { leaseMs: Number(process.env.HOSTS_LEASE_MS ?? 3000), intervalMs: 500 },
  scheduler: {},
});
