import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJobdeck, type Jobdeck } from '../../../src/service/jobdeck.js';
import type { Run } from '../../../src/domain/model.js';
import { startPrivatePostgres, type PrivatePostgres } from '../../faults/support/private-postgres.js';
import { ADMIN_TOKEN, startService, type ServiceProcess } from '../../faults/support/processes.js';
import { hostTasks } from './host-tasks.js';
import { createNetwork, removeLeftovers, type HostName, type TestNetwork } from './network.js';

const HOSTS_CONFIG = fileURLToPath(new URL('./hosts.config.ts', import.meta.url));

/**
 * One data centre for the suite: the hosts, PostgreSQL on the database host (listening on its
 * veth address only), and a Jobdeck handle for the test's own checks, which reaches the cluster
 * over its Unix socket (the test process stays outside the hosts' network).
 */
export interface DataCentre {
  net: TestNetwork;
  cluster: PrivatePostgres;
  deck: Jobdeck;
  /** Where the hosts' tasks record their executions. */
  executions: string;
  /** Starts `jobdeck <command>` on a host against the database host. */
  start(
    host: HostName,
    command: 'worker' | 'scheduler' | 'server',
    options?: { args?: string[]; leaseMs?: number },
  ): Promise<ServiceProcess>;
  /** Executions recorded per run id (files `<run>-<attempt>-<pid>`). */
  executionsByRun(): Map<number, string[]>;
  destroy(): Promise<void>;
}

export async function openDataCentre(): Promise<DataCentre> {
  const removed = removeLeftovers();
  if (removed.length) console.log(`removed namespaces left by an aborted run: ${removed.join(', ')}`);
  const executions = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-hosts-'));
  let net: TestNetwork | undefined;
  let cluster: PrivatePostgres | undefined;
  try {
    net = createNetwork();
    cluster = await startPrivatePostgres({ netns: net.netns('db'), host: net.address('db'), port: 5432 });
    const deck = await createJobdeck({ database: cluster.socketUrl, tasks: hostTasks });
    const [n, c] = [net, cluster];
    return {
      net: n,
      cluster: c,
      deck,
      executions,
      start: (host, command, options = {}) =>
        startService(command, c.url, {
          netns: n.netns(host),
          config: HOSTS_CONFIG,
          args: [...(command === 'server' ? ['--host', n.address(host)] : []), ...(options.args ?? [])],
          env: { HOSTS_EXECUTIONS_DIR: executions, HOSTS_LEASE_MS: String(options.leaseMs ?? 3000) },
        }),
      executionsByRun: () => {
        const byRun = new Map<number, string[]>();
        for (const file of fs.readdirSync(executions)) {
          const id = Number(file.split('-')[0]);
          if (!Number.isInteger(id)) continue;
          byRun.set(id, [...(byRun.get(id) ?? []), file]);
        }
        return byRun;
      },
      destroy: async () => {
        await deck.close().catch(() => undefined);
        c.destroy();
        n.destroy();
        fs.rmSync(executions, { recursive: true, force: true });
      },
    };
  } catch (error) {
    cluster?.destroy();
    net?.destroy();
    fs.rmSync(executions, { recursive: true, force: true });
    throw error;
  }
}

/** Queues `count` runs of a job through the server's HTTP API, sent from another host (curl). */
export function queueThroughServer(
  dc: DataCentre,
  from: HostName,
  server: ServiceProcess,
  jobId: string,
  count: number,
) {
  const url = `${server.url}/api/jobs/${jobId}/runs`;
  const script =
    `for i in $(seq ${count}); do curl -sf -X POST -H 'authorization: Bearer ${ADMIN_TOKEN}' ` +
    `-H 'content-type: application/json' -d '{}' ${url} >/dev/null || exit 1; done`;
  dc.net.exec(from, 'sh', ['-c', script]);
}

export async function runsOf(deck: Jobdeck, jobId: string): Promise<Run[]> {
  return (await deck.store.runList({ jobId, limit: 10_000, offset: 0 })).items;
}
