import { ValidationError, fieldError } from '../domain/errors.js';
import type { JsonObject, Run } from '../domain/model.js';
import { HELD_STATUSES } from '../domain/run-status.js';
import {
  BULK_MAX,
  LIST_COUNT_MAX,
  LIST_DEPTH_MAX,
  eligibleSearch,
  type BulkAction,
  type RunSearch,
  type RunSort,
} from '../domain/run-search.js';
import { pageSize } from '../domain/paging.js';
import type { OverviewData, RunSearchPage } from '../storage/console-store.js';
import type { Store } from '../storage/store.js';
import type { AuditService } from './audit-service.js';
import type { ActorContext } from './job-service.js';
import type { QueueRegistry } from './queue-registry.js';
import type { RunService } from './run-service.js';
import { upcomingJobs, type UpcomingJob } from './upcoming-jobs.js';
import { workerState } from '../domain/worker-presence.js';

/** The overview lists at most this many live workers (live ones come first in the registry). */
const OVERVIEW_WORKERS = 100;

const HOUR = 3_600_000;
/** The overview's window for failures and upcoming runs. */
const OVERVIEW_WINDOW_MS = 24 * HOUR;
/** Rows in each list of the overview (the counts are whole). */
const OVERVIEW_LIST = 20;
/** Scheduled jobs read for the upcoming list. */
const UPCOMING_JOBS = 200;
/** Runs handled between two reads of the clock/announcements: the unit of a bulk action's work. */
const BULK_BATCH = 200;
/** Per-run refusals reported back (the counts are whole). */
const BULK_REASONS = 20;

interface QueueHealth {
  name: string;
  paused: boolean;
  queued: number;
  running: number;
  oldestQueuedAt: Date | null;
  oldestQueuedRunId: number | null;
}

/** A live worker process (the workers registry), as the overview lists it. */
interface AliveWorker {
  id: string;
  host: string;
  busy: number;
  concurrency: number;
  /** Runs it holds now (RUNNING or CANCELLING under its id). */
  held: number;
}

export interface Overview extends Omit<OverviewData, 'queued'> {
  now: Date;
  /** Worker processes whose heartbeat is current (registry), up to OVERVIEW_WORKERS. */
  alive: AliveWorker[];
  windowMs: number;
  runningTotal: number;
  queues: QueueHealth[];
  /** Scheduled jobs due in the window, one each, soonest next fire first (at most OVERVIEW_LIST). */
  upcoming: UpcomingJob[];
  /** Jobs due in the window (of the UPCOMING_JOBS read). */
  upcomingJobs: number;
  /** Fire times in the window (each job's counted up to 1,000). */
  upcomingTotal: number;
  /** More scheduled jobs are due in the window than were read. */
  upcomingMore: boolean;
}

export type BulkSelection = { ids: number[] } | { filter: RunSearch };

export interface BulkCount {
  /** Runs the selection matches, whatever their status (up to BULK_MAX + 1). */
  matched: number;
  /** Of those, the runs the action applies to. */
  eligible: number;
  /** More than BULK_MAX runs are eligible: the action would be refused. */
  more: boolean;
}

export interface BulkResult {
  action: BulkAction;
  eligible: number;
  done: number;
  skipped: number;
  /** Why some runs were skipped (the first BULK_REASONS). */
  reasons: { runId: number; message: string }[];
  auditId: number;
}

/**
 * The operations console: the overview, the search over all runs, and bulk actions. A bulk action
 * picks its runs once (at most BULK_MAX), handles them in batches through the same code as the
 * single action (state machine, argument rights) and is audited once, with its filter and counts.
 */
export class OperationsService {
  constructor(
    private readonly store: Store,
    /** A RunService without audit: the bulk action records one entry, not one per run. */
    private readonly runs: RunService,
    private readonly audit: AuditService,
    private readonly queues: QueueRegistry,
    private readonly clock: () => number = Date.now,
  ) {}

  async overview(): Promise<Overview> {
    const now = new Date(this.clock());
    const until = new Date(now.getTime() + OVERVIEW_WINDOW_MS);
    const [registry, data, depth, paused, jobs] = await Promise.all([
      this.store.workerList({ limit: OVERVIEW_WORKERS, heldPerWorker: 1 }),
      this.store.overviewRead(new Date(now.getTime() - OVERVIEW_WINDOW_MS), OVERVIEW_LIST),
      this.store.queueDepth(),
      this.store.queuesPaused(),
      this.store.jobsUpcoming(until, UPCOMING_JOBS + 1),
    ]);
    const names = new Set([...this.queues.names(), ...depth.map((d) => d.queue), ...paused]);
    const queues = [...names].sort().map((name): QueueHealth => {
      const oldest = data.queued.find((q) => q.queue === name);
      const count = (held: boolean) =>
        depth
          .filter((d) => d.queue === name && (held ? HELD_STATUSES.includes(d.status) : d.status === 'QUEUED'))
          .reduce((sum, d) => sum + d.count, 0);
      return {
        name,
        paused: paused.includes(name),
        queued: count(false),
        running: count(true),
        oldestQueuedAt: oldest?.oldestCreatedAt ?? null,
        oldestQueuedRunId: oldest?.oldestRunId ?? null,
      };
    });
    const due = upcomingJobs(jobs.slice(0, UPCOMING_JOBS), until);
    return {
      now,
      windowMs: OVERVIEW_WINDOW_MS,
      running: data.running,
      runningTotal: queues.reduce((sum, q) => sum + q.running, 0),
      queues,
      failures: data.failures,
      failureJobs: data.failureJobs,
      failedTotal: data.failedTotal,
      partialTotal: data.partialTotal,
      workers: data.workers,
      alive: registry
        .filter((w) => workerState(w, now.getTime()) === 'running')
        .map((w) => ({ id: w.id, host: w.host, busy: w.busy, concurrency: w.concurrency, held: w.heldTotal })),
      upcoming: due.slice(0, OVERVIEW_LIST),
      upcomingJobs: due.length,
      upcomingTotal: due.reduce((sum, u) => sum + u.fires, 0),
      upcomingMore: jobs.length > UPCOMING_JOBS,
    };
  }

  /** A page of runs of all jobs; the count stops at LIST_COUNT_MAX, paging at LIST_DEPTH_MAX. */
  async search(
    search: RunSearch,
    options: { sort?: RunSort | undefined; page?: number | undefined; size?: number | undefined } = {},
  ): Promise<RunSearchPage & { page: number; size: number }> {
    const page = Math.max(1, Math.trunc(options.page ?? 1));
    const size = pageSize(options.size);
    if (page * size > LIST_DEPTH_MAX) {
      throw new ValidationError('The page is too deep.', [
        fieldError('page', `Pages reach ${LIST_DEPTH_MAX} runs deep at most; narrow the filter or change the sort.`),
      ]);
    }
    const result = await this.store.runSearch(search, {
      sort: options.sort ?? '-created',
      limit: size,
      offset: (page - 1) * size,
      countLimit: LIST_COUNT_MAX,
    });
    return { ...result, page, size };
  }

  /** How many runs a bulk action would touch, to show before it is confirmed. */
  async count(action: BulkAction, selection: BulkSelection): Promise<BulkCount> {
    const search = searchOf(selection);
    const [matched, eligible] = await Promise.all([
      this.store.runSearchIds(search, BULK_MAX + 1),
      this.store.runSearchIds(eligibleSearch(search, action), BULK_MAX + 1),
    ]);
    return { matched: matched.length, eligible: Math.min(eligible.length, BULK_MAX), more: eligible.length > BULK_MAX };
  }

  async bulk(action: BulkAction, selection: BulkSelection, by: ActorContext): Promise<BulkResult> {
    const search = searchOf(selection);
    const ids = await this.store.runSearchIds(eligibleSearch(search, action), BULK_MAX + 1);
    if (ids.length > BULK_MAX) {
      throw new ValidationError(`More than ${BULK_MAX} runs match; narrow the filter.`, [
        fieldError('filter', `A bulk action handles at most ${BULK_MAX} runs.`),
      ]);
    }
    let done = 0;
    const reasons: BulkResult['reasons'] = [];
    let skipped = 0;
    for (let i = 0; i < ids.length; i += BULK_BATCH) {
      for (const id of ids.slice(i, i + BULK_BATCH)) {
        try {
          await this.#one(action, id, by);
          done += 1;
        } catch (error) {
          skipped += 1;
          if (reasons.length < BULK_REASONS) reasons.push({ runId: id, message: (error as Error).message });
        }
      }
    }
    const entry = await this.audit.record(by.actor, `runs.bulk_${action}`, {
      requestId: by.requestId,
      details: {
        ...('ids' in selection ? { ids: selection.ids.length } : { filter: searchToJson(selection.filter) }),
        eligible: ids.length,
        done,
        skipped,
      },
    });
    return { action, eligible: ids.length, done, skipped, reasons, auditId: entry.id };
  }

  async #one(action: BulkAction, id: number, by: ActorContext): Promise<void> {
    if (action === 'stop') await this.runs.stop(id, undefined, by);
    else if (action === 'delete') await this.runs.delete(id, undefined, by);
    else await this.#rerun(await this.runs.get(id), by);
  }

  /** The run again, with its arguments, on its queue: as "Configure and run" with them (rights included). */
  async #rerun(run: Run, by: ActorContext): Promise<void> {
    await this.runs.create(
      run.jobId,
      {
        title: `Re-run of run ${run.id}`,
        queue: run.queue,
        ...(run.customArgs ? { customArgs: run.customArgs } : { args: run.args }),
        startedBy: by.actor,
      },
      by,
    );
  }
}

function searchOf(selection: BulkSelection): RunSearch {
  if ('ids' in selection) {
    if (selection.ids.length > BULK_MAX) {
      throw new ValidationError(`At most ${BULK_MAX} runs at once.`, [fieldError('ids', `At most ${BULK_MAX} ids.`)]);
    }
    // Runs picked one by one are taken as they are, sub-runs included.
    return { ids: selection.ids, includeSubRuns: true };
  }
  return selection.filter;
}

/** The filter as the audit entry shows it (the API's names). */
function searchToJson(search: RunSearch): JsonObject {
  const json: JsonObject = {};
  if (search.statuses) json.status = search.statuses.join(',');
  if (search.jobId) json.job = search.jobId;
  if (search.task) json.task = search.task;
  if (search.queue) json.queue = search.queue;
  if (search.startedBy) json.started_by = search.startedBy;
  if (search.q) json.q = search.q;
  if (search.timeField) json.time = search.timeField;
  if (search.from) json.from = search.from.toISOString();
  if (search.to) json.to = search.to.toISOString();
  if (search.includeSubRuns) json.include_subruns = true;
  return json;
}
