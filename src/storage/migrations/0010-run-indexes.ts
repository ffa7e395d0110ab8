import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Fewer index entries per run on the worker's path. A claim and a final state each rewrite the
 * run's row, and a rewritten row gets a new entry in every index whose predicate it matches
 * (status changes, so no update is HOT). `runs_job_status (job_id, status, started_at)` took one
 * at both, `runs_live` another at the claim. Now:
 * - `runs_active (job_id, status, heartbeat_at)` over queued and live runs serves "does this job
 *   have runs going" (deletes, overlap), the per-queue live counts and the rescue of expired
 *   leases (which scans this index, i.e. the runs going, not the history); one entry at enqueue
 *   and one at the claim, none at the end;
 * - `runs_job_success (job_id, started_at)` over top-level successful runs serves `since` (the
 *   last success's start); one entry at a successful end.
 * A claim now writes three index entries instead of four; an end still five (the primary key,
 * `runs_job`, this one, and the two `finished_at` indexes of retention and the queues screen).
 */
async function up(db: Kysely<unknown>) {
  await sql`CREATE INDEX runs_active ON runs (job_id, status, heartbeat_at)
    WHERE status IN ('QUEUED', 'RUNNING', 'CANCELLING')`.execute(db);
  await sql`CREATE INDEX runs_job_success ON runs (job_id, started_at)
    WHERE status = 'SUCCESS' AND parent_run_id IS NULL`.execute(db);
  await sql`DROP INDEX runs_job_status`.execute(db);
  await sql`DROP INDEX runs_live`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
