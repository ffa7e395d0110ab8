import { sql } from 'kysely';
import type { Job } from '../domain/model.js';
import { HELD_STATUSES, type RunStatus } from '../domain/run-status.js';
import { TEXT_SEARCH_WINDOW, type RunSearch } from '../domain/run-search.js';
import type { QueryContext } from './job-queries.js';
import { statusIn, statusWithin } from './status-filter.js';
import { containsFolded } from './text-match.js';
import { jobFromRow, runFromRow } from './rows.js';
import type { JobFailures, OverviewData, RunSearchPage, RunSearchPaging } from './console-store.js';

/** The statuses the overview counts as failures (a partial success failed in part). */
const FAILURES: RunStatus[] = ['FAILED', 'PARTIAL_SUCCESS'];

/**
 * The runs matching a search. Statuses are literals (statusIn) so the partial indexes over queued
 * and live runs are used; a time window on the end uses the (finished_at, …) index; a job the
 * (job_id, id) index. What has no index (text, started_by) is a filter on one of those scans.
 */
function searched(ctx: QueryContext, search: RunSearch) {
  let query = ctx.db.selectFrom('runs');
  if (!search.includeSubRuns) query = query.where('parent_run_id', 'is', null);
  if (search.statuses) {
    query = query.where(
      search.statuses.length ? statusWithin(ctx.traits, search.statuses, Boolean(search.jobId)) : sql<boolean>`1 = 0`,
    );
  }
  if (search.ids) query = search.ids.length ? query.where('id', 'in', search.ids) : query.where(sql<boolean>`1 = 0`);
  if (search.jobId) query = query.where('job_id', '=', search.jobId);
  if (search.task) query = query.where('task', '=', search.task);
  if (search.queue) query = query.where('queue', '=', search.queue);
  if (search.startedBy) query = query.where('started_by', '=', search.startedBy);
  if (search.q) {
    const q = search.q;
    query = query.where((eb) =>
      eb.or([containsFolded(ctx.traits, 'title', q), containsFolded(ctx.traits, 'message', q)]),
    );
    // Without a time bound, text is matched among the newest runs only: a range of the primary key.
    if (!search.from) {
      const newest = sql<number>`(SELECT max(id) FROM ${ctx.table('runs')})`;
      query = query.where(sql<boolean>`id > ${newest} - ${TEXT_SEARCH_WINDOW}`);
    }
  }
  const column = search.timeField === 'finished' ? 'finished_at' : 'created_at';
  if (search.from) query = query.where(column, '>=', search.from.getTime());
  if (search.to) query = query.where(column, '<', search.to.getTime());
  return query;
}

export async function runSearch(ctx: QueryContext, search: RunSearch, paging: RunSearchPaging): Promise<RunSearchPage> {
  const byEnd = paging.sort.endsWith('finished');
  let query = searched(ctx, search);
  if (byEnd) query = query.where('finished_at', 'is not', null);
  const direction = paging.sort.startsWith('-') ? 'desc' : 'asc';
  const ordered = <Q extends { orderBy: (c: 'finished_at' | 'id', d: 'asc' | 'desc') => Q }>(q: Q) =>
    (byEnd ? q.orderBy('finished_at', direction) : q).orderBy('id', direction);
  const end = paging.offset + paging.limit;
  if (search.q && end <= paging.countLimit + 1) {
    // Text has no index: counting and paging apart would each filter the same 100,000 newest runs.
    // One scan finds the matching ids in page order up to one past the cap, then the page's rows
    // are read by primary key. (Where an index answers the count, as for a status, two statements
    // stay cheaper: an ordered id scan would read rows the count's index skips.)
    const hits = await ordered(query.select('id'))
      .limit(paging.countLimit + 1)
      .execute();
    const pageIds = hits.slice(paging.offset, end).map((row) => Number(row.id));
    const rows = pageIds.length ? await ctx.db.selectFrom('runs').selectAll().where('id', 'in', pageIds).execute() : [];
    const byId = new Map(rows.map((row) => [Number(row.id), runFromRow(row)]));
    const items = pageIds.flatMap((id) => byId.get(id) ?? []);
    return {
      items,
      total: Math.min(hits.length, paging.countLimit),
      more: hits.length > paging.countLimit,
      jobTitles: await jobTitlesOf(ctx, items),
    };
  }
  const [items, count] = await Promise.all([
    ordered(query.selectAll()).limit(paging.limit).offset(paging.offset).execute(),
    // Counted up to one past the cap: "more than 10,000" costs what 10,001 rows cost, not the history.
    ctx.db
      .selectFrom(
        query
          .select(sql<number>`1`.as('one'))
          .limit(paging.countLimit + 1)
          .as('hits'),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  const runs = items.map(runFromRow);
  return {
    items: runs,
    total: Math.min(n, paging.countLimit),
    more: n > paging.countLimit,
    jobTitles: await jobTitlesOf(ctx, runs),
  };
}

/**
 * Titles of the jobs of a page of runs, by primary key: bounded by the page size. A lookup after
 * the page rather than a join in it, so the search's index choice and its count stay as they are.
 */
async function jobTitlesOf(ctx: QueryContext, runs: { jobId: string }[]): Promise<Record<string, string>> {
  const ids = [...new Set(runs.map((run) => run.jobId))];
  if (!ids.length) return {};
  const rows = await ctx.db.selectFrom('jobs').select(['id', 'title']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.title]));
}

export async function runSearchIds(ctx: QueryContext, search: RunSearch, limit: number): Promise<number[]> {
  const rows = await searched(ctx, search).select('id').orderBy('id', 'asc').limit(limit).execute();
  return rows.map((row) => Number(row.id));
}

export async function overviewRead(ctx: QueryContext, failedSince: Date, limit: number): Promise<OverviewData> {
  const { db } = ctx;
  // Live runs: the partial index over queued and held runs (runs_active) holds only those.
  const running = db
    .selectFrom('runs')
    .selectAll()
    .where(statusWithin(ctx.traits, HELD_STATUSES))
    .orderBy('started_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  // The queue's claim index (queue, priority, id) over queued runs answers this on its own.
  const queued = db
    .selectFrom('runs')
    .select(['queue', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('id').as('oldest')])
    .where(statusIn(['QUEUED']))
    .groupBy('queue')
    .execute();
  // Failures of the window, through the (finished_at, queue, status) index: cost follows the window.
  const failed = db
    .selectFrom('runs')
    .select(['job_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('id').as('last')])
    .where('finished_at', '>=', failedSince.getTime())
    .where(statusIn(FAILURES))
    .where('parent_run_id', 'is', null)
    .groupBy(['job_id', 'status'])
    .execute();
  const workers = db
    .selectFrom('runs')
    .select(['worker_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(statusWithin(ctx.traits, HELD_STATUSES))
    .groupBy('worker_id')
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();

  const queuedRows = await queued;
  const byJob = new Map<string, { failed: number; partial: number; last: number }>();
  for (const row of await failed) {
    const entry = byJob.get(row.job_id) ?? { failed: 0, partial: 0, last: 0 };
    if (row.status === 'FAILED') entry.failed += Number(row.n);
    else entry.partial += Number(row.n);
    entry.last = Math.max(entry.last, Number(row.last));
    byJob.set(row.job_id, entry);
  }
  const latest = [...byJob.entries()].sort((a, b) => b[1].last - a[1].last).slice(0, limit);
  const lookups = [...queuedRows.map((row) => Number(row.oldest)), ...latest.map(([, e]) => e.last)];
  const [runRows, jobRows] = await Promise.all([
    lookups.length ? db.selectFrom('runs').selectAll().where('id', 'in', lookups).execute() : [],
    latest.length
      ? db
          .selectFrom('jobs')
          .select(['id', 'title'])
          .where(
            'id',
            'in',
            latest.map(([id]) => id),
          )
          .execute()
      : [],
  ]);
  const runs = new Map(runRows.map((row) => [Number(row.id), runFromRow(row)]));
  const titles = new Map(jobRows.map((row) => [row.id, row.title]));
  const failures: JobFailures[] = latest.flatMap(([jobId, entry]) => {
    const last = runs.get(entry.last);
    return last
      ? [{ jobId, jobTitle: titles.get(jobId) ?? jobId, failed: entry.failed, partial: entry.partial, last }]
      : [];
  });
  return {
    running: (await running).map(runFromRow),
    queued: queuedRows.flatMap((row) => {
      const oldest = runs.get(Number(row.oldest));
      return oldest
        ? [{ queue: row.queue, count: Number(row.n), oldestRunId: oldest.id, oldestCreatedAt: oldest.created }]
        : [];
    }),
    failures,
    failureJobs: byJob.size,
    failedTotal: [...byJob.values()].reduce((sum, e) => sum + e.failed, 0),
    partialTotal: [...byJob.values()].reduce((sum, e) => sum + e.partial, 0),
    workers: (await workers).map((row) => ({ workerId: row.worker_id ?? '(none)', runs: Number(row.n) })),
  };
}

export async function jobsUpcoming({ db, traits }: QueryContext, until: Date, limit: number): Promise<Job[]> {
  // The predicate of the jobs_due partial index, written as it is, so the index is used.
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('active', '=', sql.lit(traits.bool(true)))
    .where('next_run_at', 'is not', null)
    .where('next_run_at', '<', until.getTime())
    .orderBy('next_run_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map(jobFromRow);
}
