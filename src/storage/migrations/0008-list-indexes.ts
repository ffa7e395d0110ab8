import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for the admin lists, so their cost follows the page shown rather than the table size:
 * - the queues screen counts recently finished runs per queue and status from the index alone
 *   (finished_at first, so a time window is one range) instead of grouping the whole runs table;
 *   live runs are already counted from the partial claim and live indexes;
 * - the jobs list's default order (newest first) and its title order read the first page from an
 *   index instead of sorting every job (13 ms at 10,000 jobs on a loaded machine).
 */
async function up(db: Kysely<unknown>) {
  await sql`CREATE INDEX runs_finished_queue ON runs (finished_at, queue, status) WHERE finished_at IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX jobs_created ON jobs (created_at DESC, id)`.execute(db);
  await sql`CREATE INDEX jobs_title ON jobs (title, id)`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
