// graphile-worker. Default: `run()` with only the concurrency set. Tuned: its documented
// high-throughput options, a local queue that fetches jobs in batches and batched completion
// (`preset.worker.localQueue`, `completeJobBatchDelay`, `failJobBatchDelay`).
import pg from 'pg';
import { loadPeer } from '../peers.js';
import type { AdapterFactory } from './adapter.js';

interface GraphileWorker {
  run(options: Record<string, unknown>): Promise<{ stop(): Promise<void> }>;
  Logger: new (factory: () => () => void) => unknown;
  runMigrations(options: Record<string, unknown>): Promise<void>;
  makeWorkerUtils(options: Record<string, unknown>): Promise<{
    addJob(task: string, payload: unknown): Promise<unknown>;
    addJobs(specs: { identifier: string; payload: unknown }[]): Promise<unknown>;
    release(): Promise<void>;
  }>;
}

const TUNED_PRESET = {
  worker: {
    // A batch fetched and locked per round trip, handed out locally.
    localQueue: { size: 500 },
    // Completions and failures written in batches rather than one statement per job.
    completeJobBatchDelay: 0,
    failJobBatchDelay: 0,
  },
};

export const graphileWorker: AdapterFactory = (config) => {
  const gw = loadPeer<GraphileWorker>('graphile-worker');
  const connectionString = config.databaseUrl;
  const counter = new pg.Pool({ connectionString, max: 1 });
  let utils: Awaited<ReturnType<GraphileWorker['makeWorkerUtils']>> | undefined;
  let runner: { stop(): Promise<void> } | undefined;
  return {
    async setup() {
      await gw.runMigrations({ connectionString, logger: new gw.Logger(() => () => undefined) });
      utils = await gw.makeWorkerUtils({ connectionString });
    },
    async enqueueBulk(count) {
      const CHUNK = 10_000;
      for (let i = 0; i < count; i += CHUNK) {
        const n = Math.min(CHUNK, count - i);
        await utils!.addJobs(Array.from({ length: n }, () => ({ identifier: 'noop', payload: {} })));
      }
    },
    async enqueueOne() {
      await utils!.addJob('noop', {});
    },
    async startWorker(onJob) {
      runner = await gw.run({
        connectionString,
        concurrency: config.concurrency,
        noHandleSignals: true,
        taskList: { noop: async () => onJob() },
        ...(config.variant === 'tuned' && { preset: TUNED_PRESET }),
        // Its per-job info lines would otherwise be the bulk of the work measured.
        logger: new gw.Logger(() => () => undefined),
      });
    },
    async remaining() {
      const { rows } = await counter.query<{ n: string }>('select count(*) as n from graphile_worker._private_jobs');
      return Number(rows[0]!.n);
    },
    async close() {
      await runner?.stop();
      await utils?.release();
      await counter.end();
    },
  };
};
