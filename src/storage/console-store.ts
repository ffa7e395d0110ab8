import type { Job, Run } from '../domain/model.js';
import type { RunSearch, RunSort } from '../domain/run-search.js';

/** A page of a run search, with the matches counted up to a cap (so counting is bounded too). */
export interface RunSearchPage {
  items: Run[];
  /** Matches counted, at most `countLimit`. */
  total: number;
  /** More than `countLimit` runs match: `total` is a lower bound. */
  more: boolean;
  /** Titles of the page's jobs by id (the list shows them; a job deleted meanwhile is absent). */
  jobTitles: Record<string, string>;
}

export interface RunSearchPaging {
  sort: RunSort;
  limit: number;
  offset: number;
  /** Stop counting matches here. */
  countLimit: number;
}

/** Queued runs of a queue and the oldest of them (by id, i.e. by the time it was queued). */
interface QueuedOldest {
  queue: string;
  count: number;
  oldestRunId: number;
  oldestCreatedAt: Date;
}

/** Failed and partially successful top-level runs of a job that ended in a window. */
export interface JobFailures {
  jobId: string;
  jobTitle: string;
  failed: number;
  partial: number;
  /** The latest of them (highest id), with its message. */
  last: Run;
}

/** A worker as seen from the runs it holds (RUNNING or CANCELLING under its id). */
interface WorkerHolding {
  workerId: string;
  runs: number;
}

/** What the overview reads, each part bounded by the live runs or the window, not the history. */
export interface OverviewData {
  /** Runs held by a worker now (RUNNING, CANCELLING), oldest start first, at most `limit`. */
  running: Run[];
  queued: QueuedOldest[];
  failures: JobFailures[];
  /** Jobs with failures in the window (failures lists only the `limit` latest). */
  failureJobs: number;
  /** Failed and partially successful top-level runs of the window, all jobs. */
  failedTotal: number;
  partialTotal: number;
  workers: WorkerHolding[];
}

/** The operations console's reads (overview and Runs page): see docs/console.md. */
export interface ConsoleStore {
  /** Runs of all jobs matching the search, in `sort` order, with a capped count. */
  runSearch(search: RunSearch, paging: RunSearchPaging): Promise<RunSearchPage>;
  /** Ids of up to `limit` runs matching the search, ascending (for bulk actions). */
  runSearchIds(search: RunSearch, limit: number): Promise<number[]>;
  /** The overview at `now`: live runs, queues, failures since `failedSince`, workers; lists cut at `limit`. */
  overviewRead(failedSince: Date, limit: number): Promise<OverviewData>;
  /** Active scheduled jobs whose next fire time is before `until`, soonest first. */
  jobsUpcoming(until: Date, limit: number): Promise<Job[]>;
}
