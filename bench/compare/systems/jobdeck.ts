// Jobdeck in its default configuration: the bulk store verb for enqueue, `runs.create` for one
// run, and a worker with only the concurrency set.
import pg from 'pg';
import { z } from 'zod';
import { defineTask } from '../../../src/domain/task.js';
import { createJobdeck, type Jobdeck } from '../../../src/service/jobdeck.js';
import type { AdapterFactory } from './adapter.js';

export const jobdeck: AdapterFactory = (config) => {
  let onJob: () => void = () => undefined;
  const task = defineTask({
    id: 'bench.noop',
    title: 'No-op',
    description: 'Does nothing; for benchmarks',
    args: z.object({}),
    run: () => {
      onJob();
    },
  });
  let deck: Jobdeck | undefined;
  let jobId = '';
  let stopWorker: () => Promise<void> = async () => undefined;
  const counter = new pg.Pool({ connectionString: config.databaseUrl, max: 1 });

  const newRun = () => ({
    jobId,
    task: 'bench.noop',
    title: 'bench',
    queue: 'default',
    args: {},
    customArgs: null,
    since: null,
    startedBy: 'bench',
  });

  return {
    async setup() {
      deck = await createJobdeck({ database: config.databaseUrl, tasks: [task] });
      const existing = await deck.jobs.list();
      jobId = existing.items[0]?.id ?? (await deck.jobs.create({ title: 'bench', task: 'bench.noop' })).id;
    },
    async enqueueBulk(count) {
      await deck!.store.runsCreate(Array.from({ length: count }, newRun));
    },
    async enqueueOne() {
      await deck!.runs.create(jobId, { startedBy: 'bench' });
    },
    async startWorker(callback) {
      onJob = callback;
      const worker = deck!.createWorker({ concurrency: config.concurrency });
      await worker.start();
      stopWorker = () => worker.stop();
    },
    async remaining() {
      const { rows } = await counter.query<{ n: string }>(
        `select count(*) as n from jobdeck.runs where status in ('QUEUED', 'RUNNING')`,
      );
      return Number(rows[0]!.n);
    },
    async close() {
      await stopWorker();
      await deck?.close();
      await counter.end();
    },
  };
};
