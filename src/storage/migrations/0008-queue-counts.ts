import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Lets the queues screen count recently finished runs per queue and status from the index alone
 * (finished_at first, so a time window is one range), instead of grouping the whole runs table.
 * Live runs are already counted from the partial claim and live indexes.
 */
async function up(db: Kysely<unknown>) {
  await sql`CREATE INDEX runs_finished_queue ON runs (finished_at, queue, status) WHERE finished_at IS NOT NULL`.execute(
    db,
  );
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
