import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One index entry fewer when a run ends successfully. `runs_job_success (job_id, started_at)`
 * (0010) served only `since` (the start of a job's last successful top-level run) and the history
 * alerts' p95 input; both now walk `runs_job_ended (job_id, finished_at, status, parent_run_id)`
 * backwards, status and parent checked inside the index, so a run that did not succeed costs an
 * index entry read and no row (last-success-queries.ts). The drain's WAL per run on
 * PostgreSQL: ~1,342 → ~1,245 bytes (docs/performance.md "End-of-run indexes, wave 2 session 4").
 */
async function up(db: Kysely<unknown>) {
  await sql`DROP INDEX IF EXISTS runs_job_success`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
