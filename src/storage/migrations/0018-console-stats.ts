import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Charts and alerts relative to history (docs/console-charts.md):
 * - `jobs.history_alerts`: JSON text `{slowerThanP95, p95Runs, afterFailures}` or NULL (no such
 *   alert); one column so the jobs table (and the code that copies a job field by field) grows by
 *   one field, and the notifier filters on `IS NOT NULL`.
 * - `runs_task_finished (task, finished_at, status)`: the task page's charts read a task's latest
 *   runs and its outcomes per day from this index; without it they would walk the whole history
 *   for a rarely used task. It costs one index entry when a run ends (none at enqueue or claim).
 * - Two indexes of ended runs become covering, so the charts' per-day and per-bucket counts are
 *   index-only scans instead of one heap fetch per run (at 1,000,000 runs on a loaded machine the
 *   outcomes of a busy job took 2.4 s, the queues' 72 hours 0.4 s, before): `runs_job_finished
 *   (job_id, finished_at)` (0006) gains `status, parent_run_id`, `runs_finished_queue
 *   (finished_at, queue, status)` (0008) gains `started_at, available_at`. Each replaces the old
 *   one (same predicate, same leading columns: every query the old one served, the new one
 *   serves), so a run's end writes as many index entries as before, only wider ones.
 */
async function up(db: Kysely<unknown>) {
  await sql`ALTER TABLE jobs ADD COLUMN history_alerts TEXT`.execute(db);
  await sql`CREATE INDEX runs_task_finished ON runs (task, finished_at, status) WHERE finished_at IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX runs_job_ended ON runs (job_id, finished_at, status, parent_run_id)
    WHERE finished_at IS NOT NULL`.execute(db);
  await sql`DROP INDEX IF EXISTS runs_job_finished`.execute(db);
  await sql`CREATE INDEX runs_ended_queue ON runs (finished_at, queue, status, started_at, available_at)
    WHERE finished_at IS NOT NULL`.execute(db);
  await sql`DROP INDEX IF EXISTS runs_finished_queue`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
