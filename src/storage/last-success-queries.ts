import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { statusIn } from './status-filter.js';

/**
 * A job's last successful top-level run: the one that *started* last (`since` is its start), read
 * along `runs_job_ended (job_id, finished_at, status, parent_run_id)` (migration 0027 dropped the
 * index by start that held only successes, one index entry less at every successful end).
 *
 * 1. `l`: the success that ended last: the index backwards from the newest end, status and parent
 *    checked inside the index, so each run since then that did not succeed (a failure streak)
 *    costs one index entry read and no row; one row is fetched, for its start.
 * 2. The latest start among the successes that ended between l's start and its end. Exact: the
 *    success that started last started at or after l's start, so it ended then or later, and no
 *    success ended after l. Without overlapping runs that range holds l alone; with them, the
 *    runs that ended while l ran.
 *
 * A failure streak of 60,000 runs costs ~5 ms on PostgreSQL and ~20 ms on SQLite (100,000 runs,
 * docs/performance.md); a job that succeeds now and then, well under 1 ms. The caller selects
 * `r.started_at` or the whole row (`r`).
 */
function lastSuccessQuery(db: Kysely<Database>, jobId: string) {
  const lastEnded = db
    .selectFrom('runs')
    .select(['started_at', 'finished_at'])
    .where('job_id', '=', jobId)
    .where('finished_at', 'is not', null)
    .where(statusIn(['SUCCESS']))
    .where('parent_run_id', 'is', null)
    .orderBy('finished_at', 'desc')
    // The index's last column (null here, so the order is unchanged) steers PostgreSQL's planner:
    // on finished_at alone it may walk runs_ended_queue, every success of every job since.
    .orderBy('parent_run_id', 'desc')
    .limit(1);
  return db
    .selectFrom(lastEnded.as('l'))
    .innerJoin('runs as r', (join) =>
      join
        .on('r.job_id', '=', jobId)
        .on('r.finished_at', 'is not', null)
        .onRef('r.finished_at', '>=', 'l.started_at')
        .onRef('r.finished_at', '<=', 'l.finished_at'),
    )
    .where(statusIn(['SUCCESS'], 'r.status'))
    .where('r.parent_run_id', 'is', null)
    .where('r.started_at', 'is not', null)
    .orderBy('r.started_at', 'desc')
    .limit(1);
}

/** The whole row of the job's last successful top-level run (by start), if any. */
export function lastSuccessRow(db: Kysely<Database>, jobId: string) {
  return lastSuccessQuery(db, jobId).selectAll('r').executeTakeFirst();
}

/** The start (ms) of the job's last successful top-level run, or null if it never succeeded. */
export async function lastSuccessStartedAt(db: Kysely<Database>, jobId: string): Promise<number | null> {
  const row = await lastSuccessQuery(db, jobId).select('r.started_at').executeTakeFirst();
  return row?.started_at == null ? null : Number(row.started_at);
}
