import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The jobs list sorted by last run (`sort=-last_run`) looked up each job's highest run id to sort
 * all jobs: one index descent per job, 60-150 ms at 10,000 jobs. The job now carries that id,
 * written when its runs are created (run-queries.ts, schedule-queries.ts), and the order is read
 * from an index. 0 means "never run", so such jobs sort as oldest, as before.
 *
 * Retention deletes old runs without touching it: a job whose newest runs were all pruned keeps
 * pointing at a deleted id. The order stays right (that was still its last run), only the id no
 * longer resolves; the list reads the run itself separately.
 */
async function up(db: Kysely<unknown>) {
  await sql`ALTER TABLE jobs ADD COLUMN last_run_id BIGINT NOT NULL DEFAULT 0`.execute(db);
  await sql`
    UPDATE jobs SET last_run_id = coalesce((SELECT max(r.id) FROM runs r WHERE r.job_id = jobs.id), 0)`.execute(db);
  // Newest first with ties (never-run jobs) by id: the list's default direction and tie-break.
  await sql`CREATE INDEX jobs_last_run ON jobs (last_run_id DESC, id)`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
