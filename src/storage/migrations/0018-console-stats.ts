import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Charts and alerts relative to history (docs/console-charts.md):
 * - `jobs.history_alerts`: JSON text `{slowerThanP95, p95Runs, afterFailures}` or NULL (no such
 *   alert); one column so the jobs table (and the code that copies a job field by field) grows by
 *   one field, and the notifier filters on `IS NOT NULL`.
 * - `runs_task_finished (task, finished_at, status)`: the task page's charts read a task's latest
 *   runs and its outcomes per day from this index; without it they would walk the whole history
 *   for a rarely used task. It costs one index entry when a run ends (none at enqueue or claim).
 *   The job charts need no new index: `runs_job_finished (job_id, finished_at)` (0006) and
 *   `runs_job_success` (0010) serve them, and the queue charts use `runs_finished_queue` (0008).
 */
async function up(db: Kysely<unknown>) {
  await sql`ALTER TABLE jobs ADD COLUMN history_alerts TEXT`.execute(db);
  await sql`CREATE INDEX runs_task_finished ON runs (task, finished_at, status) WHERE finished_at IS NOT NULL`.execute(
    db,
  );
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
