import type { Job, Run } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';

/** Whose runs a chart shows: one job's top-level runs, or every run of one task. */
export type StatsScope = { jobId: string; task?: undefined } | { task: string; jobId?: undefined };

/** One ended run as the charts plot it (runs that never started have no duration and are left out). */
export interface RunPoint {
  id: number;
  jobId: string;
  status: RunStatus;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  inserted: number | null;
  updated: number | null;
  errored: number | null;
}

/** Ended runs of one UTC day (its midnight) and final status. */
export interface OutcomeCount {
  day: Date;
  status: RunStatus;
  count: number;
}

/** Runs of one queue that ended within one bucket (its start), and how long they had waited. */
export interface QueueBucket {
  start: Date;
  queue: string;
  finished: number;
  failed: number;
  /** Wait from available (enqueued, or due) to start, over the bucket's runs that started. */
  waitAvgMs: number | null;
  waitMaxMs: number | null;
}

/** A result read from at most a fixed number of rows: `truncated` when the window held more. */
export interface Bounded<T> {
  items: T[];
  truncated: boolean;
}

/**
 * Reads behind the charts and the alerts relative to history (storage/stats-queries.ts). Every
 * verb reads a bounded number of rows through an index, whatever the size of the history.
 */
export interface StatsStore {
  /** The latest ended runs of the scope, newest first; `successOnly`: top-level SUCCESS runs only. */
  statsRunPoints(scope: StatsScope, limit: number, successOnly?: boolean): Promise<RunPoint[]>;
  /** Ended runs per UTC day and status finished in [from, until], from at most `maxRows` runs (newest kept). */
  statsOutcomes(scope: StatsScope, from: Date, until: Date, maxRows: number): Promise<Bounded<OutcomeCount>>;
  /** Ended runs per queue and bucket of `bucketMs` finished in [from, until], from at most `maxRows` runs. */
  statsQueues(from: Date, until: Date, bucketMs: number, maxRows: number): Promise<Bounded<QueueBucket>>;
  /** Going top-level runs of jobs with history alerts and somebody to tell, not yet told as slow. */
  runsGoingWithHistoryAlerts(): Promise<{ run: Run; job: Job }[]>;
  /**
   * A job's latest ended top-level runs at or before `at` (finish time, then id), newest first,
   * cancelled runs left out (a stop neither breaks nor extends a failure streak).
   */
  runsEndedUpTo(
    jobId: string,
    at: { time: number; id: number },
    limit: number,
  ): Promise<{ id: number; status: RunStatus }[]>;
}
