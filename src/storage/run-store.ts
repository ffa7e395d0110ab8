import type { JsonObject, Run } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import type { Page } from './page.js';

export interface NewRun {
  jobId: string;
  task: string;
  title: string;
  queue: string;
  args: JsonObject;
  customArgs: JsonObject | null;
  since: Date | null;
  startedBy: string;
  priority?: number;
  availableAt?: Date;
  maxAttempts?: number;
  parentRunId?: number | null;
  scheduledFor?: Date | null;
}

/**
 * What a run's creation took from its job (run-creation.ts). `runCreateFromJob` inserts only
 * while the job still has exactly these values, so a creation prepared from a job read earlier
 * (the run service remembers recent jobs) never uses a changed or deleted job.
 */
export interface JobBasis {
  task: string;
  defaultQueue: string;
  args: JsonObject;
  customArgs: JsonObject | null;
  maxAttempts: number;
}

export interface RunFilter {
  jobId?: string | undefined;
  /** Case-insensitive match on title or message. */
  q?: string | undefined;
  statuses?: RunStatus[] | undefined;
  queue?: string | undefined;
  task?: string | undefined;
  /** Only the sub-runs of this run (oldest first); otherwise top-level runs, newest first. */
  parentRunId?: number | undefined;
  /** Top-level runs and sub-runs alike. */
  includeSubRuns?: boolean | undefined;
  limit: number;
  offset: number;
}

/** What deleting a run did: deleted it, refused (it or a sub-run is active), or found none. */
/** `parent_active`: an ended sub-run whose parent is still active (its counters count the sub-run). */
export type RunDeleteResult = 'deleted' | 'active' | 'parent_active' | 'missing';

/** Runs created, read, listed and deleted, with the sub-runs of a parent. */
export interface RunStore {
  runCreate(run: NewRun): Promise<Run>;
  /**
   * Creates a run of a job only if the job exists and still has `basis`'s values, else returns
   * undefined. `since: null` stands for the start of the job's last top-level success, read with
   * the insert (on PostgreSQL one statement: enqueue → start latency is mostly round trips).
   */
  runCreateFromJob(run: NewRun, basis: JobBasis): Promise<Run | undefined>;
  /** Bulk enqueue: one statement per chunk. Returns the number of runs created. */
  runsCreate(runs: NewRun[]): Promise<number>;
  /**
   * Creates sub-runs of a running top-level run, in bulk (one statement per chunk), and adds
   * them to its `total_subruns` in the same transaction. Returns the number created, or
   * undefined when the parent is no longer RUNNING (stopped, ended) or is itself a sub-run.
   * `failRatio`: the parent ends FAILED once this share of its sub-runs failed (task's subRuns.failWhen).
   */
  subRunsCreate(parentId: number, runs: NewRun[], failRatio?: number | null): Promise<number | undefined>;
  /** Stops a parent's sub-runs: QUEUED ones become CANCELLED, RUNNING ones CANCELLING. */
  subRunsStop(parentId: number, message: string): Promise<{ cancelled: number; cancelling: number }>;
  /** How many sub-runs of the run are in each status (only statuses with at least one). */
  subRunCounts(parentId: number): Promise<Partial<Record<RunStatus, number>>>;
  /** Deletes an ended run with its logs and sub-runs, unless it or a sub-run is active. */
  runDelete(id: number): Promise<RunDeleteResult>;
  runGet(id: number): Promise<Run | undefined>;
  runList(filter: RunFilter): Promise<Page<Run>>;
  /** The last top-level SUCCESS run of a job, by start time. */
  runLastSuccess(jobId: string): Promise<Run | undefined>;
  /** The latest run (highest id) of each of the jobs, in one query; jobs never run are absent. */
  runsLastOf(jobIds: readonly string[]): Promise<Map<string, Run>>;
}
