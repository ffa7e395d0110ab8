import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Worker processes (the Workers page): one row per process, written by the process itself at
 * start, then once per heartbeat interval (one UPDATE, not one per run), and at a clean stop.
 * `ended` says how it ended: 'stopped' (its own stop) or 'died' (maintenance saw its heartbeat
 * expire). Ended rows are kept a day for the page, then pruned by maintenance.
 *
 * The Tasks page's outcomes and duration percentiles read a task's last N finished runs through
 * `runs_task_finished (task, finished_at, status)`, made by migration 0018 for the task charts.
 */
async function up(db: Kysely<unknown>) {
  await sql`
    CREATE TABLE workers (
      id TEXT PRIMARY KEY,
      host TEXT NOT NULL,
      pid INTEGER NOT NULL,
      version TEXT NOT NULL,
      queues TEXT NOT NULL,
      concurrency INTEGER NOT NULL,
      busy INTEGER NOT NULL DEFAULT 0,
      started_at BIGINT NOT NULL,
      heartbeat_at BIGINT NOT NULL,
      ended_at BIGINT,
      ended TEXT
    )`.execute(db);
  await sql`CREATE INDEX workers_heartbeat ON workers (heartbeat_at)`.execute(db);
}

export const sqlite: Migration = { up };

export const postgres: Migration = { up };
