// pg-boss (v10: a worker is one `work()` polling loop; concurrency is that many loops). Default:
// ten loops with the default batch of one and 2 s polling. Tuned: its documented throughput
// options, batches of 50 jobs per fetch and completion, and the shortest polling interval.
import { loadPeer } from '../peers.js';
import type { AdapterFactory } from './adapter.js';

interface Boss {
  start(): Promise<unknown>;
  stop(options?: Record<string, unknown>): Promise<void>;
  createQueue(name: string): Promise<void>;
  insert(jobs: { name: string; data: unknown }[]): Promise<void>;
  send(name: string, data: unknown): Promise<string | null>;
  work(name: string, options: Record<string, unknown>, handler: (jobs: unknown[]) => Promise<void>): Promise<string>;
  on(event: 'error', listener: (error: unknown) => void): void;
  getDb(): { executeSql(text: string, values: unknown[]): Promise<{ rows: { n: string }[] }> };
}

type BossConstructor = new (options: Record<string, unknown>) => Boss;

const QUEUE = 'noop';

export const pgBoss: AdapterFactory = (config) => {
  const PgBoss = loadPeer<BossConstructor>('pg-boss');
  const boss = new PgBoss({ connectionString: config.databaseUrl });
  boss.on('error', (error) => console.error('pg-boss:', error));
  const workOptions = config.variant === 'tuned' ? { batchSize: 50, pollingIntervalSeconds: 0.5 } : {};
  return {
    async setup() {
      await boss.start();
      await boss.createQueue(QUEUE);
    },
    async enqueueBulk(count) {
      const CHUNK = 10_000;
      for (let i = 0; i < count; i += CHUNK) {
        const n = Math.min(CHUNK, count - i);
        await boss.insert(Array.from({ length: n }, () => ({ name: QUEUE, data: {} })));
      }
    },
    async enqueueOne() {
      await boss.send(QUEUE, {});
    },
    async startWorker(onJob) {
      for (let i = 0; i < config.concurrency; i++) {
        await boss.work(QUEUE, workOptions, async (jobs) => {
          for (let j = 0; j < jobs.length; j++) onJob();
        });
      }
    },
    async remaining() {
      const { rows } = await boss
        .getDb()
        .executeSql(`select count(*) as n from pgboss.job where state in ('created', 'retry', 'active')`, []);
      return Number(rows[0]!.n);
    },
    async close() {
      await boss.stop({ graceful: false, wait: true });
    },
  };
};
