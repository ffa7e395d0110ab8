import type { RunStatus } from '../domain/run-status.js';

/** How many runs of a queue are in a status (only pairs with at least one run). */
export interface QueueCount {
  queue: string;
  status: RunStatus;
  count: number;
}

/** Queues: paused or not, and how many runs each holds. */
export interface QueueStore {
  /** Runs of a paused queue are not claimed; resuming wakes the workers. */
  queueSetPaused(name: string, paused: boolean): Promise<void>;
  /** Names of the paused queues. */
  queuesPaused(): Promise<string[]>;
  /**
   * Runs per queue and status: live statuses all, finished ones only from `finishedSince` on
   * (all when not given).
   */
  queueCounts(finishedSince?: Date): Promise<QueueCount[]>;
  /** Runs per queue in QUEUED, RUNNING and CANCELLING only (cheap: for metrics scrapes). */
  queueDepth(): Promise<QueueCount[]>;
}
