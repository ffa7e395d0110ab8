import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Run } from '../domain/model.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { RunOutcome, Store } from '../storage/store.js';
import type { ClaimedRunDeps } from './claimed-run.js';
import { JobCache } from './job-cache.js';
import type { LogSink, LogSinkOptions } from './log-sink.js';
import { OutboundPolicy } from './outbound-policy.js';
import type { ProgressThrottle } from './progress-throttle.js';
import { subRunsFactory } from './sub-runs.js';

export interface WorkerOptions {
  queues: string[];
  concurrency?: number;
  /**
   * Runs claimed ahead into a local buffer, so claims are batched (claim-buffer.ts). By default the
   * buffer follows the pace at which runs start (prefetch-size.ts): about 50 ms of runs, between
   * the concurrency and a hundred per slot (20..1000). A number fixes its size.
   */
  prefetch?: number;
  /** A buffered run not started within this time goes back to the queue (default 1 s). */
  prefetchTtlMs?: number;
  /**
   * Fallback poll for new runs when no notification arrives (default 30 s): the store announces
   * new runs (LISTEN/NOTIFY, or the SQLite file's changes), and a run delayed into the future is
   * waited for with a timer (see #lookAhead), so the poll only covers announcements lost.
   */
  pollIntervalMs?: number;
  /** How often running runs renew their lease (default 5000 ms). */
  heartbeatMs?: number;
  /** How often the process renews its row in `workers`, on the lease timer (default 10 s). */
  presenceIntervalMs?: number;
  /** Fallback check for stops asked elsewhere (default 500 ms). */
  stopCheckMs?: number;
  /** @deprecated The old name of `stopCheckMs` (the action is "stop"), still accepted. */
  cancelCheckMs?: number;
  /** On stop(), how long running runs may take to finish before they are aborted (default 30 s). */
  shutdownGraceMs?: number;
  /** After an abort, how long to wait for a task to return before recording it anyway (5 s). */
  abortGraceMs?: number;
  workerId?: string;
  /** The module isolated tasks' child processes load custom tasks from (default $JOBDECK_TASKS_MODULE). */
  tasksModule?: string;
  logger?: Logger;
  /** Run logs: the per-run cap (`maxLinesPerRun`, `maxBytesPerRun`) and batching. */
  logs?: Omit<LogSinkOptions, 'onError'>;
  /** What tasks' HTTP calls may reach (default: public addresses plus JOBDECK_OUTBOUND_ALLOW). */
  outbound?: OutboundPolicy;
}

export interface WorkerEvents {
  'run:started': [Run];
  /** The final state as recorded, and the run if its task started (not for one stopped in the buffer). */
  'run:finished': [outcome: RunOutcome, started?: Run];
  error: [unknown];
}

/** The options a worker runs with, defaults applied. */
export interface WorkerSettings {
  id: string;
  queues: string[];
  concurrency: number;
  pollIntervalMs: number;
  heartbeatMs: number;
  stopCheckMs: number;
  shutdownGraceMs: number;
  abortGraceMs: number;
  /** The claim buffer's size and TTL (claim-buffer.ts). */
  prefetch: { prefetch: number | undefined; ttlMs: number };
}

export function workerSettings(options: WorkerOptions): WorkerSettings {
  return {
    id: options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    queues: options.queues,
    concurrency: options.concurrency ?? 10,
    pollIntervalMs: options.pollIntervalMs ?? 30_000,
    heartbeatMs: options.heartbeatMs ?? 5000,
    stopCheckMs: options.stopCheckMs ?? options.cancelCheckMs ?? 500,
    shutdownGraceMs: options.shutdownGraceMs ?? 30_000,
    abortGraceMs: options.abortGraceMs ?? 5000,
    prefetch: { prefetch: options.prefetch, ttlMs: options.prefetchTtlMs ?? 1000 },
  };
}

/** What executing a claimed run needs, from the worker's options and its log and progress writers. */
export function claimedRunDeps(
  store: Store,
  tasks: TaskRegistry,
  options: WorkerOptions,
  settings: WorkerSettings,
  logs: LogSink,
  progress: ProgressThrottle,
): ClaimedRunDeps {
  return {
    store,
    tasks,
    jobs: new JobCache(store),
    workerId: settings.id,
    abortGraceMs: settings.abortGraceMs,
    tasksModule: options.tasksModule ?? process.env.JOBDECK_TASKS_MODULE,
    logs,
    reportProgress: (id, value) => progress.report(id, value),
    outbound: options.outbound ?? OutboundPolicy.from(),
    subRuns: subRunsFactory(store, tasks),
  };
}
