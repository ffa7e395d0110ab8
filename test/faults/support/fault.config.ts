import { defineConfig } from '../../../src/config/config-file.js';
import { faultTasks } from './fault-tasks.js';

/** The config of every process a fault scenario starts: short leases so rescues are quick. */
export default defineConfig({
  tasks: faultTasks,
  demo: false,
  worker: {
    heartbeatMs: Number(process.env.FAULT_HEARTBEAT_MS ?? 500),
    abortGraceMs: 1000,
    shutdownGraceMs: 2000,
  },
  maintenance: { leaseMs: Number(process.env.FAULT_LEASE_MS ?? 3000), intervalMs: 500 },
  scheduler: {},
});
