import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Reliability settings of a job (attempts, backoff between them, timeout) and the history of a
 * run's attempts: a retried or rescued run keeps one row per try, so what happened before the
 * last attempt is never overwritten.
 */
function up(types: { time: string; bool: string; boolFalse: string; bigRef: string }) {
  return async (db: Kysely<unknown>) => {
    await sql`ALTER TABLE jobs ADD COLUMN max_attempts INTEGER NOT NULL DEFAULT 1`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN timeout_seconds INTEGER`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN retry_backoff_seconds INTEGER NOT NULL DEFAULT 10`.execute(db);
    await sql`ALTER TABLE jobs ADD COLUMN retry_backoff_max_seconds INTEGER NOT NULL DEFAULT 600`.execute(db);
    await sql
      .raw(`ALTER TABLE jobs ADD COLUMN retry_partial ${types.bool} NOT NULL DEFAULT ${types.boolFalse}`)
      .execute(db);
    // The primary key makes recording an attempt idempotent: a second writer changes nothing.
    await sql
      .raw(
        `CREATE TABLE run_attempts (
          run_id ${types.bigRef} NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          attempt INTEGER NOT NULL,
          worker_id TEXT,
          started_at ${types.time},
          finished_at ${types.time} NOT NULL,
          status TEXT NOT NULL,
          message TEXT,
          PRIMARY KEY (run_id, attempt)
        )`,
      )
      .execute(db);
  };
}

export const sqlite: Migration = {
  up: up({ time: 'INTEGER', bool: 'INTEGER', boolFalse: '0', bigRef: 'INTEGER' }),
};

export const postgres: Migration = {
  up: up({ time: 'BIGINT', bool: 'BOOLEAN', boolFalse: 'FALSE', bigRef: 'BIGINT' }),
};
