import type { RunStatus } from '../domain/run-status.js';

/** What a worker process says about itself when it registers and at each heartbeat. */
export interface WorkerRegistration {
  /** The worker's id (`host:pid:random`), the one runs record in `worker_id`. */
  id: string;
  host: string;
  pid: number;
  /** Jobdeck's version in that process. */
  version: string;
  queues: string[];
  concurrency: number;
  startedAt: Date;
  /** Slots executing a task at the time of the heartbeat. */
  busy: number;
}

/** How a worker process ended: its own stop, or its heartbeat expired (crash, kill, lost host). */
export type WorkerEnd = 'stopped' | 'died';

export interface WorkerRecord extends WorkerRegistration {
  heartbeatAt: Date;
  endedAt: Date | null;
  ended: WorkerEnd | null;
}

/** A run a worker holds now (RUNNING or CANCELLING under its id), as the Workers page shows it. */
export interface HeldRun {
  id: number;
  jobId: string;
  title: string;
  task: string;
  queue: string;
  status: RunStatus;
  startedAt: Date | null;
  attempt: number;
}

export interface WorkerListItem extends WorkerRecord {
  /** The first `heldPerWorker` runs it holds, oldest first. */
  held: HeldRun[];
  /** How many runs it holds in all. */
  heldTotal: number;
}

/** One finished run of a task, for its outcomes and duration percentiles. */
export interface TaskRunSample {
  id: number;
  jobId: string;
  title: string;
  status: RunStatus;
  startedAt: Date | null;
  finishedAt: Date;
}

export interface WorkerSweep {
  deadAfterMs: number;
  keepEndedMs: number;
  limit: number;
}

/** Worker registry and task history (the Workers and Tasks pages; migration 0015). */
export interface WorkerStore {
  /**
   * Registers the worker or renews its heartbeat: one upsert, which also brings back a worker
   * marked dead (it was cut off, not gone) or pruned.
   */
  workerBeat(worker: WorkerRegistration): Promise<void>;
  /** Records a clean stop (a worker already marked ended keeps its first end). */
  workerEnd(id: string): Promise<void>;
  /**
   * Marks workers silent for `deadAfterMs` as died (ended at their last heartbeat), and deletes
   * up to `limit` workers that ended more than `keepEndedMs` ago.
   */
  workersSweep(options: WorkerSweep): Promise<{ died: number; pruned: number }>;
  /** Up to `limit` workers, live ones first then by last heartbeat, each with the runs it holds. */
  workerList(options: { limit: number; heldPerWorker: number }): Promise<WorkerListItem[]>;
  /** The last `limit` finished runs of a task (sub-runs included), newest first. */
  taskRecentRuns(task: string, limit: number): Promise<TaskRunSample[]>;
}
