import { ACTIVE_STATUSES, FINAL_STATUSES, type RunStatus } from './run-status.js';

/**
 * Which runs of all jobs a list or a bulk action is about (the Runs page's filters, also the
 * `filter` of a bulk action). Every field narrows; none given means every top-level run.
 */
export interface RunSearch {
  statuses?: RunStatus[] | undefined;
  jobId?: string | undefined;
  task?: string | undefined;
  queue?: string | undefined;
  startedBy?: string | undefined;
  /** Case-insensitive match on title or message. */
  q?: string | undefined;
  /** Which time `from` and `to` are about: when the run was queued (default) or ended. */
  timeField?: RunTimeField | undefined;
  /** Inclusive lower bound. */
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
  /** Sub-runs too (lists show top-level runs by default). */
  includeSubRuns?: boolean | undefined;
  /** Only these runs (a bulk action's selection; at most BULK_MAX). */
  ids?: number[] | undefined;
}

export const RUN_TIME_FIELDS = ['created', 'finished'] as const;
type RunTimeField = (typeof RUN_TIME_FIELDS)[number];

/** Newest first by default; by end time shows only runs that ended. */
export const RUN_SORTS = ['-created', 'created', '-finished', 'finished'] as const;
export type RunSort = (typeof RUN_SORTS)[number];

/**
 * The most runs one bulk action handles, and the most a list counts exactly: beyond that the
 * filter must be narrowed (the count says "more than"), so no request's cost grows with history.
 */
export const BULK_MAX = 10_000;

/** The deepest a list may be paged by offset (page × size): beyond it, narrow the filter. */
export const LIST_DEPTH_MAX = 10_000;

/** A list counts its matches up to this (then says "more"): a rare status costs a scan until then. */
export const LIST_COUNT_MAX = 1_000;

/**
 * Text (no index can serve a substring match on both dialects) is looked for among the newest
 * this many runs, unless `from` bounds the search in time.
 */
export const TEXT_SEARCH_WINDOW = 100_000;

export type BulkAction = 'stop' | 'rerun' | 'delete';

/** The statuses a bulk action applies to; runs of other statuses that match are left alone. */
const BULK_STATUSES: Readonly<Record<BulkAction, readonly RunStatus[]>> = {
  // CANCELLING is already stopping.
  stop: ACTIVE_STATUSES.filter((s) => s !== 'CANCELLING'),
  rerun: FINAL_STATUSES,
  delete: FINAL_STATUSES,
};

/** The filter narrowed to the runs an action applies to (an empty status list matches nothing). */
export function eligibleSearch(search: RunSearch, action: BulkAction): RunSearch {
  const allowed = BULK_STATUSES[action];
  const statuses = search.statuses?.length ? search.statuses.filter((s) => allowed.includes(s)) : [...allowed];
  // A sub-run is re-run through its parent: a bulk re-run takes top-level runs only.
  return { ...search, statuses, ...(action === 'rerun' && { includeSubRuns: false }) };
}
