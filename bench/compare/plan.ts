// What the comparison runs: which systems in which configurations, at which sizes.
import type { Variant } from './systems/adapter.js';

export interface Entry {
  system: string;
  variant: Variant;
  /** Where the system keeps its jobs. */
  backend: 'PostgreSQL' | 'Redis';
}

export const ALL_ENTRIES: Entry[] = [
  { system: 'jobdeck', variant: 'default', backend: 'PostgreSQL' },
  { system: 'graphile-worker', variant: 'default', backend: 'PostgreSQL' },
  { system: 'graphile-worker', variant: 'tuned', backend: 'PostgreSQL' },
  { system: 'pg-boss', variant: 'default', backend: 'PostgreSQL' },
  { system: 'pg-boss', variant: 'tuned', backend: 'PostgreSQL' },
  { system: 'bullmq-postgres', variant: 'default', backend: 'PostgreSQL' },
  { system: 'bullmq-redis', variant: 'default', backend: 'Redis' },
  { system: 'bullmq-redis', variant: 'tuned', backend: 'Redis' },
];

export const QUICK_ENTRIES: Entry[] = [
  { system: 'graphile-worker', variant: 'tuned', backend: 'PostgreSQL' },
  { system: 'jobdeck', variant: 'default', backend: 'PostgreSQL' },
];

/** How each configuration differs from the system's defaults, for the table's legend. */
export const TUNING: Record<string, string> = {
  'jobdeck/default': 'createWorker({ concurrency: 10 }); nothing else set',
  'graphile-worker/default': 'run({ concurrency: 10 })',
  'graphile-worker/tuned':
    'run({ concurrency: 10, preset.worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } })',
  'pg-boss/default': '10 × work(queue, handler): batchSize 1, polling 2 s',
  'pg-boss/tuned': '10 × work(queue, { batchSize: 50, pollingIntervalSeconds: 0.5 }, handler)',
  'bullmq-postgres/default': 'new Worker(queue, fn, { concurrency: 10 }, createPostgresBackend)',
  'bullmq-redis/default': 'new Worker(queue, fn, { concurrency: 10 }) on Redis 127.0.0.1:6379',
  'bullmq-redis/tuned': 'as default, jobs added with removeOnComplete/removeOnFail',
};

export const entryKey = (entry: Entry) => `${entry.system}/${entry.variant}`;
