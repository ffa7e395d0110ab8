import { FINAL_STATUSES, type RunStatus } from '../domain/run-status.js';
import type { Run } from '../domain/model.js';
import type { QueryContext } from './job-queries.js';
import { statusIn } from './status-filter.js';
import { runFromRow } from './rows.js';
import type { QueueCount } from './store.js';

/** The statuses of the partial index runs_live, written as its predicate is (literals). */
const LIVE_RUNNING: RunStatus[] = ['RUNNING', 'CANCELLING'];

/**
 * Reads behind the list screens (jobs with their last run, queues with their counts), shaped so
 * their cost depends on the page shown, not on how much history the runs table keeps.
 */

/**
 * The latest run (highest id) of each job, in one statement: for every job a single descent of
 * the (job_id, id) index finds its last run id, so the cost is one index probe per job on the
 * page however many runs each job has.
 */
export async function runsLastOf({ db }: QueryContext, jobIds: readonly string[]): Promise<Map<string, Run>> {
  const last = new Map<string, Run>();
  if (jobIds.length === 0) return last;
  const rows = await db
    .selectFrom('runs')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select((inner) =>
          inner
            .selectFrom('runs as r')
            .select('r.id')
            .whereRef('r.job_id', '=', 'jobs.id')
            // A job's last run is its last top-level run: a fan-out's sub-runs go with it.
            .where('r.parent_run_id', 'is', null)
            .orderBy('r.id', 'desc')
            .limit(1)
            .as('last_id'),
        )
        .where('jobs.id', 'in', [...new Set(jobIds)]),
    )
    .execute();
  for (const row of rows) last.set(row.job_id, runFromRow(row));
  return last;
}

/**
 * Runs per queue and status. The live statuses are counted exactly from the partial indexes on
 * queued and running runs; finished runs, which grow without bound, are counted only from
 * `finishedSince` on (all of them when it is not given) through the (finished_at, queue, status)
 * index, so the cost follows the window rather than the whole history.
 */
export async function queueCounts({ db }: QueryContext, finishedSince?: Date): Promise<QueueCount[]> {
  // One statement per partial index: with the three statuses in one IN list PostgreSQL can use
  // neither index and scans the whole table (130 ms at 1,000,000 runs).
  const counted = (statuses: RunStatus[]) =>
    db
      .selectFrom('runs')
      .select(['queue', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where(statusIn(statuses))
      .groupBy(['queue', 'status'])
      .execute();
  const queued = counted(['QUEUED']);
  const running = counted(LIVE_RUNNING);
  let finishedQuery = db
    .selectFrom('runs')
    .select(['queue', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('finished_at', 'is not', null)
    .where('status', 'in', FINAL_STATUSES as RunStatus[]);
  if (finishedSince) finishedQuery = finishedQuery.where('finished_at', '>=', finishedSince.getTime());
  const finished = finishedQuery.groupBy(['queue', 'status']).execute();
  const rows = [...(await queued), ...(await running), ...(await finished)];
  return rows
    .map((row) => ({ queue: row.queue, status: row.status as RunStatus, count: Number(row.n) }))
    .sort((a, b) => compare(a.queue, b.queue) || compare(a.status, b.status));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
